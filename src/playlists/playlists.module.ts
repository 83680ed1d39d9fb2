import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { PlaylistCoversController } from './playlist-covers.controller';
import { PlaylistPresenter } from './playlist.presenter';
import { PlaylistsController } from './playlists.controller';
import { PlaylistsService } from './playlists.service';

@Module({
  imports: [CatalogModule],
  controllers: [PlaylistsController, PlaylistCoversController],
  providers: [PlaylistsService, PlaylistPresenter],
  exports: [PlaylistsService],
})
export class PlaylistsModule {}

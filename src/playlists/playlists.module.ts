import { Global, Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { PlaylistSearch } from '../catalog/playlist-search';
import { PlaylistSearchService } from './playlist-search.service';
import { PlaylistCoversController } from './playlist-covers.controller';
import { PlaylistPresenter } from './playlist.presenter';
import { PlaylistsController } from './playlists.controller';
import { PlaylistsService } from './playlists.service';

/** Global only so that catalog search can find PlaylistSearch without importing this module, which imports the catalog. */
@Global()
@Module({
  imports: [CatalogModule],
  controllers: [PlaylistsController, PlaylistCoversController],
  providers: [PlaylistsService, PlaylistPresenter, { provide: PlaylistSearch, useClass: PlaylistSearchService }],
  exports: [PlaylistsService, PlaylistSearch],
})
export class PlaylistsModule {}

import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { FollowsController } from './follows.controller';
import { FollowsService } from './follows.service';
import { PlaylistsModule } from '../playlists/playlists.module';
import { LibraryItemsController } from './library-items.controller';
import { LibraryItemsService } from './library-items.service';
import { LibraryController } from './library.controller';
import { LibraryService } from './library.service';
import { TopItemsController } from './top-items.controller';
import { TopItemsService } from './top-items.service';

@Module({
  imports: [CatalogModule, PlaylistsModule],
  controllers: [LibraryController, LibraryItemsController, FollowsController, TopItemsController],
  providers: [LibraryService, LibraryItemsService, FollowsService, TopItemsService],
  exports: [LibraryService, LibraryItemsService, FollowsService],
})
export class LibraryModule {}

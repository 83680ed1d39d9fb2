import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { FollowsController } from './follows.controller';
import { FollowsService } from './follows.service';
import { LibraryController } from './library.controller';
import { LibraryService } from './library.service';
import { TopItemsController } from './top-items.controller';
import { TopItemsService } from './top-items.service';

@Module({
  imports: [CatalogModule],
  controllers: [LibraryController, FollowsController, TopItemsController],
  providers: [LibraryService, FollowsService, TopItemsService],
})
export class LibraryModule {}

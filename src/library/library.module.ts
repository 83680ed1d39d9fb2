import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { FollowsController } from './follows.controller';
import { FollowsService } from './follows.service';
import { LibraryController } from './library.controller';
import { LibraryService } from './library.service';

@Module({
  imports: [CatalogModule],
  controllers: [LibraryController, FollowsController],
  providers: [LibraryService, FollowsService],
})
export class LibraryModule {}

import { Module } from '@nestjs/common';
import { AlbumsService } from './albums.service';
import { ArtistsService } from './artists.service';
import { BrowseController } from './browse.controller';
import { BrowseService } from './browse.service';
import { CatalogController } from './catalog.controller';
import { CatalogPresenter } from './catalog.presenter';
import { CatalogReader } from './catalog.reader';
import { SearchService } from './search.service';
import { TracksService } from './tracks.service';

@Module({
  controllers: [CatalogController, BrowseController],
  providers: [CatalogReader, CatalogPresenter, TracksService, AlbumsService, ArtistsService, SearchService, BrowseService],
  exports: [CatalogReader, CatalogPresenter, TracksService, AlbumsService, ArtistsService, SearchService, BrowseService],
})
export class CatalogModule {}

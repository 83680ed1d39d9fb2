import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Scopes } from '../common/auth/auth.decorators';
import type { Principal } from '../common/auth/principal';
import { InvalidInputError } from '../common/errors/domain-errors';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { BrowseService } from './browse.service';
import {
  CategoriesDto,
  CategoryDto,
  GenreSeedsDto,
  MarketsDto,
  NewReleasesDto,
  SearchResultsDto,
} from './dto/catalog-objects.dto';
import { CategoriesQueryDto, LocaleQueryDto, NewReleasesQueryDto, SearchQueryDto } from './dto/catalog-queries.dto';
import { resolveMarket } from './market';
import { SEARCH_TYPES } from './search-query';
import { SearchService } from './search.service';

const CATEGORY_ID = /^[a-z0-9_-]{1,64}$/;

/** Search and browse. Any valid token will do. */
@ApiBadRequestResponse({ description: 'A malformed parameter.', type: ErrorResponseDto })
@Scopes()
@Controller('v1')
export class BrowseController {
  constructor(
    private readonly search: SearchService,
    private readonly browse: BrowseService,
  ) {}

  @ApiTags('Search')
  @ApiOperation({ operationId: 'searchCatalog', summary: 'Search the catalog' })
  @ApiQuery({
    name: 'type',
    required: true,
    description: `Comma-separated types to search: ${SEARCH_TYPES.join(', ')}.`,
    schema: { type: 'string', example: 'track,artist' },
  })
  @Get('search')
  searchCatalog(@Query() query: SearchQueryDto, @CurrentPrincipal() p: Principal): Promise<SearchResultsDto> {
    return this.search.search({
      q: query.q,
      types: [...new Set(query.type)],
      market: resolveMarket(query.market, p),
      limit: query.limit,
      offset: query.offset,
    });
  }

  @ApiTags('Browse')
  @ApiOperation({ operationId: 'getNewReleases', summary: 'Get new releases' })
  @Get('browse/new-releases')
  async getNewReleases(@Query() query: NewReleasesQueryDto): Promise<NewReleasesDto> {
    return { albums: await this.browse.newReleases(query) };
  }

  @ApiTags('Browse')
  @ApiOperation({ operationId: 'getCategories', summary: 'Get browse categories' })
  @Get('browse/categories')
  async getCategories(@Query() query: CategoriesQueryDto): Promise<CategoriesDto> {
    return { categories: await this.browse.categories(query, query.locale) };
  }

  @ApiTags('Browse')
  @ApiOperation({ operationId: 'getCategory', summary: 'Get a browse category' })
  @ApiNotFoundResponse({ description: 'No category has this id.', type: ErrorResponseDto })
  @Get('browse/categories/:id')
  getCategory(@Param('id') id: string, @Query() query: LocaleQueryDto): Promise<CategoryDto> {
    if (!CATEGORY_ID.test(id)) throw new InvalidInputError('Invalid category id', 'INVALID_ID');
    return this.browse.getCategory(id, query.locale);
  }

  @ApiTags('Markets')
  @ApiOperation({ operationId: 'getMarkets', summary: 'Get available markets' })
  @Get('markets')
  getMarkets(): MarketsDto {
    return { markets: this.browse.markets() };
  }

  @ApiTags('Genres')
  @ApiOperation({ operationId: 'getGenreSeeds', summary: 'Get available genre seeds' })
  @Get('recommendations/available-genre-seeds')
  async getGenreSeeds(): Promise<GenreSeedsDto> {
    return { genres: await this.browse.genreSeeds() };
  }
}

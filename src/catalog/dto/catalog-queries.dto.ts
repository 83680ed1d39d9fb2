import { applyDecorators } from '@nestjs/common';
import { ApiHideProperty, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CommaList, IntegerParam, MarketQueryDto, PagingQueryDto } from '../../common/dto/query-params.dto';
import { ALBUM_GROUPS, AlbumGroup } from '../artists.service';
import { SEARCH_TYPES, SearchType } from '../search-query';

export class SearchQueryDto extends MarketQueryDto {
  /**
   * What to look for. Free words match names, artists and albums; filters narrow it:
   * `artist:`, `album:`, `track:`, `genre:`, `year:1995` or `year:1990-1999`,
   * `isrc:`, `upc:`, `tag:new` (albums from the last two weeks), `tag:hipster`
   * (the least popular 10%). Quote multi-word values: `artist:"The Static Owls"`.
   */
  @IsString()
  @MinLength(1, { message: 'q must not be empty' })
  @MaxLength(250, { message: 'q must be at most 250 characters' })
  q: string;

  /** Comma-separated types to search: album, artist, playlist, track, show, episode, audiobook. */
  @ApiHideProperty() // documented by @ApiQuery on the handler: a comma-separated string on the wire
  @CommaList('type', { allowed: SEARCH_TYPES })
  type: SearchType[];

  /** Results per type, 0 to 50. */
  @IntegerParam('limit', 0, 50)
  limit: number = 20;

  /** Index of the first result, at most 1000. */
  @IntegerParam('offset', 0, 1000)
  offset: number = 0;

  /** Accepted for compatibility; Backbeat has no externally hosted audio. */
  @IsOptional()
  @IsIn(['audio'])
  include_external?: 'audio';
}

export class ArtistAlbumsQueryDto extends PagingQueryDto {
  /** Comma-separated groups to include: album, single, appears_on, compilation. All when left out. */
  @ApiHideProperty() // documented by @ApiQuery on the handler: a comma-separated string on the wire
  @IsOptional()
  @CommaList('include_groups', { allowed: ALBUM_GROUPS })
  include_groups?: AlbumGroup[];
}

const LOCALE = /^[a-z]{2}(_[A-Z]{2})?$/;
const IsLocale = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ required: false, pattern: LOCALE.source }),
    IsOptional(),
    Matches(LOCALE, { message: 'locale must look like es_MX or de' }),
  );

export class LocaleQueryDto {
  /** Language and country for category names, such as `es_MX` or `sv_SE`. English when left out. */
  @IsLocale()
  locale?: string;
}

export class CategoriesQueryDto extends PagingQueryDto {
  /** Language and country for category names, such as `es_MX` or `sv_SE`. English when left out. */
  @IsLocale()
  locale?: string;
}

export class NewReleasesQueryDto extends PagingQueryDto {}

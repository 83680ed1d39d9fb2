import { ApiHideProperty, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CommaList, MarketQueryDto, PagingQueryDto } from '../../common/dto/query-params.dto';
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
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(0, { message: 'limit must not be negative' })
  @Max(50, { message: 'limit must be at most 50' })
  @ApiProperty({ required: false, type: 'integer' })
  limit: number = 20;

  /** Index of the first result, at most 1000. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be an integer' })
  @Min(0, { message: 'offset must not be negative' })
  @Max(1000, { message: 'offset must be at most 1000' })
  @ApiProperty({ required: false, type: 'integer' })
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

export class LocaleQueryDto {
  /** Language and country for category names, such as `es_MX` or `sv_SE`. English when left out. */
  @IsOptional()
  @Matches(/^[a-z]{2}(_[A-Z]{2})?$/, { message: 'locale must look like es_MX or de' })
  locale?: string;
}

export class CategoriesQueryDto extends PagingQueryDto {
  /** Language and country for category names, such as `es_MX` or `sv_SE`. English when left out. */
  @IsOptional()
  @Matches(/^[a-z]{2}(_[A-Z]{2})?$/, { message: 'locale must look like es_MX or de' })
  locale?: string;
}

export class NewReleasesQueryDto extends PagingQueryDto {}

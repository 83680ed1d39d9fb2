import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { CommaList, IntegerParam } from '../../common/dto/query-params.dto';
import { ID_PATTERN } from '../../common/ids';
import { ExternalUrlsDto, FollowersDto, ImageDto, PagingDto } from '../../common/dto/common-objects.dto';
import { AlbumDto, ArtistDto, TrackDto } from '../../catalog/dto/catalog-objects.dto';

export class PublicUserDto {
  /** The name the listener shows; may be null. */
  display_name: string | null;
  @ApiProperty({ type: ExternalUrlsDto })
  external_urls: ExternalUrlsDto;
  @ApiProperty({ type: FollowersDto })
  followers: FollowersDto;
  href: string;
  id: string;
  @ApiProperty({ type: [ImageDto] })
  images: ImageDto[];
  /** Always `user`. */
  type: string;
  uri: string;
}

export class ExplicitContentDto {
  /** Whether explicit tracks should be filtered out for this listener. */
  filter_enabled: boolean;
  /** Whether the listener may change that setting. */
  filter_locked: boolean;
}

export class CurrentUserDto extends PublicUserDto {
  /** ISO 3166-1 alpha-2; with `user-read-private`. */
  country?: string;
  /** With `user-read-email`. */
  email?: string;
  /** With `user-read-private`. */
  explicit_content?: ExplicitContentDto;
  /** `premium` or `free`; with `user-read-private`. */
  product?: string;
}

export class SavedTrackDto {
  /** When it was saved, ISO 8601. */
  added_at: string;
  @ApiProperty({ type: TrackDto })
  track: TrackDto;
}

export class PagingSavedTrackDto extends PagingDto {
  items: SavedTrackDto[];
}

export class SavedAlbumDto {
  /** When it was saved, ISO 8601. */
  added_at: string;
  @ApiProperty({ type: AlbumDto })
  album: AlbumDto;
}

export class PagingSavedAlbumDto extends PagingDto {
  items: SavedAlbumDto[];
}

const IDS = { max: 50, pattern: ID_PATTERN };

/** Ids travel in the query (comma-separated) or in a JSON body, as Spotify accepts both. */
export class OptionalIdsQueryDto {
  /** Comma-separated ids, at most 50; or send them in the body. */
  @IsOptional()
  @CommaList('ids', IDS)
  @ApiProperty({ type: 'string', required: false, example: '4uLU6hMCjMI75M1A2tKUQC,1301WleyT98MSxVHPZCA6M' })
  ids?: string[];
}

export class IdsBodyDto {
  /** Ids, at most 50. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'ids must name at least one item' })
  @ArrayMaxSize(50, { message: 'ids names at most 50 items' })
  @Matches(ID_PATTERN, { each: true, message: 'ids must be 22-character base62 ids' })
  ids?: string[];
}

const FOLLOW_TYPES = ['artist', 'user'] as const;
/** Artist ids (base62) and user ids both fit this; the service checks they exist. */
const FOLLOW_ID = /^[A-Za-z0-9._-]{1,64}$/;

export class FollowQueryDto {
  @ApiProperty({ enum: FOLLOW_TYPES })
  @IsIn(FOLLOW_TYPES, { message: 'type must be artist or user' })
  type: (typeof FOLLOW_TYPES)[number];

  /** Comma-separated artist or user ids, at most 50; or send them in the body. */
  @IsOptional()
  @CommaList('ids', { max: 50, pattern: FOLLOW_ID })
  @ApiProperty({ type: 'string', required: false })
  ids?: string[];
}

export class FollowContainsQueryDto extends FollowQueryDto {
  /** Comma-separated artist or user ids, at most 50. */
  @CommaList('ids', { max: 50, pattern: FOLLOW_ID })
  @ApiProperty({ type: 'string' })
  declare ids: string[];
}

export class FollowBodyDto {
  /** Artist or user ids, at most 50. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'ids must name at least one item' })
  @ArrayMaxSize(50, { message: 'ids names at most 50 items' })
  @Matches(FOLLOW_ID, { each: true, message: 'ids must be artist or user ids' })
  ids?: string[];
}

export class FollowedArtistsQueryDto {
  /** Only `artist`: followed listeners are not listed. */
  @ApiProperty({ enum: ['artist'] })
  @IsIn(['artist'], { message: 'type must be artist' })
  type: 'artist';

  /** The last artist id of the previous page. */
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'after must be an artist id' })
  after?: string;

  /** How many artists to return, 1 to 50. */
  @IntegerParam('limit', 1, 50)
  limit: number = 20;
}

export class CursorsAfterDto {
  /** The last id on this page: pass it as `after` for the next. */
  after: string | null;
}

export class CursorPagingArtistDto {
  href: string;
  @ApiProperty({ type: [ArtistDto] })
  items: ArtistDto[];
  limit: number;
  next: string | null;
  cursors: CursorsAfterDto;
  total: number;
}

export class FollowedArtistsDto {
  artists: CursorPagingArtistDto;
}

import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, Matches } from 'class-validator';
import { CommaList } from '../../common/dto/query-params.dto';
import { ID_PATTERN } from '../../common/ids';
import { ExternalUrlsDto, FollowersDto, ImageDto, PagingDto } from '../../common/dto/common-objects.dto';
import { AlbumDto, TrackDto } from '../../catalog/dto/catalog-objects.dto';

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

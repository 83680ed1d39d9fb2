import { applyDecorators } from '@nestjs/common';
import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { CommaList, IntegerParam, MarketQueryDto } from '../../common/dto/query-params.dto';
import { MAX_ITEMS_PER_REQUEST, MAX_PLAYLIST_ITEMS } from '../playlist-limits';

const MAX_NAME = 100;
const MAX_DESCRIPTION = 300;
/** A track URI in Backbeat's scheme or Spotify's; the service checks the track exists. */
const TRACK_URI = /^[a-z]+:track:[0-9A-Za-z]{22}$/;
const SNAPSHOT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const trackUris = () => Matches(TRACK_URI, { each: true, message: 'uris must be track URIs' });

/** Optional comma-separated track URIs in the query, at most 100. */
const QueryTrackUris = () => applyDecorators(IsOptional(), CommaList('uris', { max: MAX_ITEMS_PER_REQUEST }), trackUris());

/** An optional JSON array of at most 100 values (and at least one unless `allowEmpty`), each also checked by `each`. */
function BodyList(name: string, options: { allowEmpty?: boolean }, ...each: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    IsArray({ message: `${name} must be an array` }),
    ...(options.allowEmpty ? [] : [ArrayMinSize(1, { message: `${name} must name at least one item` })]),
    ArrayMaxSize(MAX_ITEMS_PER_REQUEST, { message: `${name} names at most ${MAX_ITEMS_PER_REQUEST} items` }),
    ...each,
  );
}

export class CreatePlaylistDto {
  /** Need not be unique among the listener's playlists. */
  @IsString({ message: 'name must be a string' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(MAX_NAME, { message: `name is at most ${MAX_NAME} characters` })
  name: string;

  /** Whether it shows on the owner's profile and anyone may read it; true when creating without it. */
  @IsOptional()
  @IsBoolean({ message: 'public must be true or false' })
  public?: boolean;

  /** Whether collaborators may change its items; false when creating without it. Never with public. */
  @IsOptional()
  @IsBoolean({ message: 'collaborative must be true or false' })
  collaborative?: boolean;

  @IsOptional()
  @IsString({ message: 'description must be a string' })
  @MaxLength(MAX_DESCRIPTION, { message: `description is at most ${MAX_DESCRIPTION} characters` })
  description?: string;
}

/** Only the fields sent change. */
export class ChangePlaylistDto extends PartialType(CreatePlaylistDto) {}

export class PlaylistQueryDto extends MarketQueryDto {
  /**
   * Which fields to return, e.g. `name,items.items(added_at,item(name,album(name)))`: dots
   * reach into objects, parentheses list the fields of each element or nested object, and
   * `!` leaves a field out. Everything is returned without it.
   */
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'fields is at most 1000 characters' })
  fields?: string;

  /** Accepted for compatibility: Backbeat playlists hold tracks only. */
  @IsOptional()
  @CommaList('additional_types', { allowed: ['track', 'episode'] })
  @ApiProperty({ type: 'string', required: false })
  additional_types?: string[];
}

export class PlaylistItemsQueryDto extends PlaylistQueryDto {
  /** How many items to return, 1 to 100. */
  @IntegerParam('limit', 1, 100)
  limit: number = 100;

  /** Index of the first item to return. */
  @IntegerParam('offset', 0, MAX_PLAYLIST_ITEMS)
  offset: number = 0;
}

export class PlaylistsPageQueryDto {
  /** How many playlists to return, 1 to 50. */
  @IntegerParam('limit', 1, 50)
  limit: number = 20;

  /** Index of the first playlist to return. */
  @IntegerParam('offset', 0, 100_000)
  offset: number = 0;
}

export class AddItemsQueryDto {
  /** Comma-separated track URIs, at most 100; or send them in the body. */
  @QueryTrackUris()
  @ApiProperty({ type: 'string', required: false, example: 'backbeat:track:4uLU6hMCjMI75M1A2tKUQC' })
  uris?: string[];

  /** Zero-based index to insert at; the items are appended without it. */
  @IntegerParam('position', 0, MAX_PLAYLIST_ITEMS)
  position?: number;
}

export class AddItemsBodyDto {
  /** Track URIs, at most 100, added in this order. Ignored when the query has `uris`. */
  @BodyList('uris', {}, trackUris())
  uris?: string[];

  /** Zero-based index to insert at; the items are appended without it. */
  @IsOptional()
  @IsInt({ message: 'position must be an integer' })
  @Min(0, { message: 'position must not be negative' })
  @Max(MAX_PLAYLIST_ITEMS, { message: `position must be at most ${MAX_PLAYLIST_ITEMS}` })
  position?: number;
}

export class ReplaceItemsQueryDto {
  /** Comma-separated track URIs, at most 100, that become the whole playlist; or send them in the body. */
  @QueryTrackUris()
  @ApiProperty({ type: 'string', required: false })
  uris?: string[];
}

/** Either `uris` (replace every item) or `range_start` and `insert_before` (move a range). */
export class UpdateItemsBodyDto {
  /** Track URIs, at most 100, that become the whole playlist; an empty list clears it. */
  @BodyList('uris', { allowEmpty: true }, trackUris())
  uris?: string[];

  /** Index of the first item to move. */
  @IsOptional()
  @IsInt({ message: 'range_start must be an integer' })
  @Min(0, { message: 'range_start must not be negative' })
  range_start?: number;

  /** Index the range moves in front of, counted before the move; the item count moves it to the end. */
  @IsOptional()
  @IsInt({ message: 'insert_before must be an integer' })
  @Min(0, { message: 'insert_before must not be negative' })
  insert_before?: number;

  /** How many items to move; default 1. */
  @IsOptional()
  @IsInt({ message: 'range_length must be an integer' })
  @Min(1, { message: 'range_length must be at least 1' })
  range_length?: number;

  /** The version the indexes refer to; a move against an older version is refused with 409. */
  @IsOptional()
  @Matches(SNAPSHOT_ID, { message: 'snapshot_id is not a snapshot id' })
  snapshot_id?: string;
}

export class ItemToRemoveDto {
  /** A track URI; every occurrence is removed unless `positions` narrows it. */
  @Matches(TRACK_URI, { message: 'uri must be a track URI' })
  uri: string;

  /** Zero-based indexes of the occurrences to remove; each must hold this track. */
  @BodyList('positions', {}, IsInt({ each: true, message: 'positions must be integers' }), Min(0, { each: true, message: 'positions must not be negative' }))
  positions?: number[];
}

export class RemoveItemsBodyDto {
  /** What to remove, at most 100 entries. */
  @BodyList('items', {}, ValidateNested({ each: true }), Type(() => ItemToRemoveDto))
  items?: ItemToRemoveDto[];

  /** The same list under the name older clients send. */
  @BodyList('tracks', {}, ValidateNested({ each: true }), Type(() => ItemToRemoveDto))
  @ApiProperty({ type: [ItemToRemoveDto], required: false, deprecated: true })
  tracks?: ItemToRemoveDto[];

  /** The version that `positions` refer to; positions are checked against the current items either way. */
  @IsOptional()
  @Matches(SNAPSHOT_ID, { message: 'snapshot_id is not a snapshot id' })
  snapshot_id?: string;
}

export class FollowPlaylistDto {
  /** Default true: whether the follow shows on the listener's profile. */
  @IsOptional()
  @IsBoolean({ message: 'public must be true or false' })
  public?: boolean;
}

export class FollowersContainsQueryDto {
  /** The caller's own user id (at most one id); other listeners' follows are private. */
  @IsOptional()
  @CommaList('ids', { max: 1, pattern: /^[A-Za-z0-9._-]{1,64}$/ })
  @ApiProperty({ type: 'string', required: false })
  ids?: string[];
}

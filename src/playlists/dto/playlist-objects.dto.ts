import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ExternalUrlsDto, FollowersDto, ImageDto, PagingDto } from '../../common/dto/common-objects.dto';
import { TrackDto } from '../../catalog/dto/catalog-objects.dto';

// Types from other files are named in @ApiProperty (see catalog-objects.dto.ts for why); TrackDto
// lazily, as catalog search results import these playlist objects back.

/** A listener as a playlist shows them: its owner, or who added an item. */
export class PlaylistUserDto {
  @ApiProperty({ type: ExternalUrlsDto })
  external_urls: ExternalUrlsDto;
  href: string;
  id: string;
  /** Always `user`. */
  type: 'user';
  uri: string;
}

export class PlaylistOwnerDto extends PlaylistUserDto {
  /** The owner's display name; may be null. */
  display_name: string | null;
}

/** Where a playlist's items are listed, and how many there are. */
export class PlaylistItemsRefDto {
  /** `GET` this URL for the items. */
  href: string;
  total: number;
}

/** One entry of a playlist. */
export class PlaylistItemDto {
  /** When the item was added, ISO 8601. */
  added_at: string;
  /** Who added it; null when that listener's account is gone. */
  @ApiProperty({ type: PlaylistUserDto, nullable: true })
  added_by: PlaylistUserDto | null;
  /** Always false: Backbeat playlists hold catalog tracks only. */
  is_local: boolean;
  @ApiProperty({ type: () => TrackDto })
  item: TrackDto;
  /** The same object as `item`, under the name older clients read. */
  @ApiProperty({ type: () => TrackDto, deprecated: true })
  track: TrackDto;
}

export class PagingPlaylistItemDto extends PagingDto {
  items: PlaylistItemDto[];
}

/** Fields every playlist object carries. */
export class PlaylistBaseDto {
  /** Whether collaborators (listeners who follow it) may change it. Collaborative playlists are never public. */
  collaborative: boolean;
  /** Plain text; null when the owner has not written one. */
  description: string | null;
  @ApiProperty({ type: ExternalUrlsDto })
  external_urls: ExternalUrlsDto;
  href: string;
  id: string;
  /** The uploaded cover, or none; at most one image. */
  @ApiProperty({ type: [ImageDto] })
  images: ImageDto[];
  name: string;
  owner: PlaylistOwnerDto;
  /** True when it shows on the owner's profile and anyone may read it. */
  public: boolean;
  /** Names this version of the playlist; every change yields a new one. */
  snapshot_id: string;
  /** Always `playlist`. */
  type: 'playlist';
  uri: string;
}

/** A playlist in a list: a link to its items instead of the items. */
export class SimplifiedPlaylistDto extends PlaylistBaseDto {
  items: PlaylistItemsRefDto;
  /** The same as `items`, under the name older clients read. */
  @ApiProperty({ type: PlaylistItemsRefDto, deprecated: true })
  tracks: PlaylistItemsRefDto;
}

/** A playlist with its first page (up to 100) of items. */
export class PlaylistDto extends PlaylistBaseDto {
  @ApiProperty({ type: FollowersDto })
  followers: FollowersDto;
  items: PagingPlaylistItemDto;
  /** The same page as `items`, under the name older clients read. */
  @ApiProperty({ allOf: [{ $ref: getSchemaPath(PagingPlaylistItemDto) }], deprecated: true })
  tracks: PagingPlaylistItemDto;
}

export class PagingSimplifiedPlaylistDto extends PagingDto {
  items: SimplifiedPlaylistDto[];
}

export class SnapshotIdDto {
  /** The playlist's version after the change: pass it with later changes that name positions. */
  snapshot_id: string;
}

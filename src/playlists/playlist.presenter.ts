import { Inject, Injectable } from '@nestjs/common';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';
import type { ImageDto } from '../common/dto/common-objects.dto';
import { Page, UrlBuilder } from '../common/http/url-builder';
import type { TrackDto } from '../catalog/dto/catalog-objects.dto';
import type { PagingPlaylistItemDto, PlaylistDto, PlaylistItemDto, PlaylistOwnerDto, PlaylistUserDto, SimplifiedPlaylistDto } from './dto/playlist-objects.dto';
import { snapshotId } from './snapshot-id';

/** A playlist row with what its wire object shows (owner name, cover). */
export interface PlaylistRow {
  id: string;
  owner_id: string;
  owner_name: string | null;
  name: string;
  description: string | null;
  public: boolean;
  collaborative: boolean;
  version: number;
  item_count: number;
  cover_digest: string | null;
  cover_width: number | null;
  cover_height: number | null;
}

/** The columns a PlaylistRow needs; `p` is playlists. */
export const PLAYLIST_COLUMNS = `p.id, p.owner_id, u.display_name AS owner_name, p.name, p.description, p.public, p.collaborative,
  p.version, p.item_count, c.digest AS cover_digest, c.width AS cover_width, c.height AS cover_height`;
/** The joins PLAYLIST_COLUMNS reads from. */
export const PLAYLIST_JOINS = `JOIN users u ON u.id = p.owner_id LEFT JOIN playlist_images c ON c.playlist_id = p.id`;

export interface ItemRow {
  track_id: string;
  added_at: Date;
  added_by: string | null;
}

const trackJson = new WeakMap<TrackDto, string>();

/** A track's JSON, made once per track object (the catalog keeps track objects for a while). */
function jsonOfTrack(track: TrackDto): string {
  let json = trackJson.get(track);
  if (json === undefined) {
    json = JSON.stringify(track);
    trackJson.set(track, json);
  }
  return json;
}

/**
 * The JSON of a page of items, the same as JSON.stringify's but with each track serialized once,
 * though it appears twice (`item`, and `track` for older clients) and on many pages: tracks are
 * nearly all of a page's bytes.
 */
export function itemsPageJson(page: Page<PlaylistItemDto>): string {
  const items = page.items.map(({ item, track: _sameAsItem, ...entry }) => {
    const track = jsonOfTrack(item);
    return `${JSON.stringify(entry).slice(0, -1)},"item":${track},"track":${track}}`;
  });
  return `${JSON.stringify({ ...page, items: undefined }).slice(0, -1)},"items":[${items.join(',')}]}`;
}

/** Builds playlist wire objects. */
@Injectable()
export class PlaylistPresenter {
  private readonly publicUrl: string;

  constructor(
    private readonly urls: UrlBuilder,
    @Inject(ENV) env: Pick<Env, 'PUBLIC_URL'>,
  ) {
    this.publicUrl = env.PUBLIC_URL;
  }

  simplified(row: PlaylistRow): SimplifiedPlaylistDto {
    const items = { href: this.urls.api(`/playlists/${row.id}/items`), total: row.item_count };
    return { ...this.base(row), items, tracks: items };
  }

  full(row: PlaylistRow, items: PagingPlaylistItemDto, followers: number): PlaylistDto {
    return { ...this.base(row), followers: { href: null, total: followers }, items, tracks: items };
  }

  item(row: ItemRow, track: TrackDto): PlaylistItemDto {
    return { added_at: row.added_at.toISOString(), added_by: row.added_by ? this.user(row.added_by) : null, is_local: false, item: track, track };
  }

  images(row: Pick<PlaylistRow, 'cover_digest' | 'cover_width' | 'cover_height'>): ImageDto[] {
    if (!row.cover_digest) return [];
    return [{ url: `${this.publicUrl}/images/playlist-covers/${row.cover_digest}.jpg`, width: row.cover_width, height: row.cover_height }];
  }

  private user(id: string): PlaylistUserDto {
    return { external_urls: this.urls.externalUrls('user', id), href: this.urls.href('user', id), id, type: 'user', uri: this.urls.uri('user', id) };
  }

  private base(row: PlaylistRow) {
    const owner: PlaylistOwnerDto = { ...this.user(row.owner_id), display_name: row.owner_name };
    return {
      collaborative: row.collaborative,
      description: row.description,
      external_urls: this.urls.externalUrls('playlist', row.id),
      href: this.urls.href('playlist', row.id),
      id: row.id,
      images: this.images(row),
      name: row.name,
      owner,
      public: row.public,
      snapshot_id: snapshotId(row.id, row.version),
      type: 'playlist' as const,
      uri: this.urls.uri('playlist', row.id),
    };
  }
}

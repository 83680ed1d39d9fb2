import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Listener } from '../common/auth/principal';
import { NotFoundError } from '../common/errors/domain-errors';
import { Page, UrlBuilder } from '../common/http/url-builder';
import { CatalogReader } from '../catalog/catalog.reader';
import { AlbumsService } from '../catalog/albums.service';
import { TracksService } from '../catalog/tracks.service';
import { UserEntity } from '../oauth/entities/user.entity';
import { FollowsService } from './follows.service';
import type { CurrentUserDto, PublicUserDto } from './dto/library.dto';

export type SavedKind = 'track' | 'album';
/** Where each kind of saved item lives (fixed names, never from input). */
const SAVED = { track: { table: 'saved_tracks', column: 'track_id' }, album: { table: 'saved_albums', column: 'album_id' } } as const;

/** Listeners' profiles and their libraries. */
@Injectable()
export class LibraryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: CatalogReader,
    private readonly tracks: TracksService,
    private readonly albums: AlbumsService,
    private readonly urls: UrlBuilder,
    private readonly follows: FollowsService,
  ) {}

  async publicProfile(userId: string): Promise<PublicUserDto> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw new NotFoundError('No such user', 'USER_NOT_FOUND');
    return this.present(user, await this.follows.followerCount(user.id));
  }

  /** The caller's own profile; private fields only with the scopes that grant them. */
  async currentProfile(principal: Listener): Promise<CurrentUserDto> {
    const user = await this.db.getRepository(UserEntity).findOneByOrFail({ id: principal.userId });
    return {
      ...(principal.scopes.has('user-read-private')
        ? { country: user.country, product: user.product, explicit_content: { filter_enabled: false, filter_locked: false } }
        : {}),
      ...this.present(user, await this.follows.followerCount(user.id)),
      ...(principal.scopes.has('user-read-email') ? { email: user.email } : {}),
    };
  }

  /** A page of the listener's saved tracks or albums, newest first. */
  async saved(kind: SavedKind, userId: string, page: { limit: number; offset: number }, market: string | null): Promise<Page<object>> {
    const { table, column } = SAVED[kind];
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<{ id: string; added_at: Date }[]>(`SELECT ${column} AS id, added_at FROM ${table} WHERE user_id = $1 ORDER BY added_at DESC, ${column} LIMIT $2 OFFSET $3`, [userId, page.limit, page.offset]),
      this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM ${table} WHERE user_id = $1`, [userId]),
    ]);
    const ids = rows.map((r) => r.id);
    const objects = !ids.length ? [] : kind === 'track' ? await this.tracks.getTracks(ids, market) : await this.albums.getAlbums(ids, market);
    const items = rows.map((row, i) => ({ added_at: new Date(row.added_at).toISOString(), [kind]: objects[i] }));
    return this.urls.page(items, { path: `/me/${kind}s`, query: { market }, offset: page.offset, limit: page.limit, total });
  }

  /** Saves tracks or albums (already saved ones keep their date); every id must exist. */
  async save(kind: SavedKind, userId: string, ids: readonly string[]): Promise<void> {
    const unique = [...new Set(ids)];
    const rows = kind === 'track' ? await this.reader.tracksByIds(unique) : await this.reader.simplifiedAlbumsByIds(unique);
    const found = new Set(rows.map((r) => r.id));
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length) throw new NotFoundError(`No ${kind} with id ${missing.join(', ')}`, `${kind.toUpperCase()}_NOT_FOUND`);
    const { table, column } = SAVED[kind];
    await this.db.query(`INSERT INTO ${table} (user_id, ${column}, added_at) SELECT $1, unnest($2::varchar[]), now() ON CONFLICT DO NOTHING`, [userId, unique]);
  }

  async remove(kind: SavedKind, userId: string, ids: readonly string[]): Promise<void> {
    const { table, column } = SAVED[kind];
    await this.db.query(`DELETE FROM ${table} WHERE user_id = $1 AND ${column} = ANY($2)`, [userId, [...new Set(ids)]]);
  }

  async contains(kind: SavedKind, userId: string, ids: readonly string[]): Promise<boolean[]> {
    const { table, column } = SAVED[kind];
    const rows: { id: string }[] = await this.db.query(`SELECT ${column} AS id FROM ${table} WHERE user_id = $1 AND ${column} = ANY($2)`, [userId, [...ids]]);
    const saved = new Set(rows.map((r) => r.id));
    return ids.map((id) => saved.has(id));
  }

  private present(user: UserEntity, followers: number): PublicUserDto {
    return {
      display_name: user.displayName,
      external_urls: this.urls.externalUrls('user', user.id),
      followers: { href: null, total: followers },
      href: this.urls.href('user', user.id),
      id: user.id,
      images: [],
      type: 'user',
      uri: this.urls.uri('user', user.id),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { generateNKeysBetween } from 'fractional-indexing';
import { LRUCache } from 'lru-cache';
import { assertScopes } from '../common/auth/auth.guard';
import type { Listener, Principal } from '../common/auth/principal';
import { DomainError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { newId } from '../common/ids';
import { Page, UrlBuilder } from '../common/http/url-builder';
import { SqlRunner, Transaction } from '../database/sql-runner';
import { TracksService } from '../catalog/tracks.service';
import type { TrackDto } from '../catalog/dto/catalog-objects.dto';
import type { PlaylistDto, PlaylistItemDto, SimplifiedPlaylistDto } from './dto/playlist-objects.dto';
import { AccessFacts, assertCanChange, assertCanFollow, assertCanPlay, assertCanRead, modifyScope, playlistNotFound } from './playlist-access';
import { MAX_PLAYLIST_ITEMS } from './playlist-limits';
import { ItemRow, PLAYLIST_COLUMNS, PLAYLIST_JOINS, PlaylistPresenter, PlaylistRow } from './playlist.presenter';
import { snapshotId, snapshotVersion } from './snapshot-id';

/** Longest position key before the playlist's keys are renumbered (keys grow when inserts pile up in one gap). */
const MAX_KEY_LENGTH = 100;
const FIRST_PAGE = 100;
/** Item pages kept in memory (about 50 pages of 100), and for how long: track details can change. */
const PAGE_CACHE_ITEMS = 5_000;
const PAGE_CACHE_TTL_MS = 60_000;

/**
 * The position key of the item at an index: the offset is walked in the index alone (index-only),
 * and only the rows wanted are read, not every row before them.
 */
const positionAt = (playlistId: string, index: string) =>
  `(SELECT position FROM playlist_items WHERE playlist_id = ${playlistId} ORDER BY position OFFSET ${index} LIMIT 1)`;

/** A row of a page read: the playlist's count and version, and one item (all null when the page is empty). */
type PageRow = { item_count: number; version: number } & { [K in keyof ItemRow]: ItemRow[K] | null };

export interface NewPlaylist {
  name: string;
  public?: boolean;
  collaborative?: boolean;
  description?: string;
}

export interface Move {
  rangeStart: number;
  insertBefore: number;
  rangeLength: number;
  snapshotId?: string;
}

export interface Removal {
  uri: string;
  positions?: number[];
}

/**
 * Playlists and their items. Every change runs in one transaction that first locks the
 * playlist's row, so concurrent writers to one playlist take turns and each sees the last
 * one's items; readers never wait.
 */
@Injectable()
export class PlaylistsService {
  constructor(
    private readonly sql: SqlRunner,
    private readonly tracks: TracksService,
    private readonly presenter: PlaylistPresenter,
    private readonly urls: UrlBuilder,
  ) {}

  private readonly pages = new LRUCache<string, Page<PlaylistItemDto>>({ maxSize: PAGE_CACHE_ITEMS, sizeCalculation: (p) => p.items.length + 1, ttl: PAGE_CACHE_TTL_MS });

  async get(principal: Principal, id: string, market: string | null): Promise<PlaylistDto> {
    return this.full(await this.readable(principal, id), market);
  }

  /** The playlist without its items, for callers that page through them on their own (GraphQL). */
  async summary(principal: Principal, id: string): Promise<SimplifiedPlaylistDto> {
    return this.present(await this.readable(principal, id));
  }

  present(row: PlaylistRow): SimplifiedPlaylistDto {
    return this.presenter.simplified(row);
  }

  /** A page of the items of a playlist the caller was allowed to read (its row from `readable`). */
  async itemsOf(row: PlaylistRow, page: { limit: number; offset: number }, market: string | null): Promise<Page<PlaylistItemDto>> {
    return this.itemsPage(row, await this.itemRows(row.id, page), page, market);
  }

  async items(principal: Principal, id: string, page: { limit: number; offset: number }, market: string | null): Promise<Page<PlaylistItemDto>> {
    // The items are read while access is checked; a refused caller's rows are dropped unseen.
    const [row, read] = await Promise.all([this.readable(principal, id), this.itemRows(id, page)]);
    return this.itemsPage(row, read, page, market);
  }

  private async itemsPage(row: PlaylistRow, read: Awaited<ReturnType<PlaylistsService['itemRows']>>, page: { limit: number; offset: number }, market: string | null): Promise<Page<PlaylistItemDto>> {
    // A snapshot's pages never change, so they are kept by snapshot; tracks may, so not for long.
    const key = `${row.id}:${read.counts.version}:${page.offset}:${page.limit}:${market ?? ''}`;
    const cached = this.pages.get(key);
    if (cached) return cached;
    const built = await this.presentPage({ ...row, ...read.counts }, read.items, page, market);
    this.pages.set(key, built);
    return built;
  }

  /** The track ids of a playlist the caller may read, in order, for playing it as a context. */
  async trackIds(principal: Principal, id: string, limit: number): Promise<string[]> {
    const row = await this.row(id);
    assertCanPlay(principal, await this.facts(row, principal));
    const rows = await this.sql.query<{ track_id: string }>(`SELECT track_id FROM playlist_items WHERE playlist_id = $1 ORDER BY position LIMIT $2`, [id, limit]);
    return rows.map((r) => r.track_id);
  }

  async create(listener: Listener, input: NewPlaylist): Promise<PlaylistDto> {
    const isPublic = input.public ?? true;
    const collaborative = input.collaborative ?? false;
    if (collaborative && isPublic) throw new InvalidInputError('A collaborative playlist must not be public: send "public": false');
    assertScopes(listener, [modifyScope(isPublic)]);
    if (collaborative) assertScopes(listener, ['playlist-modify-public']);
    const id = newId();
    await this.sql.transaction(async (sql) => {
      await sql(`INSERT INTO playlists (id, owner_id, name, description, public, collaborative) VALUES ($1, $2, $3, $4, $5, $6)`, [
        id, listener.userId, input.name, input.description ?? null, isPublic, collaborative,
      ]);
      await sql(`INSERT INTO playlist_follows (user_id, playlist_id, public, followed_at) VALUES ($1, $2, $3, now())`, [listener.userId, id, isPublic]);
    });
    // The creator sees what they made, whatever read scopes the token has.
    return this.full(await this.row(id), null);
  }

  /** Name, description and visibility: the owner's to change. */
  async changeDetails(listener: Listener, id: string, change: Partial<NewPlaylist>): Promise<void> {
    await this.change(listener, id, 'details', async (sql, row) => {
      const isPublic = change.public ?? row.public;
      const collaborative = change.collaborative ?? (change.public === true ? false : row.collaborative);
      if (collaborative && isPublic) throw new InvalidInputError('A collaborative playlist must not be public');
      if (isPublic !== row.public) assertScopes(listener, [modifyScope(isPublic)]);
      await sql(`UPDATE playlists SET name = $2, description = $3, public = $4, collaborative = $5 WHERE id = $1`, [
        id, change.name ?? row.name, change.description ?? row.description, isPublic, collaborative,
      ]);
      // The owner's own follow shows on their profile exactly when the playlist is public.
      if (isPublic !== row.public) await sql(`UPDATE playlist_follows SET public = $3 WHERE playlist_id = $1 AND user_id = $2`, [id, row.owner_id, isPublic]);
      return row.item_count;
    });
  }

  /** Inserts tracks at `position` (appends without one). */
  async add(listener: Listener, id: string, uris: string[], position: number | undefined): Promise<string> {
    const trackIds = uris.map((uri) => this.trackIdOf(uri));
    return this.change(listener, id, 'items', async (sql, row) => {
      if (position !== undefined && position > row.item_count) throw new InvalidInputError(`position must be at most ${row.item_count}, the playlist's length`, 'POSITION_OUT_OF_RANGE');
      this.assertRoom(row.item_count + trackIds.length);
      await this.insertItems(sql, id, await this.keysAt(sql, id, position ?? row.item_count, trackIds.length), trackIds, listener.userId);
      return row.item_count + trackIds.length;
    });
  }

  /** Replaces every item with `uris` (none clears the playlist). */
  async replace(listener: Listener, id: string, uris: string[]): Promise<string> {
    const trackIds = uris.map((uri) => this.trackIdOf(uri));
    return this.change(listener, id, 'items', async (sql) => {
      await sql(`DELETE FROM playlist_items WHERE playlist_id = $1`, [id]);
      await this.insertItems(sql, id, generateNKeysBetween(null, null, trackIds.length), trackIds, listener.userId);
      return trackIds.length;
    });
  }

  /** Moves `rangeLength` items from `rangeStart` to before `insertBefore` (indexes before the move). */
  async move(listener: Listener, id: string, move: Move): Promise<string> {
    return this.change(listener, id, 'items', async (sql, row) => {
      if (move.snapshotId !== undefined && snapshotVersion(id, move.snapshotId) !== row.version) throw this.staleSnapshot();
      const { rangeStart: start, rangeLength: length, insertBefore: before } = move;
      const count = row.item_count;
      if (start >= count) throw new InvalidInputError(`range_start must be below ${count}, the playlist's length`, 'POSITION_OUT_OF_RANGE');
      if (start + length > count) throw new InvalidInputError(`range_start + range_length must be at most ${count}, the playlist's length`, 'POSITION_OUT_OF_RANGE');
      if (before > count) throw new InvalidInputError(`insert_before must be at most ${count}, the playlist's length`, 'POSITION_OUT_OF_RANGE');
      // Moving a range in front of itself or of the item right after it changes nothing.
      if (before >= start && before <= start + length) return count;
      const moving = await sql<{ id: string }>(
        `SELECT id FROM playlist_items WHERE playlist_id = $1 AND position >= ${positionAt('$1', '$2')} ORDER BY position LIMIT $3`,
        [id, start, length],
      );
      const keys = await this.keysAt(sql, id, before, length);
      await sql(`UPDATE playlist_items i SET position = n.k FROM unnest($1::bigint[], $2::varchar[]) AS n(id, k) WHERE i.id = n.id`, [moving.map((m) => m.id), keys]);
      return count;
    });
  }

  /**
   * Removes every occurrence of each track, or only those at the given positions. Positions
   * are checked against the current items: when one no longer holds its track, nothing is
   * removed (409 when the caller's snapshot is older, 400 otherwise).
   */
  async remove(listener: Listener, id: string, removals: Removal[], snapshot: string | undefined): Promise<string> {
    const wanted = removals.map((r) => ({ trackId: this.trackIdOf(r.uri), positions: r.positions }));
    return this.change(listener, id, 'items', async (sql, row) => {
      const stale = snapshot !== undefined && snapshotVersion(id, snapshot) !== row.version;
      const everywhere = wanted.filter((w) => !w.positions).map((w) => w.trackId);
      const at = wanted.flatMap((w) => (w.positions ?? []).map((index) => ({ index, trackId: w.trackId })));
      const outside = at.find((a) => a.index >= row.item_count);
      if (outside) throw new InvalidInputError(`position ${outside.index} is beyond the playlist's ${row.item_count} items`, 'POSITION_OUT_OF_RANGE');
      const ids: string[] = [];
      if (at.length) {
        const found = await sql<{ id: string; track_id: string; index: number }>(
          `SELECT id, track_id, index FROM (SELECT id, track_id, (row_number() OVER (ORDER BY position) - 1)::int AS index
             FROM playlist_items WHERE playlist_id = $1) AS ordered WHERE index = ANY($2::int[])`,
          [id, at.map((a) => a.index)],
        );
        const byIndex = new Map(found.map((f) => [f.index, f]));
        for (const a of at) {
          const item = byIndex.get(a.index)!;
          if (item.track_id !== a.trackId) {
            if (stale) throw this.staleSnapshot();
            throw new InvalidInputError(`position ${a.index} does not hold track ${a.trackId}`, 'POSITION_MISMATCH');
          }
          ids.push(item.id);
        }
      }
      const removed = await sql<{ id: string }>(
        `DELETE FROM playlist_items WHERE playlist_id = $1 AND (id = ANY($2::bigint[]) OR track_id = ANY($3::varchar[])) RETURNING id`,
        [id, ids, everywhere],
      );
      return row.item_count - removed.length;
    });
  }

  async follow(listener: Listener, id: string, isPublic: boolean): Promise<void> {
    const row = await this.row(id);
    assertCanFollow(listener, await this.facts(row, listener));
    assertScopes(listener, [modifyScope(isPublic)]);
    await this.sql.query(
      `INSERT INTO playlist_follows (user_id, playlist_id, public, followed_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (user_id, playlist_id) DO UPDATE SET public = EXCLUDED.public`,
      [listener.userId, id, isPublic],
    );
  }

  /** Unfollowing takes the playlist off the listener's list; for its owner too, as Spotify does. */
  async unfollow(listener: Listener, id: string): Promise<void> {
    if (!listener.scopes.has('playlist-modify-public') && !listener.scopes.has('playlist-modify-private')) assertScopes(listener, ['playlist-modify-public']);
    const row = await this.row(id);
    const facts = await this.facts(row, listener);
    // A follower may always leave; anyone else learns no more than following would tell them.
    if (!facts.callerFollows) assertCanFollow(listener, facts);
    await this.sql.query(`DELETE FROM playlist_follows WHERE user_id = $1 AND playlist_id = $2`, [listener.userId, id]);
  }

  /** Whether the caller follows the playlist; other listeners' follows are theirs to know. */
  async followsContain(listener: Listener, id: string, userIds: string[] | undefined): Promise<boolean[]> {
    if (userIds && userIds[0] !== listener.userId) throw new ForbiddenError('ids may only name the current listener', 'NOT_CURRENT_USER');
    await this.readable(listener, id);
    return this.followed(listener.userId, [id]);
  }

  /** Whether the listener follows each playlist, in the order given. */
  async followed(userId: string, ids: string[]): Promise<boolean[]> {
    const rows = await this.sql.query<{ playlist_id: string }>(`SELECT playlist_id FROM playlist_follows WHERE user_id = $1 AND playlist_id = ANY($2::varchar[])`, [userId, ids]);
    const followed = new Set(rows.map((r) => r.playlist_id));
    return ids.map((id) => followed.has(id));
  }

  /** The listener's own list: playlists they own or follow, private ones with the scopes for them. */
  async mine(listener: Listener, page: { limit: number; offset: number }): Promise<Page<SimplifiedPlaylistDto>> {
    const visible = `f.user_id = $1 AND (p.public
      OR (p.collaborative AND ($2 OR (p.owner_id = $1 AND $3)))
      OR (NOT p.collaborative AND p.owner_id = $1 AND $3))`;
    const params = [listener.userId, listener.scopes.has('playlist-read-collaborative'), listener.scopes.has('playlist-read-private')];
    return this.list(visible, params, page, '/me/playlists');
  }

  /** Another listener's public list; the caller's own list when it names them. */
  async ofUser(principal: Principal, userId: string, page: { limit: number; offset: number }): Promise<Page<SimplifiedPlaylistDto>> {
    if (principal.userId === userId) return this.mine(principal as Listener, page);
    const [user] = await this.sql.query(`SELECT 1 FROM users WHERE id = $1`, [userId]);
    if (!user) throw new NotFoundError('No such user', 'USER_NOT_FOUND');
    return this.list(`f.user_id = $1 AND f.public AND p.public`, [userId], page, `/users/${userId}/playlists`);
  }

  /** Loads a playlist the caller may read, or throws as the access rules say. */
  async readable(principal: Principal, id: string): Promise<PlaylistRow> {
    const row = await this.row(id);
    assertCanRead(principal, await this.facts(row, principal));
    return row;
  }

  /** Runs a change under the playlist's row lock; `work` returns the new item count. */
  async change(principal: Principal, id: string, what: 'items' | 'details', work: (sql: Transaction, row: PlaylistRow) => Promise<number>): Promise<string> {
    return this.sql.transaction(async (sql) => {
      const [row] = await sql<PlaylistRow>(`SELECT ${PLAYLIST_COLUMNS} FROM playlists p ${PLAYLIST_JOINS} WHERE p.id = $1 FOR UPDATE OF p`, [id]);
      if (!row) throw playlistNotFound();
      assertCanChange(principal, await this.facts(row, principal, sql), what);
      const count = await work(sql, row);
      const [{ version }] = await sql<{ version: number }>(`UPDATE playlists SET version = version + 1, item_count = $2 WHERE id = $1 RETURNING version`, [id, count]);
      return snapshotId(id, version);
    });
  }

  private async full(row: PlaylistRow, market: string | null): Promise<PlaylistDto> {
    const first = { limit: FIRST_PAGE, offset: 0 };
    const [read, [{ followers }]] = await Promise.all([
      this.itemRows(row.id, first),
      this.sql.query<{ followers: number }>(`SELECT count(*)::int AS followers FROM playlist_follows WHERE playlist_id = $1 AND user_id <> $2`, [row.id, row.owner_id]),
    ]);
    const current = { ...row, ...read.counts };
    return this.presenter.full(current, await this.presentPage(current, read.items, first, market), followers);
  }

  private async list(where: string, params: unknown[], page: { limit: number; offset: number }, path: string): Promise<Page<SimplifiedPlaylistDto>> {
    const n = params.length;
    const [rows, [{ total }]] = await Promise.all([
      this.sql.query<PlaylistRow>(
        `SELECT ${PLAYLIST_COLUMNS} FROM playlist_follows f JOIN playlists p ON p.id = f.playlist_id ${PLAYLIST_JOINS}
         WHERE ${where} ORDER BY f.followed_at DESC, p.id LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, page.limit, page.offset],
      ),
      this.sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM playlist_follows f JOIN playlists p ON p.id = f.playlist_id WHERE ${where}`, params),
    ]);
    return this.urls.page(rows.map((r) => this.presenter.simplified(r)), { path, offset: page.offset, limit: page.limit, total });
  }

  /**
   * A page of item rows, with the playlist's item count and version read in the same statement (one
   * snapshot), so that `total` and `snapshot_id` agree with the items while others write.
   */
  private async itemRows(id: string, page: { limit: number; offset: number }): Promise<{ items: ItemRow[]; counts: Pick<PlaylistRow, 'item_count' | 'version'> }> {
    const rows = await this.sql.query<PageRow>(
      `SELECT p.item_count, p.version, i.track_id, i.added_at, i.added_by FROM playlists p
       LEFT JOIN LATERAL (SELECT track_id, added_at, added_by FROM playlist_items
         WHERE playlist_id = p.id AND position >= ${positionAt('p.id', '$3')} ORDER BY position LIMIT $2) i ON true
       WHERE p.id = $1`,
      [id, page.limit, page.offset],
    );
    if (!rows.length) throw playlistNotFound();
    const { item_count, version } = rows[0];
    return { items: rows.filter((r): r is PageRow & ItemRow => r.track_id !== null), counts: { item_count, version } };
  }

  private async presentPage(row: PlaylistRow, items: ItemRow[], page: { limit: number; offset: number }, market: string | null): Promise<Page<PlaylistItemDto>> {
    const tracks = await this.tracks.getTracks(items.map((i) => i.track_id), market);
    return this.urls.page(
      items.map((item, i) => this.presenter.item(item, tracks[i] as TrackDto)),
      { path: `/playlists/${row.id}/items`, query: { market }, offset: page.offset, limit: page.limit, total: row.item_count },
    );
  }

  /** The playlist's row; 404 when there is none. */
  private async row(id: string): Promise<PlaylistRow> {
    const [row] = await this.sql.query<PlaylistRow>(`SELECT ${PLAYLIST_COLUMNS} FROM playlists p ${PLAYLIST_JOINS} WHERE p.id = $1`, [id]);
    if (!row) throw playlistNotFound();
    return row;
  }

  /** The caller's relation to the playlist; only a non-owner's follow needs a query. */
  private async facts(row: PlaylistRow, principal: Principal, sql: Transaction = (text, values) => this.sql.query(text, values)): Promise<AccessFacts> {
    const isOwner = principal.userId === row.owner_id;
    const follows = !isOwner && principal.userId ? await sql(`SELECT 1 FROM playlist_follows WHERE user_id = $1 AND playlist_id = $2`, [principal.userId, row.id]) : [];
    return { ownerId: row.owner_id, public: row.public, collaborative: row.collaborative, callerFollows: isOwner || follows.length > 0 };
  }

  /**
   * `count` position keys that sort between the items now at `index - 1` and `index`.
   * When keys have grown long from inserts piling into one gap, the playlist is renumbered first.
   */
  private async keysAt(sql: Transaction, id: string, index: number, count: number): Promise<string[]> {
    const neighbours = await sql<{ position: string }>(
      `SELECT position FROM playlist_items WHERE playlist_id = $1 ORDER BY position OFFSET $2 LIMIT $3`,
      [id, Math.max(index - 1, 0), index === 0 ? 1 : 2],
    );
    const before = index === 0 ? null : (neighbours[0]?.position ?? null);
    const after = (index === 0 ? neighbours[0] : neighbours[1])?.position ?? null;
    const keys = generateNKeysBetween(before, after, count);
    if (keys.some((k) => k.length > MAX_KEY_LENGTH)) {
      await this.renumber(sql, id);
      return this.keysAt(sql, id, index, count);
    }
    return keys;
  }

  /** Gives every item a fresh short key, keeping the order (rare: see keysAt). */
  private async renumber(sql: Transaction, id: string): Promise<void> {
    const rows = await sql<{ id: string }>(`SELECT id FROM playlist_items WHERE playlist_id = $1 ORDER BY position`, [id]);
    const keys = generateNKeysBetween(null, null, rows.length);
    await sql(`UPDATE playlist_items i SET position = n.k FROM unnest($1::bigint[], $2::varchar[]) AS n(id, k) WHERE i.id = n.id`, [rows.map((r) => r.id), keys]);
  }

  /**
   * Inserts items. The foreign key checks that each track exists: an unknown one fails the
   * statement, and so the whole change, with 404 (no separate look-up on the way).
   */
  private async insertItems(sql: Transaction, playlistId: string, keys: string[], trackIds: string[], addedBy: string): Promise<void> {
    try {
      await sql(
        `INSERT INTO playlist_items (playlist_id, position, track_id, added_by, added_at)
         SELECT $1, k, t, $4, now() FROM unnest($2::varchar[], $3::varchar[]) AS n(k, t)`,
        [playlistId, keys, trackIds, addedBy],
      );
    } catch (error) {
      const { code, detail } = error as { code?: string; detail?: string };
      const missing = code === '23503' ? /\(track_id\)=\(([^)]*)\)/.exec(detail ?? '') : null;
      if (missing) throw new NotFoundError(`No track with id ${missing[1]}`, 'TRACK_NOT_FOUND');
      throw error;
    }
  }

  private trackIdOf(uri: string): string {
    const parsed = this.urls.parseUri(uri);
    if (parsed?.type !== 'track') throw new InvalidInputError(`Not a track URI: ${uri}`, 'INVALID_URI');
    return parsed.id;
  }

  private assertRoom(total: number): void {
    if (total > MAX_PLAYLIST_ITEMS) throw new InvalidInputError(`A playlist holds at most ${MAX_PLAYLIST_ITEMS} items`, 'PLAYLIST_FULL');
  }

  private staleSnapshot(): DomainError {
    return new DomainError('CONFLICT', 'The playlist has changed since snapshot_id: read it again and retry', 'SNAPSHOT_MISMATCH');
  }
}

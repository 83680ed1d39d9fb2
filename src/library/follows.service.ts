import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { UrlBuilder } from '../common/http/url-builder';
import { ArtistsService } from '../catalog/artists.service';
import { CatalogReader } from '../catalog/catalog.reader';
import type { ArtistDto } from '../catalog/dto/catalog-objects.dto';
import type { CursorPagingArtistDto } from './dto/library.dto';
import type { FollowType } from './entities/follow.entity';

/** Following artists and other listeners. */
@Injectable()
export class FollowsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: CatalogReader,
    private readonly artists: ArtistsService,
    private readonly urls: UrlBuilder,
  ) {}

  async follow(userId: string, type: FollowType, ids: readonly string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (type === 'user' && unique.includes(userId)) throw new InvalidInputError('Listeners cannot follow themselves');
    await this.requireExisting(type, unique);
    await this.db.query(
      `INSERT INTO follows (user_id, target_type, target_id, followed_at) SELECT $1, $2, unnest($3::varchar[]), now() ON CONFLICT DO NOTHING`,
      [userId, type, unique],
    );
  }

  async unfollow(userId: string, type: FollowType, ids: readonly string[]): Promise<void> {
    await this.db.query(`DELETE FROM follows WHERE user_id = $1 AND target_type = $2 AND target_id = ANY($3)`, [userId, type, [...new Set(ids)]]);
  }

  async contains(userId: string, type: FollowType, ids: readonly string[]): Promise<boolean[]> {
    const rows: { target_id: string }[] = await this.db.query(`SELECT target_id FROM follows WHERE user_id = $1 AND target_type = $2 AND target_id = ANY($3)`, [userId, type, [...ids]]);
    const followed = new Set(rows.map((r) => r.target_id));
    return ids.map((id) => followed.has(id));
  }

  /** Followed artists in id order, paged by cursor: `after` is the last id of the previous page. */
  async followedArtists(userId: string, page: { limit: number; after?: string }): Promise<CursorPagingArtistDto> {
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<{ target_id: string }[]>(
        `SELECT target_id FROM follows WHERE user_id = $1 AND target_type = 'artist' AND ($2::varchar IS NULL OR target_id > $2) ORDER BY target_id LIMIT $3`,
        [userId, page.after ?? null, page.limit],
      ),
      this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM follows WHERE user_id = $1 AND target_type = 'artist'`, [userId]),
    ]);
    const ids = rows.map((r) => r.target_id);
    const items = ids.length ? (await this.artists.getArtists(ids)).filter((a): a is ArtistDto => a !== null) : [];
    const last = ids.at(-1) ?? null;
    const link = (after?: string) => this.urls.api('/me/following', { type: 'artist', limit: page.limit, after });
    return { href: link(page.after), items, limit: page.limit, next: ids.length === page.limit && last ? link(last) : null, cursors: { after: last }, total };
  }

  /** How many listeners follow this one. */
  async followerCount(userId: string): Promise<number> {
    const [{ total }] = await this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM follows WHERE target_type = 'user' AND target_id = $1`, [userId]);
    return total;
  }

  private async requireExisting(type: FollowType, ids: string[]): Promise<void> {
    const found =
      type === 'artist'
        ? (await this.reader.artistsByIds(ids)).map((a) => a.id)
        : (await this.db.query<{ id: string }[]>(`SELECT id FROM users WHERE id = ANY($1)`, [ids])).map((u) => u.id);
    const missing = ids.filter((id) => !found.includes(id));
    if (missing.length) throw new NotFoundError(`No ${type} with id ${missing.join(', ')}`, `${type.toUpperCase()}_NOT_FOUND`);
  }
}

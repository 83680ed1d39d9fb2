import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UrlBuilder } from '../common/http/url-builder';
import { ArtistsService } from '../catalog/artists.service';
import { TracksService } from '../catalog/tracks.service';
import type { ArtistDto, PagingArtistDto, PagingTrackDto, TrackDto } from '../catalog/dto/catalog-objects.dto';

export const TIME_RANGES = ['short_term', 'medium_term', 'long_term'] as const;
export type TimeRange = (typeof TIME_RANGES)[number];

/** Days of history each range looks back over; null: all of it. */
export const TIME_RANGE_DAYS: Readonly<Record<TimeRange, number | null>> = { short_term: 28, medium_term: 182, long_term: null };

/** How many tracks of each followed artist the library fallback offers (as many as an artist's top tracks). */
export const FOLLOWED_ARTIST_TRACKS = 10;
/** The last fallback lists at most this many of the catalog's most popular items. */
export const POPULAR_MAX = 50;

/** The earliest play a time range counts, or null when it counts all history. */
export function windowStart(range: TimeRange, now: Date): Date | null {
  const days = TIME_RANGE_DAYS[range];
  return days === null ? null : new Date(now.getTime() - days * 86_400_000);
}

export interface TopItemsQuery {
  timeRange: TimeRange;
  limit: number;
  offset: number;
}

/**
 * One way of ranking a listener's items: `sql` yields one row per item with an `id`
 * and the columns `order` sorts by. Parameters are numbered from $1.
 */
interface RankingSource {
  sql: string;
  params: unknown[];
  order: string;
}

const nonNull = <T>(item: T | null): item is T => item !== null;

/**
 * A listener's top tracks and artists, ranked in SQL from play history in the time range.
 * Listeners with no plays in the range get their library (saved tracks, followed artists)
 * instead, and listeners with neither get the catalog's most popular items.
 */
@Injectable()
export class TopItemsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tracks: TracksService,
    private readonly artists: ArtistsService,
    private readonly urls: UrlBuilder,
  ) {}

  async topTracks(userId: string, query: TopItemsQuery, market: string | null): Promise<PagingTrackDto> {
    const since = windowStart(query.timeRange, new Date());
    const { ids, total } = await this.firstNonEmpty(
      [
        // Plays of each track in the range; ties go to the most recent play. The join drops tracks gone from the catalog.
        {
          sql: `SELECT h.track_id AS id, count(*) AS plays, max(h.played_at) AS last_at
                  FROM play_history h JOIN tracks t ON t.id = h.track_id
                 WHERE h.user_id = $1 AND ($2::timestamptz IS NULL OR h.played_at >= $2::timestamptz)
                 GROUP BY h.track_id`,
          params: [userId, since?.toISOString() ?? null],
          order: 'plays DESC, last_at DESC, id',
        },
        // Saved tracks, newest first; then the most popular tracks of each followed artist.
        {
          sql: `SELECT u.id, min(u.tier) AS tier, max(u.at) AS at, max(u.popularity) AS popularity FROM (
                  SELECT s.track_id AS id, 0 AS tier, s.added_at AS at, 0 AS popularity FROM saved_tracks s WHERE s.user_id = $1
                  UNION ALL
                  SELECT f.id, 1, NULL, f.popularity FROM (
                    SELECT t.id, t.popularity, row_number() OVER (PARTITION BY ta.artist_id ORDER BY t.popularity DESC, t.id) AS n
                      FROM follows fo JOIN track_artists ta ON ta.artist_id = fo.target_id JOIN tracks t ON t.id = ta.track_id
                     WHERE fo.user_id = $1 AND fo.target_type = 'artist'
                  ) f WHERE f.n <= ${FOLLOWED_ARTIST_TRACKS}
                ) u GROUP BY u.id`,
          params: [userId],
          order: 'tier, at DESC NULLS LAST, popularity DESC, id',
        },
        // The catalog's most popular tracks that play in the market.
        {
          sql: `SELECT t.id, t.popularity FROM tracks t
                 WHERE ($1::text IS NULL OR $1::varchar = ANY(t.available_markets))
                 ORDER BY t.popularity DESC, t.id LIMIT ${POPULAR_MAX}`,
          params: [market],
          order: 'popularity DESC, id',
        },
      ],
      query,
    );
    const items: TrackDto[] = ids.length ? (await this.tracks.getTracks(ids, market)).filter(nonNull) : [];
    return this.urls.page(items, { path: '/me/top/tracks', query: { time_range: query.timeRange, market }, offset: query.offset, limit: query.limit, total });
  }

  async topArtists(userId: string, query: TopItemsQuery): Promise<PagingArtistDto> {
    const since = windowStart(query.timeRange, new Date());
    const { ids, total } = await this.firstNonEmpty(
      [
        // Plays of tracks crediting each artist; a play of a track with two artists counts for both.
        {
          sql: `SELECT ta.artist_id AS id, count(DISTINCT h.id) AS plays, max(h.played_at) AS last_at
                  FROM play_history h JOIN track_artists ta ON ta.track_id = h.track_id
                 WHERE h.user_id = $1 AND ($2::timestamptz IS NULL OR h.played_at >= $2::timestamptz)
                 GROUP BY ta.artist_id`,
          params: [userId, since?.toISOString() ?? null],
          order: 'plays DESC, last_at DESC, id',
        },
        // Each saved track counts once for each of its artists, and following an artist counts once.
        {
          sql: `SELECT v.id, count(*) AS votes, max(v.at) AS last_at FROM (
                  SELECT fo.target_id AS id, fo.followed_at AS at FROM follows fo WHERE fo.user_id = $1 AND fo.target_type = 'artist'
                  UNION ALL
                  SELECT DISTINCT ON (s.track_id, ta.artist_id) ta.artist_id, s.added_at
                    FROM saved_tracks s JOIN track_artists ta ON ta.track_id = s.track_id WHERE s.user_id = $1
                ) v JOIN artists a ON a.id = v.id GROUP BY v.id`,
          params: [userId],
          order: 'votes DESC, last_at DESC, id',
        },
        {
          sql: `SELECT a.id, a.popularity FROM artists a ORDER BY a.popularity DESC, a.id LIMIT ${POPULAR_MAX}`,
          params: [],
          order: 'popularity DESC, id',
        },
      ],
      query,
    );
    const items: ArtistDto[] = ids.length ? (await this.artists.getArtists(ids)).filter(nonNull) : [];
    return this.urls.page(items, { path: '/me/top/artists', query: { time_range: query.timeRange }, offset: query.offset, limit: query.limit, total });
  }

  /** The requested page of the first source that ranks anything, with that source's total. */
  private async firstNonEmpty(sources: RankingSource[], page: { limit: number; offset: number }): Promise<{ ids: string[]; total: number }> {
    for (const { sql, params, order } of sources) {
      const n = params.length;
      const [rows, [{ total }]] = await Promise.all([
        this.db.query<{ id: string }[]>(`SELECT r.id FROM (${sql}) r ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`, [...params, page.limit, page.offset]),
        this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM (${sql}) r`, params),
      ]);
      if (total > 0) return { ids: rows.map((r) => r.id), total };
    }
    return { ids: [], total: 0 };
  }
}

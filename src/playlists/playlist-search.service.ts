import { Injectable } from '@nestjs/common';
import { SqlRunner } from '../database/sql-runner';
import { PlaylistSearch } from '../catalog/playlist-search';
import { PLAYLIST_COLUMNS, PLAYLIST_JOINS, PlaylistPresenter, PlaylistRow } from './playlist.presenter';

/** The text a playlist is found by; the same expression as idx_playlists_search. */
const SEARCHED = `bb_normalize(p.name || ' ' || coalesce(p.description, ''))`;
/** Matches as many playlists as search counts for other types. */
const MAX_MATCHES = 1000;

/**
 * Public playlists whose name or description holds every word (trigram index, so parts of
 * words match too), exact names first, then by how many listeners follow them.
 */
@Injectable()
export class PlaylistSearchService extends PlaylistSearch {
  constructor(
    private readonly sql: SqlRunner,
    private readonly presenter: PlaylistPresenter,
  ) {
    super();
  }

  async search(words: string[], page: { limit: number; offset: number }): Promise<{ items: unknown[]; total: number }> {
    if (!words.length) return { items: [], total: 0 };
    const patterns = words.map((word) => `%${word}%`);
    // One condition per word (a fixed handful of texts), each served by the trigram index.
    const matches = ['p.public', ...patterns.map((_, i) => `${SEARCHED} LIKE bb_normalize($${i + 3})`)].join(' AND ');
    const [rows, [{ total }]] = await Promise.all([
      this.sql.query<PlaylistRow>(
        `SELECT ${PLAYLIST_COLUMNS} FROM playlists p ${PLAYLIST_JOINS}
         WHERE ${matches}
         ORDER BY bb_normalize(p.name) = bb_normalize($${patterns.length + 3}) DESC,
                  (SELECT count(*) FROM playlist_follows f WHERE f.playlist_id = p.id) DESC, p.id
         LIMIT $1 OFFSET $2`,
        [page.limit, page.offset, ...patterns, words.join(' ')],
      ),
      this.sql.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM (SELECT 1 FROM playlists p WHERE ${matches} LIMIT $1 OFFSET $2) AS m`,
        [MAX_MATCHES, 0, ...patterns],
      ),
    ]);
    return { items: rows.map((row) => this.presenter.simplified(row)), total };
  }
}

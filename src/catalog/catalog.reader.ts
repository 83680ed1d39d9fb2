import { Injectable } from '@nestjs/common';
import type { CopyrightObject, ImageObject } from '../common/wire';
import { SqlRunner } from '../database/sql-runner';
import type { AlbumType, ReleaseDatePrecision } from './entities/album.entity';
import type { ArtistCredit } from './entities/artist.entity';
import { MARKET_CODES } from './markets';

export interface AlbumRow {
  id: string;
  name: string;
  album_type: AlbumType;
  release_date: string;
  release_date_precision: ReleaseDatePrecision;
  total_tracks: number;
  images: ImageObject[];
  available_markets: readonly string[];
  artists: ArtistCredit[];
}

export interface FullAlbumRow extends AlbumRow {
  label: string;
  copyrights: CopyrightObject[];
  upc: string | null;
  popularity: number;
}

export interface TrackRow {
  id: string;
  name: string;
  duration_ms: number;
  explicit: boolean;
  isrc: string | null;
  disc_number: number;
  track_number: number;
  popularity: number;
  preview_url: string | null;
  available_markets: readonly string[];
  artists: ArtistCredit[];
}

export interface TrackWithAlbumRow extends TrackRow {
  album: AlbumRow;
}

export interface ArtistRow {
  id: string;
  name: string;
  genres: string[];
  popularity: number;
  followers: number;
  images: ImageObject[];
}

export interface AudioFeaturesRow {
  track_id: string;
  duration_ms: number;
  acousticness: number;
  danceability: number;
  energy: number;
  instrumentalness: number;
  liveness: number;
  loudness: number;
  speechiness: number;
  valence: number;
  tempo: number;
  key: number;
  mode: number;
  time_signature: number;
}

/**
 * Markets travel as one comma-joined string, or `*` when an item plays in every
 * market (most do): parsing a 185-element array per row costs more. Codes in a
 * row are distinct, so a full count means every market.
 */
const marketsColumn = (alias: string) =>
  `CASE WHEN cardinality(${alias}.available_markets) = ${MARKET_CODES.size} THEN '*' ELSE array_to_string(${alias}.available_markets, ',') END`;

const ALBUM_FIELDS = `a.id, a.name, a.album_type, a.release_date, a.release_date_precision, a.total_tracks,
  a.images, ${marketsColumn('a')} AS markets, a.artists`;

const TRACK_FIELDS = `t.id, t.name, t.duration_ms, t.explicit, t.isrc, t.disc_number, t.track_number,
  t.popularity, t.preview_url, ${marketsColumn('t')} AS markets, t.artists`;

/** The track's album, flattened with `album_` prefixes into the same row. */
const TRACK_ALBUM_FIELDS = `a.name AS album_name, a.album_type AS album_album_type, a.release_date AS album_release_date,
  a.release_date_precision AS album_release_date_precision, a.total_tracks AS album_total_tracks,
  a.images AS album_images, ${marketsColumn('a')} AS album_markets, a.artists AS album_artists`;

type WithMarkets<T> = Omit<T, 'available_markets'> & { markets: string };

const ALL_MARKETS: readonly string[] = Object.freeze([...MARKET_CODES]);

const marketList = (markets: string): readonly string[] => (markets === '*' ? ALL_MARKETS : markets ? markets.split(',') : []);

/** Restores `available_markets` from its comma-joined form. */
function withMarketList<T extends { markets: string }>({ markets, ...rest }: T): Omit<T, 'markets'> & { available_markets: readonly string[] } {
  return { ...rest, available_markets: marketList(markets) };
}

interface FlatTrackRow extends WithMarkets<TrackRow> {
  album_id: string;
  album_name: string;
  album_album_type: AlbumRow['album_type'];
  album_release_date: string;
  album_release_date_precision: AlbumRow['release_date_precision'];
  album_total_tracks: number;
  album_images: ImageObject[];
  album_markets: string;
  album_artists: ArtistCredit[];
}

function toTrackWithAlbum(row: FlatTrackRow): TrackWithAlbumRow {
  return {
    ...withMarketList(row),
    album: {
      id: row.album_id,
      name: row.album_name,
      album_type: row.album_album_type,
      release_date: row.album_release_date,
      release_date_precision: row.album_release_date_precision,
      total_tracks: row.album_total_tracks,
      images: row.album_images,
      available_markets: marketList(row.album_markets),
      artists: row.album_artists,
    },
  };
}

/** Full tracks by id; `$1` is an array of ids. Exported for the benchmark's bare baseline. */
export const TRACKS_BY_IDS_SQL = `SELECT ${TRACK_FIELDS}, t.album_id, ${TRACK_ALBUM_FIELDS}
  FROM tracks t JOIN albums a ON a.id = t.album_id WHERE t.id = ANY($1::varchar[])`;

export const NEW_RELEASES_MAX = 100;

/** Orders rows as the ids were asked for; unknown ids become null. */
export function inIdOrder<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * Read queries for the catalog. Each fetches whole wire objects in one round
 * trip: tracks and albums carry their artist credits, so there are no N+1 look-ups.
 */
@Injectable()
export class CatalogReader {
  constructor(private readonly sql: SqlRunner) {}

  async tracksByIds(ids: readonly string[]): Promise<TrackWithAlbumRow[]> {
    return (await this.sql.query<FlatTrackRow>(TRACKS_BY_IDS_SQL, [ids])).map(toTrackWithAlbum);
  }

  async albumsByIds(ids: readonly string[]): Promise<FullAlbumRow[]> {
    const rows = await this.sql.query<WithMarkets<FullAlbumRow>>(
      `SELECT ${ALBUM_FIELDS}, a.label, a.copyrights, a.upc, a.popularity FROM albums a WHERE a.id = ANY($1::varchar[])`,
      [ids],
    );
    return rows.map(withMarketList);
  }

  async simplifiedAlbumsByIds(ids: readonly string[]): Promise<AlbumRow[]> {
    const rows = await this.sql.query<WithMarkets<AlbumRow>>(`SELECT ${ALBUM_FIELDS} FROM albums a WHERE a.id = ANY($1::varchar[])`, [ids]);
    return rows.map(withMarketList);
  }

  artistsByIds(ids: readonly string[]): Promise<ArtistRow[]> {
    return this.sql.query<ArtistRow>(
      `SELECT a.id, a.name, a.genres, a.popularity, a.followers, a.images FROM artists a WHERE a.id = ANY($1::varchar[])`,
      [ids],
    );
  }

  async albumTracks(albumId: string, limit: number, offset: number): Promise<{ rows: TrackRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.sql.query<WithMarkets<TrackRow>>(
        `SELECT ${TRACK_FIELDS} FROM tracks t WHERE t.album_id = $1
          ORDER BY t.disc_number, t.track_number, t.id LIMIT $2 OFFSET $3`,
        [albumId, limit, offset],
      ),
      this.sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM tracks WHERE album_id = $1`, [albumId]),
    ]);
    return { rows: rows.map(withMarketList), total: count[0].total };
  }

  /** The artist's own releases by group, then albums they appear on; newest first. */
  async artistAlbums(query: {
    artistId: string;
    groups: readonly string[];
    market: string | null;
    limit: number;
    offset: number;
  }): Promise<{ rows: (AlbumRow & { album_group: string })[]; total: number }> {
    const groups = `
      WITH groups AS (
        SELECT a.id AS album_id, a.album_type::text AS album_group
          FROM album_artists aa JOIN albums a ON a.id = aa.album_id WHERE aa.artist_id = $1
        UNION
        SELECT t.album_id, 'appears_on'
          FROM track_artists ta JOIN tracks t ON t.id = ta.track_id
         WHERE ta.artist_id = $1
           AND NOT EXISTS (SELECT 1 FROM album_artists aa WHERE aa.album_id = t.album_id AND aa.artist_id = $1)
      )`;
    const filter = `g.album_group = ANY($2::text[]) AND ($3::text IS NULL OR $3::varchar = ANY(a.available_markets))`;
    const params = [query.artistId, query.groups, query.market];
    const [rows, count] = await Promise.all([
      this.sql.query<WithMarkets<AlbumRow & { album_group: string }>>(
        `${groups} SELECT g.album_group, ${ALBUM_FIELDS} FROM groups g JOIN albums a ON a.id = g.album_id WHERE ${filter}
          ORDER BY array_position(ARRAY['album','single','compilation','appears_on'], g.album_group), a.release_date DESC, a.id
          LIMIT $4 OFFSET $5`,
        [...params, query.limit, query.offset],
      ),
      this.sql.query<{ total: number }>(
        `${groups} SELECT count(*)::int AS total FROM groups g JOIN albums a ON a.id = g.album_id WHERE ${filter}`,
        params,
      ),
    ]);
    return { rows: rows.map(withMarketList), total: count[0].total };
  }

  async artistTopTracks(artistId: string, market: string | null, limit = 10): Promise<TrackWithAlbumRow[]> {
    const rows = await this.sql.query<FlatTrackRow>(
      `SELECT ${TRACK_FIELDS}, t.album_id, ${TRACK_ALBUM_FIELDS}
         FROM track_artists ta JOIN tracks t ON t.id = ta.track_id JOIN albums a ON a.id = t.album_id
        WHERE ta.artist_id = $1 AND ($2::text IS NULL OR $2::varchar = ANY(t.available_markets))
        ORDER BY t.popularity DESC, t.id LIMIT $3`,
      [artistId, market, limit],
    );
    return rows.map(toTrackWithAlbum);
  }

  audioFeatures(ids: readonly string[]): Promise<(AudioFeaturesRow & { id: string })[]> {
    return this.sql.query(
      `SELECT f.track_id AS id, f.track_id, t.duration_ms, f.acousticness, f.danceability, f.energy, f.instrumentalness,
              f.liveness, f.loudness, f.speechiness, f.valence, f.tempo, f.key, f.mode, f.time_signature
         FROM audio_features f JOIN tracks t ON t.id = f.track_id WHERE f.track_id = ANY($1::varchar[])`,
      [ids],
    );
  }

  /** The newest releases, at most NEW_RELEASES_MAX of them, as Spotify's list is bounded too. */
  async newReleases(limit: number, offset: number): Promise<{ rows: AlbumRow[]; total: number }> {
    const newest = `SELECT id FROM albums WHERE release_date_precision = 'day' ORDER BY release_date DESC, id LIMIT ${NEW_RELEASES_MAX}`;
    const [rows, count] = await Promise.all([
      this.sql.query<WithMarkets<AlbumRow>>(
        `SELECT ${ALBUM_FIELDS} FROM albums a WHERE a.id IN (${newest})
          ORDER BY a.release_date DESC, a.id LIMIT $1 OFFSET $2`,
        [limit, offset],
      ),
      this.sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM (${newest}) n`),
    ]);
    return { rows: rows.map(withMarketList), total: count[0].total };
  }
}

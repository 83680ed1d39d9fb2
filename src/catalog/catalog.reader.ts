import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CopyrightObject, ImageObject } from '../common/wire';
import type { AlbumType, ReleaseDatePrecision } from './entities/album.entity';

export interface ArtistRef {
  id: string;
  name: string;
}

export interface AlbumRow {
  id: string;
  name: string;
  album_type: AlbumType;
  release_date: string;
  release_date_precision: ReleaseDatePrecision;
  total_tracks: number;
  images: ImageObject[];
  available_markets: string[];
  artists: ArtistRef[];
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
  available_markets: string[];
  artists: ArtistRef[];
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

const artistRefs = (joinTable: string, keyColumn: string, key: string) =>
  `(SELECT coalesce(json_agg(json_build_object('id', ar.id, 'name', ar.name) ORDER BY x.position), '[]')
      FROM ${joinTable} x JOIN artists ar ON ar.id = x.artist_id WHERE x.${keyColumn} = ${key})`;

const ALBUM_COLUMNS = `a.id, a.name, a.album_type, a.release_date, a.release_date_precision, a.total_tracks,
  a.images, a.available_markets, ${artistRefs('album_artists', 'album_id', 'a.id')} AS artists`;

const TRACK_COLUMNS = `t.id, t.name, t.duration_ms, t.explicit, t.isrc, t.disc_number, t.track_number,
  t.popularity, t.preview_url, t.available_markets, ${artistRefs('track_artists', 'track_id', 't.id')} AS artists`;

const TRACK_WITH_ALBUM_COLUMNS = `${TRACK_COLUMNS},
  json_build_object('id', a.id, 'name', a.name, 'album_type', a.album_type, 'release_date', a.release_date,
    'release_date_precision', a.release_date_precision, 'total_tracks', a.total_tracks, 'images', a.images,
    'available_markets', a.available_markets, 'artists', ${artistRefs('album_artists', 'album_id', 'a.id')}) AS album`;

export const NEW_RELEASES_MAX = 100;

/** Full tracks by id; `$1` is an array of ids. Exported for the benchmark's bare baseline. */
export const TRACKS_BY_IDS_SQL = `SELECT ${TRACK_WITH_ALBUM_COLUMNS} FROM tracks t JOIN albums a ON a.id = t.album_id WHERE t.id = ANY($1::varchar[])`;

/** Orders rows as the ids were asked for; unknown ids become null. */
export function inIdOrder<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * Read queries for the catalog. Each builds a whole wire object in one round
 * trip: PostgreSQL aggregates the artist lists, so there are no N+1 look-ups.
 */
@Injectable()
export class CatalogReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  tracksByIds(ids: readonly string[]): Promise<TrackWithAlbumRow[]> {
    return this.db.query<TrackWithAlbumRow[]>(TRACKS_BY_IDS_SQL, [ids]);
  }

  albumsByIds(ids: readonly string[]): Promise<FullAlbumRow[]> {
    return this.db.query(
      `SELECT ${ALBUM_COLUMNS}, a.label, a.copyrights, a.upc, a.popularity FROM albums a WHERE a.id = ANY($1::varchar[])`,
      [ids],
    );
  }

  simplifiedAlbumsByIds(ids: readonly string[]): Promise<AlbumRow[]> {
    return this.db.query(`SELECT ${ALBUM_COLUMNS} FROM albums a WHERE a.id = ANY($1::varchar[])`, [ids]);
  }

  artistsByIds(ids: readonly string[]): Promise<ArtistRow[]> {
    return this.db.query(
      `SELECT a.id, a.name, a.genres, a.popularity, a.followers, a.images FROM artists a WHERE a.id = ANY($1::varchar[])`,
      [ids],
    );
  }

  async albumTracks(albumId: string, limit: number, offset: number): Promise<{ rows: TrackRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.db.query<TrackRow[]>(
        `SELECT ${TRACK_COLUMNS} FROM tracks t WHERE t.album_id = $1
          ORDER BY t.disc_number, t.track_number, t.id LIMIT $2 OFFSET $3`,
        [albumId, limit, offset],
      ),
      this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM tracks WHERE album_id = $1`, [albumId]),
    ]);
    return { rows, total: count[0].total };
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
      this.db.query<(AlbumRow & { album_group: string })[]>(
        `${groups} SELECT g.album_group, ${ALBUM_COLUMNS} FROM groups g JOIN albums a ON a.id = g.album_id WHERE ${filter}
          ORDER BY array_position(ARRAY['album','single','compilation','appears_on'], g.album_group), a.release_date DESC, a.id
          LIMIT $4 OFFSET $5`,
        [...params, query.limit, query.offset],
      ),
      this.db.query<{ total: number }[]>(
        `${groups} SELECT count(*)::int AS total FROM groups g JOIN albums a ON a.id = g.album_id WHERE ${filter}`,
        params,
      ),
    ]);
    return { rows, total: count[0].total };
  }

  artistTopTracks(artistId: string, market: string | null, limit = 10): Promise<TrackWithAlbumRow[]> {
    return this.db.query<TrackWithAlbumRow[]>(
      `SELECT ${TRACK_WITH_ALBUM_COLUMNS}
         FROM track_artists ta JOIN tracks t ON t.id = ta.track_id JOIN albums a ON a.id = t.album_id
        WHERE ta.artist_id = $1 AND ($2::text IS NULL OR $2::varchar = ANY(t.available_markets))
        ORDER BY t.popularity DESC, t.id LIMIT $3`,
      [artistId, market, limit],
    );
  }

  audioFeatures(ids: readonly string[]): Promise<(AudioFeaturesRow & { id: string })[]> {
    return this.db.query(
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
      this.db.query<AlbumRow[]>(
        `SELECT ${ALBUM_COLUMNS} FROM albums a WHERE a.id IN (${newest})
          ORDER BY a.release_date DESC, a.id LIMIT $1 OFFSET $2`,
        [limit, offset],
      ),
      this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM (${newest}) n`),
    ]);
    return { rows, total: count[0].total };
  }
}

// Bulk loader for the generated catalog. Multi-row INSERT ... SELECT FROM unnest(...) works the
// same on PGlite (one connection, no COPY) and PostgreSQL; ON CONFLICT keeps it idempotent.
import type { DataSource, EntityManager } from 'typeorm';
import {
  ALL_MARKETS,
  ArtistBundle,
  catalogSize,
  categoryRows,
  generateCatalog,
  GeneratedAlbum,
  GeneratedArtist,
  GeneratedTrack,
  genreNames,
  genreRows,
  marketRows,
} from './catalog-generator';

export interface SeedOptions {
  /** Catalog size in tracks (fixture included); 0 loads reference data only. */
  tracks: number;
  publicUrl: string;
  anchorDate?: Date | string;
  seed?: number;
  /** Tracks per transaction. */
  batchSize?: number;
  onProgress?(done: number, total: number): void;
}

export interface TableCounts {
  artists: number;
  albums: number;
  tracks: number;
}

export interface SeedResult {
  /** Rows in the catalog tables afterwards. */
  counts: TableCounts;
  /** Rows this run added. */
  inserted: TableCounts;
  seconds: number;
}

const DEFAULT_BATCH_SIZE = 5000;
/** Batches written at once on PostgreSQL; more adds little once the server's cores are busy. */
const MAX_LANES = 4;

const vector = (text: string, weight: 'A' | 'B' | 'C' | 'D') => `setweight(to_tsvector('simple', bb_normalize(${text})), '${weight}')`;

const INSERT_ARTISTS = `
  INSERT INTO artists (id, name, genres, popularity, followers, images, search_vector)
  SELECT u.id, u.name, string_to_array(u.genres, ','), u.popularity, u.followers, u.images::jsonb,
         ${vector('u.name', 'A')} || ${vector('u.genre_names', 'D')}
    FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[])
         AS u(id, name, genres, popularity, followers, images, genre_names)
  ON CONFLICT (id) DO NOTHING`;

// A catalog cut short mid-album and later grown completes that album: keep total_tracks right.
const INSERT_ALBUMS = `
  INSERT INTO albums (id, name, album_type, release_date, release_date_precision, release_year, label, copyrights,
                      upc, popularity, total_tracks, images, available_markets, artists, search_vector)
  SELECT u.id, u.name, u.album_type, u.release_date, u.precision, u.release_year, u.label, u.copyrights::jsonb,
         u.upc, u.popularity, u.total_tracks, u.images::jsonb, coalesce(string_to_array(u.markets, ','), $17::varchar[]),
         u.artists::jsonb,
         ${vector('u.name', 'A')} || ${vector('u.artist_names', 'B')} || ${vector('u.genre_names', 'D')}
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[],
                $9::text[], $10::int[], $11::int[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
         AS u(id, name, album_type, release_date, precision, release_year, label, copyrights,
              upc, popularity, total_tracks, images, markets, artist_names, genre_names, artists)
  ON CONFLICT (id) DO UPDATE SET total_tracks = EXCLUDED.total_tracks WHERE albums.total_tracks < EXCLUDED.total_tracks`;

const INSERT_ALBUM_ARTISTS = `
  INSERT INTO album_artists (album_id, position, artist_id)
  SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
  ON CONFLICT DO NOTHING`;

const INSERT_TRACKS = `
  INSERT INTO tracks (id, album_id, name, duration_ms, explicit, isrc, disc_number, track_number, popularity,
                      preview_url, available_markets, artists, search_vector)
  SELECT u.id, u.album_id, u.name, u.duration_ms, u.explicit, u.isrc, u.disc_number, u.track_number, u.popularity,
         u.preview_url, coalesce(string_to_array(u.markets, ','), $16::varchar[]), u.artists::jsonb,
         ${vector('u.name', 'A')} || ${vector('u.artist_names', 'B')} || ${vector('u.album_name', 'C')} || ${vector('u.genre_names', 'D')}
    FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::boolean[], $6::text[], $7::int[], $8::int[], $9::int[],
                $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
         AS u(id, album_id, name, duration_ms, explicit, isrc, disc_number, track_number, popularity,
              preview_url, markets, artist_names, album_name, genre_names, artists)
  ON CONFLICT (id) DO NOTHING`;

const INSERT_TRACK_ARTISTS = `
  INSERT INTO track_artists (track_id, position, artist_id)
  SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
  ON CONFLICT DO NOTHING`;

const INSERT_AUDIO_FEATURES = `
  INSERT INTO audio_features (track_id, acousticness, danceability, energy, instrumentalness, liveness, loudness,
                              speechiness, valence, tempo, key, mode, time_signature)
  SELECT * FROM unnest($1::text[], $2::real[], $3::real[], $4::real[], $5::real[], $6::real[], $7::real[],
                       $8::real[], $9::real[], $10::real[], $11::int[], $12::int[], $13::int[])
  ON CONFLICT DO NOTHING`;

/** Markets travel as one comma-joined string, or null for "everywhere" (most rows): much less to send. */
const marketsParam = (markets: readonly string[]) => (markets === ALL_MARKETS ? null : markets.join(','));
const names = (refs: readonly { name: string }[]) => refs.map((r) => r.name).join(' ');
const refs = (artists: readonly { id: string; name: string }[]) => JSON.stringify(artists.map(({ id, name }) => ({ id, name })));

/** Column-wise parameter arrays, one per `$n`. */
function columns<T>(rows: readonly T[], pick: (row: T) => unknown[]): unknown[][] {
  if (!rows.length) return [];
  const out: unknown[][] = pick(rows[0]).map(() => []);
  for (const row of rows) pick(row).forEach((value, i) => out[i].push(value));
  return out;
}

interface Batch {
  artists: GeneratedArtist[];
  albums: GeneratedAlbum[];
  tracks: GeneratedTrack[];
  albumNames: Map<string, string>;
  albumGenres: Map<string, string>;
}

/** Phase one: artists, albums and their credits, which the tracks of this and later batches point to. */
async function writeReleases(db: EntityManager, { artists, albums }: Batch): Promise<void> {
  await db.query(INSERT_ARTISTS, columns(artists, (a) => [a.id, a.name, a.genres.join(','), a.popularity, a.followers, JSON.stringify(a.images), genreNames(a.genres).join(' ')]));
  if (albums.length) {
    await db.query(INSERT_ALBUMS, [
      ...columns(albums, (a) => [
        a.id, a.name, a.albumType, a.releaseDate, a.releaseDatePrecision, a.releaseYear, a.label, JSON.stringify(a.copyrights),
        a.upc, a.popularity, a.totalTracks, JSON.stringify(a.images), marketsParam(a.availableMarkets), names(a.artists), genreNames(a.genres).join(' '),
        refs(a.artists),
      ]),
      ALL_MARKETS,
    ]);
    await db.query(INSERT_ALBUM_ARTISTS, columns(albums.flatMap((a) => a.artists.map((artist, position) => [a.id, position, artist.id])), (r) => r));
  }
}

/** Phase two: tracks, their credits and audio features. */
async function writeTracks(db: EntityManager, batch: Batch): Promise<void> {
  const { tracks } = batch;
  if (tracks.length) {
    await db.query(INSERT_TRACKS, [
      ...columns(tracks, (t) => [
        t.id, t.albumId, t.name, t.durationMs, t.explicit, t.isrc, t.discNumber, t.trackNumber, t.popularity,
        t.previewUrl, marketsParam(t.availableMarkets), names(t.artists), batch.albumNames.get(t.albumId), batch.albumGenres.get(t.albumId),
        refs(t.artists),
      ]),
      ALL_MARKETS,
    ]);
    await db.query(INSERT_TRACK_ARTISTS, columns(tracks.flatMap((t) => t.artists.map((artist, position) => [t.id, position, artist.id])), (r) => r));
    await db.query(
      INSERT_AUDIO_FEATURES,
      columns(tracks, ({ id, features: f }) => [
        id, f.acousticness, f.danceability, f.energy, f.instrumentalness, f.liveness, f.loudness,
        f.speechiness, f.valence, f.tempo, f.key, f.mode, f.timeSignature,
      ]),
    );
  }
}

/** Groups bundles into batches of about `size` tracks. */
function* batches(bundles: Iterable<ArtistBundle>, size: number): Generator<Batch> {
  let batch: Batch | null = null;
  for (const { artist, releases } of bundles) {
    batch ??= { artists: [], albums: [], tracks: [], albumNames: new Map(), albumGenres: new Map() };
    batch.artists.push(artist);
    for (const { album, tracks } of releases) {
      batch.albums.push(album);
      batch.albumNames.set(album.id, album.name);
      batch.albumGenres.set(album.id, genreNames(album.genres).join(' '));
      for (const track of tracks) batch.tracks.push(track);
    }
    if (batch.tracks.length >= size) {
      yield batch;
      batch = null;
    }
  }
  if (batch) yield batch;
}

async function insertReferenceData(dataSource: DataSource, publicUrl: string): Promise<void> {
  const markets = marketRows();
  await dataSource.query(`INSERT INTO markets (code, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, [
    markets.map((m) => m.code),
    markets.map((m) => m.name),
  ]);
  const genres = genreRows();
  await dataSource.query(`INSERT INTO genres (id, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, [
    genres.map((g) => g.id),
    genres.map((g) => g.name),
  ]);
  await dataSource.query(
    `INSERT INTO categories (id, name, localized_names, icons, position, genres)
     SELECT u.id, u.name, u.localized_names::jsonb, u.icons::jsonb, u.position, string_to_array(u.genres, ',')
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) AS u(id, name, localized_names, icons, position, genres)
     ON CONFLICT DO NOTHING`,
    columns(categoryRows({ publicUrl }), (c) => [c.id, c.name, JSON.stringify(c.localizedNames), JSON.stringify(c.icons), c.position, c.genres.join(',')]),
  );
}

async function countRows(dataSource: DataSource): Promise<TableCounts> {
  const [row] = await dataSource.query<TableCounts[]>(
    `SELECT (SELECT count(*) FROM artists)::int AS artists, (SELECT count(*) FROM albums)::int AS albums, (SELECT count(*) FROM tracks)::int AS tracks`,
  );
  return row;
}

/**
 * Loads reference data (markets, genres, categories) and a catalog of `tracks` tracks.
 * Idempotent: rows already there are kept, so re-running adds nothing and a larger
 * catalog adds only what is missing. Search vectors are computed by the database.
 */
export async function seedCatalog(dataSource: DataSource, options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const total = catalogSize(options.tracks);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  await insertReferenceData(dataSource, options.publicUrl);
  const before = await countRows(dataSource);

  if (before.tracks < total) {
    // Only a database that already holds tracks can hold some of this catalog's.
    const mayExist = before.tracks > 0;
    let done = 0;
    // PostgreSQL: several batches at once. Phase one runs strictly in batch order, and a
    // batch's tracks wait for it, so every artist a track credits (featured artists come
    // from earlier batches) is committed before the track is written. PGlite: one at a time.
    const poolSize = (dataSource.options as { extra?: { max?: number } }).extra?.max ?? 1;
    const lanes = Math.max(1, Math.min(MAX_LANES, poolSize));
    let releasesWritten: Promise<boolean> = Promise.resolve(true);
    const inFlight = new Set<Promise<void>>();
    const errors: unknown[] = [];
    try {
      // Generating the next batch overlaps with writing the previous ones.
      for (const batch of batches(generateCatalog(options), batchSize)) {
        while (inFlight.size >= lanes && !errors.length) await Promise.race(inFlight);
        if (errors.length) break;
        const releasesBefore = releasesWritten;
        releasesWritten = (async () => {
          await releasesBefore;
          // Tracks present means an earlier run wrote this batch, releases first.
          if (mayExist && (await allTracksExist(dataSource, batch.tracks))) return false;
          await dataSource.transaction((manager) => writeReleases(manager, batch));
          return true;
        })();
        const releases = releasesWritten;
        const task = (async () => {
          if (await releases) await dataSource.transaction((manager) => writeTracks(manager, batch));
          done += batch.tracks.length;
          options.onProgress?.(done, total);
        })().catch((error: unknown) => {
          errors.push(error);
        });
        inFlight.add(task);
        void task.then(() => inFlight.delete(task));
      }
    } finally {
      // Never leave writes running behind an error.
      await Promise.all(inFlight);
    }
    if (errors.length) throw errors[0];
  } else {
    options.onProgress?.(total, total);
  }

  const counts = await countRows(dataSource);
  const inserted = { artists: counts.artists - before.artists, albums: counts.albums - before.albums, tracks: counts.tracks - before.tracks };
  // Fresh statistics for the planner, and a visibility map so index-only scans skip the heap
  // (without it, first searches on a fresh 1M-track load are several times slower).
  if (inserted.tracks > 0) await dataSource.query('VACUUM ANALYZE');
  return { counts, inserted, seconds: (Date.now() - started) / 1000 };
}

async function allTracksExist(dataSource: DataSource, tracks: readonly GeneratedTrack[]): Promise<boolean> {
  if (!tracks.length) return true;
  const [{ n }] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM tracks WHERE id = ANY($1::varchar[])`, [tracks.map((t) => t.id)]);
  return n === tracks.length;
}

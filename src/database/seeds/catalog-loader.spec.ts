import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { FIXTURE } from './catalog-generator';
import { seedCatalog } from './catalog-loader';

const publicUrl = 'http://localhost:3000';

describe('catalog loader (PGlite)', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = createDataSource({ DATA_DIR: 'memory://', DB_POOL_SIZE: 1 });
    await db.initialize();
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
  });

  const count = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }[]>(`SELECT (${sql})::int AS n`, params))[0].n;

  it('loads a catalog with search vectors and every related row', async () => {
    const progress: number[] = [];
    const result = await seedCatalog(db, { tracks: 2000, publicUrl, batchSize: 500, onProgress: (done, total) => progress.push(done / total) });
    expect(result.counts.tracks).toBe(2000);
    expect(result.inserted).toEqual(result.counts);
    expect(result.counts.artists).toBeGreaterThan(20);
    expect(result.counts.albums).toBeGreaterThan(150);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress[progress.length - 1]).toBe(1);

    expect(await count('SELECT count(*) FROM audio_features')).toBe(2000);
    expect(await count('SELECT count(DISTINCT track_id) FROM track_artists')).toBe(2000);
    expect(await count('SELECT count(*) FROM track_artists WHERE position = 1')).toBeGreaterThan(100);
    expect(await count('SELECT count(DISTINCT album_id) FROM album_artists')).toBe(result.counts.albums);
    expect(await count('SELECT count(*) FROM albums a WHERE total_tracks <> (SELECT count(*) FROM tracks t WHERE t.album_id = a.id)')).toBe(0);
    expect(await count('SELECT count(*) FROM genres')).toBeGreaterThanOrEqual(55);
    expect(await count('SELECT count(*) FROM categories')).toBeGreaterThanOrEqual(20);
    expect(await count('SELECT count(*) FROM markets')).toBeGreaterThan(150);

    // Weighted lexemes, accents folded.
    expect(await count(`SELECT count(*) FROM tracks WHERE search_vector @@ to_tsquery('simple', 'midnight:A')`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) FROM tracks WHERE search_vector @@ to_tsquery('simple', 'cafe:A & solitude:A')`)).toBe(1);
    expect(await count(`SELECT count(*) FROM tracks WHERE search_vector @@ to_tsquery('simple', 'vance:B & cartography:C & dream:D')`)).toBe(5);
    expect(await count(`SELECT count(*) FROM albums WHERE search_vector @@ to_tsquery('simple', 'cartography:A & aurora:B & indie:D')`)).toBe(1);
    expect(await count(`SELECT count(*) FROM artists WHERE search_vector @@ to_tsquery('simple', 'zoe:A & (singer:D <-> songwriter:D)')`)).toBe(1);
    expect(await count(`SELECT count(*) FROM tracks WHERE search_vector = ''::tsvector`)).toBe(0);

    // Fixture rows as the API will read them.
    const [nordic] = await db.query(`SELECT available_markets, release_date_precision FROM albums WHERE id = $1`, [FIXTURE.albums.nordicHours.id]);
    expect(nordic).toEqual({ available_markets: ['SE', 'NO'], release_date_precision: 'year' });
    const [northbound] = await db.query(`SELECT available_markets FROM tracks WHERE id = $1`, [FIXTURE.tracks.northbound.id]);
    expect(northbound.available_markets).toEqual(['US', 'CA']);
    const [cartography] = await db.query(`SELECT upc, copyrights, images FROM albums WHERE id = $1`, [FIXTURE.albums.midnightCartography.id]);
    expect(cartography.upc).toBe('000000000017');
    expect(cartography.copyrights[0]).toEqual({ text: '© 2024 Lantern Field Records', type: 'C' });
    expect(cartography.images[1]).toEqual({ url: `${publicUrl}/images/album/${FIXTURE.albums.midnightCartography.id}/300.svg`, height: 300, width: 300 });
    expect(await count(`SELECT count(*) FROM tracks WHERE isrc = 'BBTST2600001' AND id = $1`, [FIXTURE.tracks.midnightCartography.id])).toBe(1);
    expect(await count(`SELECT count(*) FROM albums WHERE cardinality(available_markets) = (SELECT count(*) FROM markets)`)).toBeGreaterThan(result.counts.albums * 0.8);
  }, 60_000);

  it('adds nothing when run again, and only the missing rows for a larger catalog', async () => {
    const again = await seedCatalog(db, { tracks: 2000, publicUrl, batchSize: 500 });
    expect(again.inserted).toEqual({ artists: 0, albums: 0, tracks: 0 });

    const larger = await seedCatalog(db, { tracks: 2600, publicUrl, batchSize: 500 });
    expect(larger.counts.tracks).toBe(2600);
    expect(larger.inserted.tracks).toBe(600);
    expect(await count('SELECT count(*) FROM audio_features')).toBe(2600);
    // An album the smaller catalog cut short is complete now.
    expect(await count('SELECT count(*) FROM albums a WHERE total_tracks <> (SELECT count(*) FROM tracks t WHERE t.album_id = a.id)')).toBe(0);
  }, 60_000);
});

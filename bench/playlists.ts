// Playlist edits on a 10,000-item playlist: `npm run bench:playlists -- [--iterations 200] [--warmup 20] [--tracks 20000]`.
// One gateway (bench/gateway.ts), one listener, requests one at a time over HTTP. The playlist holds
// 9,900 items; each round times, in turn:
//   1. add 100 items at position 5,000 (POST /v1/playlists/{id}/items, 9,900 → 10,000 items, the maximum);
//   2. move the last 50 items to the start (PUT /v1/playlists/{id}/items with range_start/insert_before);
//   3. read 100 items from the middle (GET /v1/playlists/{id}/items?offset=5000&limit=100);
// then removes the 100 added items, untimed. p50/p95/p99/max per operation.
// Then two probes of the position keys (fractional indexes that lengthen when
// inserts pile into one gap, until the service renumbers the playlist): 99 adds of 100 items at the
// same index into a playlist of 100, and --moves single-item moves into one gap of the 9,900 items.
// Key lengths come from the database: read alongside on PostgreSQL, after the gateway stops on PGlite.
// On PostgreSQL with DATABASE_URL, else on embedded PGlite in bench/.data-playlists.
import 'reflect-metadata';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { loadEnv } from '../src/config/env';
import { benchDatabase, devToken, percentile, ROOT, saveResults, startServer } from './lib';

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    tracks: { type: 'string', default: '20000' },
    moves: { type: 'string', default: '700' },
  },
});

const GATEWAY = join(__dirname, 'gateway.js');
const DATA_DIR = '.data-playlists';
const SCOPES = 'playlist-read-private playlist-modify-public playlist-modify-private';
const BASE_ITEMS = 9_900;
const BATCH = 100;
const MIDDLE = 5_000;
const MOVED = 50;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Stats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  maxAt: number;
}

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1], maxAt: times.indexOf(sorted[sorted.length - 1]) };
}

/** Position keys as the database holds them: on PostgreSQL read alongside the gateway, on PGlite only once it has stopped. */
interface Keys {
  maxLength(playlistId: string): Promise<number>;
  close(): Promise<void>;
}

async function postgresKeys(url: string): Promise<Keys> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    maxLength: async (id) => (await client.query<{ n: number }>(`SELECT coalesce(max(length(position)), 0)::int AS n FROM playlist_items WHERE playlist_id = $1`, [id])).rows[0].n,
    close: () => client.end(),
  };
}

/** Opens the embedded database once the gateway has stopped; closing it deletes `dropAfter`, the benchmark's playlists. */
async function pgliteKeys(dropAfter: string[]): Promise<Keys> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const db = await PGlite.create({ dataDir: join(ROOT, 'bench', DATA_DIR, 'pglite'), extensions: { pg_trgm, unaccent } });
  return {
    maxLength: async (id) => (await db.query<{ n: number }>(`SELECT coalesce(max(length(position)), 0)::int AS n FROM playlist_items WHERE playlist_id = $1`, [id])).rows[0].n,
    close: async () => {
      await db.query(`DELETE FROM playlists WHERE id = ANY($1::varchar[])`, [dropAfter]);
      await db.close();
    },
  };
}

class Api {
  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  /** One request, body read to the end; resolves to the elapsed milliseconds and the parsed body. */
  async call<T = unknown>(method: Method, path: string, body?: unknown): Promise<{ ms: number; body: T }> {
    const started = performance.now();
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    return { ms, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async createPlaylist(name: string): Promise<string> {
    return (await this.call<{ id: string }>('POST', '/v1/me/playlists', { name, public: true })).body.id;
  }

  /** Appends `uris`, 100 per request. */
  async append(id: string, uris: string[]): Promise<void> {
    for (let i = 0; i < uris.length; i += BATCH) await this.call('POST', `/v1/playlists/${id}/items`, { uris: uris.slice(i, i + BATCH) });
  }
}

/** Track URIs through the API (the embedded database admits one process): the tracks of new releases. */
async function sampleTrackUris(api: Api): Promise<string[]> {
  const uris = new Set<string>();
  for (const offset of [0, 50]) {
    const releases = await api.call<{ albums: { items: { id: string }[] } }>('GET', `/v1/browse/new-releases?limit=50&offset=${offset}`);
    for (const album of releases.body.albums.items) {
      const tracks = await api.call<{ items: { uri: string }[] }>('GET', `/v1/albums/${album.id}/tracks?limit=50`);
      for (const t of tracks.body.items) uris.add(t.uri);
    }
  }
  return [...uris];
}

/** `count` URIs cycling through `pool`: playlists may repeat tracks. */
const cycle = (pool: string[], count: number) => Array.from({ length: count }, (_, i) => pool[i % pool.length]);

interface Probe {
  name: string;
  playlistId: string;
  requests: Stats;
  /** Each request's milliseconds, in order. */
  times: number[];
  /** Max key length after each request (PostgreSQL only). */
  lengths: number[];
  renumbers: number[];
  finalMaxLength?: number;
}

async function main(): Promise<void> {
  const env = loadEnv();
  const [iterations, warmup, moves] = [Number(values.iterations), Number(values.warmup), Number(values.moves)];
  const database = env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
  console.error(`Starting a gateway on ${database} (the first start seeds ${Number(values.tracks).toLocaleString('en')} tracks)…`);
  const gateway = await startServer(
    GATEWAY,
    {
      ...benchDatabase(env.DATABASE_URL, DATA_DIR),
      SEED_TRACKS: values.tracks,
      PORT: '3971',
      NODE_ENV: 'production',
      DEV_TOKENS: 'true',
      LOG_LEVEL: 'warn',
      BENCH_GUARD: 'on',
    },
    '/health/ready',
  );
  const live = env.DATABASE_URL ? await postgresKeys(env.DATABASE_URL) : null;
  const ops = { add: [] as number[], move: [] as number[], read: [] as number[] };
  const keyLengths: number[] = [];
  const probes: Probe[] = [];
  /** The machine's 1-minute load average before and after the measured rounds: other work on the two cores shows in the tails. */
  const load: number[] = [];
  const playlistIds: string[] = [];
  try {
    const api = new Api(gateway.url, await devToken(gateway.url, SCOPES));
    const uris = await sampleTrackUris(api);
    if (uris.length < 2 * BATCH) throw new Error(`only ${uris.length} tracks found; seed more (--tracks)`);
    // The 100 added each round appear nowhere else, so removing them by URI removes exactly them.
    const added = uris.slice(0, BATCH);
    const pool = uris.slice(BATCH);

    console.error(`Building a playlist of ${BASE_ITEMS.toLocaleString('en')} items (${pool.length} distinct tracks)…`);
    const mainId = await api.createPlaylist('Playlists benchmark');
    playlistIds.push(mainId);
    await api.append(mainId, cycle(pool, BASE_ITEMS));
    // Fresh statistics and visibility map, as autovacuum would leave a playlist that has been around a while.
    if (env.DATABASE_URL) {
      const admin = new Client({ connectionString: env.DATABASE_URL });
      await admin.connect();
      await admin.query('VACUUM ANALYZE playlist_items');
      await admin.query('VACUUM ANALYZE playlists');
      await admin.end();
    }
    if (live) keyLengths.push(await live.maxLength(mainId));

    console.error(`${warmup} warm-up rounds, then ${iterations} measured…`);
    load.push(loadavg()[0]);
    const count = BASE_ITEMS + BATCH;
    for (let round = 0; round < warmup + iterations; round++) {
      const add = await api.call('POST', `/v1/playlists/${mainId}/items`, { uris: added, position: MIDDLE });
      const move = await api.call('PUT', `/v1/playlists/${mainId}/items`, { range_start: count - MOVED, range_length: MOVED, insert_before: 0 });
      const read = await api.call<{ items: unknown[]; total: number }>('GET', `/v1/playlists/${mainId}/items?offset=${MIDDLE}&limit=${BATCH}`);
      if (read.body.items.length !== BATCH || read.body.total !== count) throw new Error(`read ${read.body.items.length} items of ${read.body.total}`);
      await api.call('DELETE', `/v1/playlists/${mainId}/items`, { items: added.map((uri) => ({ uri })) });
      if (round >= warmup) {
        ops.add.push(add.ms);
        ops.move.push(move.ms);
        ops.read.push(read.ms);
        if (live) keyLengths.push(await live.maxLength(mainId));
      }
    }

    load.push(loadavg()[0]);

    // Probe 1: inserts that pile into one gap. A playlist of 100, then 99 adds of 100 at index 50.
    console.error('Probe: 99 adds of 100 items at the same index…');
    const pileId = await api.createPlaylist('Playlists benchmark: one gap');
    playlistIds.push(pileId);
    await api.append(pileId, cycle(pool, BATCH));
    const pile: Probe = { name: `99 adds of 100 items at index 50 (100 → 10,000 items)`, playlistId: pileId, requests: stats([]), times: [], lengths: [], renumbers: [] };
    const pileTimes = pile.times;
    for (let i = 0; i < 99; i++) {
      pileTimes.push((await api.call('POST', `/v1/playlists/${pileId}/items`, { uris: cycle(pool, BATCH), position: BATCH / 2 })).ms);
      if (live) pile.lengths.push(await live.maxLength(pileId));
    }
    pile.requests = stats(pileTimes);
    probes.push(pile);

    // Probe 2: one item at a time dragged into the same gap of the 9,900-item playlist.
    console.error(`Probe: ${moves} single-item moves into one gap of another ${BASE_ITEMS.toLocaleString('en')}-item playlist…`);
    const dragId = await api.createPlaylist('Playlists benchmark: dragging');
    playlistIds.push(dragId);
    await api.append(dragId, cycle(pool, BASE_ITEMS));
    const dragged: Probe = { name: `${moves} moves of the last item to index ${MIDDLE} (9,900 items)`, playlistId: dragId, requests: stats([]), times: [], lengths: [], renumbers: [] };
    const dragTimes = dragged.times;
    for (let i = 0; i < moves; i++) {
      dragTimes.push((await api.call('PUT', `/v1/playlists/${dragId}/items`, { range_start: BASE_ITEMS - 1, insert_before: MIDDLE })).ms);
      if (live) dragged.lengths.push(await live.maxLength(dragId));
    }
    dragged.requests = stats(dragTimes);
    probes.push(dragged);
  } finally {
    await live?.close();
    await gateway.stop();
  }

  // A renumber shows as the longest key getting shorter; on PGlite only the final length is known.
  const after = live ? null : await pgliteKeys(playlistIds);
  try {
    for (const probe of probes) {
      probe.renumbers = probe.lengths.flatMap((n, i) => (i > 0 && n < probe.lengths[i - 1] ? [i] : []));
      probe.finalMaxLength = live ? probe.lengths[probe.lengths.length - 1] : await after!.maxLength(probe.playlistId);
    }
    if (after) keyLengths.push(await after.maxLength(playlistIds[0]));
  } finally {
    await after?.close();
  }
  // Leave the database as it was, so runs do not pile up playlists (on PGlite closing `after` did).
  if (env.DATABASE_URL) {
    const client = new Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    await client.query(`DELETE FROM playlists WHERE id = ANY($1::varchar[])`, [playlistIds]);
    await client.end();
  }

  const results = {
    date: new Date().toISOString(),
    database,
    iterations,
    warmup,
    loadAverage: load,
    operations: { add: stats(ops.add), move: stats(ops.move), read: stats(ops.read) },
    mainKeyLengths: { first: keyLengths[0], max: Math.max(...keyLengths), last: keyLengths[keyLengths.length - 1] },
    probes,
  };
  const file = saveResults('playlists', results);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`\nPlaylists on ${database}: ${iterations} rounds after ${warmup} warm-up rounds, one request at a time, ${BASE_ITEMS.toLocaleString('en')} ↔ 10,000 items; load average ${load.map((l) => l.toFixed(1)).join(' → ')}\n`);
  console.log('| Operation | p50 | p95 | p99 | max (round) |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const labels = {
    add: `add 100 items at position ${MIDDLE}`,
    move: `move the last ${MOVED} items to the start`,
    read: `read 100 items at offset ${MIDDLE}`,
  };
  for (const op of ['add', 'move', 'read'] as const) {
    const s = results.operations[op];
    console.log(`| ${labels[op]} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} (${s.maxAt}) |`);
  }
  const worst = Math.max(...(['add', 'move', 'read'] as const).map((op) => results.operations[op].p95));
  console.log(`\nTarget p95 ≤ 20 ms: ${worst <= 20 ? 'met' : 'MISSED'} (worst p95 ${ms(worst)}).`);
  const k = results.mainKeyLengths;
  console.log(`Longest position key in the measured playlist: ${live ? `${k.first} after building, at most ${k.max} during the rounds, ${k.last} at the end` : `${k.last} at the end`}.`);
  console.log('\n| Probe | p50 | p95 | max (request) | longest key at the end | renumbers seen (after request) |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const p of probes) {
    const seen = live ? (p.renumbers.length ? p.renumbers.map((i) => `#${i}: ${p.lengths[i - 1]} → ${p.lengths[i]} chars, ${ms(p.times[i])}`).join('; ') : 'none') : 'n/a (PGlite)';
    console.log(`| ${p.name} | ${ms(p.requests.p50)} | ${ms(p.requests.p95)} | ${ms(p.requests.max)} (#${p.requests.maxAt}) | ${p.finalMaxLength} | ${seen} |`);
  }
  console.log(`\nSaved ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

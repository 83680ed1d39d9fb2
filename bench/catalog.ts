// Catalog benchmark: `npm run bench -- [--tracks 1000000] [--seconds 15] [--connections 50]`.
// With DATABASE_URL (PostgreSQL), seeded there when smaller than --tracks:
// 1. GET /v1/tracks/{id} through the gateway vs a bare Fastify + pg route running the same query;
// 2. search latency (single- and two-word queries) through the gateway.
// Without it, only (2), on the embedded database under DATA_DIR (seeded by the gateway's first start).
import 'reflect-metadata';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv } from '../src/config/env';
import { createDataSource } from '../src/database/data-source';
import { seedCatalog } from '../src/database/seeds/catalog-loader';
import { devToken, load, LoadResult, MAIN, saveResults, sequentialLatency, startServer } from './lib';

const { values } = parseArgs({
  options: {
    tracks: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '2' },
  },
});

async function prepare(databaseUrl: string, tracks: number) {
  const dataSource = createDataSource({ DATABASE_URL: databaseUrl, DATA_DIR: 'memory://', DB_POOL_SIZE: 4 });
  await dataSource.initialize();
  const [{ count }] = await dataSource.query<{ count: number }[]>('SELECT count(*)::int AS count FROM tracks');
  if (count < tracks) {
    console.error(`Seeding ${tracks.toLocaleString('en')} tracks (have ${count.toLocaleString('en')})…`);
    await seedCatalog(dataSource, { tracks, publicUrl: 'http://127.0.0.1' });
  }
  const ids = (await dataSource.query<{ id: string }[]>('SELECT id FROM tracks ORDER BY md5(id) LIMIT 5000')).map((r) => r.id);
  const names = (await dataSource.query<{ name: string }[]>('SELECT name FROM tracks ORDER BY md5(id || $1) LIMIT 400', ['words'])).map((r) => r.name);
  const [{ total }] = await dataSource.query<{ total: number }[]>('SELECT count(*)::int AS total FROM tracks');
  await dataSource.destroy();
  return { ids, names, total };
}

function searchQueries(names: string[]): { single: string[]; double: string[] } {
  const words = names.map((n) => n.split(/\s+/).filter((w) => /^[\p{L}\p{N}']+$/u.test(w)));
  const single = words.flatMap((w) => (w[0] ? [w[0]] : [])).slice(0, 200);
  const double = words.flatMap((w) => (w.length >= 2 ? [`${w[0]} ${w[1]}`] : [])).slice(0, 200);
  return { single, double };
}

async function searchLatency(base: string, names: string[], auth: Record<string, string>) {
  const queries = searchQueries(names);
  const searchPath = (q: string) => `/v1/search?type=track&limit=20&q=${encodeURIComponent(q)}`;
  await sequentialLatency(base, queries.single.slice(0, 30).map(searchPath), auth);
  const single = await sequentialLatency(base, queries.single.map(searchPath), auth);
  const double = await sequentialLatency(base, queries.double.map(searchPath), auth);
  const multiType = await sequentialLatency(
    base,
    queries.single.map((q) => `/v1/search?type=track,artist,album&limit=10&q=${encodeURIComponent(q)}`),
    auth,
  );
  return { single, double, multiType };
}

function printSearch(search: Awaited<ReturnType<typeof searchLatency>>): void {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log('| Search (sequential) | queries | p50 | p95 | p99 |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [label, s] of [['one word, tracks', search.single], ['two words, tracks', search.double], ['one word, tracks+artists+albums', search.multiType]] as const) {
    console.log(`| ${label} | ${s.count} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} |`);
  }
}

/** Search on the embedded database: the gateway alone, since there is no pg to compare with. */
async function embedded(dataDir: string, tracks: number): Promise<void> {
  const gateway = await startServer(MAIN, { DATA_DIR: dataDir, DATABASE_URL: '', SEED_TRACKS: String(tracks), PORT: '3903', LOG_LEVEL: 'warn' }, '/health/ready');
  try {
    const auth = { authorization: `Bearer ${await devToken(gateway.url)}` };
    // Sample track names through the API itself (the embedded database admits one process): new releases' tracks.
    const names: string[] = [];
    for (const offset of [0, 50]) {
      const releases = await (await fetch(`${gateway.url}/v1/browse/new-releases?limit=50&offset=${offset}`, { headers: auth })).json();
      for (const album of (releases as { albums: { items: { id: string }[] } }).albums.items) {
        const tracks = await (await fetch(`${gateway.url}/v1/albums/${album.id}/tracks?limit=4`, { headers: auth })).json();
        names.push(...(tracks as { items: { name: string }[] }).items.map((t) => t.name));
      }
    }
    const search = await searchLatency(gateway.url, names, auth);
    const file = saveResults('catalog-embedded', { date: new Date().toISOString(), dataDir, search });
    console.log(`\nSearch on embedded PGlite (${dataDir})\n`);
    printSearch(search);
    console.log(`\nSaved ${file}`);
  } finally {
    await gateway.stop();
  }
}

async function main(): Promise<void> {
  const env = loadEnv();
  const tracks = Number(values.tracks);
  if (!env.DATABASE_URL) return embedded(env.DATA_DIR, tracks);
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const { ids, names, total } = await prepare(env.DATABASE_URL, tracks);
  const paths = ids.map((id) => `/v1/tracks/${id}`);

  const common = { DATABASE_URL: env.DATABASE_URL, DB_POOL_SIZE: String(env.DB_POOL_SIZE) };
  const gateway = await startServer(MAIN, { ...common, PORT: '3901', SEED_DEMO: 'false', NODE_ENV: 'production', DEV_TOKENS: 'true', LOG_LEVEL: 'info' }, '/health/ready');
  const bare = await startServer(join(__dirname, 'bare-server.js'), { ...common, PORT: '3902' }, `/v1/tracks/${ids[0]}`);
  const token = await devToken(gateway.url);
  const auth = { authorization: `Bearer ${token}` };

  try {
    // Search first: the load runs below read 5,000 random tracks, which evicts search's pages
    // from a default-sized shared_buffers (128 MB).
    const search = await searchLatency(gateway.url, names, auth);
    // Warm both up (connections, JIT, caches), then alternate rounds so drift hits both alike.
    await load('warm-up', bare.url, paths, { connections, seconds: 3 });
    await load('warm-up', gateway.url, paths, { connections, seconds: 3, headers: auth });
    const runs: LoadResult[] = [];
    for (let round = 0; round < Number(values.rounds); round++) {
      runs.push(await load('bare', bare.url, paths, { connections, seconds }));
      runs.push(await load('gateway', gateway.url, paths, { connections, seconds, headers: auth }));
    }
    const best = (name: string) => runs.filter((r) => r.name === name).sort((a, b) => b.requestsPerSecond - a.requestsPerSecond)[0];
    const [b, g] = [best('bare'), best('gateway')];
    const ratio = g.requestsPerSecond / b.requestsPerSecond;
    const results = { date: new Date().toISOString(), tracks: total, connections, seconds, runs, ratio, search };
    const file = saveResults('catalog', results);
    console.log(`\nCatalog: ${total.toLocaleString('en')} tracks on PostgreSQL, ${connections} connections, ${seconds} s per run, best of ${values.rounds}\n`);
    console.log('| Route | req/s | p50 | p99 |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const r of [b, g]) console.log(`| ${r.name} | ${Math.round(r.requestsPerSecond)} | ${r.p50} ms | ${r.p99} ms |`);
    console.log(`\nGateway / bare throughput: ${ratio.toFixed(2)} (target ≥ 0.60); gateway p99 ${g.p99} ms (target ≤ 25 ms)`);
    console.log(`Errors: bare ${b.errors + b.non2xx}, gateway ${g.errors + g.non2xx}\n`);

    printSearch(search);
    console.log(`\nSaved ${file}`);
  } finally {
    await Promise.all([gateway.stop(), bare.stop()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

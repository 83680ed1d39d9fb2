// What OAuth costs: `npm run bench:auth -- [--seconds 10] [--connections 50] [--rounds 3] [--tracks 20000]`.
// 1. GET /v1/tracks/{id} through the gateway with a real access token (client credentials from
//    /api/token) vs the same gateway with the bearer guard switched off (both started by bench/gateway.ts);
// 2. POST /api/token with client credentials: tokens issued per second.
// On PostgreSQL with DATABASE_URL, else on the embedded database. The two gateways run side by side and
// take turns under load, round after round, so drift hits both alike; the medians are compared.
import 'reflect-metadata';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv } from '../src/config/env';
import { benchDatabase, load, LoadResult, saveResults, startServer } from './lib';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '5' },
    tracks: { type: 'string', default: '20000' },
  },
});

const GATEWAY = join(__dirname, 'gateway.js');

async function json<T>(response: Promise<Response>): Promise<T> {
  const res = await response;
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Track ids through the API itself (the embedded database admits one process): new releases' tracks. */
async function sampleTrackIds(base: string, auth: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  for (const offset of [0, 50]) {
    const releases = await json<{ albums: { items: { id: string }[] } }>(fetch(`${base}/v1/browse/new-releases?limit=50&offset=${offset}`, { headers: auth }));
    for (const album of releases.albums.items) {
      const tracks = await json<{ items: { id: string }[] }>(fetch(`${base}/v1/albums/${album.id}/tracks?limit=10`, { headers: auth }));
      ids.push(...tracks.items.map((t) => t.id));
    }
  }
  return ids;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const env = loadEnv();
  const [seconds, connections, rounds] = [Number(values.seconds), Number(values.connections), Number(values.rounds)];
  // Two gateways side by side, each seeding its database on first start when it has no tracks. The
  // embedded database admits one process, so there each gateway has a directory of its own.
  const serverEnv = (port: string, dir: string, guard: 'on' | 'off') => ({
    ...benchDatabase(env.DATABASE_URL, dir),
    BENCH_GUARD: guard,
    SEED_TRACKS: values.tracks,
    PORT: port,
    NODE_ENV: 'production',
    DEV_TOKENS: 'true',
    LOG_LEVEL: 'info',
  });
  const gateway = await startServer(GATEWAY, serverEnv('3921', '.data-auth', 'on'), '/health/ready');
  const open = await startServer(GATEWAY, serverEnv('3922', '.data-auth-open', 'off'), '/health/ready');
  try {
    // A real app and a real token from /api/token, then track ids.
    const app = await json<{ client_id: string; client_secret: string }>(
      fetch(`${gateway.url}/dev/apps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Auth benchmark', redirect_uris: ['http://127.0.0.1/cb'], type: 'confidential' }),
      }),
    );
    const tokenRequest = {
      method: 'POST' as const,
      headers: { authorization: `Basic ${Buffer.from(`${app.client_id}:${app.client_secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    };
    const { access_token: token } = await json<{ access_token: string }>(fetch(`${gateway.url}/api/token`, tokenRequest));
    const bearer = { authorization: `Bearer ${token}` };
    const paths = (await sampleTrackIds(gateway.url, bearer)).map((id) => `/v1/tracks/${id}`);

    await load('warm-up', gateway.url, paths, { connections, seconds: 3, headers: bearer });
    await load('warm-up', open.url, paths, { connections, seconds: 3 });
    const runs: LoadResult[] = [];
    for (let round = 0; round < rounds; round++) {
      runs.push(await load('with bearer token', gateway.url, paths, { connections, seconds, headers: bearer }));
      runs.push(await load('guard switched off', open.url, paths, { connections, seconds }));
    }
    await load('warm-up', gateway.url, ['/api/token'], { connections, seconds: 2, ...tokenRequest });
    const tokenRate = await load('POST /api/token (client credentials)', gateway.url, ['/api/token'], { connections, seconds, ...tokenRequest });

    const rates = (name: string) => runs.filter((r) => r.name === name).map((r) => r.requestsPerSecond);
    const cost = 1 - median(rates('with bearer token')) / median(rates('guard switched off'));
    const where = env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
    const file = saveResults('auth', { date: new Date().toISOString(), database: where, connections, seconds, runs, cost, tokenRate });
    console.log(`\nAuth on ${where}: GET /v1/tracks/{id}, ${connections} connections, ${rounds} alternating runs of ${seconds} s each\n`);
    console.log('| Gateway | median req/s | runs (req/s) | p99 of the median run |');
    console.log('| --- | ---: | --- | ---: |');
    for (const name of ['guard switched off', 'with bearer token']) {
      const own = runs.filter((r) => r.name === name);
      const mid = own.find((r) => r.requestsPerSecond === median(rates(name)))!;
      console.log(`| ${name} | ${Math.round(mid.requestsPerSecond)} | ${own.map((r) => Math.round(r.requestsPerSecond)).join(', ')} | ${mid.p99} ms |`);
    }
    console.log(`\nToken validation costs ${(cost * 100).toFixed(1)} % of throughput (target ≤ 10 %).`);
    console.log(`POST /api/token, client credentials: ${Math.round(tokenRate.requestsPerSecond)} tokens/s, p50 ${tokenRate.p50} ms, p99 ${tokenRate.p99} ms.`);
    const errors = [...runs, tokenRate].reduce((sum, r) => sum + r.errors + r.non2xx, 0);
    console.log(`Errors and non-2xx answers: ${errors}\n\nSaved ${file}`);
  } finally {
    await Promise.all([gateway.stop(), open.stop()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

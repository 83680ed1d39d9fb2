// What OAuth costs: `npm run bench:auth -- [--seconds 10] [--connections 50] [--rounds 3] [--tracks 20000]`.
// 1. GET /v1/tracks/{id} through the gateway with a real access token (client credentials from
//    /api/token) vs the same gateway with the bearer guard switched off (bench/gateway-without-auth.ts);
// 2. POST /api/token with client credentials: tokens issued per second.
// On PostgreSQL with DATABASE_URL, else on the embedded database under bench/.data-auth. The two gateways take turns on one database, round after round, so drift hits both alike.
import 'reflect-metadata';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv } from '../src/config/env';
import { load, LoadResult, MAIN, ROOT, saveResults, startServer } from './lib';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    tracks: { type: 'string', default: '20000' },
  },
});

const WITHOUT_AUTH = join(__dirname, 'gateway-without-auth.js');

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

async function main(): Promise<void> {
  const env = loadEnv();
  const [seconds, connections, rounds] = [Number(values.seconds), Number(values.connections), Number(values.rounds)];
  // A database without tracks is seeded by the gateway's first start.
  const database: Record<string, string> = env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : { DATABASE_URL: '', DATA_DIR: join(ROOT, 'bench', '.data-auth') };
  const serverEnv = { ...database, SEED_TRACKS: values.tracks, PORT: '3921', NODE_ENV: 'production', DEV_TOKENS: 'true', LOG_LEVEL: 'info' };
  const start = (script: string) => startServer(script, serverEnv, '/health/ready');

  // Setup on the real gateway: an app, a token from /api/token, track ids; and the token endpoint's rate.
  let gateway = await start(MAIN);
  let app: { client_id: string; client_secret: string };
  let token: string;
  let paths: string[];
  let tokenRate: LoadResult;
  try {
    app = await json(fetch(`${gateway.url}/dev/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Auth benchmark', redirect_uris: ['http://127.0.0.1/cb'], type: 'confidential' }),
    }));
    const basic = { authorization: `Basic ${Buffer.from(`${app.client_id}:${app.client_secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' };
    const issue = () => json<{ access_token: string }>(fetch(`${gateway.url}/api/token`, { method: 'POST', headers: basic, body: 'grant_type=client_credentials' }));
    token = (await issue()).access_token;
    paths = (await sampleTrackIds(gateway.url, { authorization: `Bearer ${token}` })).map((id) => `/v1/tracks/${id}`);
    await load('warm-up', gateway.url, ['/api/token'], { connections, seconds: 2, method: 'POST', headers: basic, body: 'grant_type=client_credentials' });
    tokenRate = await load('POST /api/token (client credentials)', gateway.url, ['/api/token'], { connections, seconds, method: 'POST', headers: basic, body: 'grant_type=client_credentials' });
  } finally {
    await gateway.stop();
  }

  const runs: LoadResult[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [name, script, headers] of [
      ['with bearer token', MAIN, { authorization: `Bearer ${token}` }],
      ['guard switched off', WITHOUT_AUTH, {}],
    ] as const) {
      gateway = await start(script);
      try {
        await load('warm-up', gateway.url, paths, { connections, seconds: 3, headers });
        runs.push(await load(name, gateway.url, paths, { connections, seconds, headers }));
      } finally {
        await gateway.stop();
      }
    }
  }

  const best = (name: string) => runs.filter((r) => r.name === name).sort((a, b) => b.requestsPerSecond - a.requestsPerSecond)[0];
  const [authed, open] = [best('with bearer token'), best('guard switched off')];
  const cost = 1 - authed.requestsPerSecond / open.requestsPerSecond;
  const where = env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
  const file = saveResults('auth', { date: new Date().toISOString(), database: where, connections, seconds, runs, cost, tokenRate });
  console.log(`\nAuth on ${where}: GET /v1/tracks/{id}, ${connections} connections, ${seconds} s per run, best of ${rounds}\n`);
  console.log('| Gateway | req/s | p50 | p99 | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of [open, authed, tokenRate]) console.log(`| ${r.name} | ${Math.round(r.requestsPerSecond)} | ${r.p50} ms | ${r.p99} ms | ${r.errors + r.non2xx} |`);
  console.log(`\nToken validation costs ${(cost * 100).toFixed(1)} % of throughput (target ≤ 10 %).`);
  console.log(`\nSaved ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

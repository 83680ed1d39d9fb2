// What rate limiting costs: `npm run bench:rate-limit -- [--seconds 10] [--connections 50] [--rounds 5] [--tracks 20000]`.
// GET /v1/tracks/{id} with a listener's access token through three gateways (bench/gateway.ts, the real
// bearer guard) on the same PostgreSQL database: limiter off (RATE_LIMIT_ENABLED=false), on with counters
// in memory, on with counters in Redis (REDIS_URL, a REDIS_KEY_PREFIX of this run's own). The gateways run
// side by side and take turns under load (off, memory, Redis, off, …), so drift hits all three alike;
// the medians are compared.
// The token's app (`backbeat-dev`, the client of /dev/tokens) gets an oauth_clients row whose override
// is out of reach, so that every request is granted and still draws on its two budgets (app, and app and
// listener). The benchmark checks that: no non-2xx answer, and each limited gateway counted exactly the
// requests of a fixed batch in `GET /v1/rate_limit` (and, for Redis, in the Redis keys).
// PostgreSQL only (the bench writes the app row itself): DATABASE_URL, by default
// postgres://postgres@127.0.0.1:5432/bb_rate_limit (created, and seeded by the first gateway, if missing).
import 'reflect-metadata';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { Child, devToken, load, LoadResult, saveResults, startServer } from './lib';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '5' },
    tracks: { type: 'string', default: '20000' },
  },
});

const GATEWAY = join(__dirname, 'gateway.js');
const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/bb_rate_limit';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
/** The client /dev/tokens mints for (src/oauth/dev-tokens.service.ts). */
const CLIENT_ID = 'backbeat-dev';
const LISTENER = 'bench';
const OUT_OF_REACH = 1_000_000_000;
/** Requests of the counting check, sent after the measured runs. */
const CHECK_REQUESTS = 3000;

type Variant = 'limiter off' | 'memory counters' | 'Redis counters';
const VARIANTS: Variant[] = ['limiter off', 'memory counters', 'Redis counters'];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Creates the database when it does not exist yet (the first gateway then migrates and seeds it). */
async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

/** CPU time (user + system) a process has used so far, in ms: from /proc on Linux, else NaN. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime and stime, in ticks of 10 ms (USER_HZ 100)
  } catch {
    return NaN;
  }
}

/** CPU time Redis has used so far, in ms. */
async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
  return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
}

async function used(base: string, auth: Record<string, string>): Promise<{ app: number; user: number }> {
  const response = await fetch(`${base}/v1/rate_limit`, { headers: auth });
  if (!response.ok) throw new Error(`${base}/v1/rate_limit answered ${response.status}`);
  const body = (await response.json()) as { resources: Record<'app' | 'user', { used: number }> };
  return { app: body.resources.app.used, user: body.resources.user.used };
}

/** Sends exactly `amount` requests and returns how many were answered 2xx. */
async function batch(base: string, paths: string[], auth: Record<string, string>, amount: number): Promise<{ ok: number; other: number }> {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: 20,
    amount,
    headers: auth,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
  });
  return { ok: result['2xx'], other: result.non2xx + result.errors + result.timeouts };
}

async function main(): Promise<void> {
  const [seconds, connections, rounds] = [Number(values.seconds), Number(values.connections), Number(values.rounds)];
  const prefix = `bench-rl-${Date.now().toString(36)}:`;
  // A window longer than the session: the counts of the check below cannot be cut by a window's end.
  // (Each request does the same work whatever the window's length: one increment per budget.)
  const window = '3600';
  const serverEnv = (port: string, extra: Record<string, string>) => ({
    DATABASE_URL,
    SEED_TRACKS: values.tracks,
    PORT: port,
    NODE_ENV: 'production',
    DEV_TOKENS: 'true',
    LOG_LEVEL: 'info',
    REDIS_URL: '',
    RATE_LIMIT_WINDOW_SECONDS: window,
    ...extra,
  });

  await ensureDatabase(DATABASE_URL);
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const gateways = new Map<Variant, Child>();
  const db = new Client({ connectionString: DATABASE_URL });
  try {
    // The first gateway migrates the database and seeds it if it has no tracks; the others start after it.
    const off = await startServer(GATEWAY, serverEnv('3931', { RATE_LIMIT_ENABLED: 'false' }), '/health/ready');
    gateways.set('limiter off', off);
    // Minting creates the listener, who owns the app row written next.
    const token = await devToken(off.url);
    const auth = { authorization: `Bearer ${token}` };
    await db.connect();
    await db.query(
      `INSERT INTO oauth_clients (id, name, owner_id, type, rate_limit_override) VALUES ($1, 'Rate-limit benchmark', $2, 'public', $3)
       ON CONFLICT (id) DO UPDATE SET rate_limit_override = EXCLUDED.rate_limit_override`,
      [CLIENT_ID, LISTENER, JSON.stringify({ app: OUT_OF_REACH, user: OUT_OF_REACH })],
    );
    const [{ count: tracks }] = (await db.query<{ count: number }>('SELECT count(*)::int AS count FROM tracks')).rows;
    const paths = (await db.query<{ id: string }>('SELECT id FROM tracks ORDER BY md5(id) LIMIT 1000')).rows.map((r) => `/v1/tracks/${r.id}`);
    gateways.set('memory counters', await startServer(GATEWAY, serverEnv('3932', { RATE_LIMIT_ENABLED: 'true' }), '/health/ready'));
    gateways.set(
      'Redis counters',
      await startServer(GATEWAY, serverEnv('3933', { RATE_LIMIT_ENABLED: 'true', REDIS_URL, REDIS_KEY_PREFIX: prefix }), '/health/ready'),
    );
    const gateway = (variant: Variant) => gateways.get(variant)!;

    // The limited gateways must say they limit, on the store they were given, with the bench's budgets.
    for (const variant of ['memory counters', 'Redis counters'] as const) {
      const response = await fetch(`${gateway(variant).url}${paths[0]}`, { headers: auth });
      await response.arrayBuffer();
      const policy = response.headers.get('ratelimit-policy') ?? '';
      if (response.status !== 200 || !policy.includes(`q=${OUT_OF_REACH}`)) {
        throw new Error(`${variant}: expected 200 with the bench app's budgets, got ${response.status}, RateLimit-Policy: ${policy || 'absent'}`);
      }
    }
    const health = JSON.stringify(await (await fetch(`${gateway('Redis counters').url}/health/ready`)).json());
    if (!health.includes('"store":"redis"')) throw new Error(`the Redis gateway does not report a Redis store: ${health}`);

    for (const variant of VARIANTS) await load('warm-up', gateway(variant).url, paths, { connections, seconds: 3, headers: auth });
    // Besides throughput, the CPU each request costs the gateway (and Redis): steadier than req/s when
    // other work shares the cores, since it does not count the time the gateway waits for a core.
    const runs: (LoadResult & { round: number; gatewayCpuUsPerRequest: number; redisCpuUsPerRequest: number })[] = [];
    for (let round = 0; round < rounds; round++) {
      // Each round starts with the next variant, so that no variant always runs in the same place.
      for (const variant of VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length])) {
        const pid = gateway(variant).process.pid;
        const [cpu0, redis0] = [cpuMs(pid), await redisCpuMs(redis)];
        const run = await load(variant, gateway(variant).url, paths, { connections, seconds, headers: auth });
        const [cpu1, redis1] = [cpuMs(pid), await redisCpuMs(redis)];
        const served = run.requestsPerSecond * seconds;
        const cpu = { gatewayCpuUsPerRequest: ((cpu1 - cpu0) * 1000) / served, redisCpuUsPerRequest: ((redis1 - redis0) * 1000) / served };
        runs.push({ ...run, ...cpu, round });
        console.error(
          `round ${round + 1}/${rounds}: ${variant.padEnd(15)} ${Math.round(run.requestsPerSecond)} req/s, p99 ${run.p99} ms, ` +
            `gateway CPU ${cpu.gatewayCpuUsPerRequest.toFixed(0)} µs/req, Redis CPU ${cpu.redisCpuUsPerRequest.toFixed(1)} µs/req, non-2xx ${run.non2xx}, errors ${run.errors}`,
        );
      }
    }

    // Every request counted: a fixed batch moves each limited gateway's counters by exactly its size.
    const counting: Record<string, unknown> = {};
    for (const variant of ['memory counters', 'Redis counters'] as const) {
      const before = await used(gateway(variant).url, auth);
      const sent = await batch(gateway(variant).url, paths, auth, CHECK_REQUESTS);
      const after = await used(gateway(variant).url, auth);
      counting[variant] = { sent: CHECK_REQUESTS, ok: sent.ok, other: sent.other, appCounted: after.app - before.app, userCounted: after.user - before.user, totalApp: after.app };
      if (sent.ok !== CHECK_REQUESTS || after.app - before.app !== CHECK_REQUESTS || after.user - before.user !== CHECK_REQUESTS) {
        throw new Error(`${variant}: counting check failed: ${JSON.stringify(counting[variant])}`);
      }
    }
    const redisApp = Number(await redis.get(`${prefix}rl:app:${CLIENT_ID}`));
    const redisUser = Number(await redis.get(`${prefix}rl:user:${CLIENT_ID}:${LISTENER}`));
    counting.redisKeys = { app: redisApp, user: redisUser };
    const totalRedis = (counting['Redis counters'] as { totalApp: number }).totalApp;
    if (redisApp !== totalRedis || redisUser !== totalRedis) throw new Error(`Redis keys disagree with /v1/rate_limit: ${JSON.stringify(counting)}`);

    const own = (variant: Variant) => runs.filter((r) => r.name === variant);
    const rate = (variant: Variant) => median(own(variant).map((r) => r.requestsPerSecond));
    const p99 = (variant: Variant) => median(own(variant).map((r) => r.p99));
    const cpu = (variant: Variant) => median(own(variant).map((r) => r.gatewayCpuUsPerRequest));
    const redisCpu = (variant: Variant) => median(own(variant).map((r) => r.redisCpuUsPerRequest));
    const off0 = rate('limiter off');
    const summary = VARIANTS.map((variant) => ({
      variant,
      medianRequestsPerSecond: rate(variant),
      ratio: rate(variant) / off0,
      cost: 1 - rate(variant) / off0,
      medianP99: p99(variant),
      p99Ratio: p99(variant) / p99('limiter off'),
      gatewayCpuUsPerRequest: cpu(variant),
      redisCpuUsPerRequest: redisCpu(variant),
      runs: own(variant).map((r) => Math.round(r.requestsPerSecond)),
      p99s: own(variant).map((r) => r.p99),
    }));
    // Each round's own ratio: how steady the comparison is, round by round.
    const perRound = Array.from({ length: rounds }, (_, round) => {
      const of = (variant: Variant) => runs.find((r) => r.round === round && r.name === variant)!.requestsPerSecond;
      return { memory: of('memory counters') / of('limiter off'), redis: of('Redis counters') / of('limiter off') };
    });
    const bad = runs.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
    const file = saveResults('rate-limit', { date: new Date().toISOString(), database: 'PostgreSQL', tracks, connections, seconds, rounds, window, prefix, runs, summary, perRound, counting });

    console.log(`\nRate limiting on PostgreSQL (${tracks.toLocaleString('en')} tracks): GET /v1/tracks/{id}, ${connections} connections, ${rounds} rounds of ${seconds} s per gateway, alternating\n`);
    console.log('| Gateway | median req/s | runs (req/s) | on/off | median p99 | p99s | gateway CPU / req | Redis CPU / req |');
    console.log('| --- | ---: | --- | ---: | ---: | --- | ---: | ---: |');
    for (const s of summary) {
      console.log(
        `| ${s.variant} | ${Math.round(s.medianRequestsPerSecond)} | ${s.runs.join(', ')} | ${s.ratio.toFixed(3)} | ${s.medianP99} ms | ${s.p99s.join(', ')} | ` +
          `${s.gatewayCpuUsPerRequest.toFixed(0)} µs | ${s.redisCpuUsPerRequest.toFixed(1)} µs |`,
      );
    }
    const [, memory, onRedis] = summary;
    console.log(`\nPer-round ratios, memory: ${perRound.map((r) => r.memory.toFixed(3)).join(', ')}; Redis: ${perRound.map((r) => r.redis.toFixed(3)).join(', ')}`);
    console.log(`Memory counters cost ${(memory.cost * 100).toFixed(1)} % of throughput (target ≤ 5 %): ${memory.cost <= 0.05 ? 'met' : 'MISSED'}.`);
    console.log(`Redis counters cost ${(onRedis.cost * 100).toFixed(1)} % of throughput (target ≤ 10 %): ${onRedis.cost <= 0.1 ? 'met' : 'MISSED'}.`);
    console.log(`Errors and non-2xx answers: ${bad}. Counting check: ${CHECK_REQUESTS} requests counted exactly by both limited gateways (app and user budgets; Redis keys agree).`);
    console.log(`\nSaved ${file}`);
    if (bad) process.exitCode = 1;
  } finally {
    await Promise.all([...gateways.values()].map((g) => g.stop()));
    await db.end().catch(() => undefined);
    // This run's counters only: its prefix is its own.
    const keys = await redis.keys(`${prefix}*`).catch((): string[] => []);
    if (keys.length) await redis.del(...keys).catch(() => undefined);
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

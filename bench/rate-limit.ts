// What rate limiting costs: `npm run bench:rate-limit -- [--seconds 2] [--connections 50] [--rounds 30] [--tracks 20000]`.
// GET /v1/tracks/{id} with a listener's access token through four gateways (bench/gateway.ts, the real
// bearer guard) on the same PostgreSQL database: limiter off (RATE_LIMIT_ENABLED=false), a second one
// off (the control: what two identical gateways differ by is the measurement's noise), on with counters
// in memory, on with counters in Redis (REDIS_URL, a REDIS_KEY_PREFIX of this run's own).
// The machine's speed drifts by ±10 % from one second to the next (shared cores), so the gateways take
// many short turns under load, each round in a new order, and each round's throughput is divided by the
// round's limiter-off run: the median of those per-round ratios is the result. With taskset (Linux,
// ≥ 2 CPUs) the gateways share CPU 1 and this process (autocannon) runs on CPU 0.
// The token's app (`backbeat-dev`, the client of /dev/tokens) gets an oauth_clients row whose override
// is out of reach, so that every request is granted and still draws on its two budgets (app, and app and
// listener). The benchmark checks that: no non-2xx answer, and each limited gateway counted exactly the
// requests of a fixed batch in `GET /v1/rate_limit` (and, for Redis, in the Redis keys).
// PostgreSQL only (the bench writes the app row itself): DATABASE_URL, by default
// postgres://postgres@127.0.0.1:5432/bb_rate_limit (created, and seeded by the first gateway, if missing).
import 'reflect-metadata';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { Child, cpuMs, devToken, ensureDatabase, load, LoadResult, median, pin, quartiles, saveResults, startServer } from './lib';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '30' },
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

type Variant = 'limiter off' | 'limiter off, 2nd' | 'memory counters' | 'Redis counters';
const VARIANTS: Variant[] = ['limiter off', 'limiter off, 2nd', 'memory counters', 'Redis counters'];

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
    gateways.set('limiter off, 2nd', await startServer(GATEWAY, serverEnv('3934', { RATE_LIMIT_ENABLED: 'false' }), '/health/ready'));
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

    const pinned = [...gateways.values()].every((g) => pin(g.process.pid!, 1)) && pin(process.pid, 0);
    for (const variant of VARIANTS) await load('warm-up', gateway(variant).url, paths, { connections, seconds: 5, headers: auth });
    // Besides throughput, the CPU each request costs the gateway (and Redis).
    const runs: (LoadResult & { round: number; gatewayCpuUsPerRequest: number; redisCpuUsPerRequest: number })[] = [];
    for (let round = 0; round < rounds; round++) {
      // Each round starts with the next variant, so that no variant always runs in the same place.
      for (const variant of VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length])) {
        const pid = gateway(variant).process.pid;
        const [cpu0, redis0] = [cpuMs(pid), await redisCpuMs(redis)];
        const run = await load(variant, gateway(variant).url, paths, { connections, seconds, headers: auth });
        const [cpu1, redis1] = [cpuMs(pid), await redisCpuMs(redis)];
        const served = run.requestsPerSecond * seconds;
        runs.push({ ...run, gatewayCpuUsPerRequest: ((cpu1 - cpu0) * 1000) / served, redisCpuUsPerRequest: ((redis1 - redis0) * 1000) / served, round });
      }
      const line = VARIANTS.map((variant) => `${variant} ${Math.round(runs.find((r) => r.round === round && r.name === variant)!.requestsPerSecond)}`);
      console.error(`round ${round + 1}/${rounds}: ${line.join(', ')} req/s`);
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
    const ofRound = (variant: Variant, round: number) => runs.find((r) => r.round === round && r.name === variant)!;
    const summary = VARIANTS.map((variant) => {
      // Each round's throughput over the same round's limiter-off run: drift between rounds cancels.
      const ratios = Array.from({ length: rounds }, (_, round) => ofRound(variant, round).requestsPerSecond / ofRound('limiter off', round).requestsPerSecond);
      return {
        variant,
        medianRequestsPerSecond: median(own(variant).map((r) => r.requestsPerSecond)),
        ratio: median(ratios),
        ratioQuartiles: quartiles(ratios),
        cost: 1 - median(ratios),
        medianP99: median(own(variant).map((r) => r.p99)),
        gatewayCpuUsPerRequest: median(own(variant).map((r) => r.gatewayCpuUsPerRequest)),
        redisCpuUsPerRequest: median(own(variant).map((r) => r.redisCpuUsPerRequest)),
        ratios,
      };
    });
    const bad = runs.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
    const file = saveResults('rate-limit', { date: new Date().toISOString(), database: 'PostgreSQL', tracks, connections, seconds, rounds, pinned, window, prefix, runs, summary, counting });

    console.log(
      `\nRate limiting on PostgreSQL (${tracks.toLocaleString('en')} tracks): GET /v1/tracks/{id}, ${connections} connections, ` +
        `${rounds} rounds of ${seconds} s per gateway, ${pinned ? 'gateways pinned to CPU 1 and autocannon to CPU 0' : 'not pinned'}\n`,
    );
    console.log('| Gateway | median req/s | on/off, median of rounds | middle half of rounds | median p99 | gateway CPU / req | Redis CPU / req |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const s of summary) {
      console.log(
        `| ${s.variant} | ${Math.round(s.medianRequestsPerSecond)} | ${s.ratio.toFixed(3)} | ${s.ratioQuartiles.map((q) => q.toFixed(3)).join('–')} | ${s.medianP99} ms | ` +
          `${s.gatewayCpuUsPerRequest.toFixed(0)} µs | ${s.redisCpuUsPerRequest.toFixed(1)} µs |`,
      );
    }
    const [control, memory, onRedis] = (['limiter off, 2nd', 'memory counters', 'Redis counters'] as const).map((v) => summary.find((s) => s.variant === v)!);
    console.log(`\nNoise: two identical limiter-off gateways differ by ${(Math.abs(control.cost) * 100).toFixed(1)} %.`);
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

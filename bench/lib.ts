import autocannon from 'autocannon';
import { ChildProcess, execFileSync, fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export const ROOT = join(__dirname, '..', '..');
export const MAIN = join(ROOT, 'dist', 'src', 'main.js');

export interface Child {
  process: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/** Starts a compiled server as a child process and waits until `readyPath` answers 200. */
export async function startServer(script: string, env: Record<string, string>, readyPath: string): Promise<Child> {
  const port = env.PORT;
  // Rate limiting is off unless a benchmark turns it on: load from one app would spend its budget in a second.
  const child = fork(script, [], { env: { ...process.env, RATE_LIMIT_ENABLED: 'false', ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}${readyPath}`, 120_000, child);
  return {
    process: child,
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function waitFor(url: string, timeoutMs: number, child?: ChildProcess, init?: RequestInit): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, init);
      if (response.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Answers that `verifyBody` refused (0 without it). */
  mismatches: number;
}

/** autocannon's queue of requests in flight, which keeps every answer's body as a string. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const inFlight = (require('autocannon/lib/pipelinedRequestsQueue') as { prototype: { addBody(data: unknown): void } }).prototype;
const keepBody = inFlight.addBody;

/**
 * Runs autocannon against `paths` in turn, `connections` at once, for `seconds`. With `bodies`, the
 * n-th request sends `bodies[n % bodies.length]` (to `paths[n % paths.length]`); with `verifyBody`,
 * each answer's body is checked and the ones it refuses are counted in `mismatches`.
 * With `discardBodies`, autocannon keeps no body: it decodes every answer into a string whether or not
 * anything reads it, and with answers of hundreds of kB that, not the server, can limit a run.
 */
export async function load(
  name: string,
  base: string,
  paths: string[],
  options: {
    connections: number;
    seconds: number;
    headers?: Record<string, string>;
    method?: 'GET' | 'POST';
    body?: string;
    bodies?: string[];
    verifyBody?: (body: string) => boolean;
    discardBodies?: boolean;
  },
): Promise<LoadResult> {
  let next = 0;
  const { bodies, verifyBody } = options;
  if (options.discardBodies && verifyBody) throw new Error('verifyBody needs the bodies');
  inFlight.addBody = options.discardBodies ? () => undefined : keepBody;
  let result: autocannon.Result;
  try {
    result = await autocannon({
      url: base,
      connections: options.connections,
      duration: options.seconds,
      headers: options.headers,
      method: options.method ?? 'GET',
      body: options.body,
      verifyBody: verifyBody && ((body) => verifyBody(String(body))),
      requests: [
        {
          setupRequest: (req) => {
            const n = next++;
            return bodies ? { ...req, path: paths[n % paths.length], body: bodies[n % bodies.length] } : { ...req, path: paths[n % paths.length] };
          },
        },
      ],
    });
  } finally {
    inFlight.addBody = keepBody;
  }
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Latency of sequential requests, one at a time: what a single user waits. */
export async function sequentialLatency(base: string, paths: string[], headers: Record<string, string>): Promise<{ p50: number; p95: number; p99: number; count: number }> {
  const times: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), count: times.length };
}

export function saveResults(name: string, results: unknown): string {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  return file;
}

export async function devToken(base: string, scopes = ''): Promise<string> {
  const response = await fetch(`${base}/dev/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'bench', scopes }),
  });
  if (!response.ok) throw new Error(`could not mint a token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Where a benchmark's gateways keep their data: PostgreSQL at `databaseUrl`, else an embedded database in bench/<dir>. */
export function benchDatabase(databaseUrl: string | undefined, dir: string): Record<string, string> {
  return databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '', DATA_DIR: join(ROOT, 'bench', dir) };
}

export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The middle half of the values: [first quartile, third quartile]. */
export function quartiles(values: number[]): [number, number] {
  const s = [...values].sort((a, b) => a - b);
  return [s[Math.floor((s.length - 1) / 4)], s[Math.ceil(((s.length - 1) * 3) / 4)]];
}

/** Pins a process (all its threads) to one CPU; false where taskset or a second CPU is missing. */
export function pin(pid: number, cpu: number): boolean {
  if (cpus().length < 2) return false;
  try {
    execFileSync('taskset', ['-a', '-c', '-p', String(cpu), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Creates the database when it does not exist yet (the first gateway then migrates and seeds it). */
export async function ensureDatabase(url: string): Promise<void> {
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
export function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime and stime, in ticks of 10 ms (USER_HZ 100)
  } catch {
    return NaN;
  }
}

// Player latency: `npm run bench:player -- [--commands 1000] [--devices 1000]`.
// 1. One instance: from sending PUT /v1/me/player/pause (or /play, alternating) to the device receiving
//    the command, and to an SSE subscriber seeing the new state; p50/p99 over --commands commands.
// 2. Two instances sharing PostgreSQL and Redis (when DATABASE_URL and REDIS_URL are set): the device
//    on A, the command and the SSE subscriber on B.
// 3. --devices devices connected to one instance: the gateway's resident memory before and after.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv } from '../src/config/env';
import { SimulatedDevice } from '../src/player/device-client/simulated-device';
import { EventStream } from '../src/player/device-client/event-stream';
import { benchDatabase, Child, devToken, percentile, saveResults, startServer } from './lib';

const { values } = parseArgs({ options: { commands: { type: 'string', default: '1000' }, devices: { type: 'string', default: '1000' } } });
const GATEWAY = join(__dirname, 'gateway.js');
const SCOPES = 'streaming user-read-playback-state user-modify-playback-state';

type Latencies = { toDevice: number[]; toSubscriber: number[] };

function rssMiB(child: Child): number {
  const status = readFileSync(`/proc/${child.process.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function measure(commandTo: string, deviceOn: string, eventsFrom: string, commands: number): Promise<Latencies> {
  const token = await devToken(deviceOn, SCOPES);
  const device = new SimulatedDevice({ baseUrl: deviceOn, token, name: 'Bench speaker', type: 'Speaker', clientDeviceId: 'bench-speaker' });
  await device.connect();
  const tracks = (await (await fetch(`${commandTo}/v1/browse/new-releases?limit=1`, { headers: { authorization: `Bearer ${token}` } })).json()) as { albums: { items: { uri: string }[] } };
  const put = (path: string, body?: unknown) =>
    fetch(`${commandTo}${path}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const started = await put(`/v1/me/player/play?device_id=${device.deviceId}`, { context_uri: tracks.albums.items[0].uri });
  if (started.status !== 204) throw new Error(`play answered ${started.status}`);
  const events = await EventStream.open<{ reason: string; state: { is_playing: boolean } | null }>(`${eventsFrom}/v1/me/player/events`, token);
  await events.next((e) => e.reason === 'subscribed');

  const result: Latencies = { toDevice: [], toSubscriber: [] };
  for (let i = 0; i < commands; i++) {
    const pausing = i % 2 === 0;
    const seen = events.events.length;
    const t0 = performance.now();
    const received = new Promise<number>((resolve) => device.once('command', () => resolve(performance.now())));
    const response = await put(pausing ? '/v1/me/player/pause' : '/v1/me/player/play');
    if (response.status !== 204) throw new Error(`command answered ${response.status}: ${await response.text()}`);
    const atDevice = await received;
    await events.next((e) => e.state?.is_playing === !pausing, { from: seen });
    const atSubscriber = performance.now();
    result.toDevice.push(atDevice - t0);
    result.toSubscriber.push(atSubscriber - t0);
  }
  events.close();
  await device.close();
  return result;
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

async function main(): Promise<void> {
  const env = loadEnv();
  const commands = Number(values.commands);
  const serverEnv = (port: string, redis: boolean) => ({
    ...benchDatabase(env.DATABASE_URL, '.data-player'),
    ...(redis && env.REDIS_URL ? { REDIS_URL: env.REDIS_URL } : { REDIS_URL: '' }),
    SEED_TRACKS: '20000',
    PORT: port,
    NODE_ENV: 'production',
    DEV_TOKENS: 'true',
    LOG_LEVEL: 'warn',
    BENCH_GUARD: 'on',
  });
  const results: Record<string, unknown> = { date: new Date().toISOString(), database: env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite', commands };
  const rows: [string, ReturnType<typeof summary>, ReturnType<typeof summary>][] = [];

  console.error('Starting a gateway (the first start seeds 20,000 tracks)…');
  const single = await startServer(GATEWAY, serverEnv('3961', false), '/health/ready');
  try {
    console.error('One instance…');
    await measure(single.url, single.url, single.url, 50); // warm-up
    const one = await measure(single.url, single.url, single.url, commands);
    rows.push(['one instance', summary(one.toDevice), summary(one.toSubscriber)]);

    console.error(`${values.devices} devices…`);
    // Memory held per connected device.
    const count = Number(values.devices);
    const token = await devToken(single.url, SCOPES);
    const before = rssMiB(single);
    const fleet: SimulatedDevice[] = [];
    for (let i = 0; i < count; i += 50) {
      const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) => new SimulatedDevice({ baseUrl: single.url, token, name: `Speaker ${i + j}`, type: 'Speaker', clientDeviceId: `fleet-${i + j}` }));
      await Promise.all(batch.map((d) => d.connect()));
      fleet.push(...batch);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = rssMiB(single);
    results.devices = { count, rssBeforeMiB: before, rssAfterMiB: after, perDeviceKiB: ((after - before) * 1024) / count };
    await Promise.all(fleet.map((d) => d.close()));
  } finally {
    await single.stop();
  }

  if (env.DATABASE_URL && env.REDIS_URL) {
    const a = await startServer(GATEWAY, serverEnv('3962', true), '/health/ready');
    const b = await startServer(GATEWAY, serverEnv('3963', true), '/health/ready');
    try {
      await measure(b.url, a.url, b.url, 50);
      const two = await measure(b.url, a.url, b.url, commands);
      rows.push(['two instances via Redis (device on A; command and SSE on B)', summary(two.toDevice), summary(two.toSubscriber)]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  } else {
    console.log('Two instances skipped: set DATABASE_URL and REDIS_URL.');
  }

  results.latency = rows;
  const file = saveResults('player', results);
  console.log(`\nPlayer on ${String(results.database)}: ${commands} pause/play commands, one at a time\n`);
  console.log('| Setup | to the device p50 / p99 | to an SSE subscriber p50 / p99 |');
  console.log('| --- | ---: | ---: |');
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  for (const [label, device, subscriber] of rows) console.log(`| ${label} | ${ms(device.p50)} / ${ms(device.p99)} | ${ms(subscriber.p50)} / ${ms(subscriber.p99)} |`);
  const d = results.devices as { count: number; rssBeforeMiB: number; rssAfterMiB: number; perDeviceKiB: number };
  console.log(`\n${d.count} devices on one instance: RSS ${d.rssBeforeMiB.toFixed(0)} → ${d.rssAfterMiB.toFixed(0)} MiB (${d.perDeviceKiB.toFixed(1)} KiB per device)`);
  console.log(`\nSaved ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// Cold start on the embedded database: `node dist/bench/cold-start.js [--data-dir DIR] [--runs 5]`.
// Measures from process spawn to the first answered API request, with the database already seeded.
import { execFileSync, fork } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MAIN, percentile, ROOT, saveResults, startServer, waitFor } from './lib';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string', default: join(ROOT, 'bench', '.data-cold-start') }, runs: { type: 'string', default: '5' } },
});

async function main(): Promise<void> {
  const env = { DATA_DIR: values['data-dir'], PORT: '3911', LOG_LEVEL: 'warn', DATABASE_URL: '' };
  console.error('Preparing: first start seeds the demo catalog when the data directory is new…');
  const first = await startServer(MAIN, env, '/health/ready');
  await first.stop();
  // Minted with no server running: the CLI opens the embedded database itself.
  const token = execFileSync('node', [join(ROOT, 'dist', 'src', 'oauth', 'dev-token.cli.js'), '--user', 'bench'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!;

  const times: number[] = [];
  for (let run = 0; run < Number(values.runs); run++) {
    const started = performance.now();
    const child = fork(MAIN, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    await waitFor(`http://127.0.0.1:${env.PORT}/v1/markets`, 60_000, child, { headers: { authorization: `Bearer ${token}` } });
    times.push(performance.now() - started);
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
  times.sort((a, b) => a - b);
  const result = { date: new Date().toISOString(), runs: times.length, medianMs: percentile(times, 50), maxMs: times[times.length - 1], times };
  console.log(`Cold start to first answered /v1 request (embedded, seeded): median ${(result.medianMs / 1000).toFixed(2)} s, worst ${(result.maxMs / 1000).toFixed(2)} s over ${times.length} runs (target ≤ 5 s)`);
  console.log(`Saved ${saveResults('cold-start', result)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

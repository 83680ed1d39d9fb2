import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createApp } from './app';
import { SCOPES } from './common/auth/scopes';
import { Env, InvalidEnvironmentError, loadEnv, redactEnv } from './config/env';
import { seedCatalog } from './database/seeds/catalog-loader';
import { createDemoAccounts } from './oauth/demo-accounts';
import { DevTokensService } from './oauth/dev-tokens.service';

function parseEnvOrExit(): Env {
  try {
    return loadEnv();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** First start on an empty database: load the demo catalog so the API has something to serve. */
async function seedIfEmpty(dataSource: DataSource, env: Env): Promise<void> {
  if (!env.SEED_DEMO) return;
  const [{ count }] = await dataSource.query<{ count: number }[]>('SELECT count(*)::int AS count FROM tracks');
  if (count > 0) return;
  const started = Date.now();
  console.error(`First start: loading the demo catalog (${env.SEED_TRACKS.toLocaleString('en')} tracks)…`);
  let lastShown = 0;
  await seedCatalog(dataSource, {
    tracks: env.SEED_TRACKS,
    publicUrl: env.PUBLIC_URL,
    // Release dates end today, so the demo has new releases; names and ids do not depend on the day.
    anchorDate: new Date(),
    onProgress: (done, total) => {
      const percent = Math.floor((done / total) * 100);
      if (percent >= lastShown + 10 || done === total) {
        lastShown = percent;
        console.error(`  ${percent}%`);
      }
    },
  });
  console.error(`Demo catalog loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

async function main(): Promise<void> {
  const env = parseEnvOrExit();
  const app = await createApp(env);
  app.enableShutdownHooks();
  await seedIfEmpty(app.get(DataSource), env);
  const demoAccounts = env.SEED_DEMO ? await createDemoAccounts(app) : null;
  await app.listen(env.PORT, env.HOST);
  console.log(`Backbeat is listening on ${env.PUBLIC_URL} (API reference: ${env.PUBLIC_URL}/docs)`);
  if (demoAccounts) console.log(`\n${demoAccounts}\n`);
  if (env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace') console.log(redactEnv(env));
  if (env.DEV_TOKENS) {
    const { access_token } = await app.get(DevTokensService).mint({ user: 'demo', scopes: SCOPES.join(' ') });
    const [top] = await app.get(DataSource).query<{ id: string }[]>('SELECT id FROM tracks ORDER BY popularity DESC, id LIMIT 1');
    const path = top ? `/v1/tracks/${top.id}` : '/v1/markets';
    console.log(`\nTry it (a development token for the listener "demo", valid for an hour; more with \`npm run token\`):\n`);
    console.log(`  curl -H "Authorization: Bearer ${access_token}" ${env.PUBLIC_URL}${path}\n`);
  }
}

void main();

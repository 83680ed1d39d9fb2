import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource, DataSourceOptions, LoggerOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import type { Env } from '../config/env';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export const IN_MEMORY_DATA_DIR = 'memory://';

export function isEmbedded(env: Pick<Env, 'DATABASE_URL'>): boolean {
  return !env.DATABASE_URL;
}

/**
 * The one place that picks the database: PostgreSQL through `pg` when
 * DATABASE_URL is set, otherwise embedded PGlite persisted under DATA_DIR.
 * Serves the app, the CLIs and the tests; migrations are the only schema path.
 */
export function dataSourceOptions(env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR' | 'DB_POOL_SIZE'>): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: true,
    logging: ['error', 'warn'] as LoggerOptions,
  };
  if (env.DATABASE_URL) {
    // Parallel workers take tens of milliseconds to start: a loss for short API queries.
    return { ...common, url: env.DATABASE_URL, extra: { max: env.DB_POOL_SIZE, options: '-c max_parallel_workers_per_gather=0' } };
  }
  let dataDir: string | undefined;
  if (env.DATA_DIR !== IN_MEMORY_DATA_DIR) {
    dataDir = resolve(env.DATA_DIR, 'pglite');
    mkdirSync(dataDir, { recursive: true });
  }
  const driver = new PGliteDriver({ dataDir, extensions: { pg_trgm, unaccent } }).driver;
  // PGlite runs one query at a time; a single connection avoids queueing inside the pool.
  return { ...common, driver, extra: { max: 1 } };
}

export function createDataSource(env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR' | 'DB_POOL_SIZE'>): DataSource {
  return new DataSource(dataSourceOptions(env));
}

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
 * Settings for each PostgreSQL session. Parallel workers take milliseconds to start, and JIT
 * compiling a plan that the planner prices high (a popularity walk for search) takes 5–10 ms:
 * both are a loss for short API queries.
 */
export const POSTGRES_SESSION_OPTIONS = '-c max_parallel_workers_per_gather=0 -c jit=off';

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
    return { ...common, url: env.DATABASE_URL, extra: { max: env.DB_POOL_SIZE, options: POSTGRES_SESSION_OPTIONS } };
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

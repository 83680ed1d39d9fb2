import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadEnv, type Env } from '../../src/config/env';
import { IN_MEMORY_DATA_DIR } from '../../src/database/data-source';

/**
 * Each test file gets its own database: an in-memory PGlite, or, when
 * DATABASE_URL is set, a fresh PostgreSQL database created for the file
 * and dropped afterwards.
 */
export interface TestDatabase {
  env: Env;
  drop(): Promise<void>;
  label: string;
}

const TEST_DEFAULTS = { NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', PORT: '0' };

/** Another gateway instance's settings on an existing test database. */
export function sameDatabase(db: TestDatabase, overrides: Partial<Record<keyof Env, string>>): TestDatabase {
  const env = loadEnv({ ...TEST_DEFAULTS, ...overrides, DATABASE_URL: db.env.DATABASE_URL, DATA_DIR: db.env.DATA_DIR, DB_POOL_SIZE: String(db.env.DB_POOL_SIZE) });
  return { env, label: db.label, drop: () => Promise.resolve() };
}

export async function createTestDatabase(overrides: Partial<Record<keyof Env, string>> = {}): Promise<TestDatabase> {
  const base = { ...TEST_DEFAULTS, ...overrides };
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    return { env: loadEnv({ ...base, DATA_DIR: IN_MEMORY_DATA_DIR }), drop: () => Promise.resolve(), label: 'PGlite' };
  }
  const name = `bb_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: loadEnv({ ...base, DATABASE_URL: url.toString(), DB_POOL_SIZE: '10' }),
    label: 'PostgreSQL',
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

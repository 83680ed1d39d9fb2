import { DataSource } from 'typeorm';
import type { Env } from '../config/env';
import { createDataSource, IN_MEMORY_DATA_DIR } from './data-source';

/**
 * Applies every migration to a database (a fresh in-memory PGlite unless
 * DATABASE_URL names one) and returns the SQL that TypeORM would still run
 * to match the entities. Empty means migrations and entities agree.
 */
export async function pendingSchemaChanges(env: Pick<Env, 'DATABASE_URL' | 'DB_POOL_SIZE'>): Promise<{ up: string[]; down: string[] }> {
  const dataSource: DataSource = createDataSource({ ...env, DATA_DIR: IN_MEMORY_DATA_DIR });
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map((q) => q.query),
      down: sql.downQueries.map((q) => q.query).reverse(),
    };
  } finally {
    await dataSource.destroy();
  }
}

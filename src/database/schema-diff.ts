import { DataSource } from 'typeorm';

type EntityTarget = new () => object;
import type { Env } from '../config/env';
import { dataSourceOptions, IN_MEMORY_DATA_DIR } from './data-source';

/**
 * Applies every migration to a database (a fresh in-memory PGlite unless
 * DATABASE_URL names one) and returns the SQL that TypeORM would still run
 * to match the entities. Empty means migrations and entities agree.
 */
export async function pendingSchemaChanges(
  env: Pick<Env, 'DATABASE_URL' | 'DB_POOL_SIZE'>,
  extraEntities: EntityTarget[] = [],
): Promise<{ up: string[]; down: string[] }> {
  const options = dataSourceOptions({ ...env, DATA_DIR: IN_MEMORY_DATA_DIR });
  const dataSource = new DataSource({ ...options, entities: [...(options.entities as EntityTarget[]), ...extraEntities] });
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

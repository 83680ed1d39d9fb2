import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { getPGliteInstance } from 'typeorm-pglite';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';
import { isEmbedded } from './data-source';

const statementNames = new Map<string, string>();

/** The statement name for a SQL text: the same text is prepared once per connection. */
export function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `bb_${hash('sha1', text, 'hex').slice(0, 20)}`;
    // Hot-path texts are fixed, so the map stays small; texts built per request are not kept.
    if (statementNames.size < 1000) statementNames.set(text, name);
  }
  return name;
}

/** Runs SQL inside one transaction; each call resolves to the result rows. */
export type Transaction = <T>(text: string, values?: unknown[]) => Promise<T[]>;

/**
 * Runs fixed read queries on hot paths. On PostgreSQL they become named
 * prepared statements, parsed and planned once per connection instead of on
 * every request; PGlite runs them as they are.
 */
@Injectable()
export class SqlRunner {
  private readonly pool: Pool | null;

  constructor(@InjectDataSource() private readonly db: DataSource, @Inject(ENV) env: Pick<Env, 'DATABASE_URL'>) {
    this.pool = isEmbedded(env) ? null : ((db.driver as unknown as { master: Pool }).master);
  }

  async query<T>(text: string, values: unknown[] = []): Promise<T[]> {
    if (!this.pool) return this.db.query<T[]>(text, values);
    const result = await this.pool.query({ name: statementName(text), text, values });
    return result.rows as T[];
  }

  /**
   * Runs `work` in one transaction, committed when it resolves and rolled back when it throws.
   * PGlite has a single session, so TypeORM's transactions there would interleave other
   * requests' statements; PGlite's own transaction holds its session until it ends.
   */
  async transaction<T>(work: (sql: Transaction) => Promise<T>): Promise<T> {
    if (!this.pool) {
      const pglite = await getPGliteInstance();
      return pglite.transaction((tx) => work(async <R>(text: string, values: unknown[] = []) => (await tx.query<R>(text, values)).rows));
    }
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(async <R>(text: string, values: unknown[] = []) => (await client.query({ name: statementName(text), text, values })).rows as R[]);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

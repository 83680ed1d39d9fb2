import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
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
}

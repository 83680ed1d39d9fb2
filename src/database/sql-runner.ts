import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';
import { isEmbedded } from './data-source';

/** The statement name for a SQL text: the same text is prepared once per connection. */
export function statementName(text: string): string {
  return `bb_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
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

import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { Counter } from 'prom-client';
import type { AuthenticatedRequest } from '../common/auth/auth.decorators';
import { HttpMetrics } from '../common/metrics/metrics';
import { SqlRunner } from '../database/sql-runner';
import { DELETE_OLD_USAGE_SQL, isApiRoute, RETENTION_DAYS, statusClass, UPSERT_USAGE_SQL, upsertParams, UsageAggregate } from './usage-aggregate';

/** How often the counts in memory are added to `api_usage`. */
export const FLUSH_INTERVAL_MS = 10_000;
/** How often rows older than RETENTION_DAYS are deleted. */
export const RETENTION_SWEEP_MS = 60 * 60_000;
/**
 * Cells kept while the database refuses flushes; past this, a failed batch is dropped (and logged)
 * instead of growing the process without bound.
 */
export const MAX_PENDING_CELLS = 100_000;

/**
 * Per-app API usage: counts every `/v1` response that carried an access token, by app, route template
 * and minute, in memory (UsageAggregate), and adds the counts to `api_usage` with one multi-row upsert
 * every FLUSH_INTERVAL_MS and when the application shuts down. Also keeps the per-app Prometheus
 * counters, labelled by client id only (routes are in `http_requests_total`, without the app).
 */
@Injectable()
export class UsageRecorder implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(UsageRecorder.name);
  private readonly aggregate = new UsageAggregate();
  private readonly requests: Counter<'client_id' | 'status_class'>;
  private readonly rateLimited: Counter<'client_id'>;
  private flushTimer?: NodeJS.Timeout;
  private sweepTimer?: NodeJS.Timeout;
  /** The flush in progress: flushes run one after another, never two batches at once. */
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly sql: SqlRunner,
    metrics: HttpMetrics,
  ) {
    this.requests = new Counter({
      name: 'backbeat_app_requests_total',
      help: 'API calls per app (client id) and status class.',
      labelNames: ['client_id', 'status_class'] as const,
      registers: [metrics.registry],
    });
    this.rateLimited = new Counter({
      name: 'backbeat_app_rate_limited_total',
      help: 'API calls per app (client id) refused with 429.',
      labelNames: ['client_id'] as const,
      registers: [metrics.registry],
    });
  }

  onModuleInit(): void {
    // Absent in an application context without HTTP (the CLIs): nothing to count there.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addHook('onResponse', (request, reply, done) => {
      const clientId = (request as AuthenticatedRequest).principal?.clientId;
      if (clientId !== undefined) {
        const url = request.routeOptions.url;
        if (isApiRoute(url)) this.record(clientId, `${request.method} ${url}`, reply.statusCode);
      }
      done();
    });
    // Responses that end after onModuleDestroy (the server closes later) go out with this last flush,
    // which runs before the database connection closes (TypeORM closes it on application shutdown).
    fastify.addHook('onClose', async () => {
      await this.flushQuietly();
    });
    this.flushTimer = setInterval(() => void this.flushQuietly(), FLUSH_INTERVAL_MS).unref();
    this.sweepTimer = setInterval(() => void this.sweepQuietly(), RETENTION_SWEEP_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.flushTimer);
    clearInterval(this.sweepTimer);
    await this.flushQuietly();
  }

  /** Counts one response; the hot path: a Map lookup and a few increments. */
  record(clientId: string, route: string, status: number): void {
    this.aggregate.record(clientId, route, status);
    this.requests.inc({ client_id: clientId, status_class: statusClass(status) });
    if (status === 429) this.rateLimited.inc({ client_id: clientId });
  }

  /** Adds everything counted so far to `api_usage`. Rejects when the database does (the counts are kept for the next flush). */
  flush(): Promise<void> {
    const run = this.flushing.then(() => this.write());
    this.flushing = run.catch(() => undefined);
    return run;
  }

  /** Deletes rows older than RETENTION_DAYS; resolves to how many went. */
  async deleteOld(days = RETENTION_DAYS): Promise<number> {
    const rows = await this.sql.query<{ count: number }>(DELETE_OLD_USAGE_SQL, [days]);
    return rows[0]?.count ?? 0;
  }

  private async write(): Promise<void> {
    const cells = this.aggregate.take();
    if (!cells.length) return;
    try {
      await this.sql.query(UPSERT_USAGE_SQL, upsertParams(cells));
    } catch (error) {
      if (this.aggregate.size + cells.length <= MAX_PENDING_CELLS) this.aggregate.restore(cells);
      else this.logger.error(`Dropped usage counts of ${cells.length} (app, route, minute) cells: the database refused them and too many are pending`);
      throw error;
    }
  }

  private async flushQuietly(): Promise<void> {
    try {
      await this.flush();
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not write API usage counts; they are kept for the next flush');
    }
  }

  private async sweepQuietly(): Promise<void> {
    try {
      const deleted = await this.deleteOld();
      if (deleted) this.logger.log(`Deleted ${deleted} API usage rows older than ${RETENTION_DAYS} days`);
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not delete old API usage rows');
    }
  }
}

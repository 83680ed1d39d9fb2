import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { once } from 'node:events';
import Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import { Counter, Gauge } from 'prom-client';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Principal } from '../common/auth/principal';
import { DomainError } from '../common/errors/domain-errors';
import { RateLimitStore } from '../common/health/rate-limit-store';
import { HttpMetrics } from '../common/metrics/metrics';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';
import { SqlRunner } from '../database/sql-runner';
import type { QuotaMode, RateLimitOverride } from '../oauth/entities/client.entity';
import { appBudgets, IP_BUDGET, PolicyName } from './budgets';

/** One budget as a request left it. */
export interface BudgetState {
  policy: PolicyName;
  limit: number;
  used: number;
  remaining: number;
  /** Milliseconds until the window ends and the budget is whole again. */
  resetMs: number;
}

export interface Decision {
  allowed: boolean;
  budgets: BudgetState[];
  /** The counters this request drew on, to give back if it turns out free (a 304). */
  keys: string[];
}

/**
 * The library counts and we compare: its counters never refuse on their own (their ceiling is
 * out of reach), so one store serves budgets of every size and every app's override.
 */
const NO_CEILING = 2 ** 30;

interface Draw {
  points: number;
  resolve: (result: { consumedPoints: number; msBeforeNext: number }) => void;
  reject: (error: unknown) => void;
}
const BUDGET_CACHE_MS = 30_000;
const STARTUP_WAIT_MS = 5_000;

/**
 * Counts requests per app, per app and listener, writes, and sign-in attempts per IP, in
 * windows of RATE_LIMIT_WINDOW_SECONDS (rate-limiter-flexible). With REDIS_URL the counters are
 * shared by every instance (an atomic Lua increment per budget, auto-pipelined); if Redis
 * becomes unreachable each instance counts in memory until it is back (RATE_LIMIT_REDIS_FAILURE=open)
 * or requests get 503 (closed).
 */
@Injectable()
export class RateLimitService implements OnModuleInit, OnModuleDestroy, RateLimitStore {
  private readonly logger = new Logger(RateLimitService.name);
  private readonly redis: Redis | null;
  private readonly counters: RateLimiterAbstract;
  private readonly budgetsByApp = new LRUCache<string, Promise<Record<Exclude<PolicyName, 'ip'>, number>>>({ max: 10_000, ttl: BUDGET_CACHE_MS });
  private readonly pending = new Map<string, Draw[]>();
  private readonly storeUp: Gauge;
  private readonly limited: Counter<'policy'>;
  readonly windowSeconds: number;

  constructor(
    @Inject(ENV) private readonly env: Pick<Env, 'REDIS_URL' | 'REDIS_KEY_PREFIX' | 'RATE_LIMIT_WINDOW_SECONDS' | 'RATE_LIMIT_REDIS_FAILURE'>,
    private readonly sql: SqlRunner,
    metrics: HttpMetrics,
  ) {
    this.windowSeconds = env.RATE_LIMIT_WINDOW_SECONDS;
    const options = { points: NO_CEILING, duration: this.windowSeconds, keyPrefix: `${env.REDIS_KEY_PREFIX}rl` };
    this.redis = env.REDIS_URL ? this.connect(env.REDIS_URL) : null;
    this.counters = this.redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: this.redis,
          // Without Redis, answer from memory at once instead of waiting on a dead connection.
          rejectIfRedisNotReady: true,
          insuranceLimiter: env.RATE_LIMIT_REDIS_FAILURE === 'open' ? new RateLimiterMemory(options) : undefined,
        })
      : new RateLimiterMemory(options);
    this.storeUp = new Gauge({
      name: 'backbeat_rate_limit_store_up',
      help: '1 while rate-limit counters are kept where configured (Redis, or memory without REDIS_URL); 0 while counting locally or refusing for want of Redis.',
      registers: [metrics.registry],
      collect: () => this.storeUp.set(this.status().connected ? 1 : 0),
    });
    this.limited = new Counter({ name: 'backbeat_rate_limited_total', help: 'Requests refused with 429, by budget.', labelNames: ['policy'], registers: [metrics.registry] });
  }

  /**
   * Draws a request from the caller's budgets: the app's, the app-and-listener's, and for a write
   * the writes budget. A REST request costs 1; a GraphQL operation its computed cost.
   */
  async consume(principal: Principal, isWrite: boolean, points = 1): Promise<Decision> {
    return this.draw(await this.budgetKeys(principal, isWrite), points);
  }

  /** Draws one attempt from a client IP's sign-in budget. */
  consumeIp(ip: string): Promise<Decision> {
    return this.draw([['ip', `ip:${ip}`, IP_BUDGET]]);
  }

  /** The caller's budgets as they stand, without drawing on them. */
  async peek(principal: Principal): Promise<BudgetState[]> {
    return Promise.all(
      (await this.budgetKeys(principal, true)).map(async ([policy, key, limit]) => {
        const res = await this.guarded(() => this.counters.get(key));
        return this.state(policy, limit, res?.consumedPoints ?? 0, res?.msBeforeNext ?? this.windowSeconds * 1000);
      }),
    );
  }

  /** The budgets a principal's request draws on, with their counters' keys: writes only for a write. */
  private async budgetKeys(principal: Principal, withWrites: boolean): Promise<[PolicyName, string, number][]> {
    const limits = await this.budgetsOf(principal.clientId);
    const keys: [PolicyName, string, number][] = [['app', `app:${principal.clientId}`, limits.app]];
    if (principal.userId) keys.push(['user', `user:${principal.clientId}:${principal.userId}`, limits.user]);
    if (withWrites) keys.push(['writes', `writes:${principal.clientId}:${principal.userId ?? ''}`, limits.writes]);
    return keys;
  }

  /** Gives back what a request drew (a 304 costs nothing). */
  async refund(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.counters.reward(key, 1).catch(() => undefined)));
  }

  status(): { store: 'memory' | 'redis'; connected: boolean; onFailure: 'open' | 'closed' } {
    return { store: this.redis ? 'redis' : 'memory', connected: !this.redis || this.redis.status === 'ready', onFailure: this.env.RATE_LIMIT_REDIS_FAILURE };
  }

  /** Starts counting in Redis, not in the fallback: waits (a few seconds at most) for the connection. */
  async onModuleInit(): Promise<void> {
    if (!this.redis || this.redis.status === 'ready') return;
    await Promise.race([once(this.redis, 'ready'), new Promise((resolve) => setTimeout(resolve, STARTUP_WAIT_MS).unref())]);
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  private async draw(draws: [PolicyName, string, number][], points = 1): Promise<Decision> {
    const results = await Promise.all(draws.map(([, key]) => (this.redis ? this.batched(key, points) : this.guarded(() => this.counters.consume(key, points)))));
    const budgets = draws.map(([policy, , limit], i) => this.state(policy, limit, results[i].consumedPoints, results[i].msBeforeNext));
    const allowed = budgets.every((b) => b.used <= b.limit);
    for (const b of budgets) if (b.used > b.limit) this.limited.inc({ policy: b.policy });
    return { allowed, budgets, keys: draws.map(([, key]) => key) };
  }

  /**
   * Redis: the draws on one key that arrive in one turn of the event loop go as one increment by
   * their sum, and each request gets its own place in that run (in arrival order). Counting stays
   * exact; under load from one app a single command serves many requests.
   */
  private batched(key: string, points: number): Promise<{ consumedPoints: number; msBeforeNext: number }> {
    let draws = this.pending.get(key);
    if (!draws) {
      const waiting: Draw[] = (draws = []);
      this.pending.set(key, waiting);
      setImmediate(() => {
        this.pending.delete(key);
        const sum = waiting.reduce((total, d) => total + d.points, 0);
        this.guarded(() => this.counters.consume(key, sum)).then(
          (res) => {
            let running = res.consumedPoints - sum;
            for (const d of waiting) d.resolve({ consumedPoints: (running += d.points), msBeforeNext: res.msBeforeNext });
          },
          (error: unknown) => waiting.forEach((d) => d.reject(error)),
        );
      });
    }
    const joined = draws;
    return new Promise((resolve, reject) => joined.push({ points, resolve, reject }));
  }

  private state(policy: PolicyName, limit: number, used: number, resetMs: number): BudgetState {
    return { policy, limit, used, remaining: Math.max(0, limit - used), resetMs: Math.max(0, resetMs) };
  }

  /** A store failure the insurance did not absorb (fail closed) is a 503, never a 500. */
  private async guarded<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof RateLimiterRes) return error as T;
      throw new DomainError('UNAVAILABLE', 'Rate limiting is unavailable: try again shortly', 'RATE_LIMIT_UNAVAILABLE');
    }
  }

  private budgetsOf(clientId: string): Promise<Record<Exclude<PolicyName, 'ip'>, number>> {
    let budgets = this.budgetsByApp.get(clientId);
    if (!budgets) {
      budgets = this.sql
        .query<{ quota_mode: QuotaMode; rate_limit_override: RateLimitOverride | null }>(`SELECT quota_mode, rate_limit_override FROM oauth_clients WHERE id = $1`, [clientId])
        .then(([row]) => appBudgets(row?.quota_mode ?? 'development', row?.rate_limit_override ?? null));
      budgets.catch(() => this.budgetsByApp.delete(clientId));
      this.budgetsByApp.set(clientId, budgets);
    }
    return budgets;
  }

  private connect(url: string): Redis {
    // Commands fail at once while disconnected (no offline queue), so requests never wait on Redis.
    const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, enableAutoPipelining: true, connectionName: 'backbeat-rate-limit' });
    let down = false;
    redis.on('error', (error: Error) => {
      if (down) return;
      down = true;
      const policy = this.env.RATE_LIMIT_REDIS_FAILURE === 'open' ? 'counting in this instance’s memory until it is back' : 'refusing API requests with 503 until it is back';
      this.logger.warn(`Rate limiter lost Redis (${error.message}): ${policy}`);
    });
    redis.on('ready', () => {
      if (!down) return;
      down = false;
      this.logger.log('Rate limiter is back on Redis');
    });
    return redis;
  }
}

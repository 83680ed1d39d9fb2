import type { Principal } from '../common/auth/principal';
import { HttpMetrics } from '../common/metrics/metrics';
import type { Env } from '../config/env';
import type { SqlRunner } from '../database/sql-runner';
import { rateLimitHeaders, retryAfterSeconds } from './rate-limit-headers';
import { RateLimitService } from './rate-limit.service';

const env = { REDIS_KEY_PREFIX: 'bb:', RATE_LIMIT_WINDOW_SECONDS: 30, RATE_LIMIT_REDIS_FAILURE: 'open' } as Pick<Env, 'REDIS_URL' | 'REDIS_KEY_PREFIX' | 'RATE_LIMIT_WINDOW_SECONDS' | 'RATE_LIMIT_REDIS_FAILURE'>;
/** The app's row, as the budgets query returns it: three requests per window for the listener. */
const budgets = { query: () => Promise.resolve([{ quota_mode: 'development', rate_limit_override: { user: 3, writes: 2 } }]) } as unknown as SqlRunner;
const listener: Principal = { clientId: 'app', userId: 'ada', country: 'US', product: 'premium', scopes: new Set(), expiresAt: new Date(8.64e15) };

describe('RateLimitService windows (in-memory counters, controlled clock)', () => {
  let limits: RateLimitService;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-01T12:00:00Z') });
    limits = new RateLimitService(env, budgets, new HttpMetrics());
  });
  afterEach(() => jest.useRealTimers());

  const user = async () => (await limits.consume(listener, false)).budgets.find((b) => b.policy === 'user')!;

  it('refuses once a budget is spent until its window ends, then grants a whole budget again', async () => {
    for (let i = 1; i <= 3; i++) expect(await user()).toMatchObject({ used: i, remaining: 3 - i, limit: 3 });
    const refused = await limits.consume(listener, false);
    expect(refused.allowed).toBe(false);
    expect(retryAfterSeconds(refused.budgets)).toBe(30);

    jest.advanceTimersByTime(12_000);
    const later = await limits.consume(listener, false);
    expect(later.allowed).toBe(false);
    expect(retryAfterSeconds(later.budgets)).toBe(18);

    jest.advanceTimersByTime(18_001);
    expect(await user()).toMatchObject({ used: 1, remaining: 2 });
  });

  it('draws writes from their own budget, and gives back what is refunded', async () => {
    const write = () => limits.consume(listener, true);
    expect((await write()).allowed).toBe(true);
    const second = await write();
    expect(second.budgets.map((b) => b.policy)).toEqual(['app', 'user', 'writes']);
    expect((await write()).allowed).toBe(false);
    await limits.refund(second.keys);
    expect((await limits.peek(listener)).find((b) => b.policy === 'writes')).toMatchObject({ used: 2, remaining: 0 });
  });
});

describe('rate-limit headers', () => {
  const budget = (policy: 'app' | 'user', limit: number, used: number, resetMs: number) => ({ policy, limit, used, remaining: Math.max(0, limit - used), resetMs });

  it('lists every budget in the IETF fields and the tightest in the GitHub ones', () => {
    const headers = rateLimitHeaders([budget('app', 600, 10, 29_500), budget('user', 180, 179, 12_200)], 30, 1_000_000);
    expect(headers).toEqual({
      'ratelimit-policy': '"app";q=600;w=30, "user";q=180;w=30',
      ratelimit: '"app";r=590;t=30, "user";r=1;t=13',
      'x-ratelimit-limit': '180',
      'x-ratelimit-remaining': '1',
      'x-ratelimit-reset': '1013',
      'x-ratelimit-used': '179',
      'x-ratelimit-resource': 'user',
    });
  });

  it('waits for the last exhausted budget before retrying', () => {
    expect(retryAfterSeconds([budget('app', 10, 11, 4_000), budget('user', 5, 6, 20_100), budget('user', 5, 1, 29_000)])).toBe(21);
  });
});

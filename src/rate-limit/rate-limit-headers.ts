import type { BudgetState } from './rate-limit.service';

/** GitHub's names, which browsers may read (CORS). */
export const RATE_LIMIT_X_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-used', 'x-ratelimit-resource'];

/** Whole seconds until a budget is whole again; at least 1 while anything is used. */
export const resetSeconds = (b: BudgetState): number => Math.max(1, Math.ceil(b.resetMs / 1000));

/** The budget the caller is closest to exhausting: fewest requests left, then the longest wait. */
export function tightest(budgets: readonly BudgetState[]): BudgetState {
  return budgets.reduce((a, b) => (b.remaining < a.remaining || (b.remaining === a.remaining && b.resetMs > a.resetMs) ? b : a));
}

/**
 * The IETF draft's `RateLimit-Policy` and `RateLimit` fields (draft-ietf-httpapi-ratelimit-headers)
 * for every budget the request drew on, and GitHub's `X-RateLimit-*` for the tightest of them.
 */
export function rateLimitHeaders(budgets: readonly BudgetState[], windowSeconds: number, now = Date.now()): Record<string, string> {
  const worst = tightest(budgets);
  return {
    'ratelimit-policy': budgets.map((b) => `"${b.policy}";q=${b.limit};w=${windowSeconds}`).join(', '),
    ratelimit: budgets.map((b) => `"${b.policy}";r=${b.remaining};t=${resetSeconds(b)}`).join(', '),
    'x-ratelimit-limit': String(worst.limit),
    'x-ratelimit-remaining': String(worst.remaining),
    'x-ratelimit-reset': String(Math.ceil((now + worst.resetMs) / 1000)),
    'x-ratelimit-used': String(Math.min(worst.used, worst.limit)),
    'x-ratelimit-resource': worst.policy,
  };
}

/** Seconds until every exhausted budget has room again. */
export function retryAfterSeconds(budgets: readonly BudgetState[]): number {
  return Math.max(...budgets.filter((b) => b.used > b.limit).map(resetSeconds));
}

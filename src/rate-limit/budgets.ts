import type { QuotaMode, RateLimitOverride } from '../oauth/entities/client.entity';

/** The budgets a request draws on, each counted in its own window. */
export type PolicyName = 'app' | 'user' | 'writes' | 'ip';

/** Requests per window, per quota mode. Extended apps get ten times the development budget. */
export const BUDGETS: Record<QuotaMode, Record<Exclude<PolicyName, 'ip'>, number>> = {
  development: { app: 600, user: 180, writes: 60 },
  extended: { app: 6000, user: 600, writes: 200 },
};

/** Sign-in and token attempts per client IP and window, against password and code guessing. */
export const IP_BUDGET = 30;

/** An app's budgets: its quota mode's, with the app's override where it has one. */
export function appBudgets(mode: QuotaMode, override: RateLimitOverride | null): Record<Exclude<PolicyName, 'ip'>, number> {
  return { ...BUDGETS[mode], ...(override ?? {}) };
}

/** One budget, as GitHub's `/rate_limit` shows its resources. */
export class BudgetDto {
  /** Requests allowed per window. */
  limit: number;
  /** Requests left in the current window. */
  remaining: number;
  /** Requests made in the current window (at most `limit`). */
  used: number;
  /** When the window ends, in Unix seconds. */
  reset: number;
}

export class RateLimitResourcesDto {
  /** Every request with the app's tokens. */
  app: BudgetDto;
  /** Requests acting for the listener, with this app; absent for app-only tokens. */
  user?: BudgetDto;
  /** Requests that change something (not GET or HEAD), for this listener (or the app alone) with this app. */
  writes: BudgetDto;
}

export class RateLimitStatusDto {
  /** Length of every window, in seconds. */
  window_seconds: number;
  resources: RateLimitResourcesDto;
}

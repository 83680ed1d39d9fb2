/** Where rate-limit counters live and whether that store answers; provided by the rate-limit module. */
export abstract class RateLimitStore {
  abstract status(): { store: 'memory' | 'redis'; connected: boolean; onFailure: 'open' | 'closed' };
}

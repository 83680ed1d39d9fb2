import { SetMetadata } from '@nestjs/common';

export const RATE_LIMIT_BY_IP_KEY = 'backbeat:rate-limit-ip';
export const SKIP_RATE_LIMIT_KEY = 'backbeat:rate-limit-skip';

/** Sign-in and token routes: failed attempts are counted per client IP (successes are given back). */
export const RateLimitByIp = (): MethodDecorator & ClassDecorator => SetMetadata(RATE_LIMIT_BY_IP_KEY, true);

/** A route that costs nothing (`GET /v1/rate_limit`). */
export const SkipRateLimit = (): MethodDecorator & ClassDecorator => SetMetadata(SKIP_RATE_LIMIT_KEY, true);

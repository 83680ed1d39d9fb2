import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Scopes } from '../common/auth/auth.decorators';
import type { Principal } from '../common/auth/principal';
import { RateLimitResourcesDto, RateLimitStatusDto } from './dto/rate-limit.dto';
import { SkipRateLimit } from './rate-limit.decorators';
import { RateLimitService } from './rate-limit.service';

/** The caller's budgets, for clients that pace themselves. */
@ApiTags('Rate limits')
@Controller('v1/rate_limit')
export class RateLimitController {
  constructor(private readonly limits: RateLimitService) {}

  @ApiOperation({ operationId: 'getRateLimit', summary: 'Get the caller’s rate-limit budgets', description: 'Free: asking does not count against any budget.' })
  @Scopes()
  @SkipRateLimit()
  @Get()
  async get(@CurrentPrincipal() p: Principal): Promise<RateLimitStatusDto> {
    const budgets = await this.limits.peek(p);
    const now = Date.now();
    return {
      window_seconds: this.limits.windowSeconds,
      // peek() returns the app and writes budgets always, the user budget for user tokens.
      resources: Object.fromEntries(
        budgets.map((b) => [b.policy, { limit: b.limit, remaining: b.remaining, used: Math.min(b.used, b.limit), reset: Math.ceil((now + b.resetMs) / 1000) }]),
      ) as unknown as RateLimitResourcesDto,
    };
  }
}

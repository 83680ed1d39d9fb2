import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../common/auth/auth.decorators';
import { DomainError } from '../common/errors/domain-errors';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';
import { rateLimitHeaders, retryAfterSeconds } from './rate-limit-headers';
import { RATE_LIMIT_BY_IP_KEY, SKIP_RATE_LIMIT_KEY } from './rate-limit.decorators';
import { Decision, RateLimitService } from './rate-limit.service';

export interface RateLimitedRequest extends AuthenticatedRequest {
  rateLimit?: { decision: Decision; byIp: boolean };
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard, after AuthGuard: draws every authenticated request from its budgets, and each
 * attempt at a sign-in or token route from its IP's budget; sets the rate-limit headers, and
 * refuses with 429 and Retry-After once a budget is spent.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
    @Inject(ENV) private readonly env: Pick<Env, 'RATE_LIMIT_ENABLED'>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.env.RATE_LIMIT_ENABLED || context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(SKIP_RATE_LIMIT_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<RateLimitedRequest>();
    const byIp = this.reflector.getAllAndOverride<boolean>(RATE_LIMIT_BY_IP_KEY, targets) ?? false;
    const principal = request.principal;
    if (!byIp && !principal) return true;
    const decision = byIp ? await this.limits.consumeIp(request.ip) : await this.limits.consume(principal!, !READS.has(request.method));
    request.rateLimit = { decision, byIp };
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    void reply.headers(rateLimitHeaders(decision.budgets, this.limits.windowSeconds));
    if (decision.allowed) return true;
    const wait = retryAfterSeconds(decision.budgets);
    void reply.header('retry-after', String(wait));
    throw new DomainError('RATE_LIMITED', `Too many requests: try again in ${wait} s`, 'RATE_LIMITED');
  }
}

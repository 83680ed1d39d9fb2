import { Global, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { RateLimitStore } from '../common/health/rate-limit-store';
import { RateLimitedRequest } from './rate-limit.guard';
import { RateLimitController } from './rate-limit.controller';
import { RateLimitService } from './rate-limit.service';

/** Rate limiting; its guard is registered globally in AppModule, right after AuthGuard. */
@Global()
@Module({
  controllers: [RateLimitController],
  providers: [RateLimitService, { provide: RateLimitStore, useExisting: RateLimitService }],
  exports: [RateLimitService, RateLimitStore],
})
export class RateLimitModule implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly limits: RateLimitService,
  ) {}

  /** What a request turned out not to cost is given back: a 304, and a sign-in or token attempt that succeeded. */
  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', (request, reply, done) => {
      const spent = (request as RateLimitedRequest).rateLimit;
      const free = spent && (reply.statusCode === 304 || (spent.byIp && reply.statusCode < 400));
      if (free) void this.limits.refund(spent.decision.keys);
      done();
    });
  }
}

import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, NotFoundError } from '../common/errors/domain-errors';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Endpoints behind the development CLIs answer only callers on this machine, and never when DEV_TOKENS is off. */
@Injectable()
export class DevToolingGuard implements CanActivate {
  constructor(@Inject(ENV) private readonly env: Pick<Env, 'DEV_TOKENS'>) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.env.DEV_TOKENS) throw new NotFoundError('Development tooling is disabled');
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!LOOPBACK.has(request.socket.remoteAddress ?? '')) throw new ForbiddenError('Development tooling answers loopback callers only');
    return true;
  }
}

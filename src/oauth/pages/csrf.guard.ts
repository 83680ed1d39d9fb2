import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from '../../common/errors/domain-errors';

type CsrfProtection = (request: FastifyRequest, reply: FastifyReply, next: () => void) => void;

/** Every form post must carry the token its page was rendered with (@fastify/csrf-protection). */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance & { csrfProtection: CsrfProtection }>();
    return new Promise((resolve, reject) => {
      // The plugin answers failures itself; here they become an error for the exception filter instead.
      const checking = Object.create(reply, {
        send: { value: () => reject(new ForbiddenError('This form has expired or did not come from Backbeat. Go back, reload and try again.', 'CSRF')) },
      }) as FastifyReply;
      fastify.csrfProtection(request, checking, () => resolve(true));
    });
  }
}

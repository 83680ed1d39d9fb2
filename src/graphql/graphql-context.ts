import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { missingToken } from '../common/auth/auth.guard';
import { asListener, type Listener, type Principal } from '../common/auth/principal';
import { DomainError } from '../common/errors/domain-errors';
import { Loaders } from './loaders';

/** What every resolver of one operation shares. */
export interface GqlContext {
  /** The HTTP request; absent over WebSocket. */
  req?: FastifyRequest & { principal?: Principal };
  /** The caller, or null with the reason in `authError` (an operation then fails before it runs, unless it only introspects). */
  principal: Principal | null;
  authError: DomainError | null;
  loaders: Loaders;
}

/** The caller as a listener: app-only (client-credentials) tokens cannot use `me` or change anything of a listener's. */
export function listenerOf(context: GqlContext): Listener {
  return asListener(principalOf(context));
}

export function principalOf(context: GqlContext): Principal {
  if (!context.principal) throw context.authError ?? missingToken();
  return context.principal;
}

/** The operation's caller (any token). */
export const GqlPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => principalOf(ctx.getArgByIndex<GqlContext>(2)));

/** The operation's caller, who must be a listener. */
export const GqlListener = createParamDecorator((_: unknown, ctx: ExecutionContext): Listener => listenerOf(ctx.getArgByIndex<GqlContext>(2)));

/** The operation's DataLoaders. */
export const GqlLoaders = createParamDecorator((_: unknown, ctx: ExecutionContext): Loaders => ctx.getArgByIndex<GqlContext>(2).loaders);

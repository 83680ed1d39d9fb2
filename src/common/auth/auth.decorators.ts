import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { asListener, type Listener, type Principal } from './principal';
import type { Scope } from './scopes';
import { ErrorResponseDto } from '../errors/error-response.dto';

export const SCOPES_KEY = 'backbeat:scopes';
export const PUBLIC_KEY = 'backbeat:public';

/**
 * The route needs a bearer token carrying every listed scope. With no scopes,
 * any valid token will do (catalog routes accept client-credentials tokens).
 */
export function Scopes(...scopes: Scope[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(SCOPES_KEY, scopes),
    ApiBearerAuth('oauth2'),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired access token.', type: ErrorResponseDto }),
    ...(scopes.length
      ? [ApiForbiddenResponse({ description: `The token lacks a scope: ${scopes.join(', ')}.`, type: ErrorResponseDto })]
      : []),
  );
}

/** The route needs no token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

export interface AuthenticatedRequest extends FastifyRequest {
  principal?: Principal;
}

/** The caller behind the request's bearer token. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without @Scopes');
  return principal;
});

/** The caller, who must act for a listener: an app-only (client-credentials) token is refused. */
export const CurrentListener = createParamDecorator((_: unknown, ctx: ExecutionContext): Listener => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentListener used on a route without @Scopes');
  return asListener(principal);
});

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-errors';
import { AuthenticatedRequest, PUBLIC_KEY, SCOPES_KEY } from './auth.decorators';
import { AccessTokenVerifier, Principal } from './principal';
import type { Scope } from './scopes';

const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]{16,512}=*)$/i;

/** 401 for a request that brought no token. */
export const missingToken = (): DomainError => new DomainError('UNAUTHORIZED', 'No token provided', 'NO_TOKEN');

/**
 * Global guard: a route is public only when it says so; every other route
 * needs a valid bearer token with the scopes its @Scopes names.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const required = this.reflector.getAllAndOverride<Scope[] | undefined>(SCOPES_KEY, targets) ?? [];

    // GraphQL authenticates once per operation (src/graphql/graphql-context.ts); here only the scopes.
    if (context.getType<string>() === 'graphql') {
      const { principal, authError } = context.getArgByIndex<{ principal: Principal | null; authError: DomainError | null }>(2);
      if (!principal) throw authError ?? missingToken();
      assertScopes(principal, required);
      return true;
    }
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await authenticate(this.verifier, request.headers.authorization);
    // Known before the scope check, so that a refusal still counts for the app's usage.
    request.principal = principal;
    assertScopes(principal, required);
    return true;
  }
}

/** The principal behind an `Authorization: Bearer …` header; a 401 domain error when there is none. */
export async function authenticate(verifier: AccessTokenVerifier, header: string | undefined): Promise<Principal> {
  if (!header) throw missingToken();
  const match = BEARER.exec(header);
  if (!match) throw new DomainError('UNAUTHORIZED', 'Only valid bearer authentication supported', 'INVALID_TOKEN');
  const principal = await verifier.verify(match[1]);
  if (!principal) throw new DomainError('UNAUTHORIZED', 'Invalid access token', 'INVALID_TOKEN');
  if (principal.expiresAt.getTime() <= Date.now()) throw new DomainError('TOKEN_EXPIRED', 'The access token expired', 'TOKEN_EXPIRED');
  return principal;
}

/** 403 for a token that lacks these scopes. */
export const insufficientScope = (missing: readonly Scope[]): DomainError =>
  new DomainError('INSUFFICIENT_SCOPE', `Insufficient client scope: needs ${missing.join(', ')}`, 'INSUFFICIENT_SCOPE');

/** Refuses (403) a principal that lacks any of the scopes. */
export function assertScopes(principal: Principal, required: readonly Scope[]): void {
  const missing = required.filter((scope) => !principal.scopes.has(scope));
  if (missing.length) throw insufficientScope(missing);
}

import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-errors';
import { PUBLIC_KEY, SCOPES_KEY } from './auth.decorators';
import { AuthGuard } from './auth.guard';
import { AccessTokenVerifier, Principal } from './principal';
import type { Scope } from './scopes';

const TOKEN = 'a'.repeat(40);

function principal(overrides: Partial<Principal> = {}): Principal {
  return { clientId: 'app', userId: 'ana', country: 'SE', product: 'premium', scopes: new Set<Scope>(['user-read-private']), expiresAt: new Date(Date.now() + 60_000), ...overrides };
}

class FixedVerifier extends AccessTokenVerifier {
  constructor(private readonly result: Principal | null) {
    super();
  }
  verify(token: string): Promise<Principal | null> {
    return Promise.resolve(token === TOKEN ? this.result : null);
  }
}

function context(metadata: Record<string, unknown>, authorization?: string) {
  const request: { headers: Record<string, string>; principal?: Principal } = { headers: authorization ? { authorization } : {} };
  const handler = () => undefined;
  for (const [key, value] of Object.entries(metadata)) Reflect.defineMetadata(key, value, handler);
  const ctx = {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => class Controller {},
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { ctx, request };
}

async function reason(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as DomainError).reason;
  }
}

describe('AuthGuard', () => {
  const guard = (p: Principal | null = principal()) => new AuthGuard(new Reflector(), new FixedVerifier(p));

  it('lets public routes through without a token', async () => {
    await expect(guard().canActivate(context({ [PUBLIC_KEY]: true }).ctx)).resolves.toBe(true);
  });

  it('attaches the principal when the token carries the scopes', async () => {
    const { ctx, request } = context({ [SCOPES_KEY]: ['user-read-private'] }, `Bearer ${TOKEN}`);
    await expect(guard().canActivate(ctx)).resolves.toBe(true);
    expect(request.principal?.userId).toBe('ana');
  });

  it('requires a token on a route with no declaration at all', async () => {
    expect(await reason(guard().canActivate(context({}).ctx))).toBe('NO_TOKEN');
  });

  it.each([
    ['no header', undefined, 'NO_TOKEN'],
    ['basic auth', 'Basic dXNlcjpwYXNz', 'INVALID_TOKEN'],
    ['a short token', 'Bearer abc', 'INVALID_TOKEN'],
    ['an unknown token', `Bearer ${'b'.repeat(40)}`, 'INVALID_TOKEN'],
  ])('refuses %s', async (_label, header, expected) => {
    expect(await reason(guard().canActivate(context({ [SCOPES_KEY]: [] }, header).ctx))).toBe(expected);
  });

  it('refuses an expired token', async () => {
    const expired = guard(principal({ expiresAt: new Date(Date.now() - 1) }));
    expect(await reason(expired.canActivate(context({ [SCOPES_KEY]: [] }, `Bearer ${TOKEN}`).ctx))).toBe('TOKEN_EXPIRED');
  });

  it('names the missing scope', async () => {
    const attempt = guard().canActivate(context({ [SCOPES_KEY]: ['user-read-private', 'playlist-modify-public'] }, `Bearer ${TOKEN}`).ctx);
    await expect(attempt).rejects.toThrow(/playlist-modify-public/);
  });
});

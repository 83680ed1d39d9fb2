// The gateway (src/main.ts) as bench/auth.ts runs it, in two variants that start the same way and differ
// only in the bearer guard: BENCH_GUARD=off switches the guard off, so that every request acts as one
// fixed app. (A gateway started from its own entry file measured some 10 % faster or slower than the
// same code required from here, so both variants go through this file.) There is no such switch in the product.
import type { ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../src/common/auth/auth.decorators';
import { AuthGuard } from '../src/common/auth/auth.guard';
import type { Principal } from '../src/common/auth/principal';
import type { Scope } from '../src/common/auth/scopes';

if (process.env.BENCH_GUARD === 'off') {
  const principal: Principal = { clientId: 'bench', userId: null, country: null, product: null, scopes: new Set<Scope>(), expiresAt: new Date(8.64e15) };
  AuthGuard.prototype.canActivate = (context: ExecutionContext) => {
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal = principal;
    return Promise.resolve(true);
  };
}

// Loaded only after the guard is set.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../src/main');

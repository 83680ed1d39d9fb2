// The baseline for bench/auth.ts: the whole gateway (src/main.ts) with the bearer guard switched off, so
// that the benchmark measures what token validation costs. Every request acts as one fixed app.
// Run as a child process by the benchmark; there is no such switch in the product.
import type { ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../src/common/auth/auth.decorators';
import { AuthGuard } from '../src/common/auth/auth.guard';
import type { Principal } from '../src/common/auth/principal';
import type { Scope } from '../src/common/auth/scopes';

const principal: Principal = { clientId: 'bench', userId: null, country: null, product: null, scopes: new Set<Scope>(), expiresAt: new Date(8.64e15) };

AuthGuard.prototype.canActivate = (context: ExecutionContext) => {
  context.switchToHttp().getRequest<AuthenticatedRequest>().principal = principal;
  return Promise.resolve(true);
};

// Loaded only after the guard is replaced.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../src/main');

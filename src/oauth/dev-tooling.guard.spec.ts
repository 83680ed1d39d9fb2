import type { ExecutionContext } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-errors';
import { DevToolingGuard } from './dev-tooling.guard';

const from = (remoteAddress: string) => ({ switchToHttp: () => ({ getRequest: () => ({ socket: { remoteAddress } }) }) }) as unknown as ExecutionContext;

const refusal = (guard: DevToolingGuard, remoteAddress: string) => {
  try {
    guard.canActivate(from(remoteAddress));
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('DevToolingGuard', () => {
  it('lets loopback callers through when development tooling is on', () => {
    const guard = new DevToolingGuard({ DEV_TOKENS: true });
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(refusal(guard, address)).toBeNull();
    expect(refusal(guard, '192.168.1.20')).toBe('FORBIDDEN');
  });

  it('hides the endpoints when development tooling is off', () => {
    expect(refusal(new DevToolingGuard({ DEV_TOKENS: false }), '127.0.0.1')).toBe('NOT_FOUND');
  });
});

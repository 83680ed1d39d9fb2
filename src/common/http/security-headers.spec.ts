import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it("computes helmet's headers from its options", () => {
    const headers = securityHeaders({
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"] } },
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    });
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(Object.keys(headers)).not.toContain('x-powered-by');
  });

  it('rejects invalid options at start-up rather than per request', () => {
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ['self'] } } })).toThrow(/self/);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ownSchema, expectSchema } from '../helpers/schemas';
import { startTestApp, TestApp } from '../helpers/test-app';

// API-wide conventions: errors, auth, request ids, caching, CORS, security headers, limits, health, metrics, docs.
describe('API conventions (e2e)', () => {
  let t: TestApp;
  let token: string;
  let trackId: string;

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 200 });
    token = await t.token();
    const search = await t.request('/v1/search?q=a&type=track&limit=1', { token });
    trackId = search.body.tracks.items[0]?.id ?? (await t.dataSource.query('SELECT id FROM tracks LIMIT 1'))[0].id;
  });
  afterAll(() => t.close());

  const expectError = (res: { status: number; body: any }, status: number, message?: RegExp) => {
    expect(res.status).toBe(status);
    expect(res.body.error.status).toBe(status);
    expect(typeof res.body.error.message).toBe('string');
    if (message) expect(res.body.error.message).toMatch(message);
    expectSchema(ownSchema('ErrorResponseDto'), res.body);
  };

  describe('authentication', () => {
    it('rejects a request without a token', async () => {
      const res = await t.request(`/v1/tracks/${trackId}`);
      expectError(res, 401, /No token provided/);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });

    it('rejects an unknown token', async () => {
      const res = await t.request(`/v1/tracks/${trackId}`, { token: 'x'.repeat(40) });
      expectError(res, 401, /Invalid access token/);
      expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    });

    it('rejects a malformed authorization header', async () => {
      const res = await t.request(`/v1/tracks/${trackId}`, { headers: { authorization: 'Basic abc' } });
      expectError(res, 401);
    });

    it('rejects an expired token', async () => {
      const expired = await t.token({ ttlSeconds: -1 });
      expectError(await t.request(`/v1/tracks/${trackId}`, { token: expired }), 401, /expired/);
    });

    it('accepts an app-only token on catalog routes', async () => {
      expect((await t.request(`/v1/tracks/${trackId}`, { token })).status).toBe(200);
    });
  });

  describe('errors', () => {
    it('answers unknown paths with 404 in the error shape', async () => {
      expectError(await t.request('/v1/no-such-thing', { token }), 404);
    });

    it('answers bad JSON with 400, not 500', async () => {
      const res = await t.request('/dev/tokens', { method: 'POST', body: '{oops', headers: { 'content-type': 'application/json' } });
      expectError(res, 400);
    });

    it('bounds request bodies', async () => {
      const res = await t.request('/dev/tokens', {
        method: 'POST',
        body: JSON.stringify({ scopes: 'x'.repeat(600 * 1024) }),
        headers: { 'content-type': 'application/json' },
      });
      expectError(res, 413);
    });

    it('never echoes stack traces', async () => {
      const res = await t.request('/v1/tracks/%E0%A4%A', { token });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
    });
  });

  describe('request ids', () => {
    it('gives every response a request id, also inside errors', async () => {
      const res = await t.request('/v1/markets');
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.error.request_id).toBe(id);
    });

    it("keeps a caller's well-formed request id and replaces a malformed one", async () => {
      const kept = await t.request('/v1/markets', { token, headers: { 'x-request-id': 'client-abc-123456' } });
      expect(kept.headers.get('x-request-id')).toBe('client-abc-123456');
      const replaced = await t.request('/v1/markets', { token, headers: { 'x-request-id': 'bad id with spaces' } });
      expect(replaced.headers.get('x-request-id')).not.toBe('bad id with spaces');
    });
  });

  describe('conditional requests', () => {
    it('sends an ETag and answers If-None-Match with 304', async () => {
      const first = await t.request(`/v1/tracks/${trackId}`, { token });
      const etag = first.headers.get('etag');
      expect(etag).toBeTruthy();
      const second = await t.request(`/v1/tracks/${trackId}`, { token, headers: { 'if-none-match': etag! } });
      expect(second.status).toBe(304);
      expect(second.body).toBe('');
      const changed = await t.request(`/v1/tracks/${trackId}?market=US`, { token, headers: { 'if-none-match': etag! } });
      expect(changed.status).toBe(200);
      const error = await t.request('/v1/tracks/0000000000000000000000', { token });
      expect(error.status).toBe(404);
      expect(error.headers.get('etag')).toBeNull();
    });
  });

  describe('browsers', () => {
    it('answers CORS preflights', async () => {
      const res = await fetch(`${t.baseUrl}/v1/tracks/${trackId}`, {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    });

    it('sends security headers', async () => {
      const res = await t.request('/v1/markets', { token });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toBeTruthy();
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    });

    it('gives HTML pages a policy that lets them load their own scripts and styles', async () => {
      const res = await fetch(`${t.baseUrl}/docs`);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self' 'unsafe-inline'");
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    });
  });

  describe('operations', () => {
    it('reports liveness and readiness', async () => {
      const live = await t.request('/health/live');
      expect(live.status).toBe(200);
      const ready = await t.request('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.info.database.status).toBe('up');
    });

    it('exposes Prometheus metrics per route', async () => {
      await t.request(`/v1/tracks/${trackId}`, { token });
      const res = await t.request('/metrics');
      expect(res.status).toBe(200);
      expect(res.body).toMatch(/http_requests_total\{method="GET",route="\/v1\/tracks\/:id",status="200"\} \d+/);
      expect(res.body).toMatch(/http_request_duration_seconds_bucket\{.*route="\/v1\/tracks\/:id"/);
    });

    it('serves its OpenAPI document with the operations and schemas of the checked-in one', async () => {
      const res = await t.request('/v1/openapi.json');
      expect(res.status).toBe(200);
      const checkedIn = JSON.parse(readFileSync(join(__dirname, '../../sdk-generator/openapi.json'), 'utf8'));
      // Under ts-jest the Swagger plugin cannot infer handler return types, so compare what it does produce:
      // operations with their parameters, and the schemas it emits.
      const operations = (doc: any) =>
        Object.entries(doc.paths).flatMap(([path, item]: [string, any]) =>
          Object.entries(item).map(([method, op]: [string, any]) => ({ path, method, id: op.operationId, parameters: op.parameters, security: op.security })),
        );
      expect(operations(res.body)).toEqual(operations(checkedIn));
      const served = res.body.components.schemas;
      expect(Object.keys(served).length).toBeGreaterThan(0);
      for (const name of Object.keys(served)) expect([name, served[name]]).toEqual([name, checkedIn.components.schemas[name]]);
      expect(res.body.servers[0].url).toBe(t.baseUrl);
    });
  });
});

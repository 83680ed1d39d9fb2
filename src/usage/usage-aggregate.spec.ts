import { classify, isApiRoute, MINUTE_MS, statusClass, UPSERT_USAGE_SQL, upsertParams, UsageAggregate } from './usage-aggregate';

describe('usage aggregation', () => {
  it('classifies 429 as rate limited, other 4xx and 5xx as errors, the rest as fine', () => {
    expect([200, 204, 304, 429, 400, 401, 403, 404, 500, 503].map(classify)).toEqual(['ok', 'ok', 'ok', 'limited', 'error', 'error', 'error', 'error', 'error', 'error']);
    expect([200, 304, 429, 503, 99, 600].map(statusClass)).toEqual(['2xx', '3xx', '4xx', '5xx', 'other', 'other']);
  });

  it('counts API route templates only', () => {
    expect(isApiRoute('/v1/tracks/:id')).toBe(true);
    expect(isApiRoute('/v1')).toBe(true);
    expect([undefined, '/v10/x', '/dashboard/apps/:id', '/api/token', '/metrics'].map(isApiRoute)).toEqual([false, false, false, false, false]);
  });

  it('adds calls of one app, route and minute into one cell', () => {
    const aggregate = new UsageAggregate();
    const t = Date.UTC(2026, 0, 1, 12, 0, 5);
    aggregate.record('app1', 'GET /v1/tracks/:id', 200, t);
    aggregate.record('app1', 'GET /v1/tracks/:id', 404, t + 50_000);
    aggregate.record('app1', 'GET /v1/tracks/:id', 429, t + 54_999);
    aggregate.record('app1', 'GET /v1/tracks/:id', 200, t + 55_000); // the next minute
    aggregate.record('app1', 'PUT /v1/me/tracks', 500, t);
    aggregate.record('app2', 'GET /v1/tracks/:id', 200, t);
    expect(aggregate.size).toBe(4);
    const cells = aggregate.take();
    expect(aggregate.size).toBe(0);
    const minute = Math.floor(t / MINUTE_MS);
    expect(cells).toEqual(
      expect.arrayContaining([
        { clientId: 'app1', route: 'GET /v1/tracks/:id', minute, requests: 3, limited: 1, errors: 1 },
        { clientId: 'app1', route: 'GET /v1/tracks/:id', minute: minute + 1, requests: 1, limited: 0, errors: 0 },
        { clientId: 'app1', route: 'PUT /v1/me/tracks', minute, requests: 1, limited: 0, errors: 1 },
        { clientId: 'app2', route: 'GET /v1/tracks/:id', minute, requests: 1, limited: 0, errors: 0 },
      ]),
    );
  });

  it('puts back a failed batch, adding it to what came since', () => {
    const aggregate = new UsageAggregate();
    const t = Date.UTC(2026, 0, 1, 12, 0, 0);
    aggregate.record('app1', 'GET /v1/markets', 200, t);
    const failed = aggregate.take();
    aggregate.record('app1', 'GET /v1/markets', 429, t + 1000);
    aggregate.restore(failed);
    expect(aggregate.take()).toEqual([{ clientId: 'app1', route: 'GET /v1/markets', minute: t / MINUTE_MS, requests: 2, limited: 1, errors: 0 }]);
  });

  it('flushes a batch as one upsert of parallel arrays, sorted by primary key', () => {
    const m = Date.UTC(2026, 0, 1, 12, 0) / MINUTE_MS;
    const params = upsertParams([
      { clientId: 'b', route: 'GET /v1/x', minute: m, requests: 1, limited: 0, errors: 0 },
      { clientId: 'a', route: 'GET /v1/y', minute: m + 1, requests: 2, limited: 1, errors: 0 },
      { clientId: 'a', route: 'GET /v1/z', minute: m, requests: 3, limited: 0, errors: 2 },
      { clientId: 'a', route: 'GET /v1/a', minute: m + 1, requests: 4, limited: 0, errors: 0 },
    ]);
    expect(params).toEqual([
      ['a', 'a', 'a', 'b'],
      ['2026-01-01T12:00:00.000Z', '2026-01-01T12:01:00.000Z', '2026-01-01T12:01:00.000Z', '2026-01-01T12:00:00.000Z'],
      ['GET /v1/z', 'GET /v1/a', 'GET /v1/y', 'GET /v1/x'],
      [3, 4, 2, 1],
      [0, 0, 1, 0],
      [2, 0, 0, 0],
    ]);
    // One statement for any batch size, adding to existing rows, skipping apps deleted meanwhile.
    expect(UPSERT_USAGE_SQL).toMatch(/^INSERT INTO api_usage \(client_id, bucket, route, requests, limited, errors\)\nSELECT .*\sFROM unnest\(\$1::varchar\[\], \$2::timestamptz\[\], \$3::text\[\], \$4::int\[\], \$5::int\[\], \$6::int\[\]\)/s);
    expect(UPSERT_USAGE_SQL).toContain('WHERE EXISTS (SELECT 1 FROM oauth_clients c WHERE c.id = u.client_id)');
    expect(UPSERT_USAGE_SQL).toContain('ON CONFLICT (client_id, bucket, route) DO UPDATE SET');
    for (const column of ['requests', 'limited', 'errors']) expect(UPSERT_USAGE_SQL).toContain(`${column} = api_usage.${column} + EXCLUDED.${column}`);
  });
});

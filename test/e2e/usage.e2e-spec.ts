import type { Browser } from 'playwright-core';
import { UsageRecorder } from '../../src/usage/usage-recorder.service';
import { describeWithBrowser, launchBrowser } from '../helpers/browser';
import { PageClient, tokenRequest } from '../helpers/oauth-client';
import { startTestApp, TestApp } from '../helpers/test-app';

const PASSWORD = 'developer-password';
const clientIdOn = (html: string) => /Client ID <code>([0-9a-f]{32})<\/code>/.exec(html)![1];
const secretOn = (html: string) => /id="client_secret" readonly value="([^"]+)"/.exec(html)![1];

/** Retries `check` until it passes: a response reaches the client just before its onResponse hook runs. */
async function eventually(check: () => Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

// Per-app usage: counted per route template and minute, flushed to api_usage, shown to the app's owner.
describe('Usage analytics (e2e)', () => {
  let t: TestApp;
  let recorder: UsageRecorder;
  let dev: PageClient;
  let trackId: string;

  beforeAll(async () => {
    // Rate limiting on (the test helper turns it off), so that an app's override can produce real 429s.
    t = await startTestApp({ seedTracks: 20, env: { RATE_LIMIT_ENABLED: 'true' } });
    recorder = t.app.get(UsageRecorder);
    dev = await signedUp('usage-dev@example.com');
    [{ id: trackId }] = await t.dataSource.query(`SELECT id FROM tracks ORDER BY id LIMIT 1`);
  });
  afterAll(() => t?.close());

  async function signedUp(email: string): Promise<PageClient> {
    const browser = new PageClient(t.baseUrl);
    const form = await browser.fetch('/signup');
    const created = await browser.submit(form.text, { email, password: PASSWORD, display_name: email.split('@')[0], country: 'SE' });
    expect(created.status).toBe(303);
    return browser;
  }

  /** Registers a confidential app on `dev`'s dashboard and returns its id and a client-credentials token. */
  async function appWithToken(name: string, before?: (id: string) => Promise<unknown>): Promise<{ id: string; token: string }> {
    const form = await dev.fetch('/dashboard/apps/new');
    const res = await dev.submit(form.text, { name, description: '', type: 'confidential', redirect_uris: 'https://usage.example/cb' });
    expect(res.status).toBe(201);
    const id = clientIdOn(res.text);
    await before?.(id);
    const token = await tokenRequest(t.baseUrl, { grant_type: 'client_credentials' }, { id, secret: secretOn(res.text) });
    expect(token.status).toBe(200);
    return { id, token: token.body.access_token };
  }

  const rows = (id: string) =>
    t.dataSource.query(`SELECT route, requests, limited, errors, extract(second FROM bucket) AS second FROM api_usage WHERE client_id = $1 ORDER BY route`, [id]);

  it('counts each app’s calls per route template in minute buckets: 404s as errors, unauthenticated and non-API calls not at all', async () => {
    const { id, token } = await appWithToken('Counted');
    for (let i = 0; i < 3; i++) expect((await t.request(`/v1/tracks/${trackId}`, { token })).status).toBe(200);
    expect((await t.request('/v1/tracks/0000000000000000000000', { token })).status).toBe(404);
    expect((await t.request('/v1/markets', { token })).status).toBe(200);
    expect((await t.request('/v1/markets')).status).toBe(401); // no token: no app to count it for
    expect((await t.request('/health/live', { token })).status).toBe(200); // not an API route
    // A token of an app that is not in oauth_clients (the test helper's) is skipped, not a failed batch.
    expect((await t.request('/v1/markets', { token: await t.token() })).status).toBe(200);

    await eventually(async () => {
      await recorder.flush();
      expect(await rows(id)).toEqual([
        { route: 'GET /v1/markets', requests: 1, limited: 0, errors: 0, second: expect.anything() },
        { route: 'GET /v1/tracks/:id', requests: 4, limited: 0, errors: 1, second: expect.anything() },
      ]);
    });
    expect((await rows(id)).map((r: any) => Number(r.second))).toEqual([0, 0]); // buckets start on the minute

    // The next flush adds to the rows rather than replacing them; a call refused for want of a scope counts too.
    expect((await t.request('/v1/markets', { token })).status).toBe(200);
    expect((await t.request('/v1/me/player', { token })).status).toBe(403);
    await eventually(async () => {
      await recorder.flush();
      expect((await rows(id)).find((r: any) => r.route === 'GET /v1/markets')?.requests).toBe(2);
    });
    // Nothing left to write: a flush without calls is a no-op.
    await recorder.flush();
    expect((await rows(id)).map((r: any) => [r.route, r.requests, r.errors])).toEqual([
      ['GET /v1/markets', 2, 0],
      ['GET /v1/me/player', 1, 1],
      ['GET /v1/tracks/:id', 4, 1],
    ]);
  });

  it('counts 429s as rate limited, per app in api_usage and in /metrics by client id only', async () => {
    // An override of three calls per window: the fourth and fifth are refused.
    const { id, token } = await appWithToken('Limited', (appId) =>
      t.dataSource.query(`UPDATE oauth_clients SET rate_limit_override = '{"app": 3}' WHERE id = $1`, [appId]),
    );
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.request('/v1/markets', { token })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    await eventually(async () => {
      await recorder.flush();
      expect(await rows(id)).toEqual([{ route: 'GET /v1/markets', requests: 5, limited: 2, errors: 0, second: expect.anything() }]);
    });

    const metrics = (await t.request('/metrics')).body as string;
    expect(metrics).toContain(`backbeat_app_requests_total{client_id="${id}",status_class="2xx"} 3`);
    expect(metrics).toContain(`backbeat_app_requests_total{client_id="${id}",status_class="4xx"} 2`);
    expect(metrics).toContain(`backbeat_app_rate_limited_total{client_id="${id}"} 2`);
    // No route label on the per-app counters: their cardinality is the number of apps.
    expect(metrics).not.toMatch(/backbeat_app_[a-z_]+\{[^}]*route=/);
  });

  it('gives the app’s owner its usage per 5 minutes over 24 hours and per endpoint; anyone else a 404 or 401', async () => {
    const { id, token } = await appWithToken('Charted');
    for (let i = 0; i < 2; i++) await t.request(`/v1/tracks/${trackId}`, { token });
    await t.request('/v1/tracks/0000000000000000000000', { token });
    await t.request('/v1/markets', { token });
    await eventually(async () => {
      await recorder.flush();
      expect((await rows(id)).reduce((n: number, r: any) => n + r.requests, 0)).toBe(4);
    });

    const res = await dev.fetch(`/dashboard/apps/${id}/usage.json`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const report = JSON.parse(res.text);
    expect(report).toMatchObject({
      client_id: id,
      slot_seconds: 300,
      totals: { requests: 4, limited: 0, errors: 1 },
      endpoints: [
        { route: 'GET /v1/tracks/:id', requests: 3, limited: 0, errors: 1 },
        { route: 'GET /v1/markets', requests: 1, limited: 0, errors: 0 },
      ],
    });
    const { t: times, requests, limited, errors } = report.series;
    expect(times).toHaveLength(288);
    expect([requests.length, limited.length, errors.length]).toEqual([288, 288, 288]);
    expect(times[1] - times[0]).toBe(300);
    expect(Date.parse(report.to) - Date.parse(report.from)).toBe(24 * 3600_000);
    expect(times[287] * 1000).toBeLessThanOrEqual(Date.now());
    expect(requests.reduce((a: number, b: number) => a + b, 0)).toBe(4);
    // The last slot (or the one before, at a 5-minute boundary) holds the calls just made.
    expect(requests[287] + requests[286]).toBe(4);

    const other = await signedUp('usage-other@example.com');
    for (const accept of ['application/json', 'text/html']) {
      const theirs = await other.fetch(`/dashboard/apps/${id}/usage.json`, { headers: { accept } });
      expect({ accept, status: theirs.status }).toEqual({ accept, status: 404 });
      expect(theirs.text).not.toContain('GET /v1/');
    }
    for (const bad of ['nope', 'f'.repeat(32), 'x'.repeat(150)]) {
      expect((await dev.fetch(`/dashboard/apps/${bad}/usage.json`, { headers: { accept: 'application/json' } })).status).toBe(404);
    }
    const signedOut = await new PageClient(t.baseUrl).fetch(`/dashboard/apps/${id}/usage.json`, { headers: { accept: 'application/json' } });
    expect(signedOut.status).toBe(401);
    expect(JSON.parse(signedOut.text).error.reason).toBe('NO_SESSION');
    // A bearer token is no way in: this is the dashboard's, not the API's.
    expect((await t.request(`/dashboard/apps/${id}/usage.json`, { token })).status).toBe(401);
  });

  it('links the chart files on the app page and serves them same-origin with their content type', async () => {
    const { id } = await appWithToken('Linked');
    const page = await dev.fetch(`/dashboard/apps/${id}`);
    expect(page.text).toContain('<h2>Usage</h2>');
    expect(page.text).toContain(`data-src="/dashboard/apps/${id}/usage.json"`);
    expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)/); // no inline script
    const links = [...page.text.matchAll(/(?:src|href)="(\/dashboard\/assets\/[^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(links.map((l) => l.split('?')[0]).sort()).toEqual(
      ['/dashboard/assets/uPlot.iife.min.js', '/dashboard/assets/uPlot.min.css', '/dashboard/assets/usage-chart.js', '/dashboard/assets/usage.css'].sort(),
    );
    for (const link of links) {
      const res = await fetch(`${t.baseUrl}${link}`);
      expect({ link, status: res.status }).toEqual({ link, status: 200 });
      expect(res.headers.get('content-type')).toMatch(link.includes('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(res.headers.get('cache-control')).toContain('immutable');
    }
    const unversioned = await fetch(`${t.baseUrl}/dashboard/assets/usage-chart.js`);
    expect(unversioned.headers.get('cache-control')).toBe('no-cache');
    for (const bad of ['package.json', '..%2F..%2Fpackage.json', 'usage.service.js', 'constructor', '__proto__']) {
      expect((await fetch(`${t.baseUrl}/dashboard/assets/${bad}`)).status).toBe(404);
    }
  });

  it('deletes rows older than 30 days, and an app’s rows with the app', async () => {
    const { id, token } = await appWithToken('Aging');
    await t.request('/v1/markets', { token });
    await eventually(async () => {
      await recorder.flush();
      expect(await rows(id)).toHaveLength(1);
    });
    await t.dataSource.query(
      `INSERT INTO api_usage (client_id, bucket, route, requests) VALUES ($1, date_trunc('minute', now()) - interval '31 days', 'GET /v1/markets', 7), ($1, date_trunc('minute', now()) - interval '29 days', 'GET /v1/markets', 5)`,
      [id],
    );
    expect(await recorder.deleteOld()).toBeGreaterThanOrEqual(1);
    expect((await rows(id)).map((r: any) => r.requests).sort()).toEqual([1, 5]);

    const confirm = await dev.fetch(`/dashboard/apps/${id}/delete`);
    expect((await dev.submit(confirm.text, {})).status).toBe(303);
    expect(await rows(id)).toEqual([]);
  });

  describeWithBrowser('in a real browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(() => browser?.close());

    it('draws the usage chart and the per-endpoint table on the app’s page, with no console errors', async () => {
      const { id, token } = await appWithToken('Drawn');
      for (let i = 0; i < 3; i++) await t.request(`/v1/tracks/${trackId}`, { token });
      await t.request('/v1/markets', { token });
      await eventually(async () => {
        await recorder.flush();
        expect((await rows(id)).reduce((n: number, r: any) => n + r.requests, 0)).toBe(4);
      });

      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        // The browser asks for /favicon.ico on its own; Backbeat has none.
        if ((message.type() === 'error' || message.type() === 'warning') && !message.location().url.endsWith('/favicon.ico')) {
          problems.push(`${message.type()}: ${message.text()} ${message.location().url}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()}`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
      });
      await page.goto(`${t.baseUrl}/dashboard/apps/${id}`);
      await page.getByLabel('Email').fill('usage-dev@example.com');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Drawn' }).waitFor();

      await page.locator('#usage-chart canvas').waitFor();
      await page.getByText('Last 24 hours: 4 requests, 0 rate limited (429), 0 other errors.').waitFor();
      const box = await page.locator('#usage-chart canvas').boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.height).toBeGreaterThan(100);
      const table = await page.locator('#usage-endpoints tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
      expect(table).toEqual([
        ['GET /v1/tracks/:id', '3', '0', '0'],
        ['GET /v1/markets', '1', '0', '0'],
      ]);
      expect(await page.locator('.u-legend').textContent()).toContain('429');
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});

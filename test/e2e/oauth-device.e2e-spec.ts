import type { Browser } from 'playwright-core';
import { AccountsService } from '../../src/oauth/accounts.service';
import { ClientsService } from '../../src/oauth/clients.service';
import { DEVICE_CODE_GRANT } from '../../src/oauth/device-code.grant-type';
import { hashSecret } from '../../src/oauth/secrets';
import { describeWithBrowser, launchBrowser } from '../helpers/browser';
import { formPost, PageClient, tokenRequest } from '../helpers/oauth-client';
import { startTestApp, TestApp } from '../helpers/test-app';

const PASSWORD = 'speakers-everywhere';
const USER_CODE = /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/;

const deviceCode = (baseUrl: string, params: Record<string, string>, basic?: { id: string; secret: string }) => formPost(baseUrl, '/api/device/code', params, basic);

// RFC 8628 end to end: a device asks for a code, the listener confirms it on /activate, the device polls for tokens.
describe('OAuth device authorization grant (e2e)', () => {
  let t: TestApp;
  let speaker: string;
  let backend: { id: string; secret: string };
  let listener: PageClient;

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 0 });
    const accounts = t.app.get(AccountsService);
    const owner = await accounts.signUp({ email: 'maker@example.com', password: PASSWORD, displayName: 'Maker', country: 'SE' });
    await accounts.signUp({ email: 'kim@example.com', password: PASSWORD, displayName: 'Kim', country: 'DE' });
    const clients = t.app.get(ClientsService);
    speaker = (await clients.register(owner.id, { name: 'Kitchen Speaker', redirectUris: ['https://speaker.example/cb'], type: 'public' })).client.id;
    const registered = await clients.register(owner.id, { name: 'Car Cloud', redirectUris: ['https://car.example/cb'], type: 'confidential' });
    backend = { id: registered.client.id, secret: registered.secret! };
    listener = new PageClient(t.baseUrl);
    const signIn = await listener.fetch('/signin');
    expect((await listener.submit(signIn.text, { email: 'kim@example.com', password: PASSWORD })).status).toBe(303);
  });
  afterAll(() => t?.close());

  const poll = (code: string, clientId = speaker) => tokenRequest(t.baseUrl, { grant_type: DEVICE_CODE_GRANT, device_code: code, client_id: clientId });
  /** Moves the last poll back in time, as if the device had waited its interval. */
  const waitInterval = (code: string) => t.dataSource.query(`UPDATE oauth_device_codes SET last_polled_at = now() - interval '1 hour' WHERE device_code_hash = $1`, [hashSecret(code)]);

  async function approve(userCode: string, decision: 'approve' | 'deny' = 'approve') {
    const confirm = await listener.fetch(`/activate?user_code=${encodeURIComponent(userCode)}`);
    expect(confirm.status).toBe(200);
    return listener.submit(confirm.text, { decision });
  }

  it('issues a device code and a short user code, never cached', async () => {
    const res = await deviceCode(t.baseUrl, { client_id: speaker, scope: 'streaming user-read-playback-state' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({
      device_code: expect.stringMatching(/^[\w-]{43}$/),
      user_code: expect.stringMatching(USER_CODE),
      verification_uri: `${t.baseUrl}/activate`,
      verification_uri_complete: `${t.baseUrl}/activate?user_code=${res.body.user_code}`,
      expires_in: 600,
      interval: 5,
    });
  });

  it('answers pending, slows a hasty device down, and hands out tokens once after the listener connects it', async () => {
    const { body: start } = await deviceCode(t.baseUrl, { client_id: speaker, scope: 'streaming user-read-playback-state' });
    const pending = await poll(start.device_code);
    expect(pending.status).toBe(400);
    expect(pending.body).toEqual({ error: 'authorization_pending', error_description: expect.any(String) });
    expect((await poll(start.device_code)).body.error).toBe('slow_down');
    const [{ poll_interval }] = await t.dataSource.query(`SELECT poll_interval FROM oauth_device_codes WHERE device_code_hash = $1`, [hashSecret(start.device_code)]);
    expect(poll_interval).toBe(10);
    await waitInterval(start.device_code);
    expect((await poll(start.device_code)).body.error).toBe('authorization_pending');

    // Signed out, the link leads through sign-in and back.
    const stranger = new PageClient(t.baseUrl);
    const redirect = await stranger.fetch(new URL(start.verification_uri_complete).pathname + new URL(start.verification_uri_complete).search);
    expect(redirect.status).toBe(303);
    expect(redirect.location).toBe(`/signin?return_to=${encodeURIComponent(`/activate?user_code=${start.user_code}`)}`);

    const confirm = await listener.fetch(`/activate?user_code=${start.user_code}`);
    expect(confirm.text).toContain('Connect Kitchen Speaker to your Backbeat account?');
    expect(confirm.text).toContain(start.user_code);
    expect(confirm.text).toContain('Play music as one of your devices');
    const done = await listener.submit(confirm.text, { decision: 'approve' });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Device connected');

    await waitInterval(start.device_code);
    const tokens = await poll(start.device_code);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toEqual({
      access_token: expect.stringMatching(/^[\w-]{64}$/),
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^[\w-]{64}$/),
      scope: 'streaming user-read-playback-state',
    });
    expect((await t.request('/v1/markets', { token: tokens.body.access_token })).status).toBe(200);
    // The device code is spent.
    await waitInterval(start.device_code);
    expect((await poll(start.device_code)).body.error).toBe('invalid_grant');
    // The device refreshes with its client_id alone, rotating the refresh token.
    const refreshed = await tokenRequest(t.baseUrl, { grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token, client_id: speaker });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(tokens.body.refresh_token);
    // And the speaker is among the listener's apps, where it can be removed.
    expect((await listener.fetch('/account/apps')).text).toContain('Kitchen Speaker');
  });

  it('accepts the user code in any case, with or without the dash, typed into the form', async () => {
    const { body: start } = await deviceCode(t.baseUrl, { client_id: speaker });
    const form = await listener.fetch('/activate');
    expect(form.text).toContain('Enter the code shown on your device');
    const confirm = await listener.submit(form.text, { user_code: start.user_code.replace('-', ' ').toLowerCase() });
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain(start.user_code);
  });

  it('tells the device when the listener declines, and when the code expired', async () => {
    const { body: declined } = await deviceCode(t.baseUrl, { client_id: speaker });
    const page = await approve(declined.user_code, 'deny');
    expect(page.text).toContain('Device not connected');
    expect((await poll(declined.device_code)).body.error).toBe('access_denied');

    const { body: late } = await deviceCode(t.baseUrl, { client_id: speaker });
    await t.dataSource.query(`UPDATE oauth_device_codes SET expires_at = now() - interval '1 second' WHERE device_code_hash = $1`, [hashSecret(late.device_code)]);
    expect((await poll(late.device_code)).body.error).toBe('expired_token');
    const gone = await listener.fetch(`/activate?user_code=${late.user_code}`);
    expect(gone.status).toBe(400);
    expect(gone.text).toContain('not valid or has expired');
  });

  it('requires a confidential app to authenticate, on both endpoints', async () => {
    expect((await deviceCode(t.baseUrl, { client_id: backend.id })).status).toBe(401);
    const { body: start } = await deviceCode(t.baseUrl, { scope: 'user-read-private' }, backend);
    expect(start.user_code).toMatch(USER_CODE);
    await approve(start.user_code);
    expect((await poll(start.device_code, backend.id)).body.error).toBe('invalid_client');
    const tokens = await tokenRequest(t.baseUrl, { grant_type: DEVICE_CODE_GRANT, device_code: start.device_code }, backend);
    expect(tokens.status).toBe(200);
    expect(tokens.body.scope).toBe('user-read-private');
  });

  it('answers bad input with RFC 6749 errors and 4xx pages, never a 500', async () => {
    const unknownScope = await deviceCode(t.baseUrl, { client_id: speaker, scope: 'streaming everything' });
    expect(unknownScope).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    expect((await deviceCode(t.baseUrl, { client_id: 'f'.repeat(32) })).body.error).toBe('invalid_client');
    expect((await deviceCode(t.baseUrl, { client_id: 'x'.repeat(5000) })).status).toBe(401);
    const repeated = await fetch(`${t.baseUrl}/api/device/code`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `client_id=${speaker}&client_id=${speaker}`,
    });
    expect(repeated.status).toBe(400);
    expect(((await repeated.json()) as { error: string }).error).toBe('invalid_request');
    const json = await fetch(`${t.baseUrl}/api/device/code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: speaker }) });
    expect(json.status).toBeGreaterThanOrEqual(400);
    expect(json.status).toBeLessThan(500);

    expect((await tokenRequest(t.baseUrl, { grant_type: DEVICE_CODE_GRANT, client_id: speaker })).body.error).toBe('invalid_request');
    expect((await poll('not-a-device-code')).body.error).toBe('invalid_grant');
    // Another app's device code is unknown to this one.
    const { body: other } = await deviceCode(t.baseUrl, {}, backend);
    expect((await poll(other.device_code)).body.error).toBe('invalid_grant');

    expect((await listener.fetch('/activate?user_code=BCDF-GHJK')).status).toBe(400);
    expect((await listener.fetch(`/activate?user_code=${'Z'.repeat(5000)}`)).status).toBe(400);
    const form = await listener.fetch('/activate');
    const forged = await listener.submit(form.text, { user_code: other.user_code, _csrf: 'forged' });
    expect(forged.status).toBe(403);
    const twice = await listener.fetch('/activate', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'user_code=A&user_code=B',
    });
    expect(twice.status).toBeGreaterThanOrEqual(400);
    expect(twice.status).toBeLessThan(500);
  });

  it('stores device and user codes only as hashes', async () => {
    const { body: start } = await deviceCode(t.baseUrl, { client_id: speaker });
    const dump = JSON.stringify(await t.dataSource.query(`SELECT * FROM oauth_device_codes`));
    expect(dump).not.toContain(start.device_code);
    expect(dump).not.toContain(start.user_code.replace('-', ''));
    expect(dump).toContain(hashSecret(start.device_code));
  });
});

describeWithBrowser('OAuth device authorization in a real browser (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let speaker: string;

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 0 });
    browser = await launchBrowser();
    const owner = await t.app.get(AccountsService).signUp({ email: 'maker@example.com', password: PASSWORD, displayName: 'Maker', country: 'SE' });
    await t.app.get(AccountsService).signUp({ email: 'driver@example.com', password: PASSWORD, displayName: 'Driver', country: 'NO' });
    speaker = (await t.app.get(ClientsService).register(owner.id, { name: 'Road Radio', redirectUris: ['https://car.example/cb'], type: 'public' })).client.id;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A device's polling loop as RFC 8628 §3.5 asks: wait the interval, and 5 s more after each slow_down. */
  async function pollUntilDone(code: string, interval: number): Promise<{ status: number; body: any }> {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, interval * 1000));
      const res = await tokenRequest(t.baseUrl, { grant_type: DEVICE_CODE_GRANT, device_code: code, client_id: speaker });
      if (res.body.error === 'slow_down') interval += 5;
      else if (res.body.error !== 'authorization_pending') return res;
    }
  }

  it('the car shows a code, the listener confirms it in the browser, and the polling car gets tokens', async () => {
    const { body: start } = await deviceCode(t.baseUrl, { client_id: speaker, scope: 'streaming user-modify-playback-state' });
    const polling = pollUntilDone(start.device_code, start.interval);

    const page = await browser.newPage();
    await page.goto(start.verification_uri);
    await page.getByRole('heading', { name: 'Sign in to Backbeat' }).waitFor();
    await page.getByLabel('Email').fill('driver@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Connect a device' }).waitFor();
    await page.getByLabel('Enter the code shown on your device').fill(start.user_code.toLowerCase());
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Connect Road Radio to your Backbeat account?' }).waitFor();
    expect(await page.getByText(start.user_code).count()).toBe(1);
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('heading', { name: 'Device connected' }).waitFor();

    const tokens = await polling;
    expect(tokens.status).toBe(200);
    expect(tokens.body.scope).toBe('streaming user-modify-playback-state');
    expect((await t.request('/v1/markets', { token: tokens.body.access_token })).status).toBe(200);
    await page.close();
  }, 60_000);
});

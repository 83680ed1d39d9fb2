import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { AccountsService } from '../../src/oauth/accounts.service';
import { ClientsService } from '../../src/oauth/clients.service';
import { describeWithBrowser, hasChromium, launchBrowser } from '../helpers/browser';
import { pkcePair, tokenRequest } from '../helpers/oauth-client';
import { startTestApp, TestApp } from '../helpers/test-app';

describeWithBrowser('OAuth sign-in and consent in a real browser (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let app: Server;
  let appUrl: string;
  let clientId: string;

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 0 });
    browser = await launchBrowser();
    // The third-party app's redirect target: a page on a loopback port of its own.
    app = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Back in the app</h1>'));
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/callback`;
    const owner = await t.app.get(AccountsService).signUp({ email: 'owner@example.com', password: 'owner-password', displayName: 'Owner', country: 'US' });
    // Registered without a port: a native app may listen on any loopback port (RFC 8252 §7.3).
    clientId = (await t.app.get(ClientsService).register(owner.id, { name: 'Tempo Run', redirectUris: ['http://127.0.0.1/callback'], type: 'public' })).client.id;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => app?.close(resolve));
    await t?.close();
  });

  it('signs up, consents and lands on the redirect with a code that the app exchanges with PKCE', async () => {
    const { verifier, challenge } = pkcePair();
    const page = await browser.newPage();
    const authorize = `${t.baseUrl}/authorize?${new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      redirect_uri: appUrl,
      scope: 'user-read-private playlist-modify-private',
      state: 'xyz-123',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString()}`;
    await page.goto(authorize);
    await page.getByRole('heading', { name: 'Sign in to Backbeat' }).waitFor();
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill('Runner');
    await page.getByLabel('Email').fill('runner@example.com');
    await page.getByLabel('Password (at least 10 characters)').fill('a-long-password');
    await page.getByLabel('Country').selectOption('FI');
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByRole('heading', { name: 'Tempo Run wants to use your Backbeat account' }).waitFor();
    expect(await page.getByText('Create and change your private playlists').count()).toBe(1);
    await page.getByRole('button', { name: 'Agree' }).click();
    await page.getByRole('heading', { name: 'Back in the app' }).waitFor();

    const landed = new URL(page.url());
    expect(`${landed.origin}${landed.pathname}`).toBe(appUrl);
    expect(landed.searchParams.get('state')).toBe('xyz-123');
    const tokens = await tokenRequest(t.baseUrl, {
      grant_type: 'authorization_code',
      client_id: clientId,
      code: landed.searchParams.get('code')!,
      redirect_uri: appUrl,
      code_verifier: verifier,
    });
    expect(tokens.status).toBe(200);
    expect(tokens.body.scope).toBe('user-read-private playlist-modify-private');
    expect((await t.request('/v1/markets', { token: tokens.body.access_token })).status).toBe(200);
    await page.close();
  });
});

if (!hasChromium) console.warn('oauth-browser.e2e-spec: Chromium not found, browser test skipped');

import type { Browser } from 'playwright-core';
import { AccountsService } from '../../src/oauth/accounts.service';
import { ClientsService } from '../../src/oauth/clients.service';
import { createDemoAccounts } from '../../src/oauth/demo-accounts';
import { DevTokensService } from '../../src/oauth/dev-tokens.service';
import { GrantsService } from '../../src/oauth/grants.service';
import { hashSecret } from '../../src/oauth/secrets';
import { describeWithBrowser, launchBrowser } from '../helpers/browser';
import { PageClient, tokenRequest } from '../helpers/oauth-client';
import { startTestApp, TestApp } from '../helpers/test-app';

const PASSWORD = 'developer-password';
const secretOn = (html: string) => /id="client_secret" readonly value="([^"]+)"/.exec(html)?.[1];
const clientIdOn = (html: string) => /Client ID <code>([0-9a-f]{32})<\/code>/.exec(html)![1];

// The developer dashboard over HTTP as a browser walks it: sessions, CSRF-guarded forms, secrets shown once.
describe('Developer dashboard (e2e)', () => {
  let t: TestApp;
  let clients: ClientsService;
  let dev: PageClient;

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 0, env: { DEV_MODE_USER_CAP: '1' } });
    clients = t.app.get(ClientsService);
    dev = await signedUp('dev@example.com');
  });
  afterAll(() => t?.close());

  async function signedUp(email: string): Promise<PageClient> {
    const browser = new PageClient(t.baseUrl);
    const form = await browser.fetch('/signup');
    const created = await browser.submit(form.text, { email, password: PASSWORD, display_name: email.split('@')[0], country: 'SE' });
    expect(created.status).toBe(303);
    return browser;
  }

  async function register(browser: PageClient, fields: Record<string, string>) {
    const form = await browser.fetch('/dashboard/apps/new');
    expect(form.status).toBe(200);
    return browser.submit(form.text, { description: '', type: 'confidential', ...fields });
  }

  async function registered(fields: Record<string, string>): Promise<{ id: string; secret?: string }> {
    const res = await register(dev, fields);
    expect(res.status).toBe(201);
    return { id: clientIdOn(res.text), secret: secretOn(res.text) };
  }

  const clientCredentials = (id: string, secret: string) => tokenRequest(t.baseUrl, { grant_type: 'client_credentials' }, { id, secret });

  it('sends a signed-out visitor to sign in and back, and links the dashboard with the authorized apps', async () => {
    const visitor = new PageClient(t.baseUrl);
    for (const path of ['/dashboard', '/dashboard/apps/new', '/admin/apps', `/dashboard/apps/${'a'.repeat(32)}`]) {
      const res = await visitor.fetch(path);
      expect({ path, status: res.status, location: res.location }).toEqual({ path, status: 303, location: `/signin?return_to=${encodeURIComponent(path)}` });
    }
    const signIn = await visitor.fetch('/signin?return_to=%2Fdashboard');
    const signedIn = await visitor.submit(signIn.text, { email: 'dev@example.com', password: PASSWORD });
    expect(signedIn.location).toBe('/dashboard');
    const dashboard = await visitor.fetch('/dashboard');
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).toContain('You have not registered any apps yet.');
    expect(dashboard.text).toContain('href="/account/apps"');
    expect(dashboard.text).not.toContain('/admin/apps');
    expect((await visitor.fetch('/account/apps')).text).toContain('href="/dashboard"');
  });

  it('registers a confidential app and shows its secret once; the secret works and only its hash is stored', async () => {
    const res = await register(dev, {
      name: 'Run Club',
      description: 'Playlists for runners',
      redirect_uris: 'https://runclub.example/cb\r\nhttp://127.0.0.1:8080/cb\r\n',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.text).toContain('Copy it now: it will not be shown again.');
    const id = clientIdOn(res.text);
    const secret = secretOn(res.text)!;
    expect(secret).toMatch(/^[\w-]{43}$/);

    const token = await clientCredentials(id, secret);
    expect(token.status).toBe(200);
    expect((await t.request('/v1/markets', { token: token.body.access_token })).status).toBe(200);

    const [row] = await t.dataSource.query(`SELECT * FROM oauth_clients WHERE id = $1`, [id]);
    expect(row.secret_hash).toBe(hashSecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row).toMatchObject({ name: 'Run Club', description: 'Playlists for runners', redirect_uris: ['https://runclub.example/cb', 'http://127.0.0.1:8080/cb'] });

    const appPage = await dev.fetch(`/dashboard/apps/${id}`);
    expect(appPage.status).toBe(200);
    expect(appPage.text).toContain('Run Club');
    expect(secretOn(appPage.text)).toBeUndefined();
    expect(appPage.text).not.toContain(secret);
    const dashboard = await dev.fetch('/dashboard');
    expect(dashboard.text).toContain(id);
    expect(dashboard.text).toContain('0 of 1 listeners · development mode');
  });

  it('edits an app; a bad redirect URI or name is a 400 page with the reason and changes nothing', async () => {
    const { id } = await registered({ name: 'Tempo', redirect_uris: 'https://tempo.example/cb' });
    const appPage = await dev.fetch(`/dashboard/apps/${id}`);

    const bad = await dev.submit(appPage.text, { name: 'Tempo', description: '', redirect_uris: 'https://tempo.example/cb\nhttp://tempo.example/insecure' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('text/html');
    expect(bad.text).toContain('http://tempo.example/insecure must use https');
    expect(bad.text).toContain('http://tempo.example/insecure</textarea>'); // the form comes back as typed
    const noName = await dev.submit(appPage.text, { name: '  ', description: '', redirect_uris: 'https://tempo.example/cb' });
    expect(noName.status).toBe(400);
    expect(noName.text).toContain('The app needs a name');
    const none = await dev.submit(appPage.text, { name: 'Tempo', description: '', redirect_uris: '\n' });
    expect(none.text).toContain('at least one redirect URI');
    expect(await clients.get(id)).toMatchObject({ name: 'Tempo', redirectUris: ['https://tempo.example/cb'] });

    const saved = await dev.submit(appPage.text, { name: 'Tempo Run', description: 'Intervals', redirect_uris: 'https://tempo.example/new\ncom.example.tempo:/cb' });
    expect(saved.status).toBe(303);
    const after = await dev.fetch(saved.location!);
    expect(after.text).toContain('Changes saved.');
    expect(after.text).toContain('com.example.tempo:/cb');
    expect(await clients.get(id)).toMatchObject({ name: 'Tempo Run', description: 'Intervals', redirectUris: ['https://tempo.example/new', 'com.example.tempo:/cb'] });
  });

  it('rejects a bad registration form and shows it again as typed', async () => {
    const bad = await register(dev, { name: 'Beats <b>', redirect_uris: 'ftp://beats.example/cb' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('ftp://beats.example/cb must use https, loopback http or a reverse-domain private scheme');
    expect(bad.text).toContain('value="Beats &lt;b&gt;"');
    const badType = await register(dev, { name: 'Beats', redirect_uris: 'https://beats.example/cb', type: 'trusted' });
    expect(badType.status).toBe(400);
    expect(badType.text).toContain('confidential or public');
    expect((await clients.listOwnedBy((await t.app.get(AccountsService).findByEmail('dev@example.com'))!.id)).map((c) => c.name)).not.toContain('Beats');
  });

  it('rotates a secret: the new one is shown once and works, the old one stops working', async () => {
    const { id, secret } = await registered({ name: 'Rotator', redirect_uris: 'https://rotator.example/cb' });
    const appPage = await dev.fetch(`/dashboard/apps/${id}`);
    const rotated = await dev.submit(appPage.text, {}, `/dashboard/apps/${id}/secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.text).toContain('the old one no longer works');
    const fresh = secretOn(rotated.text)!;
    expect(fresh).not.toBe(secret);
    expect((await clientCredentials(id, secret!)).status).toBe(401);
    expect((await clientCredentials(id, fresh)).status).toBe(200);
    expect(secretOn((await dev.fetch(`/dashboard/apps/${id}`)).text)).toBeUndefined();
  });

  it('registers a public app with no secret to show or rotate', async () => {
    const res = await register(dev, { name: 'Pocket', redirect_uris: 'com.example.pocket:/callback', type: 'public' });
    expect(res.status).toBe(201);
    expect(secretOn(res.text)).toBeUndefined();
    expect(res.text).not.toContain('Rotate secret');
    const id = clientIdOn(res.text);
    expect((await clients.get(id))!.secretHash).toBeNull();
    const rotate = await dev.submit(res.text, {}, `/dashboard/apps/${id}/secret`);
    expect(rotate.status).toBe(400);
    expect(rotate.headers.get('content-type')).toContain('text/html');
    expect(rotate.text).toContain('Public apps have no secret');
  });

  it('deletes an app after a confirmation page', async () => {
    const { id, secret } = await registered({ name: 'Short Lived', redirect_uris: 'https://short.example/cb' });
    const issued = (await clientCredentials(id, secret!)).body.access_token as string;
    expect((await t.request('/v1/markets', { token: issued })).status).toBe(200);
    const appPage = await dev.fetch(`/dashboard/apps/${id}`);
    expect(appPage.text).toContain(`href="/dashboard/apps/${id}/delete"`);
    const confirm = await dev.fetch(`/dashboard/apps/${id}/delete`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('This cannot be undone.');
    expect(await clients.get(id)).not.toBeNull(); // looking is not deleting
    const deleted = await dev.submit(confirm.text, {});
    expect(deleted).toMatchObject({ status: 303, location: '/dashboard' });
    expect(await clients.get(id)).toBeNull();
    expect((await clientCredentials(id, secret!)).status).toBe(401);
    // Tokens it was issued stop working at once.
    expect((await t.request('/v1/markets', { token: issued })).status).toBe(401);
    expect((await dev.fetch(`/dashboard/apps/${id}`)).status).toBe(404);
    expect((await dev.fetch('/dashboard')).text).not.toContain('Short Lived');
  });

  it('answers another developer’s app and malformed ids with 404 pages, never a 500', async () => {
    const { id, secret } = await registered({ name: 'Mine', redirect_uris: 'https://mine.example/cb' });
    const other = await signedUp('other@example.com');
    const otherDashboard = await other.fetch('/dashboard');
    expect(otherDashboard.text).not.toContain('Mine');
    for (const path of [`/dashboard/apps/${id}`, `/dashboard/apps/${id}/delete`]) {
      const res = await other.fetch(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.text).toContain('No such app');
    }
    for (const action of [`/dashboard/apps/${id}`, `/dashboard/apps/${id}/secret`, `/dashboard/apps/${id}/delete`]) {
      const res = await other.submit(otherDashboard.text, { name: 'Theirs', redirect_uris: 'https://evil.example/cb' }, action);
      expect({ action, status: res.status }).toEqual({ action, status: 404 });
    }
    expect(await clients.get(id)).toMatchObject({ name: 'Mine', redirectUris: ['https://mine.example/cb'] });
    expect((await clientCredentials(id, secret!)).status).toBe(200);

    const ownDashboard = await dev.fetch('/dashboard');
    for (const bad of ['nope', 'A'.repeat(32), `${id}0`, '%E2%80%AE%00', 'x'.repeat(150), '..%2F..%2Fadmin']) {
      for (const path of [`/dashboard/apps/${bad}`, `/dashboard/apps/${bad}/delete`]) {
        const res = await dev.fetch(path);
        expect({ path, status: res.status, html: res.headers.get('content-type') }).toEqual({ path, status: 404, html: 'text/html; charset=utf-8' });
      }
      const post = await dev.submit(ownDashboard.text, {}, `/dashboard/apps/${bad}/secret`);
      expect({ bad, status: post.status }).toEqual({ bad, status: 404 });
    }
    // A broken percent-encoding stops in Fastify's router, before any page: a 400 all the same.
    expect((await dev.fetch('/dashboard/apps/%')).status).toBe(400);
  });

  it('refuses form posts without the page’s CSRF token', async () => {
    const { id } = await registered({ name: 'Guarded', redirect_uris: 'https://guarded.example/cb' });
    const appPage = await dev.fetch(`/dashboard/apps/${id}`);
    const forged = await dev.submit(appPage.text, { name: 'Hijacked', redirect_uris: 'https://evil.example/cb', _csrf: 'forged' });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('content-type')).toContain('text/html');
    for (const action of [`/dashboard/apps/${id}`, `/dashboard/apps/${id}/delete`, `/dashboard/apps/${id}/secret`, '/dashboard/apps', `/admin/apps/${id}/quota`]) {
      const res = await dev.fetch(action, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'name=Hijacked&redirect_uris=https%3A%2F%2Fevil.example%2Fcb&type=public&quota_mode=extended',
      });
      expect({ action, status: res.status }).toEqual({ action, status: 403 });
    }
    expect(await clients.get(id)).toMatchObject({ name: 'Guarded', quotaMode: 'development' });
  });

  it('lets only administrators switch quota, and extended quota lifts the development-mode cap', async () => {
    const { id } = await registered({ name: 'Popular', redirect_uris: 'https://popular.example/cb' });
    // The cap is one listener besides the owner: one has authorized the app already.
    const devTokens = t.app.get(DevTokensService);
    await t.app.get(GrantsService).recordConsent(await devTokens.ensureListener('first-fan'), id, []);
    const second = await devTokens.ensureListener('second-fan');
    expect(await clients.admits((await clients.get(id))!, second)).toBe(false);

    const dashboard = await dev.fetch('/dashboard');
    expect((await dev.fetch('/admin/apps')).status).toBe(403);
    const refused = await dev.submit(dashboard.text, { quota_mode: 'extended' }, `/admin/apps/${id}/quota`);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Only an administrator');
    expect((await clients.get(id))!.quotaMode).toBe('development');

    const admin = await signedUp('admin@example.com');
    await t.app.get(AccountsService).promoteToAdmin('Admin@Example.com');
    const all = await admin.fetch('/admin/apps');
    expect(all.status).toBe(200);
    expect(all.text).toContain('Popular');
    expect(all.text).toContain('by dev@example.com');
    expect(all.text).toContain('1 of 1 listeners · development mode');
    expect((await admin.fetch('/dashboard')).text).toContain('href="/admin/apps"');

    const invalid = await admin.submit(all.text, { quota_mode: 'unlimited' }, `/admin/apps/${id}/quota`);
    expect(invalid.status).toBe(400);
    for (const bad of ['nope', 'f'.repeat(32), 'x'.repeat(150)]) {
      expect((await admin.submit(all.text, { quota_mode: 'extended' }, `/admin/apps/${bad}/quota`)).status).toBe(404);
    }
    const switched = await admin.submit(all.text, { quota_mode: 'extended' }, `/admin/apps/${id}/quota`);
    expect(switched).toMatchObject({ status: 303, location: '/admin/apps' });
    expect((await clients.get(id))!.quotaMode).toBe('extended');
    expect(await clients.admits((await clients.get(id))!, second)).toBe(true);
    expect((await dev.fetch(`/dashboard/apps/${id}`)).text).toContain('1 listeners · extended quota');
    expect((await admin.fetch('/admin/apps')).text).toContain('Switch to development mode');
  });

  it('makes the demo listener of a fresh install an administrator', async () => {
    const printed = (await createDemoAccounts(t.app))!;
    expect(printed).toContain('administrator');
    const [, password] = /demo@backbeat\.local \/ (\S+)/.exec(printed)!;
    const demo = new PageClient(t.baseUrl);
    const signIn = await demo.fetch('/signin');
    await demo.submit(signIn.text, { email: 'demo@backbeat.local', password });
    const all = await demo.fetch('/admin/apps');
    expect(all.status).toBe(200);
    expect(all.text).toContain('Backbeat Demo App');
  });

  describeWithBrowser('in a real browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
      await t.app.get(AccountsService).signUp({ email: 'chromium@example.com', password: PASSWORD, displayName: 'Chromium Dev', country: 'US' });
    });
    afterAll(() => browser?.close());

    it('signs in, registers an app, reads its secret, edits redirect URIs, rotates the secret and deletes the app', async () => {
      const page = await browser.newPage();
      await page.goto(`${t.baseUrl}/dashboard`);
      await page.getByLabel('Email').fill('chromium@example.com');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Your apps' }).waitFor();

      await page.getByRole('link', { name: 'Register a new app' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Browser Beats');
      await page.getByLabel('Description (optional)').fill('Made in Chromium');
      await page.getByLabel('Redirect URIs, one per line').fill('https://beats.example/callback\nhttp://127.0.0.1/callback');
      await page.getByLabel('Type').selectOption('confidential');
      await page.getByRole('button', { name: 'Register app' }).click();
      await page.getByRole('heading', { name: 'Browser Beats' }).waitFor();
      await page.getByText('Copy it now: it will not be shown again.').waitFor();
      const id = clientIdOn(await page.content());
      const secret = await page.getByLabel('Client secret').inputValue();
      expect((await clientCredentials(id, secret)).status).toBe(200);

      await page.getByLabel('Redirect URIs, one per line').fill('https://beats.example/v2/callback');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Changes saved.').waitFor();
      expect(await page.getByLabel('Client secret').count()).toBe(0);
      expect((await clients.get(id))!.redirectUris).toEqual(['https://beats.example/v2/callback']);

      await page.getByRole('button', { name: 'Rotate secret' }).click();
      await page.getByText('the old one no longer works').waitFor();
      const rotated = await page.getByLabel('Client secret').inputValue();
      expect(rotated).not.toBe(secret);
      expect((await clientCredentials(id, secret)).status).toBe(401);
      expect((await clientCredentials(id, rotated)).status).toBe(200);

      await page.getByRole('link', { name: 'Delete this app…' }).click();
      await page.getByRole('button', { name: 'Delete app' }).click();
      await page.getByText('You have not registered any apps yet.').waitFor();
      expect(await clients.get(id)).toBeNull();
      await page.close();
    });
  });
});

import { AccountsService } from '../../src/oauth/accounts.service';
import { ClientsService } from '../../src/oauth/clients.service';
import { createDemoAccounts, DEMO_EMAIL } from '../../src/oauth/demo-accounts';
import { hashSecret } from '../../src/oauth/secrets';
import { PageClient, pkcePair, tokenRequest } from '../helpers/oauth-client';
import { startTestApp, TestApp } from '../helpers/test-app';

// The authorization server end to end over HTTP: pages, consent, codes, tokens, and RFC 9700's rules.
describe('OAuth 2.0 authorization server (e2e)', () => {
  let t: TestApp;
  let confidential: { id: string; secret: string };
  let publicClientId: string;
  const REDIRECT = 'http://127.0.0.1:8765/callback';
  const PASSWORD = 'listening-is-fun';

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 0, env: { DEV_MODE_USER_CAP: '3' } });
    const owner = await t.app.get(AccountsService).signUp({ email: 'dev@example.com', password: PASSWORD, displayName: 'Dev', country: 'SE' });
    const clients = t.app.get(ClientsService);
    const web = await clients.register(owner.id, { name: 'Run Club', redirectUris: [REDIRECT, 'https://runclub.example/cb'], type: 'confidential' });
    confidential = { id: web.client.id, secret: web.secret! };
    publicClientId = (await clients.register(owner.id, { name: 'Pocket Player', redirectUris: ['http://127.0.0.1/cb'], type: 'public' })).client.id;
  });
  afterAll(() => t?.close());

  async function signedInListener(email: string): Promise<PageClient> {
    const browser = new PageClient(t.baseUrl);
    const form = await browser.fetch('/signup');
    expect(form.status).toBe(200);
    const created = await browser.submit(form.text, { email, password: PASSWORD, display_name: email.split('@')[0], country: 'DE' });
    expect(created.status).toBe(303);
    return browser;
  }

  function authorizePath(params: Record<string, string>): string {
    return `/authorize?${new URLSearchParams({ response_type: 'code', redirect_uri: REDIRECT, ...params }).toString()}`;
  }

  /** Signs in (if needed), consents, and returns the redirect's query. */
  async function authorizeCode(browser: PageClient, params: Record<string, string>): Promise<URLSearchParams> {
    const consent = await browser.fetch(authorizePath(params));
    expect(consent.status).toBe(200);
    expect(consent.text).toContain('wants to use your Backbeat account');
    const approved = await browser.submit(consent.text, { decision: 'approve' });
    expect(approved.status).toBe(302);
    const query = new URL(approved.location!).searchParams;
    expect(query.get('error')).toBeNull();
    expect(query.get('code')).toMatch(/^[\w-]{43}$/);
    return query;
  }

  describe('authorization code with PKCE', () => {
    let browser: PageClient;
    beforeAll(async () => {
      browser = await signedInListener('ada@example.com');
    });

    it('signs in, asks for consent in plain words, and returns a code with the state', async () => {
      const signedOut = new PageClient(t.baseUrl);
      const first = await signedOut.fetch(authorizePath({ client_id: confidential.id, scope: 'user-read-email', state: 's1' }));
      expect(first.status).toBe(303);
      expect(first.location).toMatch(/^\/signin\?return_to=%2Fauthorize/);
      const signIn = await signedOut.fetch(first.location!);
      const wrong = await signedOut.submit(signIn.text, { email: 'ada@example.com', password: 'not-the-password' });
      expect(wrong.status).toBe(401);
      expect(wrong.text).toContain('Wrong email or password');
      const signedIn = await signedOut.submit(signIn.text, { email: 'ada@example.com', password: PASSWORD });
      expect(signedIn.status).toBe(303);
      const consent = await signedOut.fetch(signedIn.location!);
      expect(consent.text).toContain('Run Club');
      expect(consent.text).toContain('See your email address');
      const approved = await signedOut.submit(consent.text, { decision: 'approve' });
      const redirect = new URL(approved.location!);
      expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT);
      expect(redirect.searchParams.get('state')).toBe('s1');
      expect(redirect.searchParams.get('code')).toMatch(/^[\w-]{43}$/);
    });

    it('exchanges the code once, with the verifier, for tokens that work on the API', async () => {
      const { verifier, challenge } = pkcePair();
      const query = await authorizeCode(browser, {
        client_id: confidential.id,
        scope: 'user-read-private user-library-read',
        state: 'abc',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        show_dialog: 'true',
      });
      const exchange = await tokenRequest(t.baseUrl, { grant_type: 'authorization_code', code: query.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier }, confidential);
      expect(exchange.status).toBe(200);
      expect(exchange.headers.get('cache-control')).toBe('no-store');
      expect(exchange.body).toEqual({
        access_token: expect.stringMatching(/^[\w-]{64}$/),
        token_type: 'Bearer',
        expires_in: 3600,
        refresh_token: expect.stringMatching(/^[\w-]{64}$/),
        scope: 'user-read-private user-library-read',
      });
      expect((await t.request('/v1/markets', { token: exchange.body.access_token })).status).toBe(200);

      // Replaying the code fails and revokes what it produced (RFC 9700 §4.5).
      const replay = await tokenRequest(t.baseUrl, { grant_type: 'authorization_code', code: query.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier }, confidential);
      expect(replay.status).toBe(400);
      expect(replay.body.error).toBe('invalid_grant');
      const after = await t.request('/v1/markets', { token: exchange.body.access_token });
      expect(after.status).toBe(401);
      expect(after.headers.get('www-authenticate')).toContain('error="invalid_token"');
      const refresh = await tokenRequest(t.baseUrl, { grant_type: 'refresh_token', refresh_token: exchange.body.refresh_token }, confidential);
      expect(refresh.body.error).toBe('invalid_grant');
    });

    it('skips the consent page for scopes already granted', async () => {
      const again = await browser.fetch(authorizePath({ client_id: confidential.id, scope: 'user-read-email' }));
      expect(again.status).toBe(302);
      expect(new URL(again.location!).searchParams.get('code')).toBeTruthy();
    });

    it('rejects a wrong, missing or downgraded verifier', async () => {
      const { challenge } = pkcePair();
      const code = async () =>
        (await authorizeCode(browser, { client_id: confidential.id, code_challenge: challenge, code_challenge_method: 'S256', show_dialog: 'true' })).get('code')!;
      const wrong = await tokenRequest(t.baseUrl, { grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT, code_verifier: pkcePair().verifier }, confidential);
      expect(wrong.body.error).toBe('invalid_grant');
      const missing = await tokenRequest(t.baseUrl, { grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT }, confidential);
      expect(missing.body.error).toBe('invalid_grant');
      // A code issued without a challenge cannot be redeemed with a verifier either (downgrade protection).
      const plainCode = (await authorizeCode(browser, { client_id: confidential.id, show_dialog: 'true' })).get('code')!;
      const downgrade = await tokenRequest(t.baseUrl, { grant_type: 'authorization_code', code: plainCode, redirect_uri: REDIRECT, code_verifier: pkcePair().verifier }, confidential);
      expect(downgrade.body.error).toBe('invalid_grant');
    });

    it('refuses the plain method and requires PKCE of public apps', async () => {
      const plain = await browser.fetch(authorizePath({ client_id: confidential.id, code_challenge: 'x'.repeat(43), code_challenge_method: 'plain', state: 'p' }));
      expect(plain.status).toBe(302);
      const error = new URL(plain.location!).searchParams;
      expect(error.get('error')).toBe('invalid_request');
      expect(error.get('state')).toBe('p');
      const noPkce = await browser.fetch(`/authorize?${new URLSearchParams({ client_id: publicClientId, response_type: 'code', redirect_uri: 'http://127.0.0.1/cb' }).toString()}`);
      expect(new URL(noPkce.location!).searchParams.get('error')).toBe('invalid_request');
    });

    it('lets a public app with PKCE redeem its code without a secret, on any loopback port', async () => {
      const { verifier, challenge } = pkcePair();
      const redirect = 'http://127.0.0.1:53117/cb';
      const consent = await browser.fetch(
        `/authorize?${new URLSearchParams({ client_id: publicClientId, response_type: 'code', redirect_uri: redirect, code_challenge: challenge, code_challenge_method: 'S256' }).toString()}`,
      );
      const approved = await browser.submit(consent.text, { decision: 'approve' });
      const code = new URL(approved.location!).searchParams.get('code')!;
      expect(code).toBeTruthy();
      const exchange = await tokenRequest(t.baseUrl, { grant_type: 'authorization_code', client_id: publicClientId, code, redirect_uri: redirect, code_verifier: verifier });
      expect(exchange.body).toMatchObject({ token_type: 'Bearer' });
      const refreshed = await tokenRequest(t.baseUrl, { grant_type: 'refresh_token', client_id: publicClientId, refresh_token: exchange.body.refresh_token });
      expect(refreshed.status).toBe(200);
    });

    it('never redirects to an unregistered URI: an extra path, another host or a missing redirect_uri', async () => {
      for (const redirect of [`${REDIRECT}/extra`, 'https://evil.example/callback', 'https://runclub.example/cb?x=1']) {
        const res = await browser.fetch(authorizePath({ client_id: confidential.id, redirect_uri: redirect }));
        expect(res.status).toBe(400);
        expect(res.location).toBeNull();
        expect(res.text).toContain('redirect_uri mismatch');
      }
      const missing = await browser.fetch(`/authorize?client_id=${confidential.id}&response_type=code`);
      expect(missing.status).toBe(400);
      const unknown = await browser.fetch(authorizePath({ client_id: 'f'.repeat(32) }));
      expect(unknown.status).toBe(400);
      expect(unknown.text).toContain('unknown client_id');
    });

    it('sends the listener’s refusal back to the app', async () => {
      const consent = await browser.fetch(authorizePath({ client_id: confidential.id, show_dialog: 'true', state: 'no' }));
      const denied = await browser.submit(consent.text, { decision: 'deny' });
      const query = new URL(denied.location!).searchParams;
      expect(query.get('error')).toBe('access_denied');
      expect(query.get('state')).toBe('no');
    });

    it('answers malformed page requests with 4xx pages, never a 500', async () => {
      const twice = await browser.fetch('/signin?return_to=/a&return_to=/b');
      expect(twice.status).toBe(200);
      expect(twice.text).toContain('value="/account/apps"');
      const offsite = await browser.fetch('/signin?return_to=//evil.example/x');
      expect(offsite.text).not.toContain('evil.example');
      const form = await browser.fetch('/signin');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
      const repeated = await browser.fetch('/signin', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `_csrf=${encodeURIComponent(csrf)}&email=a@b.c&email=d@e.f&password=x`,
      });
      expect(repeated.status).toBe(400);
      const repeatedQuery = await browser.fetch(`${authorizePath({ client_id: confidential.id })}&state=a&state=b`);
      expect(repeatedQuery.status).toBe(400);
    });

    it('rejects a form post without the CSRF token', async () => {
      const consent = await browser.fetch(authorizePath({ client_id: confidential.id, show_dialog: 'true' }));
      const forged = await browser.submit(consent.text, { decision: 'approve', _csrf: 'forged' });
      expect(forged.status).toBe(403);
      expect(forged.headers.get('content-type')).toContain('text/html');
      expect(forged.location).toBeNull();
    });
  });

  describe('refresh tokens', () => {
    it('rotate on every use, and reuse of an old one revokes the whole grant', async () => {
      const browser = await signedInListener('grace@example.com');
      const { verifier, challenge } = pkcePair();
      const query = await authorizeCode(browser, { client_id: confidential.id, scope: 'user-top-read', code_challenge: challenge, code_challenge_method: 'S256' });
      const first = await tokenRequest(t.baseUrl, { grant_type: 'authorization_code', code: query.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier }, confidential);
      const second = await tokenRequest(t.baseUrl, { grant_type: 'refresh_token', refresh_token: first.body.refresh_token }, confidential);
      expect(second.status).toBe(200);
      expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
      expect(second.body.scope).toBe('user-top-read');
      expect((await t.request('/v1/markets', { token: second.body.access_token })).status).toBe(200);

      const reuse = await tokenRequest(t.baseUrl, { grant_type: 'refresh_token', refresh_token: first.body.refresh_token }, confidential);
      expect(reuse.body.error).toBe('invalid_grant');
      expect((await t.request('/v1/markets', { token: second.body.access_token })).status).toBe(401);
      const latest = await tokenRequest(t.baseUrl, { grant_type: 'refresh_token', refresh_token: second.body.refresh_token }, confidential);
      expect(latest.body.error).toBe('invalid_grant');
    });

    it('belong to their app: a confidential app must authenticate to use one', async () => {
      const browser = await signedInListener('linus@example.com');
      const query = await authorizeCode(browser, { client_id: confidential.id });
      const tokens = await tokenRequest(t.baseUrl, { grant_type: 'authorization_code', code: query.get('code')!, redirect_uri: REDIRECT }, confidential);
      expect(tokens.status).toBe(200);
      const unauthenticated = await tokenRequest(t.baseUrl, { grant_type: 'refresh_token', client_id: confidential.id, refresh_token: tokens.body.refresh_token });
      expect(unauthenticated.body.error).toBe('invalid_client');
      const wrongSecret = await tokenRequest(t.baseUrl, { grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token }, { id: confidential.id, secret: 'nope' });
      expect(wrongSecret.status).toBe(401);
      expect(wrongSecret.headers.get('www-authenticate')).toMatch(/^Basic/);
    });
  });

  describe('client credentials', () => {
    it('gives a confidential app a catalog token with no user, no scopes and no refresh token', async () => {
      const res = await tokenRequest(t.baseUrl, { grant_type: 'client_credentials' }, confidential);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600, scope: '' });
      expect((await t.request('/v1/markets', { token: res.body.access_token })).status).toBe(200);
      const viaBody = await tokenRequest(t.baseUrl, { grant_type: 'client_credentials', client_id: confidential.id, client_secret: confidential.secret });
      expect(viaBody.status).toBe(200);
    });

    it('is not for public apps, and the password and implicit grants do not exist', async () => {
      const publicApp = await tokenRequest(t.baseUrl, { grant_type: 'client_credentials', client_id: publicClientId });
      expect(publicApp.status).toBeGreaterThanOrEqual(400);
      const password = await tokenRequest(t.baseUrl, { grant_type: 'password', username: 'a', password: 'b' }, confidential);
      expect(password.body.error).toBe('unsupported_grant_type');
      const browser = await signedInListener('implicit@example.com');
      const implicit = await browser.fetch(authorizePath({ client_id: confidential.id, response_type: 'token' }));
      expect(new URL(implicit.location!).searchParams.get('error')).toBe('unsupported_response_type');
    });
  });

  describe('bad input on the token endpoint', () => {
    it('answers with RFC 6749 errors, never a 500', async () => {
      const cases: Array<[RequestInit, number]> = [
        [{ body: 'grant_type=client_credentials&grant_type=client_credentials', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 400],
        [{ body: JSON.stringify({ grant_type: 'client_credentials' }), headers: { 'content-type': 'application/json' } }, 400],
        [{ body: 'grant_type=client_credentials', headers: { 'content-type': 'text/plain' } }, 400],
        [{ body: `grant_type=authorization_code&code=${'x'.repeat(600_000)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 413],
        [{ body: 'grant_type=authorization_code&code=nope&redirect_uri=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 400],
        [{ body: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 400],
      ];
      for (const [init, status] of cases) {
        const res = await fetch(`${t.baseUrl}/api/token`, { method: 'POST', ...init });
        const body = (await res.json()) as { error: string; error_description: string };
        expect({ status: res.status, error: typeof body.error }).toEqual({ status, error: 'string' });
        expect(body.error_description).toEqual(expect.any(String));
      }
    });
  });

  describe('revocation, introspection and metadata', () => {
    it('revokes an access token for the app that holds it, and introspects tokens for resource servers', async () => {
      const { body } = await tokenRequest(t.baseUrl, { grant_type: 'client_credentials' }, confidential);
      const introspect = async () =>
        (await fetch(`${t.baseUrl}/api/introspect`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${confidential.id}:${confidential.secret}`).toString('base64')}` },
          body: `token=${body.access_token}`,
        }).then((r) => r.json())) as { active: boolean; client_id?: string };
      expect(await introspect()).toMatchObject({ active: true, client_id: confidential.id, token_type: 'Bearer' });
      const revoked = await fetch(`${t.baseUrl}/api/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: body.access_token, client_id: confidential.id, client_secret: confidential.secret }).toString(),
      });
      expect(revoked.status).toBe(200);
      expect((await t.request('/v1/markets', { token: body.access_token })).status).toBe(401);
      expect(await introspect()).toEqual({ active: false });
    });

    it('publishes RFC 8414 metadata', async () => {
      const res = await t.request('/.well-known/oauth-authorization-server');
      expect(res.body).toMatchObject({
        issuer: t.baseUrl,
        token_endpoint: `${t.baseUrl}/api/token`,
        code_challenge_methods_supported: ['S256'],
        device_authorization_endpoint: `${t.baseUrl}/api/device/code`,
        grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials', 'urn:ietf:params:oauth:grant-type:device_code'],
      });
    });
  });

  describe('accounts and apps', () => {
    it('caps an app in development mode at its user limit', async () => {
      // ada, grace and linus have authorized it already; the cap is 3 besides the owner.
      const browser = await signedInListener('late@example.com');
      const res = await browser.fetch(authorizePath({ client_id: confidential.id, state: 'cap' }));
      const query = new URL(res.location!).searchParams;
      expect(query.get('error')).toBe('access_denied');
      expect(query.get('error_description')).toContain('development mode');
    });

    it('lets a listener see and remove the apps they authorized', async () => {
      const browser = new PageClient(t.baseUrl);
      const signIn = await browser.fetch('/signin');
      await browser.submit(signIn.text, { email: 'ada@example.com', password: PASSWORD });
      const apps = await browser.fetch('/account/apps');
      expect(apps.text).toContain('Run Club');
      const removed = await browser.submit(apps.text, {}, `/account/apps/${confidential.id}/remove`);
      expect(removed.status).toBe(303);
      expect((await browser.fetch('/account/apps')).text).not.toContain('Run Club');
    });

    it('creates the demo listener and app once, with credentials that work', async () => {
      const printed = await createDemoAccounts(t.app);
      const [, password] = /demo@backbeat\.local \/ (\S+)/.exec(printed!)!;
      const [, id, secret] = /client_id (\w+), client_secret (\S+),/.exec(printed!)!;
      expect(await t.app.get(AccountsService).signIn(DEMO_EMAIL, password)).toMatchObject({ email: DEMO_EMAIL });
      expect((await tokenRequest(t.baseUrl, { grant_type: 'client_credentials' }, { id, secret })).status).toBe(200);
      expect(await createDemoAccounts(t.app)).toBeNull();
    });

    it('stores no secret, token or password in clear', async () => {
      const [client] = await t.dataSource.query(`SELECT secret_hash FROM oauth_clients WHERE id = $1`, [confidential.id]);
      expect(client.secret_hash).toBe(hashSecret(confidential.secret));
      const users: { password_hash: string }[] = await t.dataSource.query(`SELECT password_hash FROM users WHERE password_hash IS NOT NULL`);
      expect(users.length).toBeGreaterThan(3);
      for (const u of users) expect(u.password_hash).toMatch(/^\$scrypt\$/);
      const dump = JSON.stringify(await t.dataSource.query(`SELECT * FROM oauth_access_tokens`)) + JSON.stringify(await t.dataSource.query(`SELECT * FROM oauth_refresh_tokens`));
      expect(dump).not.toContain(confidential.secret);
      expect(dump).not.toContain(PASSWORD);
    });
  });
});

import { AccountsService } from '../../src/oauth/accounts.service';
import { runAppCli } from '../../src/oauth/app.cli';
import { ClientsService } from '../../src/oauth/clients.service';
import { createDemoAccounts } from '../../src/oauth/demo-accounts';
import { CLI_LISTENER } from '../../src/oauth/dev-apps.service';
import { tokenRequest } from '../helpers/oauth-client';
import { startTestApp, TestApp } from '../helpers/test-app';

// `npm run app` runs in-process: the same function the compiled script calls, with its own environment and output.
// Without a server it opens the database itself: app-cli-offline.e2e-spec.ts.
describe('npm run app (e2e)', () => {
  let t: TestApp;
  let clients: ClientsService;

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 0 });
    clients = t.app.get(ClientsService);
  });
  afterAll(() => t?.close());

  /** Runs the CLI against the test server, as `npm run app` would with PORT set to it. */
  async function cli(argv: string[], env: NodeJS.ProcessEnv = { NODE_ENV: 'test', DATA_DIR: 'memory://', PORT: new URL(t.baseUrl).port }) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAppCli(argv, env, { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out, err: err.join('\n'), last: out.length ? (JSON.parse(out[out.length - 1]) as Record<string, string>) : null };
  }

  it('registers a confidential app through the running server; the last line is JSON with a working secret', async () => {
    const run = await cli(['create', '--name', 'Run Club', '--redirect-uri', 'https://runclub.example/cb', '--redirect-uri', 'http://127.0.0.1:8080/cb', '--description', 'For runners']);
    expect(run.code).toBe(0);
    expect(Object.keys(run.last!)).toEqual(['client_id', 'client_secret']);
    expect(run.err).toContain('shown this once');
    const token = await tokenRequest(t.baseUrl, { grant_type: 'client_credentials' }, { id: run.last!.client_id, secret: run.last!.client_secret });
    expect(token.status).toBe(200);
    // With no --owner and no demo listener, the tooling account owns it.
    expect(await clients.get(run.last!.client_id)).toMatchObject({ ownerId: CLI_LISTENER, name: 'Run Club', description: 'For runners', redirectUris: ['https://runclub.example/cb', 'http://127.0.0.1:8080/cb'], type: 'confidential' });
  });

  it('registers a public app, with no secret, for a named owner', async () => {
    const owner = await t.app.get(AccountsService).signUp({ email: 'maker@example.com', password: 'maker-password', displayName: 'Maker', country: 'GB' });
    const run = await cli(['create', '--name', 'Pocket', '--redirect-uri', 'com.example.pocket:/cb', '--public', '--owner', 'Maker@Example.com']);
    expect(run.code).toBe(0);
    expect(Object.keys(run.last!)).toEqual(['client_id']);
    expect(run.err).toContain('for maker@example.com');
    expect(await clients.get(run.last!.client_id)).toMatchObject({ ownerId: owner.id, type: 'public', secretHash: null });
  });

  it('gives the demo listener the app when there is one', async () => {
    await createDemoAccounts(t.app);
    const run = await cli(['create', '--name', 'Demo Two', '--redirect-uri', 'https://demo.example/cb']);
    expect(run.code).toBe(0);
    const demo = await t.app.get(AccountsService).findByEmail('demo@backbeat.local');
    expect((await clients.get(run.last!.client_id))!.ownerId).toBe(demo!.id);
  });

  it('exits with 1 and a clear message on bad input, printing nothing on stdout', async () => {
    const cases: Array<[string[], string]> = [
      [['create', '--name', 'Bad', '--redirect-uri', 'http://bad.example/cb'], 'http://bad.example/cb must use https'],
      [['create', '--name', 'Bad', '--redirect-uri', 'https://bad.example/cb', '--owner', 'nobody@example.com'], 'No account has the email nobody@example.com'],
      [['create', '--name', ' ', '--redirect-uri', 'https://bad.example/cb'], 'The app needs a name'],
      [['create', '--redirect-uri', 'https://bad.example/cb'], '--name is required'],
      [['create', '--name', 'Bad'], 'At least one --redirect-uri is required'],
      [['create', '--name', 'Bad', '--redirect-uri', 'https://bad.example/cb', '--secret', 'x'], "Unknown option '--secret'"],
      [['delete'], 'Unknown command: delete'],
      [[], 'Usage:'],
    ];
    for (const [argv, message] of cases) {
      const run = await cli(argv);
      expect({ argv, code: run.code, out: run.out }).toEqual({ argv, code: 1, out: [] });
      expect(run.err).toContain(message);
    }
    expect((await clients.listAll()).map((c) => c.name)).not.toContain('Bad');
  });

  it('promotes an account to administrator', async () => {
    await t.app.get(AccountsService).signUp({ email: 'boss@example.com', password: 'boss-password', displayName: 'Boss', country: 'US' });
    const run = await cli(['promote', '--email', 'boss@example.com']);
    expect(run.code).toBe(0);
    expect(run.err).toContain('boss@example.com is an administrator');
    expect((await t.app.get(AccountsService).findByEmail('boss@example.com'))!.isAdmin).toBe(true);
    const unknown = await cli(['promote', '--email', 'ghost@example.com']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No account has the email ghost@example.com');
  });

  it('sets an app’s quota mode and own rate-limit budgets, and clears them', async () => {
    const created = await cli(['create', '--name', 'Limited', '--redirect-uri', 'https://limited.example/cb']);
    const { client_id } = JSON.parse(created.out.at(-1)!);
    const set = await cli(['limits', '--client-id', client_id, '--quota', 'extended', '--app', '20000', '--writes', '500']);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.out.at(-1)!)).toEqual({ client_id, quota_mode: 'extended', rate_limit_override: { app: 20000, writes: 500 } });
    const cleared = await cli(['limits', '--client-id', client_id, '--clear']);
    expect(JSON.parse(cleared.out.at(-1)!)).toEqual({ client_id, quota_mode: 'extended', rate_limit_override: null });
    for (const [argv, message] of [
      [['limits'], '--client-id is required'],
      [['limits', '--client-id', client_id, '--quota', 'huge'], '--quota is development or extended'],
      [['limits', '--client-id', client_id, '--app', '0'], '--app must be a positive whole number'],
      [['limits', '--client-id', 'nope', '--app', '5'], 'No such app'],
    ] as const) {
      const run = await cli([...argv]);
      expect({ argv, code: run.code }).toEqual({ argv, code: 1 });
      expect(run.err).toContain(message);
    }
  });

  it('answers on the development endpoints only for loopback callers', async () => {
    const res = await t.app.getHttpAdapter().getInstance().inject({
      method: 'POST',
      url: '/dev/apps',
      remoteAddress: '203.0.113.9',
      payload: { name: 'Remote', redirect_uris: ['https://remote.example/cb'], type: 'public' },
    });
    expect(res.statusCode).toBe(403);
    expect((await clients.listAll()).map((c) => c.name)).not.toContain('Remote');
  });
});

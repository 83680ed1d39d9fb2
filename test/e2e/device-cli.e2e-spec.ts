import type { WebSocket } from 'ws';
import { DeviceHub } from '../../src/player/device-hub';
import { DEVICE_CODE_GRANT_TYPE, type OAuthClient, OAuthError, pollForTokens } from '../../src/player/device-client/device-authorization';
import { clock, type DeviceCliRun, runDeviceCli } from '../../src/player/device-client/device.cli';
import { SimulatedDevice } from '../../src/player/device-client/simulated-device';
import { AccessTokensService } from '../../src/oauth/access-tokens.service';
import { AccountsService } from '../../src/oauth/accounts.service';
import { PageClient } from '../helpers/oauth-client';
import { startTestApp, TestApp } from '../helpers/test-app';

const USER_CODE = /\b([BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4})\b/;

/** The CLI in-process, its output captured line by line. */
function start(argv: string[]): { run: DeviceCliRun; lines: string[]; waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray> } {
  const lines: string[] = [];
  const run = runDeviceCli(argv, { out: (line) => lines.push(line), err: (line) => lines.push(`ERR ${line}`) });
  return {
    run,
    lines,
    async waitFor(pattern, timeoutMs = 5000) {
      const started = Date.now();
      for (;;) {
        for (const line of lines) {
          const match = pattern.exec(line);
          if (match) return match;
        }
        if (Date.now() - started > timeoutMs) throw new Error(`No line matched ${pattern} within ${timeoutMs} ms:\n${lines.join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// `npm run device` end to end: the reference device from the command line against a real server.
describe('npm run device (e2e)', () => {
  let t: TestApp;
  let token: string;
  let album: { id: string; tracks: { id: string; name: string }[] };
  let listener: PageClient;
  const runs: DeviceCliRun[] = [];
  const others: SimulatedDevice[] = [];

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 200 });
    token = await t.token({ user: 'ada', scopes: ['streaming', 'user-read-playback-state', 'user-modify-playback-state'] });
    const [row] = await t.dataSource.query(`SELECT album_id FROM tracks GROUP BY album_id HAVING count(*) >= 2 ORDER BY album_id LIMIT 1`);
    const tracks = await t.dataSource.query(`SELECT id, name FROM tracks WHERE album_id = $1 ORDER BY disc_number, track_number, id`, [row.album_id]);
    album = { id: row.album_id, tracks };
  });
  afterAll(async () => {
    await Promise.all([...runs.map((r) => r.stop()), ...others.map((d) => d.close())]);
    await t?.close();
  });

  const api = (path: string, init: RequestInit & { token?: string } = {}) => t.request(path, { token, ...init });
  const put = (path: string, body?: unknown) => api(path, { method: 'PUT', ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });
  /** Cuts a device's connection from the server's end, as a network failure would (the device sees 1006). */
  const dropFromServer = (deviceId: string) => {
    const hub: DeviceHub = t.app.get(DeviceHub);
    (hub as unknown as { connections: Map<string, { socket: WebSocket }> }).connections.get(deviceId)!.socket.terminate();
  };
  const device = (argv: string[]) => {
    const started = start(['--url', t.baseUrl, ...argv]);
    runs.push(started.run);
    return started;
  };

  it('with --token: connects, is listed, obeys the player API and logs what it does; stops with 1000', async () => {
    const cli = device(['--name', 'Kitchen speaker', '--type', 'speaker', '--id', 'kitchen-1', '--token', token]);
    await cli.waitFor(/✓ connected as “Kitchen speaker” \(Speaker\), device id [0-9a-f]{40}/);
    const id = cli.run.deviceId!;
    expect((await api('/v1/me/player/devices')).body.devices).toEqual([
      expect.objectContaining({ id, name: 'Kitchen speaker', type: 'Speaker', is_active: false, supports_volume: true, volume_percent: 50 }),
    ]);

    const [first] = album.tracks;
    expect((await put(`/v1/me/player/play?device_id=${id}`, { context_uri: `backbeat:album:${album.id}`, position_ms: 12_000 })).status).toBe(204);
    await cli.waitFor(new RegExp(`▶ play “${escape(first.name)}” by .+ at 0:12$`));
    expect((await put('/v1/me/player/pause')).status).toBe(204);
    await cli.waitFor(/⏸ pause at 0:1\d$/);
    expect((await put('/v1/me/player/volume?volume_percent=30')).status).toBe(204);
    await cli.waitFor(/🔊 volume 30%$/);
    expect((await put('/v1/me/player/repeat?state=context')).status).toBe(204);
    await cli.waitFor(/🔁 repeat context$/);
    expect((await put('/v1/me/player/seek?position_ms=83000')).status).toBe(204);
    await cli.waitFor(/⏩ seek to 1:23$/);
    // Lines keep the order of the commands, though titles take a request to learn.
    const order = ['▶ play', '⏸ pause', '🔊 volume', '🔁 repeat', '⏩ seek'].map((m) => cli.lines.findIndex((l) => l.includes(m)));
    expect(order).toEqual([...order].sort((a, b) => a - b));

    expect(await cli.run.stop()).toBe(0);
    expect(cli.lines.at(-1)).toMatch(/Stopped\.$/);
    // A device that said goodbye stays listed, inactive, for a while; the player has no active device.
    await eventually(async () => (await api('/v1/me/player')).status === 204);
    expect((await api('/v1/me/player/devices')).body.devices).toEqual([expect.objectContaining({ id, is_active: false })]);
  });

  it('plays tracks out in simulated time and logs when they end; the server moves on and stops at the end of the context', async () => {
    // Another listener, whose player starts afresh (repeat off).
    const bob = await t.token({ user: 'bob', scopes: ['streaming', 'user-read-playback-state', 'user-modify-playback-state'] });
    const cli = device(['--name', 'Fast', '--type', 'Computer', '--id', 'fast', '--token', bob, '--speed', '2000', '--no-volume']);
    await cli.waitFor(/✓ connected/);
    const id = cli.run.deviceId!;
    expect((await api('/v1/me/player/devices', { token: bob })).body.devices).toEqual([expect.objectContaining({ id, supports_volume: false, volume_percent: null })]);
    const [a, b] = album.tracks;
    const play = await api(`/v1/me/player/play?device_id=${id}`, { token: bob, method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uris: [`backbeat:track:${a.id}`, `backbeat:track:${b.id}`] }) });
    expect(play.status).toBe(204);
    await cli.waitFor(new RegExp(`■ “${escape(a.name)}” by .+ ended$`));
    await cli.waitFor(new RegExp(`▶ play “${escape(b.name)}” by .+ at 0:00$`));
    await cli.waitFor(new RegExp(`■ “${escape(b.name)}” by .+ ended$`));
    // Repeat is off: back to the first track, paused.
    await cli.waitFor(new RegExp(`⏸ “${escape(a.name)}” by .+ at 0:00, paused$`));
    expect((await api('/v1/me/player/volume?volume_percent=10', { token: bob, method: 'PUT' })).body.error).toMatchObject({ reason: 'VOLUME_CONTROL_DISALLOW' });
    expect(await cli.run.stop()).toBe(0);
  });

  it('reconnects with backoff after the connection drops, keeping its device id', async () => {
    const cy = await t.token({ user: 'cy', scopes: ['streaming', 'user-read-playback-state', 'user-modify-playback-state'] });
    const cli = device(['--name', 'Car', '--type', 'Automobile', '--id', 'car-7', '--token', cy]);
    await cli.waitFor(/✓ connected/);
    const id = cli.run.deviceId!;
    dropFromServer(id);
    await cli.waitFor(/✗ connection lost \(close code 1006\); trying again in \d\.\d s$/);
    await cli.waitFor(new RegExp(`✓ reconnected as ${id}$`), 5000);
    expect((await api('/v1/me/player/devices', { token: cy })).body.devices).toEqual([expect.objectContaining({ id, is_active: false })]);
    // Still obeying.
    const play = await api(`/v1/me/player/play?device_id=${id}`, { token: cy, method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uris: [`backbeat:track:${album.tracks[0].id}`] }) });
    expect(play.status).toBe(204);
    await cli.waitFor(/▶ play “.+” by .+ at 0:00$/);
    expect(await cli.run.stop()).toBe(0);
  });

  it('stops, without fighting, when the same device connects again elsewhere', async () => {
    const cli = device(['--name', 'Den', '--type', 'TV', '--id', 'den-tv', '--token', token]);
    await cli.waitFor(/✓ connected/);
    const twin = new SimulatedDevice({ baseUrl: t.baseUrl, token, name: 'Den', type: 'TV', clientDeviceId: 'den-tv' });
    others.push(twin);
    expect(await twin.connect()).toBe(cli.run.deviceId);
    expect(await cli.run.exited).toBe(1);
    expect(cli.lines.at(-1)).toMatch(/^ERR The same device \(--id den-tv\) connected again elsewhere/);
  });

  it('exits with 1 and says why on bad arguments, a refused token or no server', async () => {
    const usage = start(['--name', 'X', '--type', 'Toaster']);
    expect(await usage.run.exited).toBe(1);
    expect(usage.lines[0]).toMatch(/^ERR --type must be one of Computer, Smartphone/);
    expect(usage.lines[1]).toMatch(/^ERR Usage:/);
    expect(await start(['--type', 'TV']).run.exited).toBe(1);
    expect(await start(['--name', 'X', '--type', 'TV', '--id', 'no spaces']).run.exited).toBe(1);
    expect(await start(['--name', 'X', '--type', 'TV', '--speed', '0']).run.exited).toBe(1);

    const expired = device(['--name', 'X', '--type', 'TV', '--token', 'x'.repeat(40)]);
    expect(await expired.run.exited).toBe(1);
    expect(expired.lines.at(-1)).toMatch(/^ERR The server refused the access token \(UNAUTHORIZED: .*\): it is expired or revoked/);
    const noStreaming = device(['--name', 'X', '--type', 'TV', '--token', await t.token({ user: 'ada', scopes: ['user-read-playback-state'] })]);
    expect(await noStreaming.run.exited).toBe(1);
    expect(noStreaming.lines.at(-1)).toMatch(/^ERR The access token lacks the streaming scope/);

    const nowhere = start(['--name', 'X', '--type', 'TV', '--token', token, '--url', 'http://127.0.0.1:9']);
    expect(await nowhere.run.exited).toBe(1);
    expect(nowhere.lines.at(-1)).toMatch(/^ERR Cannot connect to http:\/\/127\.0\.0\.1:9: /);
  });

  it('without a token: registers a public app, runs the device grant, and connects once the listener confirms', async () => {
    const accounts = t.app.get(AccountsService);
    const kim = await accounts.signUp({ email: 'kim@example.com', password: 'speakers-everywhere', displayName: 'Kim', country: 'DE' });
    listener = new PageClient(t.baseUrl);
    const signIn = await listener.fetch('/signin');
    expect((await listener.submit(signIn.text, { email: 'kim@example.com', password: 'speakers-everywhere' })).status).toBe(303);

    const cli = device(['--name', 'Living room', '--type', 'AVR']);
    const [, clientId] = await cli.waitFor(/^ {2}client_id ([0-9a-f]{32}) {2}\(pass --client-id \1 next time/);
    expect(cli.lines).toContain('No --client-id given: registered the public app “Backbeat reference device” through the server’s development endpoint.');
    const [, userCode] = await cli.waitFor(new RegExp(`^ {4}${USER_CODE.source}$`));
    expect(cli.lines).toContain(`    ${t.baseUrl}/activate?user_code=${userCode}`);
    expect(cli.lines).toContain(`or go to ${t.baseUrl}/activate and enter the code`);
    expect(cli.lines).toContain('Waiting for you to confirm (the code expires in 10 minutes)…');
    const [{ type }] = await t.dataSource.query(`SELECT type FROM oauth_clients WHERE id = $1`, [clientId]);
    expect(type).toBe('public');

    const confirm = await listener.fetch(`/activate?user_code=${userCode}`);
    expect(confirm.text).toContain('Connect Backbeat reference device to your Backbeat account?');
    expect((await listener.submit(confirm.text, { decision: 'approve' })).text).toContain('Device connected');

    // The device polls every 5 seconds.
    await cli.waitFor(/^✓ Signed in \(scopes: streaming user-read-playback-state\)\.$/, 15_000);
    await cli.waitFor(/✓ connected as “Living room” \(AVR\)/);
    const kimsToken = (await t.app.get(AccessTokensService).issue({ clientId: 'test-client', userId: kim.id, scopes: ['user-read-playback-state'] })).access_token;
    const id = cli.run.deviceId!;
    expect((await api('/v1/me/player/devices', { token: kimsToken })).body.devices).toEqual([expect.objectContaining({ id, name: 'Living room', type: 'AVR' })]);

    // Its access token is gone when the connection drops: it refreshes it and connects again.
    const tokens = t.app.get(AccessTokensService);
    const revoked: { token_hash: string }[] = await t.dataSource.query(`SELECT token_hash FROM oauth_access_tokens WHERE user_id = $1 AND client_id = $2`, [kim.id, clientId]);
    expect(revoked).toHaveLength(1);
    await t.dataSource.query(`DELETE FROM oauth_access_tokens WHERE token_hash = $1`, [revoked[0].token_hash]);
    tokens.forget(revoked.map((r) => r.token_hash));
    dropFromServer(id);
    await cli.waitFor(/↻ access token refreshed$/, 5000);
    await cli.waitFor(new RegExp(`✓ reconnected as ${id}$`));
    expect(await cli.run.stop()).toBe(0);
  }, 60_000);

  it('stops cleanly while it waits for the listener, says when they decline, and when the app is unknown', async () => {
    const [{ id: clientId }] = await t.dataSource.query(`SELECT id FROM oauth_clients WHERE name = 'Backbeat reference device' LIMIT 1`);
    const waiting = device(['--name', 'Hall', '--type', 'Speaker', '--client-id', clientId]);
    await waiting.waitFor(USER_CODE);
    expect(waiting.lines.some((l) => l.includes('registered the public app'))).toBe(false);
    expect(await waiting.run.stop()).toBe(0);
    expect(waiting.lines.some((l) => l.startsWith('ERR'))).toBe(false);

    const declined = device(['--name', 'Hall', '--type', 'Speaker', '--client-id', clientId]);
    const [, userCode] = await declined.waitFor(USER_CODE);
    const confirm = await listener.fetch(`/activate?user_code=${userCode}`);
    expect((await listener.submit(confirm.text, { decision: 'deny' })).text).toContain('Device not connected');
    expect(await declined.run.exited).toBe(1);
    expect(declined.lines.at(-1)).toBe('ERR The listener declined to connect this device.');

    const unknown = device(['--name', 'Hall', '--type', 'Speaker', '--client-id', 'f'.repeat(32)]);
    expect(await unknown.run.exited).toBe(1);
    expect(unknown.lines.at(-1)).toMatch(/^ERR The server does not know the app f{32} as a public app/);
  }, 30_000);
});

describe('pollForTokens (RFC 8628 §3.5)', () => {
  const code = { device_code: 'dc', user_code: 'BCDF-GHJK', verification_uri: 'http://x/activate', expires_in: 600, interval: 5 };

  function fakeServer(answers: { status: number; body: object }[]) {
    const requests: URLSearchParams[] = [];
    const fetcher = ((_url: URL, init: RequestInit) => {
      requests.push(new URLSearchParams(init.body as string));
      const answer = answers.shift() ?? { status: 500, body: {} };
      return Promise.resolve(new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } }));
    }) as unknown as typeof fetch;
    const client: OAuthClient = { baseUrl: 'http://x', clientId: 'speaker', fetch: fetcher };
    return { client, requests };
  }

  it('waits the interval before each poll, adds 5 s for good after slow_down, and returns the tokens', async () => {
    const { client, requests } = fakeServer([
      { status: 400, body: { error: 'authorization_pending' } },
      { status: 400, body: { error: 'slow_down' } },
      { status: 400, body: { error: 'authorization_pending' } },
      { status: 503, body: {} },
      { status: 200, body: { access_token: 'a', token_type: 'Bearer', expires_in: 3600, refresh_token: 'r', scope: 'streaming' } },
    ]);
    const waits: number[] = [];
    const tokens = await pollForTokens(client, code, { sleep: (ms) => (waits.push(ms), Promise.resolve()) });
    expect(tokens.access_token).toBe('a');
    // A 5xx answer backs off (doubles) once, then the interval applies again.
    expect(waits).toEqual([5000, 5000, 10_000, 10_000, 20_000]);
    expect(requests.map((r) => Object.fromEntries(r))).toEqual(Array(5).fill({ grant_type: DEVICE_CODE_GRANT_TYPE, device_code: 'dc', client_id: 'speaker' }));
  });

  it('stops on access_denied and on expiry, with the error', async () => {
    const denied = fakeServer([{ status: 400, body: { error: 'access_denied', error_description: 'The listener declined' } }]);
    await expect(pollForTokens(denied.client, code, { sleep: () => Promise.resolve() })).rejects.toMatchObject({ error: 'access_denied', status: 400 });

    let now = 0;
    const pending = fakeServer(Array(200).fill({ status: 400, body: { error: 'authorization_pending' } }));
    const expired = pollForTokens(pending.client, code, { now: () => now, sleep: (ms) => ((now += ms), Promise.resolve()) });
    await expect(expired).rejects.toBeInstanceOf(OAuthError);
    await expect(expired).rejects.toMatchObject({ error: 'expired_token' });
    expect(pending.requests).toHaveLength(119);
  });
});

describe('clock', () => {
  it('renders positions as m:ss, and h:mm:ss from an hour', () => {
    expect([0, 999, 12_000, 83_000, 600_000, 3_723_000].map(clock)).toEqual(['0:00', '0:00', '0:12', '1:23', '10:00', '1:02:03']);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

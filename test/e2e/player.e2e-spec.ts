import type { Scope } from '../../src/common/auth/scopes';
import { SimulatedDevice } from '../../src/player/device-client/simulated-device';
import { startTestApp, TestApp } from '../helpers/test-app';

const ALL: Scope[] = ['streaming', 'user-read-playback-state', 'user-modify-playback-state', 'user-read-currently-playing', 'user-read-recently-played'];

// The player end to end: real WebSocket devices, real HTTP, real database.
describe('player and devices (e2e)', () => {
  let t: TestApp;
  let token: string;
  let album: { id: string; tracks: string[] };
  const devices: SimulatedDevice[] = [];

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 500, env: { PLAYER_COMMAND_TIMEOUT_MS: '1000' } });
    token = await t.token({ user: 'ada', scopes: ALL });
    const [row] = await t.dataSource.query(`SELECT album_id FROM tracks GROUP BY album_id HAVING count(*) >= 4 ORDER BY album_id LIMIT 1`);
    const tracks = await t.dataSource.query(`SELECT id FROM tracks WHERE album_id = $1 ORDER BY disc_number, track_number, id`, [row.album_id]);
    album = { id: row.album_id, tracks: tracks.map((r: { id: string }) => r.id) };
  });
  afterAll(async () => {
    await Promise.all(devices.map((d) => d.close()));
    await t?.close();
  });

  async function device(name: string, options: Partial<ConstructorParameters<typeof SimulatedDevice>[0]> = {}): Promise<SimulatedDevice> {
    const d = new SimulatedDevice({ baseUrl: t.baseUrl, token, name, type: 'Speaker', clientDeviceId: name.toLowerCase().replace(/\W+/g, '-'), ...options });
    devices.push(d);
    await d.connect();
    return d;
  }
  const api = (path: string, init: RequestInit = {}) => t.request(path, { token, ...init });
  const put = (path: string, body?: unknown) => api(path, { method: 'PUT', ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });

  it('lists a connected device and plays an album on it, answering after the device acknowledged', async () => {
    const kitchen = await device('Kitchen');
    const list = await api('/v1/me/player/devices');
    expect(list.body.devices).toEqual([expect.objectContaining({ id: kitchen.deviceId, name: 'Kitchen', type: 'Speaker', is_active: false, supports_volume: true, volume_percent: 50 })]);
    expect((await api('/v1/me/player')).status).toBe(204);
    expect((await put('/v1/me/player/pause')).body.error).toMatchObject({ status: 404, reason: 'NO_ACTIVE_DEVICE' });

    const play = await put(`/v1/me/player/play?device_id=${kitchen.deviceId}`, { context_uri: `backbeat:album:${album.id}`, offset: { position: 1 } });
    expect(play.status).toBe(204);
    expect(kitchen.commands.at(-1)).toMatchObject({ command: 'play', playback: { is_playing: true, item: { id: album.tracks[1] } } });
    const state = await api('/v1/me/player');
    expect(state.body).toMatchObject({
      device: { id: kitchen.deviceId, is_active: true },
      is_playing: true,
      item: { id: album.tracks[1] },
      context: { type: 'album', uri: `backbeat:album:${album.id}` },
      shuffle_state: false,
      repeat_state: 'off',
      actions: { disallows: { resuming: true } },
    });
  });

  it('pauses, resumes, seeks and skips; a track that ends moves on; history records what played', async () => {
    const kitchen = devices[0];
    expect((await put('/v1/me/player/pause')).status).toBe(204);
    expect((await api('/v1/me/player')).body.is_playing).toBe(false);
    expect((await put('/v1/me/player/pause')).body.error).toMatchObject({ status: 403, reason: 'ALREADY_PAUSED' });
    expect((await put('/v1/me/player/play')).status).toBe(204);
    expect((await put('/v1/me/player/seek?position_ms=10000')).status).toBe(204);
    const progress = (await api('/v1/me/player')).body.progress_ms;
    expect(progress).toBeGreaterThanOrEqual(10000);
    expect(progress).toBeLessThan(15000);
    expect((await api('/v1/me/player/next', { method: 'POST' })).status).toBe(204);
    expect((await api('/v1/me/player')).body.item.id).toBe(album.tracks[2]);

    const moved = new Promise((resolve) => kitchen.once('command', resolve));
    kitchen.endTrack();
    await moved;
    await waitFor(async () => (await api('/v1/me/player')).body.item.id === album.tracks[3]);
    const history = await api('/v1/me/player/recently-played?limit=10');
    expect(history.body.items.map((i: { track: { id: string } }) => i.track.id)).toEqual([album.tracks[3], album.tracks[2], album.tracks[1]]);
  });

  it('plays queued tracks before the context goes on', async () => {
    const [queued] = await t.dataSource.query(`SELECT id FROM tracks WHERE album_id <> $1 LIMIT 1`, [album.id]);
    expect((await api(`/v1/me/player/queue?uri=backbeat:track:${queued.id}`, { method: 'POST' })).status).toBe(204);
    const queue = await api('/v1/me/player/queue');
    expect(queue.body.queue[0].id).toBe(queued.id);
    expect(queue.body.currently_playing.id).toBe(album.tracks[3]);
    await api('/v1/me/player/next', { method: 'POST' });
    expect((await api('/v1/me/player')).body.item.id).toBe(queued.id);
  });

  it('transfers playback between two devices', async () => {
    const kitchen = devices[0];
    const car = await device('Car', { type: 'Automobile', supportsVolume: false });
    expect((await put('/v1/me/player', { device_ids: [car.deviceId], play: true })).status).toBe(204);
    expect(car.commands.at(-1)).toMatchObject({ command: 'transfer_in', playback: { is_playing: true } });
    expect(kitchen.commands.at(-1)).toMatchObject({ command: 'transfer_out' });
    const list = (await api('/v1/me/player/devices')).body.devices;
    expect(list.find((d: { id: string }) => d.id === car.deviceId).is_active).toBe(true);
    expect(list.find((d: { id: string }) => d.id === kitchen.deviceId).is_active).toBe(false);
    // No volume on the car.
    expect((await put('/v1/me/player/volume?volume_percent=30')).body.error).toMatchObject({ status: 403, reason: 'VOLUME_CONTROL_DISALLOW' });
  });

  it('answers a timeout when the device does not acknowledge, and fails fast when it drops', async () => {
    const silent = await device('Silent', { silent: true });
    const res = await put(`/v1/me/player/play?device_id=${silent.deviceId}`, { uris: [`backbeat:track:${album.tracks[0]}`] });
    expect(res.body.error).toMatchObject({ status: 502, reason: 'DEVICE_NOT_RESPONDING' });
    const slow = put(`/v1/me/player/play?device_id=${silent.deviceId}`, { uris: [`backbeat:track:${album.tracks[0]}`] });
    await new Promise((resolve) => silent.once('command', resolve));
    silent.drop();
    expect((await slow).body.error).toMatchObject({ status: 502, reason: 'DEVICE_DISCONNECTED' });
  });

  it('refuses free listeners, app tokens, missing scopes and other listeners’ devices', async () => {
    await t.dataSource.query(`INSERT INTO users (id, display_name, email, country, product) VALUES ('freddy', 'Freddy', 'freddy@example.com', 'SE', 'free')`);
    const free = await t.token({ user: 'freddy', scopes: ALL });
    expect((await t.request('/v1/me/player/pause', { method: 'PUT', token: free })).body.error).toMatchObject({ status: 403, reason: 'PREMIUM_REQUIRED' });
    const app = await t.token({ scopes: ALL });
    expect((await t.request('/v1/me/player', { token: app })).status).toBe(403);
    const noScope = await t.token({ user: 'ada', scopes: ['user-read-playback-state'] });
    expect((await t.request('/v1/me/player/pause', { method: 'PUT', token: noScope })).status).toBe(403);
    const grace = await t.token({ user: 'grace', scopes: ALL });
    expect((await t.request('/v1/me/player/devices', { token: grace })).body.devices).toEqual([]);
    const kitchen = devices[0];
    const hijack = await t.request(`/v1/me/player/play?device_id=${kitchen.deviceId}`, { method: 'PUT', token: grace });
    expect(hijack.body.error).toMatchObject({ status: 404, reason: 'DEVICE_NOT_FOUND' });
  });

  it('answers bad input with 400s', async () => {
    for (const [path, body] of [
      ['/v1/me/player/seek?position_ms=-1', undefined],
      ['/v1/me/player/seek', undefined],
      ['/v1/me/player/volume?volume_percent=101', undefined],
      ['/v1/me/player/repeat?state=forever', undefined],
      ['/v1/me/player/shuffle?state=maybe', undefined],
      ['/v1/me/player/play?device_id=nope', undefined],
      ['/v1/me/player/play', { uris: ['not-a-uri'] }],
      ['/v1/me/player/play', { uris: [] }],
      ['/v1/me/player/play', { context_uri: 'backbeat:album:x', uris: ['backbeat:track:y'] }],
      ['/v1/me/player', { device_ids: ['a', 'b'] }],
    ] as const) {
      const res = await put(path, body);
      expect({ path, body, status: res.status, error: res.body.error?.message }).toEqual({ path, body, status: 400, error: expect.any(String) });
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    expect((await api('/v1/me/player/queue?uri=backbeat:album:' + album.id, { method: 'POST' })).status).toBe(400);
    expect((await api('/v1/me/player/recently-played?limit=0')).status).toBe(400);
  });

  it('answers malformed protocol frames with error frames and keeps the connection', async () => {
    const d = devices[0];
    const errors: { code: string }[] = [];
    d.on('error_frame', (e: { code: string }) => errors.push(e));
    d.send('not json');
    d.send({ type: 'teleport' });
    d.send({ type: 'state', event: 'exploded' });
    d.send({ type: 'hello', v: 1, device: { client_device_id: 'x', name: 'x', type: 'Speaker', supports_volume: true } });
    await waitFor(() => Promise.resolve(errors.length === 4));
    expect(errors.every((e) => e.code === 'INVALID_MESSAGE')).toBe(true);
    expect((await api('/v1/me/player/devices')).body.devices.some((x: { id: string }) => x.id === d.deviceId)).toBe(true);
  });

  it('refuses devices without a valid streaming token', async () => {
    const noStreaming = await t.token({ user: 'ada', scopes: ['user-read-playback-state'] });
    await expect(new SimulatedDevice({ baseUrl: t.baseUrl, token: noStreaming, name: 'X', type: 'TV', clientDeviceId: 'x' }).connect()).rejects.toThrow(/INSUFFICIENT_SCOPE/);
    await expect(new SimulatedDevice({ baseUrl: t.baseUrl, token: 'x'.repeat(40), name: 'X', type: 'TV', clientDeviceId: 'x' }).connect()).rejects.toThrow(/UNAUTHORIZED/);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

import type { Scope } from '../../src/common/auth/scopes';
import WebSocket from 'ws';
import { SimulatedDevice } from '../../src/player/device-client/simulated-device';
import { startTestApp, TestApp } from '../helpers/test-app';

const ALL: Scope[] = ['streaming', 'user-read-playback-state', 'user-modify-playback-state', 'user-read-currently-playing'];

// Playback rules through the REST API, heartbeats, the listing grace period and protocol edge cases.
describe('player rules and device liveness (e2e)', () => {
  let t: TestApp;
  let token: string;
  let album: string[];
  let albumId: string;
  let speaker: SimulatedDevice;

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 300, env: { PLAYER_HEARTBEAT_MS: '200', PLAYER_COMMAND_TIMEOUT_MS: '1000' } });
    token = await t.token({ user: 'lin', scopes: ALL });
    const [row] = await t.dataSource.query(`SELECT album_id FROM tracks GROUP BY album_id HAVING count(*) >= 5 ORDER BY album_id LIMIT 1`);
    albumId = row.album_id;
    album = (await t.dataSource.query(`SELECT id FROM tracks WHERE album_id = $1 ORDER BY disc_number, track_number, id`, [albumId])).map((r: { id: string }) => r.id);
    speaker = new SimulatedDevice({ baseUrl: t.baseUrl, token, name: 'Den', type: 'Speaker', clientDeviceId: 'den' });
    await speaker.connect();
  });
  afterAll(async () => {
    await speaker?.close();
    await t?.close();
  });

  const api = (path: string, method = 'GET', body?: unknown) =>
    t.request(path, { method, token, ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });
  const current = async () => (await api('/v1/me/player')).body as { item: { id: string; duration_ms: number }; is_playing: boolean; shuffle_state: boolean; repeat_state: string };

  it('shuffles the rest of the album after the current track, and unshuffles back into album order', async () => {
    expect((await api(`/v1/me/player/play?device_id=${speaker.deviceId}`, 'PUT', { context_uri: `backbeat:album:${albumId}`, offset: { uri: `backbeat:track:${album[2]}` } })).status).toBe(204);
    expect((await api('/v1/me/player/shuffle?state=true', 'PUT')).status).toBe(204);
    expect(speaker.commands.at(-1)).toMatchObject({ command: 'shuffle', playback: { shuffle: true, item: { id: album[2] } } });
    const queue = (await api('/v1/me/player/queue')).body.queue.map((x: { id: string }) => x.id);
    expect([...queue].sort()).toEqual(album.filter((id) => id !== album[2]).sort());
    expect((await api('/v1/me/player/shuffle?state=false', 'PUT')).status).toBe(204);
    expect((await api('/v1/me/player/queue')).body.queue.map((x: { id: string }) => x.id)).toEqual(album.slice(3));
  });

  it('repeats the track when it ends with repeat track, and wraps the album with repeat context', async () => {
    await api('/v1/me/player/repeat?state=track', 'PUT');
    speaker.endTrack();
    await waitFor(() => Promise.resolve(speaker.commands.at(-1)?.command === 'play'));
    expect((await current()).item.id).toBe(album[2]);
    await api('/v1/me/player/repeat?state=context', 'PUT');
    await api(`/v1/me/player/play`, 'PUT', { context_uri: `backbeat:album:${albumId}`, offset: { position: album.length - 1 } });
    await api('/v1/me/player/next', 'POST');
    expect((await current())).toMatchObject({ item: { id: album[0] }, is_playing: true, repeat_state: 'context' });
    // Without repeat, the end of the album stops at its start.
    await api('/v1/me/player/repeat?state=off', 'PUT');
    await api(`/v1/me/player/play`, 'PUT', { context_uri: `backbeat:album:${albumId}`, offset: { position: album.length - 1 } });
    await api('/v1/me/player/next', 'POST');
    expect((await current())).toMatchObject({ item: { id: album[0] }, is_playing: false });
  });

  it('plays a playlist the listener may read as a context, and refuses one they may not see', async () => {
    const owner = await t.token({ user: 'lin', scopes: ['playlist-modify-private', 'playlist-read-private'] });
    const json = (method: string, body: unknown, auth = owner) => ({ method, token: auth, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { body: playlist } = await t.request('/v1/me/playlists', json('POST', { name: 'Den mix', public: false }));
    await t.request(`/v1/playlists/${playlist.id}/items`, json('POST', { uris: [album[3], album[0], album[1]].map((id) => `backbeat:track:${id}`) }));
    expect((await api('/v1/me/player/play', 'PUT', { context_uri: `spotify:playlist:${playlist.id}`, offset: { position: 1 } })).status).toBe(204);
    expect(await current()).toMatchObject({ item: { id: album[0] }, context: { type: 'playlist', uri: `backbeat:playlist:${playlist.id}` } });
    expect((await api('/v1/me/player/queue')).body.queue.map((x: { id: string }) => x.id)).toEqual([album[1]]);
    // Another listener's private playlist does not exist for this one.
    const other = await t.token({ user: 'max', scopes: ['playlist-modify-private'] });
    const { body: hidden } = await t.request('/v1/me/playlists', json('POST', { name: 'Secret', public: false }, other));
    expect((await api('/v1/me/player/play', 'PUT', { context_uri: `backbeat:playlist:${hidden.id}` })).status).toBe(404);
    expect((await current()).item.id).toBe(album[0]);
  });

  it('stores a volume once the device took it', async () => {
    expect((await api('/v1/me/player/volume?volume_percent=30', 'PUT')).status).toBe(204);
    expect(speaker.commands.at(-1)).toMatchObject({ command: 'volume', playback: { volume_percent: 30 } });
    const listed = (await api('/v1/me/player/devices')).body.devices.find((d: { id: string }) => d.id === speaker.deviceId);
    expect(listed.volume_percent).toBe(30);
  });

  it('seeking past the end of the track moves on to the next one', async () => {
    await api(`/v1/me/player/play`, 'PUT', { context_uri: `backbeat:album:${albumId}` });
    const { item } = await current();
    expect((await api(`/v1/me/player/seek?position_ms=${item.duration_ms + 1000}`, 'PUT')).status).toBe(204);
    expect((await current()).item.id).toBe(album[1]);
  });

  it('answers a refusing device’s error and leaves playback as it was', async () => {
    const stubborn = new SimulatedDevice({ baseUrl: t.baseUrl, token, name: 'Stubborn', type: 'TV', clientDeviceId: 'stubborn', refuse: { code: 'DRM_ERROR', message: 'cannot play this' } });
    await stubborn.connect();
    const before = await current();
    const res = await api(`/v1/me/player/play?device_id=${stubborn.deviceId}`, 'PUT', { uris: [`backbeat:track:${album[4]}`] });
    expect(res.body.error).toMatchObject({ status: 502, reason: 'DRM_ERROR' });
    expect((await current()).item.id).toBe(before.item.id);
    await stubborn.close();
  });

  it('drops a device that stops answering heartbeats, and pauses playback that was on it', async () => {
    const hung = new SimulatedDevice({ baseUrl: t.baseUrl, token, name: 'Hung', type: 'Automobile', clientDeviceId: 'hung', ignorePings: true });
    await hung.connect();
    await api(`/v1/me/player/play?device_id=${hung.deviceId}`, 'PUT', { uris: [`backbeat:track:${album[0]}`] });
    const closed = new Promise((resolve) => hung.once('closed', resolve));
    await closed;
    await waitFor(async () => (await api('/v1/me/player')).status === 204);
    const listed = (await api('/v1/me/player/devices')).body.devices.find((d: { id: string }) => d.id === hung.deviceId);
    expect(listed).toMatchObject({ is_active: false });
    // After the grace period it is no longer listed.
    await t.dataSource.query(`UPDATE player_devices SET disconnected_at = now() - interval '2 minutes' WHERE id = $1`, [hung.deviceId]);
    expect((await api('/v1/me/player/devices')).body.devices.map((d: { id: string }) => d.id)).not.toContain(hung.deviceId);
    expect((await api('/v1/me/player/pause', 'PUT')).body.error.reason).toBe('NO_ACTIVE_DEVICE');
  });

  it('handles protocol edge cases: frames before hello, stray acks, binary frames, a device connecting twice', async () => {
    const raw = new SimulatedDevice({ baseUrl: t.baseUrl, token, name: 'Twin', type: 'Computer', clientDeviceId: 'twin' });
    await raw.connect();
    const errors: { code: string }[] = [];
    raw.on('error_frame', (e: { code: string }) => errors.push(e));
    raw.send({ type: 'ack', id: 'no-such-command' }); // ignored
    raw.send(Buffer.from([1, 2, 3]));
    raw.send({ type: 'state', event: 'position', position_ms: -5 });
    await waitFor(() => Promise.resolve(errors.length === 2));
    expect(errors.map((e) => e.code)).toEqual(['INVALID_MESSAGE', 'INVALID_MESSAGE']);
    // The same device connecting again replaces the older connection (close 4409).
    const closed = new Promise<number>((resolve) => raw.once('closed', resolve));
    const again = new SimulatedDevice({ baseUrl: t.baseUrl, token, name: 'Twin', type: 'Computer', clientDeviceId: 'twin' });
    expect(await again.connect()).toBe(raw.deviceId);
    expect(await closed).toBe(4409);
    await again.close();

    // A frame before hello is refused; the connection may still say hello afterwards.
    const socket = new WebSocket(`${t.baseUrl.replace('http', 'ws')}/v1/devices/connect`, { headers: { authorization: `Bearer ${token}` } });
    const frames: { type: string; code?: string }[] = [];
    socket.on('message', (data) => frames.push(JSON.parse((data as Buffer).toString('utf8')) as { type: string; code?: string }));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'state', event: 'playing' }));
    socket.send(JSON.stringify({ type: 'hello', v: 1, device: { client_device_id: 'late', name: 'Late', type: 'Speaker', supports_volume: false } }));
    await waitFor(() => Promise.resolve(frames.length === 2));
    expect(frames).toEqual([{ type: 'error', code: 'NOT_READY', message: 'Send hello first' }, expect.objectContaining({ type: 'welcome', v: 1 })]);
    socket.close();
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

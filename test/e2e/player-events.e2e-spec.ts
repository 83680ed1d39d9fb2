import type { Scope } from '../../src/common/auth/scopes';
import { SimulatedDevice } from '../../src/player/device-client/simulated-device';
import { EventStream } from '../../src/player/device-client/event-stream';
import { startTestApp, TestApp } from '../helpers/test-app';

const SCOPES: Scope[] = ['streaming', 'user-read-playback-state', 'user-modify-playback-state'];
type PlayerEvent = { reason: string; state: { is_playing: boolean; device: { id: string }; item: { id: string } | null } | null };

async function firstTrack(t: TestApp): Promise<string> {
  const [row] = await t.dataSource.query(`SELECT id FROM tracks ORDER BY id LIMIT 1`);
  return row.id;
}

describe('player events over Server-Sent Events (e2e)', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('streams the current state at once and every change after it', async () => {
    t = await startTestApp({ seedTracks: 100 });
    const token = await t.token({ user: 'ada', scopes: SCOPES });
    const events = await EventStream.open<PlayerEvent>(`${t.baseUrl}/v1/me/player/events`, token);
    expect(events.status).toBe(200);
    expect(await events.next((e) => e.reason === 'subscribed')).toEqual({ reason: 'subscribed', state: null });

    const speaker = new SimulatedDevice({ baseUrl: t.baseUrl, token, name: 'Speaker', type: 'Speaker', clientDeviceId: 'speaker-1' });
    await speaker.connect();
    await events.next((e) => e.reason === 'device_connected');
    const track = await firstTrack(t);
    await t.request(`/v1/me/player/play?device_id=${speaker.deviceId}`, { method: 'PUT', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uris: [`backbeat:track:${track}`] }) });
    expect((await events.next((e) => e.state?.is_playing === true)).state).toMatchObject({ device: { id: speaker.deviceId }, item: { id: track } });
    await t.request('/v1/me/player/pause', { method: 'PUT', token });
    await events.next((e) => e.reason === 'pause' && e.state?.is_playing === false);
    // A device report reaches subscribers too.
    speaker.report('buffering');
    await events.next((e) => e.reason === 'buffering');
    events.close();
    await speaker.close();
  });

  it('needs user-read-playback-state', async () => {
    const token = await t.token({ user: 'ada', scopes: ['user-modify-playback-state'] });
    const events = await EventStream.open(`${t.baseUrl}/v1/me/player/events`, token);
    expect(events.status).toBe(403);
  });
});

// Two gateway instances share one database and, through Redis, commands and events.
const REDIS_URL = process.env.REDIS_URL;
(REDIS_URL ? describe : describe.skip)(`two gateway instances over Redis (e2e)${REDIS_URL ? '' : ' — skipped: set REDIS_URL'}`, () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ seedTracks: 100, env: { REDIS_URL: REDIS_URL! } });
    b = await startTestApp({ sameDatabaseAs: a, env: { REDIS_URL: REDIS_URL! } });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a device on instance A obeys a command sent to instance B, and an SSE client on B sees it', async () => {
    const token = await a.token({ user: 'ada', scopes: SCOPES });
    const device = new SimulatedDevice({ baseUrl: a.baseUrl, token, name: 'Car', type: 'Automobile', clientDeviceId: 'car-1' });
    await device.connect();
    const events = await EventStream.open<PlayerEvent>(`${b.baseUrl}/v1/me/player/events`, token);
    await events.next((e) => e.reason === 'subscribed');
    const track = await firstTrack(a);
    const play = await b.request(`/v1/me/player/play?device_id=${device.deviceId}`, { method: 'PUT', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uris: [`backbeat:track:${track}`] }) });
    expect(play.status).toBe(204);
    expect(device.commands.at(-1)).toMatchObject({ command: 'play', playback: { item: { id: track } } });
    expect((await events.next((e) => e.state?.is_playing === true)).state).toMatchObject({ device: { id: device.deviceId } });
    // And the other way round: a device report on A reaches B's subscriber.
    device.report('buffering');
    await events.next((e) => e.reason === 'buffering');
    events.close();
    await device.close();
  });
});

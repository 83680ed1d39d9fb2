import type { Scope } from '../../src/common/auth/scopes';
import { startTestApp, TestApp } from '../helpers/test-app';

// Profiles and saved tracks and albums, with the ownership and scope rules.
describe('profiles and saved tracks (e2e)', () => {
  let t: TestApp;
  let ids: string[];
  const token = (user: string | undefined, scopes: Scope[]) => t.token({ user, scopes });

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 200 });
    ids = (await t.dataSource.query(`SELECT id FROM tracks ORDER BY id LIMIT 5`)).map((r: { id: string }) => r.id);
  });
  afterAll(() => t?.close());

  it('shows the caller’s profile with private fields only under their scopes, and others’ public profiles', async () => {
    const plain = await t.request('/v1/me', { token: await token('ada', []) });
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual({
      display_name: 'ada',
      external_urls: { backbeat: expect.stringContaining('/user/ada'), spotify: expect.stringContaining('/user/ada') },
      followers: { href: null, total: 0 },
      href: `${t.baseUrl}/v1/users/ada`,
      id: 'ada',
      images: [],
      type: 'user',
      uri: 'backbeat:user:ada',
    });
    const full = await t.request('/v1/me', { token: await token('ada', ['user-read-private', 'user-read-email']) });
    expect(full.body).toMatchObject({ country: 'US', product: 'premium', email: 'ada@users.backbeat.invalid', explicit_content: { filter_enabled: false, filter_locked: false } });

    const other = await t.request('/v1/users/ada', { token: await token('grace', []) });
    expect(other.status).toBe(200);
    expect(other.body.email).toBeUndefined();
    expect(other.body.country).toBeUndefined();
    expect((await t.request('/v1/users/nobody-here', { token: await token(undefined, []) })).status).toBe(404);
    expect((await t.request('/v1/users/bad%20id!', { token: await token(undefined, []) })).status).toBe(400);
    // /me acts for a listener: an app-only token is refused.
    expect((await t.request('/v1/me', { token: await token(undefined, []) })).status).toBe(403);
  });

  it('saves, lists newest first with added_at, checks and removes tracks, by query or by body', async () => {
    const rw = await token('ada', ['user-library-read', 'user-library-modify']);
    expect((await t.request(`/v1/me/tracks?ids=${ids[0]},${ids[1]}`, { method: 'PUT', token: rw })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const body = await t.request('/v1/me/tracks', { method: 'PUT', token: rw, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [ids[2], ids[0]] }) });
    expect(body.status).toBe(200);
    const list = await t.request('/v1/me/tracks?limit=2', { token: rw });
    expect(list.body).toMatchObject({ total: 3, limit: 2, offset: 0, next: expect.stringContaining('offset=2') });
    expect(list.body.items[0]).toEqual({ added_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), track: expect.objectContaining({ id: ids[2] }) });
    const contains = await t.request(`/v1/me/tracks/contains?ids=${ids[0]},${ids[3]},${ids[2]}`, { token: rw });
    expect(contains.body).toEqual([true, false, true]);
    expect((await t.request(`/v1/me/tracks?ids=${ids[0]}`, { method: 'DELETE', token: rw })).status).toBe(200);
    expect((await t.request(`/v1/me/tracks/contains?ids=${ids[0]}`, { token: rw })).body).toEqual([false]);
    // Another listener's library is their own.
    const grace = await token('grace', ['user-library-read']);
    expect((await t.request('/v1/me/tracks', { token: grace })).body.total).toBe(0);
  });

  it('saves, lists, checks and removes albums the same way', async () => {
    const albums = (await t.dataSource.query(`SELECT id FROM albums ORDER BY id LIMIT 3`)).map((r: { id: string }) => r.id);
    const rw = await token('ada', ['user-library-read', 'user-library-modify']);
    expect((await t.request(`/v1/me/albums?ids=${albums[0]},${albums[1]}`, { method: 'PUT', token: rw })).status).toBe(200);
    const list = await t.request('/v1/me/albums', { token: rw });
    expect(list.body).toMatchObject({ total: 2, href: expect.stringContaining('/v1/me/albums') });
    expect(list.body.items[0]).toEqual({ added_at: expect.any(String), album: expect.objectContaining({ id: expect.any(String), tracks: expect.any(Object) }) });
    expect((await t.request(`/v1/me/albums/contains?ids=${albums[2]},${albums[1]}`, { token: rw })).body).toEqual([false, true]);
    expect((await t.request('/v1/me/albums', { method: 'DELETE', token: rw, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [albums[1]] }) })).status).toBe(200);
    expect((await t.request('/v1/me/albums', { token: rw })).body.total).toBe(1);
    // A track id is no album.
    expect((await t.request(`/v1/me/albums?ids=${ids[0]}`, { method: 'PUT', token: rw })).status).toBe(404);
  });

  it('follows artists and listeners: cursor pages of artists, checks, follower counts, unfollow', async () => {
    const artists = (await t.dataSource.query(`SELECT id FROM artists ORDER BY id LIMIT 3`)).map((r: { id: string }) => r.id);
    const rw = await token('ada', ['user-follow-read', 'user-follow-modify']);
    expect((await t.request(`/v1/me/following?type=artist&ids=${artists.join(',')}`, { method: 'PUT', token: rw })).status).toBe(204);
    const first = await t.request('/v1/me/following?type=artist&limit=2', { token: rw });
    expect(first.body.artists).toMatchObject({ total: 3, limit: 2, cursors: { after: artists[1] }, next: expect.stringContaining(`after=${artists[1]}`) });
    expect(first.body.artists.items.map((a: { id: string }) => a.id)).toEqual(artists.slice(0, 2));
    const second = await t.request(`/v1/me/following?type=artist&limit=2&after=${artists[1]}`, { token: rw });
    expect(second.body.artists).toMatchObject({ next: null, items: [expect.objectContaining({ id: artists[2] })] });

    await t.token({ user: 'grace' });
    expect((await t.request('/v1/me/following?type=user', { method: 'PUT', token: rw, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: ['grace'] }) })).status).toBe(204);
    expect((await t.request('/v1/users/grace', { token: rw })).body.followers.total).toBe(1);
    expect((await t.request(`/v1/me/following/contains?type=user&ids=grace,nobody`, { token: rw })).body).toEqual([true, false]);
    expect((await t.request('/v1/me/following?type=user&ids=grace', { method: 'DELETE', token: rw })).status).toBe(204);
    expect((await t.request('/v1/users/grace', { token: rw })).body.followers.total).toBe(0);

    expect((await t.request('/v1/me/following?type=user&ids=ada', { method: 'PUT', token: rw })).status).toBe(400);
    expect((await t.request('/v1/me/following?type=user&ids=nobody-at-all', { method: 'PUT', token: rw })).status).toBe(404);
    expect((await t.request('/v1/me/following?type=artist&ids=not-an-artist', { method: 'PUT', token: rw })).status).toBe(400);
    expect((await t.request('/v1/me/following?type=playlist&ids=x', { method: 'PUT', token: rw })).status).toBe(400);
    expect((await t.request('/v1/me/following?type=user', { token: rw })).status).toBe(400);
    expect((await t.request('/v1/me/following?type=artist&after=bad', { token: rw })).status).toBe(400);
    expect((await t.request('/v1/me/following?type=artist', { token: await token('ada', ['user-follow-modify']) })).status).toBe(403);
    expect((await t.request('/v1/me/following?type=artist', { token: await token('grace', ['user-follow-read']) })).body.artists.total).toBe(0);
  });

  it('saves, follows, checks and removes any mix of items through /me/library', async () => {
    const [artist] = (await t.dataSource.query(`SELECT id FROM artists ORDER BY id DESC LIMIT 1`)).map((r: { id: string }) => r.id);
    const [album] = (await t.dataSource.query(`SELECT id FROM albums ORDER BY id DESC LIMIT 1`)).map((r: { id: string }) => r.id);
    const everything: Scope[] = ['user-library-read', 'user-library-modify', 'user-follow-read', 'user-follow-modify', 'playlist-modify-public', 'playlist-read-private'];
    const lin = await token('lin', everything);
    const owner = await token('grace', ['playlist-modify-public']);
    const playlist = await t.request('/v1/me/playlists', { method: 'POST', token: owner, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Shared' }) });
    const uris = [`backbeat:track:${ids[4]}`, `spotify:album:${album}`, `backbeat:artist:${artist}`, 'backbeat:user:grace', `backbeat:playlist:${playlist.body.id}`];
    const library = (method: string, list: string[], auth = lin) => t.request(`/v1/me/library${method === 'GET' ? '/contains' : ''}?uris=${list.join(',')}`, { method, token: auth });

    expect((await library('GET', uris)).body).toEqual([false, false, false, false, false]);
    expect((await library('PUT', uris)).status).toBe(200);
    expect((await library('GET', [...uris].reverse())).body).toEqual([true, true, true, true, true]);
    // Each kind lands where its own endpoints see it.
    expect((await t.request(`/v1/me/tracks/contains?ids=${ids[4]}`, { token: lin })).body).toEqual([true]);
    expect((await t.request(`/v1/me/following/contains?type=artist&ids=${artist}`, { token: lin })).body).toEqual([true]);
    expect((await t.request('/v1/me/playlists', { token: lin })).body.items.map((p: { id: string }) => p.id)).toEqual([playlist.body.id]);
    expect((await library('DELETE', uris.slice(0, 3))).status).toBe(200);
    expect((await library('GET', uris)).body).toEqual([false, false, false, true, true]);

    // A kind whose scope the token lacks refuses the whole request, changing nothing.
    const tracksOnly = await token('lin', ['user-library-modify', 'user-library-read']);
    expect((await library('PUT', [uris[0], uris[2]], tracksOnly)).status).toBe(403);
    expect((await library('GET', [uris[0]])).body).toEqual([false]);
    for (const bad of [['backbeat:episode:' + ids[0]], ['nope'], ['backbeat:track:short'], Array(41).fill(uris[0]), ['ftp:track:' + ids[0]]]) {
      expect({ bad, status: (await library('PUT', bad)).status }).toEqual({ bad, status: 400 });
    }
    expect((await library('PUT', [`backbeat:album:${'0'.repeat(22)}`])).status).toBe(404);
    expect((await library('GET', [uris[0]], await token(undefined, everything))).status).toBe(403);
  });

  it('refuses missing scopes, app tokens and bad input', async () => {
    const readOnly = await token('ada', ['user-library-read']);
    expect((await t.request(`/v1/me/tracks?ids=${ids[0]}`, { method: 'PUT', token: readOnly })).status).toBe(403);
    expect((await t.request('/v1/me/tracks', { token: await token('ada', []) })).status).toBe(403);
    expect((await t.request('/v1/me/tracks', { token: await token(undefined, ['user-library-read']) })).status).toBe(403);
    const rw = await token('ada', ['user-library-read', 'user-library-modify']);
    for (const [path, init] of [
      ['/v1/me/tracks', { method: 'PUT' }],
      ['/v1/me/tracks?ids=short', { method: 'PUT' }],
      [`/v1/me/tracks?ids=${Array(51).fill(ids[0]).join(',')}`, { method: 'PUT' }],
      [`/v1/me/tracks?ids=${ids[0]}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [ids[1]] }) }],
      ['/v1/me/tracks', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: 'nope' }) }],
      ['/v1/me/tracks?limit=51', {}],
      ['/v1/me/tracks/contains', {}],
    ] as const) {
      const res = await t.request(path, { token: rw, ...init });
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
    }
    const unknown = await t.request(`/v1/me/tracks?ids=${'0'.repeat(22)}`, { method: 'PUT', token: rw });
    expect(unknown.status).toBe(404);
  });
});

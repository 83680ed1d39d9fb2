import { encode } from 'jpeg-js';
import { randomBytes } from 'node:crypto';
import type { Scope } from '../../src/common/auth/scopes';
import { startTestApp, TestApp } from '../helpers/test-app';

// Who may do what to a playlist: every playlist endpoint against a second listener, the owner
// lacking the scope it needs, and an app-only token, on a public and a private playlist; then
// collaborators, a playlist turning private, and cover uploads.
describe('playlist access (e2e)', () => {
  let t: TestApp;
  let tracks: string[];
  const ALL: Scope[] = ['playlist-read-private', 'playlist-read-collaborative', 'playlist-modify-public', 'playlist-modify-private', 'ugc-image-upload'];
  const uri = (id: string) => `backbeat:track:${id}`;
  const json = (method: string, body: unknown, token: string) => ({ method, token, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const jpegUpload = (base64: string, token: string, type = 'image/jpeg') => ({ method: 'PUT', token, headers: { 'content-type': type }, body: base64 });
  /** A small real JPEG: a colour gradient, so it is not all one value. */
  function makeJpeg(width = 64, height = 48): Buffer {
    const data = Buffer.alloc(width * height * 4);
    for (let i = 0; i < width * height; i++) data.set([(i * 7) % 256, (i * 3) % 256, (i * 11) % 256, 255], i * 4);
    return encode({ data, width, height }, 80).data;
  }

  /**
   * Callers: `stranger` is another listener with every playlist scope; `app` a client-credentials
   * token (also with every scope, which must not help); `owner` has every scope but those named
   * after `-`; `owner (no scopes)` has none.
   */
  type Caller = 'stranger' | 'app' | 'owner (no scopes)' | `owner -${Scope}` | `owner -${Scope} -${Scope}`;
  const tokens = new Map<Caller, Promise<string>>();
  function tokenFor(caller: Caller): Promise<string> {
    let token = tokens.get(caller);
    if (!token) {
      if (caller === 'stranger') token = t.token({ user: 'grace', scopes: ALL });
      else if (caller === 'app') token = t.token({ scopes: ALL });
      else if (caller === 'owner (no scopes)') token = t.token({ user: 'ada', scopes: [] });
      else {
        const without = caller.split(' -').slice(1);
        token = t.token({ user: 'ada', scopes: ALL.filter((s) => !without.includes(s)) });
      }
      tokens.set(caller, token);
    }
    return token;
  }
  let ada: string;
  let grace: string;
  let jpeg: Buffer;

  const playlists: Record<'public' | 'private', string> = { public: '', private: '' };

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 200 });
    tracks = (await t.dataSource.query(`SELECT id FROM tracks ORDER BY id LIMIT 20`)).map((r: { id: string }) => r.id);
    ada = await t.token({ user: 'ada', scopes: ALL });
    grace = await tokenFor('stranger');
    jpeg = makeJpeg();
    for (const visibility of ['public', 'private'] as const) {
      playlists[visibility] = await create({ name: `Ada ${visibility}`, description: 'Hers', public: visibility === 'public' });
      expect((await t.request(`/v1/playlists/${playlists[visibility]}/items`, json('POST', { uris: tracks.slice(0, 4).map(uri) }, ada))).status).toBe(201);
    }
  });
  afterAll(() => t?.close());

  async function create(body: object, token = ada): Promise<string> {
    const created = await t.request('/v1/me/playlists', json('POST', body, token));
    expect(created.status).toBe(201);
    return created.body.id;
  }

  /** Everything a caller could have changed, as the owner sees it. */
  interface State {
    name: string;
    description: string | null;
    public: boolean;
    collaborative: boolean;
    snapshot_id: string;
    images: unknown[];
    followers: number;
    follows: { user_id: string; public: boolean }[];
    items: string[];
  }
  async function state(id: string): Promise<State> {
    const playlist = await t.request(`/v1/playlists/${id}`, { token: ada });
    expect(playlist.status).toBe(200);
    const { name, description, public: isPublic, collaborative, snapshot_id, images, followers, items } = playlist.body;
    const follows: State['follows'] = await t.dataSource.query(`SELECT user_id, public FROM playlist_follows WHERE playlist_id = $1 ORDER BY user_id`, [id]);
    return { name, description, public: isPublic, collaborative, snapshot_id, images, followers: followers.total, follows, items: items.items.map((i: { item: { id: string } }) => i.item.id) };
  }

  // ---- The matrix: one endpoint on one playlist, one caller, one expected status. ----

  type Endpoint =
    | 'GET /playlists/{id}'
    | 'PUT /playlists/{id}'
    | 'GET /playlists/{id}/items'
    | 'GET /playlists/{id}/tracks'
    | 'POST /playlists/{id}/items'
    | 'POST /playlists/{id}/tracks'
    | 'PUT /playlists/{id}/items (move)'
    | 'PUT /playlists/{id}/items (replace)'
    | 'PUT /playlists/{id}/tracks (move)'
    | 'PUT /playlists/{id}/tracks (replace)'
    | 'DELETE /playlists/{id}/items'
    | 'DELETE /playlists/{id}/tracks'
    | 'GET /playlists/{id}/images'
    | 'PUT /playlists/{id}/images'
    | 'PUT /playlists/{id}/followers'
    | 'PUT /playlists/{id}/followers (private follow)'
    | 'DELETE /playlists/{id}/followers'
    | 'GET /playlists/{id}/followers/contains';

  function requestFor(endpoint: Endpoint, id: string, token: string): [string, RequestInit & { token: string }] {
    const base = `/v1/playlists/${id}`;
    switch (endpoint) {
      case 'GET /playlists/{id}':
        return [base, { token }];
      case 'PUT /playlists/{id}':
        return [base, json('PUT', { name: 'Taken over', description: 'Not hers', public: true }, token)];
      case 'GET /playlists/{id}/items':
        return [`${base}/items`, { token }];
      case 'GET /playlists/{id}/tracks':
        return [`${base}/tracks`, { token }];
      case 'POST /playlists/{id}/items':
        return [`${base}/items`, json('POST', { uris: [uri(tracks[9])] }, token)];
      case 'POST /playlists/{id}/tracks':
        return [`${base}/tracks?uris=${uri(tracks[9])}`, { method: 'POST', token }];
      case 'PUT /playlists/{id}/items (move)':
        return [`${base}/items`, json('PUT', { range_start: 0, insert_before: 3 }, token)];
      case 'PUT /playlists/{id}/items (replace)':
        return [`${base}/items`, json('PUT', { uris: [uri(tracks[9])] }, token)];
      case 'PUT /playlists/{id}/tracks (move)':
        return [`${base}/tracks`, json('PUT', { range_start: 3, insert_before: 0 }, token)];
      case 'PUT /playlists/{id}/tracks (replace)':
        return [`${base}/tracks?uris=${uri(tracks[9])}`, { method: 'PUT', token }];
      case 'DELETE /playlists/{id}/items':
        return [`${base}/items`, json('DELETE', { items: [{ uri: uri(tracks[0]) }] }, token)];
      case 'DELETE /playlists/{id}/tracks':
        return [`${base}/tracks`, json('DELETE', { tracks: [{ uri: uri(tracks[1]), positions: [1] }] }, token)];
      case 'GET /playlists/{id}/images':
        return [`${base}/images`, { token }];
      case 'PUT /playlists/{id}/images':
        return [`${base}/images`, jpegUpload(jpeg.toString('base64'), token)];
      case 'PUT /playlists/{id}/followers':
        return [`${base}/followers`, { method: 'PUT', token }];
      case 'PUT /playlists/{id}/followers (private follow)':
        return [`${base}/followers`, json('PUT', { public: false }, token)];
      case 'DELETE /playlists/{id}/followers':
        return [`${base}/followers`, { method: 'DELETE', token }];
      case 'GET /playlists/{id}/followers/contains':
        return [`${base}/followers/contains`, { token }];
    }
  }

  type Row = [visibility: 'public' | 'private', endpoint: Endpoint, caller: Caller, status: number, reason?: string];
  const NOT_FOUND = 'PLAYLIST_NOT_FOUND';
  const SCOPE = 'INSUFFICIENT_SCOPE';
  const NOT_MEMBER = 'NOT_PLAYLIST_MEMBER';
  const APP = 'USER_TOKEN_REQUIRED';
  const READS: Endpoint[] = ['GET /playlists/{id}', 'GET /playlists/{id}/items', 'GET /playlists/{id}/tracks', 'GET /playlists/{id}/images'];
  const ITEM_CHANGES: Endpoint[] = [
    'POST /playlists/{id}/items',
    'POST /playlists/{id}/tracks',
    'PUT /playlists/{id}/items (move)',
    'PUT /playlists/{id}/items (replace)',
    'PUT /playlists/{id}/tracks (move)',
    'PUT /playlists/{id}/tracks (replace)',
    'DELETE /playlists/{id}/items',
    'DELETE /playlists/{id}/tracks',
  ];
  const rows: Row[] = [
    // Reads: a public playlist is anyone's to read; a private one exists only for its owner, with the scope.
    ...READS.flatMap((e): Row[] => [
      ['public', e, 'stranger', 200],
      ['public', e, 'owner (no scopes)', 200],
      ['public', e, 'app', 200],
      ['private', e, 'stranger', 404, NOT_FOUND],
      ['private', e, 'owner -playlist-read-private', 403, SCOPE],
      ['private', e, 'app', 404, NOT_FOUND],
    ]),
    // Item changes: the owner's (or collaborators'), with the modify scope for the playlist's visibility.
    ...ITEM_CHANGES.flatMap((e): Row[] => [
      ['public', e, 'stranger', 403, NOT_MEMBER],
      ['public', e, 'owner -playlist-modify-public', 403, SCOPE],
      ['public', e, 'app', 403, APP],
      ['private', e, 'stranger', 404, NOT_FOUND],
      ['private', e, 'owner -playlist-modify-private', 403, SCOPE],
      ['private', e, 'app', 403, APP],
    ]),
    // Details and cover: the owner's alone.
    ['public', 'PUT /playlists/{id}', 'stranger', 403, NOT_MEMBER],
    ['public', 'PUT /playlists/{id}', 'owner -playlist-modify-public', 403, SCOPE],
    ['public', 'PUT /playlists/{id}', 'app', 403, APP],
    ['private', 'PUT /playlists/{id}', 'stranger', 404, NOT_FOUND],
    ['private', 'PUT /playlists/{id}', 'owner -playlist-modify-private', 403, SCOPE],
    ['private', 'PUT /playlists/{id}', 'app', 403, APP],
    ['public', 'PUT /playlists/{id}/images', 'stranger', 403, NOT_MEMBER],
    ['public', 'PUT /playlists/{id}/images', 'owner -ugc-image-upload', 403, SCOPE],
    ['public', 'PUT /playlists/{id}/images', 'owner -playlist-modify-public', 403, SCOPE],
    ['public', 'PUT /playlists/{id}/images', 'app', 403, APP],
    ['private', 'PUT /playlists/{id}/images', 'stranger', 404, NOT_FOUND],
    ['private', 'PUT /playlists/{id}/images', 'owner -ugc-image-upload', 403, SCOPE],
    ['private', 'PUT /playlists/{id}/images', 'owner -playlist-modify-private', 403, SCOPE],
    ['private', 'PUT /playlists/{id}/images', 'app', 403, APP],
    // Follows: anyone may follow a public playlist (the next row undoes it); a private,
    // non-collaborative one is not there for others. A public follow needs modify-public,
    // a private one modify-private; unfollowing needs either.
    ['public', 'PUT /playlists/{id}/followers', 'stranger', 200],
    ['public', 'DELETE /playlists/{id}/followers', 'stranger', 200],
    ['public', 'PUT /playlists/{id}/followers', 'owner -playlist-modify-public', 403, SCOPE],
    ['public', 'PUT /playlists/{id}/followers (private follow)', 'owner -playlist-modify-private', 403, SCOPE],
    ['public', 'PUT /playlists/{id}/followers', 'app', 403, APP],
    ['public', 'DELETE /playlists/{id}/followers', 'owner -playlist-modify-public -playlist-modify-private', 403, SCOPE],
    ['public', 'DELETE /playlists/{id}/followers', 'app', 403, APP],
    ['private', 'PUT /playlists/{id}/followers', 'stranger', 404, NOT_FOUND],
    ['private', 'PUT /playlists/{id}/followers (private follow)', 'stranger', 404, NOT_FOUND],
    ['private', 'PUT /playlists/{id}/followers', 'owner -playlist-modify-public', 403, SCOPE],
    ['private', 'PUT /playlists/{id}/followers (private follow)', 'owner -playlist-modify-private', 403, SCOPE],
    ['private', 'PUT /playlists/{id}/followers', 'app', 403, APP],
    ['private', 'DELETE /playlists/{id}/followers', 'stranger', 404, NOT_FOUND],
    ['private', 'DELETE /playlists/{id}/followers', 'owner -playlist-modify-public -playlist-modify-private', 403, SCOPE],
    ['private', 'DELETE /playlists/{id}/followers', 'app', 403, APP],
    ['public', 'GET /playlists/{id}/followers/contains', 'stranger', 200],
    ['public', 'GET /playlists/{id}/followers/contains', 'owner (no scopes)', 200],
    ['public', 'GET /playlists/{id}/followers/contains', 'app', 403, APP],
    ['private', 'GET /playlists/{id}/followers/contains', 'stranger', 404, NOT_FOUND],
    ['private', 'GET /playlists/{id}/followers/contains', 'owner -playlist-read-private', 403, SCOPE],
    ['private', 'GET /playlists/{id}/followers/contains', 'app', 403, APP],
  ];

  it.each(rows)('%s playlist: %s as %s → %i', async (...row: Row) => {
    // Rows without a reason are shorter: a rest parameter keeps Jest from taking the last one for `done`.
    const [visibility, endpoint, caller, status, reason] = row;
    const id = playlists[visibility];
    const before = await state(id);
    const [path, init] = requestFor(endpoint, id, await tokenFor(caller));
    const response = await t.request(path, init);
    expect({ status: response.status, body: response.body }).toMatchObject({ status });
    if (status >= 400) {
      expect(response.body).toEqual({ error: expect.objectContaining({ status, message: expect.any(String), reason }) });
      // Refused: nothing about the playlist changed, its items, details, cover and followers alike.
      expect(await state(id)).toEqual(before);
      return;
    }
    // Allowed reads return this playlist's data; allowed follows change only the caller's own follow.
    if (endpoint === 'GET /playlists/{id}') expect(response.body).toMatchObject({ id, items: { total: 4, items: before.items.map((i) => ({ item: { id: i } })) } });
    if (endpoint === 'GET /playlists/{id}/items' || endpoint === 'GET /playlists/{id}/tracks') expect(response.body.items.map((i: { track: { id: string } }) => i.track.id)).toEqual(before.items);
    if (endpoint === 'GET /playlists/{id}/images') expect(response.body).toEqual(before.images);
    if (endpoint === 'GET /playlists/{id}/followers/contains') expect(response.body).toEqual([caller !== 'stranger']);
    const after = await state(id);
    expect({ ...after, followers: 0, follows: [] }).toEqual({ ...before, followers: 0, follows: [] });
    if (endpoint === 'PUT /playlists/{id}/followers') expect(after.follows).toEqual([...before.follows, { user_id: 'grace', public: true }]);
    else expect(after.follows).toEqual(before.follows.filter((f) => f.user_id !== 'grace'));
  });

  // ---- Lists and creation: others see only public playlists; nothing is created for someone else. ----

  type ListRow = [path: string, caller: Caller, status: number, shows: ('public' | 'private')[], reason?: string];
  const listRows: ListRow[] = [
    ['/v1/me/playlists?limit=50', 'stranger', 200, []],
    ['/v1/me/playlists?limit=50', 'owner -playlist-read-private', 200, ['public']],
    ['/v1/me/playlists?limit=50', 'owner (no scopes)', 200, ['public']],
    ['/v1/me/playlists?limit=50', 'app', 403, [], APP],
    ['/v1/users/ada/playlists?limit=50', 'stranger', 200, ['public']],
    ['/v1/users/ada/playlists?limit=50', 'owner -playlist-read-private', 200, ['public']],
    ['/v1/users/ada/playlists?limit=50', 'app', 200, ['public']],
  ];

  it.each(listRows)('GET %s as %s → %i showing %j', async (...row: ListRow) => {
    const [path, caller, status, shows, reason] = row;
    const response = await t.request(path, { token: await tokenFor(caller) });
    expect(response.status).toBe(status);
    if (status >= 400) {
      expect(response.body.error).toMatchObject({ status, reason });
      return;
    }
    const ids = response.body.items.map((p: { id: string }) => p.id);
    expect(response.body.total).toBe(ids.length);
    for (const visibility of ['public', 'private'] as const) {
      if (shows.includes(visibility)) expect(ids).toContain(playlists[visibility]);
      else expect(ids).not.toContain(playlists[visibility]);
    }
    expect(response.body.items.every((p: { public: boolean; owner: { id: string } }) => p.public || p.owner.id === (caller === 'stranger' ? 'grace' : 'ada'))).toBe(true);
  });

  it('shows the owner both playlists with the read scope, as /me/playlists and as /users/ada/playlists', async () => {
    for (const path of ['/v1/me/playlists?limit=50', '/v1/users/ada/playlists?limit=50']) {
      const ids = (await t.request(path, { token: ada })).body.items.map((p: { id: string }) => p.id);
      expect(ids).toEqual(expect.arrayContaining([playlists.public, playlists.private]));
    }
  });

  type CreateRow = [path: string, body: object, caller: Caller, status: number, reason?: string];
  const createRows: CreateRow[] = [
    ['/v1/me/playlists', { name: 'Public' }, 'owner -playlist-modify-public', 403, SCOPE],
    ['/v1/me/playlists', { name: 'Private', public: false }, 'owner -playlist-modify-private', 403, SCOPE],
    ['/v1/me/playlists', { name: 'Together', public: false, collaborative: true }, 'owner -playlist-modify-public', 403, SCOPE],
    ['/v1/me/playlists', { name: 'Together', public: false, collaborative: true }, 'owner -playlist-modify-private', 403, SCOPE],
    ['/v1/me/playlists', { name: 'Public' }, 'app', 403, APP],
    ['/v1/users/ada/playlists', { name: 'For ada' }, 'stranger', 403, 'NOT_CURRENT_USER'],
    ['/v1/users/ada/playlists', { name: 'Public' }, 'owner -playlist-modify-public', 403, SCOPE],
    ['/v1/users/ada/playlists', { name: 'Private', public: false }, 'owner -playlist-modify-private', 403, SCOPE],
    ['/v1/users/ada/playlists', { name: 'For ada' }, 'app', 403, APP],
  ];

  it.each(createRows)('POST %s %j as %s → %i', async (...row: CreateRow) => {
    const [path, body, caller, status, reason] = row;
    const count = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM playlists`))[0].n;
    const before = await count();
    const response = await t.request(path, json('POST', body, await tokenFor(caller)));
    expect(response.status).toBe(status);
    expect(response.body.error).toMatchObject({ status, reason });
    expect(await count()).toBe(before);
  });

  it('creates a stranger’s playlist for the stranger, never for the user in the path', async () => {
    const created = await t.request('/v1/me/playlists', json('POST', { name: 'Grace’s own' }, grace));
    expect(created.status).toBe(201);
    expect(created.body.owner.id).toBe('grace');
    const adas = (await t.request('/v1/me/playlists?limit=50', { token: ada })).body.items.map((p: { id: string }) => p.id);
    expect(adas).not.toContain(created.body.id);
  });

  // ---- Collaborators, visibility changes, covers. ----

  it('lets a listener who follows a collaborative playlist read it and change its items, but not its details, until they unfollow', async () => {
    const id = await create({ name: 'Together', public: false, collaborative: true });
    await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: tracks.slice(0, 3).map(uri) }, ada));
    const collab = await t.token({ user: 'grace', scopes: ['playlist-read-collaborative', 'playlist-modify-private', 'ugc-image-upload'] });
    const publicOnly = await t.token({ user: 'grace', scopes: ['playlist-read-collaborative', 'playlist-modify-public'] });
    const readOnly = await t.token({ user: 'grace', scopes: ['playlist-read-collaborative'] });
    const noRead = await t.token({ user: 'grace', scopes: ['playlist-modify-private', 'playlist-modify-public'] });
    const items = async () => (await t.request(`/v1/playlists/${id}/items`, { token: ada })).body.items.map((i: { item: { id: string }; added_by: { id: string } }) => [i.item.id, i.added_by.id]);

    // Before following, it is not there for grace, whatever her scopes.
    expect((await t.request(`/v1/playlists/${id}`, { token: collab })).status).toBe(404);
    expect((await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: [uri(tracks[5])] }, collab))).status).toBe(404);
    expect((await t.request(`/v1/me/playlists?limit=50`, { token: collab })).body.items.map((p: { id: string }) => p.id)).not.toContain(id);

    // Following it by id makes her a collaborator: a private follow needs playlist-modify-private.
    const refused = await t.request(`/v1/playlists/${id}/followers`, json('PUT', { public: false }, readOnly));
    expect([refused.status, refused.body.error?.reason]).toEqual([403, SCOPE]);
    expect((await t.request(`/v1/playlists/${id}/followers`, json('PUT', { public: false }, collab))).status).toBe(200);
    expect((await t.request(`/v1/playlists/${id}/followers/contains?ids=grace`, { token: collab })).body).toEqual([true]);

    // Reading needs playlist-read-collaborative.
    const read = await t.request(`/v1/playlists/${id}`, { token: readOnly });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, collaborative: true, public: false, owner: { id: 'ada' } });
    expect((await t.request(`/v1/playlists/${id}`, { token: noRead })).status).toBe(403);
    const listed = (await t.request(`/v1/me/playlists?limit=50`, { token: readOnly })).body.items.map((p: { id: string }) => p.id);
    expect(listed).toContain(id);
    expect((await t.request(`/v1/me/playlists?limit=50`, { token: noRead })).body.items.map((p: { id: string }) => p.id)).not.toContain(id);

    // Adding, moving and removing items: with playlist-modify-private (the playlist is private), not -public.
    const wrongScope = await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: [uri(tracks[5])] }, publicOnly));
    expect([wrongScope.status, wrongScope.body.error?.reason]).toEqual([403, SCOPE]);
    expect((await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: [uri(tracks[5]), uri(tracks[6])], position: 1 }, collab))).status).toBe(201);
    expect(await items()).toEqual([[tracks[0], 'ada'], [tracks[5], 'grace'], [tracks[6], 'grace'], [tracks[1], 'ada'], [tracks[2], 'ada']]);
    expect((await t.request(`/v1/playlists/${id}/items`, json('PUT', { range_start: 4, insert_before: 0 }, collab))).status).toBe(200);
    expect((await t.request(`/v1/playlists/${id}/items`, json('DELETE', { items: [{ uri: uri(tracks[0]) }] }, collab))).status).toBe(200);
    expect(await items()).toEqual([[tracks[2], 'ada'], [tracks[5], 'grace'], [tracks[6], 'grace'], [tracks[1], 'ada']]);

    // Details and cover stay the owner's.
    const before = await state(id);
    const rename = await t.request(`/v1/playlists/${id}`, json('PUT', { name: 'Grace’s now' }, collab));
    expect([rename.status, rename.body.error?.reason]).toEqual([403, NOT_MEMBER]);
    const cover = await t.request(`/v1/playlists/${id}/images`, jpegUpload(jpeg.toString('base64'), collab));
    expect([cover.status, cover.body.error?.reason]).toEqual([403, NOT_MEMBER]);
    expect(await state(id)).toEqual(before);

    // Unfollowing ends it: 404 again, for reads and changes alike.
    expect((await t.request(`/v1/playlists/${id}/followers`, { method: 'DELETE', token: collab })).status).toBe(200);
    expect((await t.request(`/v1/playlists/${id}`, { token: collab })).status).toBe(404);
    expect((await t.request(`/v1/playlists/${id}/items`, { token: collab })).status).toBe(404);
    expect((await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: [uri(tracks[7])] }, collab))).status).toBe(404);
    expect((await t.request(`/v1/playlists/${id}/followers/contains`, { token: collab })).status).toBe(404);
    expect((await t.request(`/v1/me/playlists?limit=50`, { token: collab })).body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect(await state(id)).toEqual({ ...before, followers: 0, follows: [{ user_id: 'ada', public: false }] });
  });

  it('hides a public playlist from others once its owner makes it private', async () => {
    const id = await create({ name: 'Soon private' });
    await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: tracks.slice(0, 2).map(uri) }, ada));
    const app = await tokenFor('app');
    const listedFor = async (path: string, token: string) => (await t.request(path, { token })).body.items.map((p: { id: string }) => p.id);
    expect((await t.request(`/v1/playlists/${id}`, { token: grace })).status).toBe(200);
    expect((await t.request(`/v1/playlists/${id}/followers`, { method: 'PUT', token: grace })).status).toBe(200);
    expect(await listedFor('/v1/me/playlists?limit=50', grace)).toContain(id);
    expect(await listedFor('/v1/users/ada/playlists?limit=50', grace)).toContain(id);

    // Only the owner can flip it, and needs playlist-modify-private to make it private.
    const withoutPrivate = await tokenFor('owner -playlist-modify-private');
    expect((await t.request(`/v1/playlists/${id}`, json('PUT', { public: false }, withoutPrivate))).status).toBe(403);
    expect((await t.request(`/v1/playlists/${id}`, json('PUT', { public: false }, grace))).status).toBe(403);
    expect((await t.request(`/v1/playlists/${id}`, { token: grace })).status).toBe(200);
    expect((await t.request(`/v1/playlists/${id}`, json('PUT', { public: false }, ada))).status).toBe(200);

    for (const path of [`/v1/playlists/${id}`, `/v1/playlists/${id}/items`, `/v1/playlists/${id}/tracks`, `/v1/playlists/${id}/images`]) {
      expect([path, (await t.request(path, { token: grace })).status]).toEqual([path, 404]);
      expect([path, (await t.request(path, { token: app })).status]).toEqual([path, 404]);
    }
    expect((await t.request(`/v1/playlists/${id}/followers/contains`, { token: grace })).status).toBe(404);
    expect((await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: [uri(tracks[3])] }, grace))).status).toBe(404);
    expect(await listedFor('/v1/me/playlists?limit=50', grace)).not.toContain(id);
    expect(await listedFor('/v1/users/ada/playlists?limit=50', grace)).not.toContain(id);
    expect(await listedFor('/v1/users/ada/playlists?limit=50', app)).not.toContain(id);
    expect((await t.request(`/v1/playlists/${id}`, { token: ada })).body).toMatchObject({ public: false, items: { total: 2 } });
  });

  describe('cover upload', () => {
    let id: string;
    beforeAll(async () => {
      id = await create({ name: 'With a cover' });
    });
    const upload = (body: string, type = 'image/jpeg') => t.request(`/v1/playlists/${id}/images`, jpegUpload(body, ada, type));

    it('stores a valid JPEG and serves the same bytes at the image URL, without a token', async () => {
      const accepted = await upload(jpeg.toString('base64'));
      expect(accepted.status).toBe(202);
      const images = await t.request(`/v1/playlists/${id}/images`, { token: ada });
      expect(images.status).toBe(200);
      expect(images.body).toEqual([{ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/images\/playlist-covers\/[0-9a-f]{64}\.jpg$/), width: 64, height: 48 }]);
      expect((await t.request(`/v1/playlists/${id}`, { token: grace })).body.images).toEqual(images.body);
      const file = await fetch(images.body[0].url);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('image/jpeg');
      expect(Buffer.from(await file.arrayBuffer()).equals(jpeg)).toBe(true);

      // A new cover replaces it: still one image.
      const second = makeJpeg(32, 32);
      expect((await upload(second.toString('base64'))).status).toBe(202);
      const replaced = (await t.request(`/v1/playlists/${id}/images`, { token: ada })).body;
      expect(replaced).toEqual([{ url: expect.any(String), width: 32, height: 32 }]);
      expect(Buffer.from(await (await fetch(replaced[0].url)).arrayBuffer()).equals(second)).toBe(true);
      expect((await fetch(`${t.baseUrl}/images/playlist-covers/${'0'.repeat(64)}.jpg`)).status).toBe(404);
    });

    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const invalid: [string, () => string][] = [
      ['PNG bytes', () => png.toString('base64')],
      ['random bytes', () => randomBytes(2048).toString('base64')],
      ['random bytes after a JPEG marker', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2048)]).toString('base64')],
      ['a truncated JPEG', () => jpeg.subarray(0, Math.floor(jpeg.length / 2)).toString('base64')],
      ['a JPEG missing its last bytes', () => jpeg.subarray(0, jpeg.length - 2).toString('base64')],
      ['raw (not base64) JPEG bytes', () => jpeg.toString('latin1')],
      ['base64 with characters outside the alphabet', () => `${jpeg.toString('base64').slice(0, 40)}*${jpeg.toString('base64').slice(41)}`],
      ['an empty body', () => ''],
    ];

    it.each(invalid)('refuses %s with 400 and keeps the cover it had', async (...[, body]: [string, () => string]) => {
      const before = await state(id);
      expect(before.images).toHaveLength(1);
      const response = await upload(body());
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ status: 400, message: expect.any(String) });
      expect(await state(id)).toEqual(before);
    });

    it('refuses a body over 256 KB of base64 with 413', async () => {
      const before = await state(id);
      // Real JPEG text, padded past the limit: the size alone refuses it.
      const big = jpeg.toString('base64') + 'A'.repeat(256 * 1024 + 4 - jpeg.toString('base64').length);
      const response = await upload(big);
      expect(response.status).toBe(413);
      expect(response.body.error).toMatchObject({ status: 413 });
      expect(await state(id)).toEqual(before);
    });

    it.each(['text/plain', 'application/octet-stream', 'image/png', 'application/json'])('refuses the cover sent as %s with a 4xx', async (type) => {
      const before = await state(id);
      const body = type === 'application/json' ? JSON.stringify(jpeg.toString('base64')) : jpeg.toString('base64');
      const response = await upload(body, type);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body.error).toMatchObject({ status: response.status });
      expect(await state(id)).toEqual(before);
    });
  });
});

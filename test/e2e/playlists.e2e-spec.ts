import type { Scope } from '../../src/common/auth/scopes';
import { startTestApp, TestApp } from '../helpers/test-app';

// Playlists over HTTP: creation, items (add, move, replace, remove), snapshots, fields and limits.
describe('playlists (e2e)', () => {
  let t: TestApp;
  let tracks: string[];
  const ALL: Scope[] = ['playlist-read-private', 'playlist-read-collaborative', 'playlist-modify-public', 'playlist-modify-private', 'ugc-image-upload'];
  const uri = (id: string) => `backbeat:track:${id}`;
  const json = (method: string, body: unknown, token: string) => ({ method, token, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  let ada: string;

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 200 });
    tracks = (await t.dataSource.query(`SELECT id FROM tracks ORDER BY id LIMIT 120`)).map((r: { id: string }) => r.id);
    ada = await t.token({ user: 'ada', scopes: ALL });
  });
  afterAll(() => t?.close());

  async function create(body: object = { name: 'Mix' }, token = ada): Promise<string> {
    const created = await t.request('/v1/me/playlists', json('POST', body, token));
    expect(created.status).toBe(201);
    return created.body.id;
  }
  async function order(id: string, token = ada): Promise<string[]> {
    const page = await t.request(`/v1/playlists/${id}/items?limit=100`, { token });
    expect(page.status).toBe(200);
    return page.body.items.map((i: { item: { id: string } }) => i.item.id);
  }
  const move = (id: string, body: object) => t.request(`/v1/playlists/${id}/items`, json('PUT', body, ada));

  it('creates a playlist that the owner follows and sees in their list', async () => {
    const created = await t.request('/v1/me/playlists', json('POST', { name: 'Road trip', description: 'Long drives', public: false }, ada));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Road trip', description: 'Long drives', public: false, collaborative: false, type: 'playlist',
      owner: { id: 'ada', display_name: 'ada', type: 'user' }, followers: { href: null, total: 0 },
      items: { total: 0, items: [], limit: 100, offset: 0 }, images: [], snapshot_id: expect.any(String),
      uri: `backbeat:playlist:${created.body.id}`, href: `${t.baseUrl}/v1/playlists/${created.body.id}`,
    });
    const mine = await t.request('/v1/me/playlists', { token: ada });
    expect(mine.body.items.map((p: { id: string }) => p.id)).toContain(created.body.id);
    expect(mine.body.items[0]).toMatchObject({ items: { href: `${t.baseUrl}/v1/playlists/${created.body.id}/items`, total: 0 } });
    // Unfollowing one's own playlist takes it off the list; following again puts it back.
    const followers = `/v1/playlists/${created.body.id}/followers`;
    expect((await t.request(`${followers}/contains?ids=ada`, { token: ada })).body).toEqual([true]);
    expect((await t.request(followers, { method: 'DELETE', token: ada })).status).toBe(200);
    expect((await t.request(`${followers}/contains`, { token: ada })).body).toEqual([false]);
    expect((await t.request('/v1/me/playlists', { token: ada })).body.items.map((p: { id: string }) => p.id)).not.toContain(created.body.id);
    expect((await t.request(followers, json('PUT', { public: false }, ada))).status).toBe(200);
    expect((await t.request(`${followers}/contains`, { token: ada })).body).toEqual([true]);
    // The older path creates for the caller only.
    expect((await t.request('/v1/users/ada/playlists', json('POST', { name: 'Old client' }, ada))).status).toBe(201);
    expect((await t.request('/v1/users/grace/playlists', json('POST', { name: 'Not mine' }, ada))).status).toBe(403);
    expect((await t.request('/v1/me/playlists', json('POST', { name: '' }, ada))).status).toBe(400);
    expect((await t.request('/v1/me/playlists', json('POST', { name: 'x', public: true, collaborative: true }, ada))).status).toBe(400);
  });

  it('adds items at the end and at a position, each change returning a new snapshot id', async () => {
    const id = await create();
    const first = await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: tracks.slice(0, 3).map(uri) }, ada));
    expect(first.status).toBe(201);
    const second = await t.request(`/v1/playlists/${id}/items?uris=${uri(tracks[3])},spotify:track:${tracks[4]}&position=1`, { method: 'POST', token: ada });
    expect(second.status).toBe(201);
    expect(second.body.snapshot_id).not.toBe(first.body.snapshot_id);
    expect(await order(id)).toEqual([tracks[0], tracks[3], tracks[4], tracks[1], tracks[2]]);
    const page = await t.request(`/v1/playlists/${id}/items?limit=2&offset=1`, { token: ada });
    expect(page.body).toMatchObject({ total: 5, limit: 2, offset: 1, next: expect.stringContaining('offset=3'), previous: expect.stringContaining('offset=0') });
    expect(page.body.items[0]).toMatchObject({ added_at: expect.stringMatching(/^\d{4}-/), added_by: { id: 'ada' }, is_local: false, item: { id: tracks[3] }, track: { id: tracks[3] } });
    // Older path, same items.
    expect((await t.request(`/v1/playlists/${id}/tracks?limit=1`, { token: ada })).body.items[0].track.id).toBe(tracks[0]);
    expect((await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: [uri(tracks[5])], position: 6 }, ada))).status).toBe(400);
    expect((await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: ['backbeat:track:0000000000000000000000'] }, ada))).status).toBe(404);
    expect((await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: ['backbeat:album:0000000000000000000000'] }, ada))).status).toBe(400);
    expect((await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: Array(101).fill(uri(tracks[0])) }, ada))).status).toBe(400);
    expect(await order(id)).toHaveLength(5);
  });

  it('moves ranges forward, backward, to the end and to the start', async () => {
    const id = await create();
    const ten = tracks.slice(0, 10);
    await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: ten.map(uri) }, ada));
    const expected = [...ten];
    const apply = (start: number, length: number, before: number) => {
      const moved = expected.splice(start, length);
      // insert_before counts positions before the move; inside the range itself it changes nothing.
      expected.splice(before > start ? Math.max(before - length, start) : before, 0, ...moved);
    };
    for (const [start, length, before] of [[0, 2, 5], [7, 3, 1], [2, 1, 10], [9, 1, 0], [4, 6, 0], [0, 3, 10], [3, 2, 4], [3, 2, 5]]) {
      const moved = await move(id, { range_start: start, range_length: length, insert_before: before });
      expect(moved.status).toBe(200);
      apply(start, length, before);
      expect(await order(id)).toEqual(expected);
    }
  });

  it('refuses moves outside the playlist with 400 and leaves the items alone', async () => {
    const id = await create();
    await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: tracks.slice(0, 4).map(uri) }, ada));
    for (const body of [
      { range_start: 4, insert_before: 0 },
      { range_start: 2, range_length: 3, insert_before: 0 },
      { range_start: 0, insert_before: 5 },
      { range_start: -1, insert_before: 0 },
      { range_start: 0, range_length: 0, insert_before: 2 },
      { range_start: 0 },
      { insert_before: 1 },
      { range_start: 'a', insert_before: 1 },
      { uris: [uri(tracks[0])], range_start: 0, insert_before: 2 },
    ]) {
      const response = await move(id, body);
      expect([response.status, body]).toEqual([400, body]);
      expect(response.body.error).toMatchObject({ status: 400, message: expect.any(String) });
    }
    expect(await order(id)).toEqual(tracks.slice(0, 4));
  });

  it('applies a move against the current snapshot and refuses one against a stale snapshot', async () => {
    const id = await create();
    const added = await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: tracks.slice(0, 4).map(uri) }, ada));
    const current = await move(id, { range_start: 0, insert_before: 4, snapshot_id: added.body.snapshot_id });
    expect(current.status).toBe(200);
    const stale = await move(id, { range_start: 0, insert_before: 4, snapshot_id: added.body.snapshot_id });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ status: 409, reason: 'SNAPSHOT_MISMATCH' });
    expect(await order(id)).toEqual([tracks[1], tracks[2], tracks[3], tracks[0]]);
    expect((await move(id, { range_start: 0, insert_before: 4, snapshot_id: 'bm90LWEtc25hcHNob3Q' })).status).toBe(400);
  });

  it('replaces and removes items by URI and by position', async () => {
    const id = await create();
    const replaced = await t.request(`/v1/playlists/${id}/items`, json('PUT', { uris: [tracks[0], tracks[1], tracks[0], tracks[2], tracks[0]].map(uri) }, ada));
    expect(replaced.status).toBe(200);
    const remove = (body: object) => t.request(`/v1/playlists/${id}/items`, json('DELETE', body, ada));
    // By position: index 2 holds tracks[0].
    const one = await remove({ items: [{ uri: uri(tracks[0]), positions: [2] }], snapshot_id: replaced.body.snapshot_id });
    expect(one.status).toBe(200);
    expect(await order(id)).toEqual([tracks[0], tracks[1], tracks[2], tracks[0]]);
    // A position that does not hold the track: 409 against a stale snapshot, 400 otherwise; nothing removed.
    expect((await remove({ items: [{ uri: uri(tracks[0]), positions: [1] }], snapshot_id: replaced.body.snapshot_id })).status).toBe(409);
    expect((await remove({ items: [{ uri: uri(tracks[0]), positions: [1] }] })).status).toBe(400);
    expect((await remove({ items: [{ uri: uri(tracks[0]), positions: [9] }] })).status).toBe(400);
    // By URI: every occurrence, through the older path and field name.
    const all = await t.request(`/v1/playlists/${id}/tracks`, json('DELETE', { tracks: [{ uri: uri(tracks[0]) }] }, ada));
    expect(all.status).toBe(200);
    expect(await order(id)).toEqual([tracks[1], tracks[2]]);
    expect((await remove({})).status).toBe(400);
    // Replacing with nothing clears it.
    expect((await t.request(`/v1/playlists/${id}/items`, json('PUT', { uris: [] }, ada))).status).toBe(200);
    expect(await order(id)).toEqual([]);
  });

  it('changes details, filters fields, and keeps at most 10,000 items', async () => {
    const id = await create();
    expect((await t.request(`/v1/playlists/${id}`, json('PUT', { name: 'Renamed', description: 'New words' }, ada))).status).toBe(200);
    // Going private and public again takes it off and puts it back on the owner's public profile.
    const grace = await t.token({ user: 'grace' });
    const onProfile = async () => (await t.request('/v1/users/ada/playlists?limit=50', { token: grace })).body.items.some((p: { id: string }) => p.id === id);
    expect(await onProfile()).toBe(true);
    expect((await t.request(`/v1/playlists/${id}`, json('PUT', { public: false }, ada))).status).toBe(200);
    expect(await onProfile()).toBe(false);
    expect((await t.request(`/v1/playlists/${id}`, json('PUT', { public: true }, ada))).status).toBe(200);
    expect(await onProfile()).toBe(true);
    expect((await t.request(`/v1/playlists/${id}`, { token: grace })).body).toMatchObject({ name: 'Renamed', description: 'New words', public: true });
    await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: tracks.slice(0, 2).map(uri) }, ada));
    const filtered = await t.request(`/v1/playlists/${id}?fields=name,owner.id,items.items(added_by.id,item(name,album(name)))`, { token: ada });
    expect(filtered.status).toBe(200);
    expect(Object.keys(filtered.body).sort()).toEqual(['items', 'name', 'owner']);
    expect(filtered.body.owner).toEqual({ id: 'ada' });
    expect(filtered.body.items.items[0]).toEqual({ added_by: { id: 'ada' }, item: { name: expect.any(String), album: { name: expect.any(String) } } });
    expect((await t.request(`/v1/playlists/${id}?fields=items(`, { token: ada })).status).toBe(400);
    expect((await t.request(`/v1/playlists/${id}/items?fields=total`, { token: ada })).body).toEqual({ total: 2 });

    // Fill to the limit directly, then one more through the API is refused.
    await t.dataSource.query(
      `INSERT INTO playlist_items (playlist_id, position, track_id, added_at)
       SELECT $1, 'b' || lpad(g::text, 6, '0'), $2, now() FROM generate_series(1, 9998) g`,
      [id, tracks[0]],
    );
    await t.dataSource.query(`UPDATE playlists SET item_count = 10000 WHERE id = $1`, [id]);
    const full = await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: [uri(tracks[3])] }, ada));
    expect(full.status).toBe(400);
    expect(full.body.error.reason).toBe('PLAYLIST_FULL');
    expect((await t.request(`/v1/playlists/${id}/items?offset=9999&limit=5`, { token: ada })).body.items).toHaveLength(1);
  });

  it('finds public playlists by words of their name or description with type=playlist', async () => {
    await create({ name: 'Zebra Sunrise Run', description: 'tempo for mornings' });
    await create({ name: 'Zebra Secrets', public: false });
    const found = await t.request('/v1/search?q=zebra%20morn&type=playlist', { token: ada });
    expect(found.status).toBe(200);
    expect(found.body.playlists).toMatchObject({ total: 1, items: [{ name: 'Zebra Sunrise Run', type: 'playlist', items: { total: 0 } }] });
    const all = await t.request('/v1/search?q=zebra&type=playlist,track', { token: await t.token() });
    expect(all.body.playlists.items.map((p: { name: string }) => p.name)).toEqual(['Zebra Sunrise Run']);
  });
});

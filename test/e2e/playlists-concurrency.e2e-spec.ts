import type { Scope } from '../../src/common/auth/scopes';
import { snapshotVersion } from '../../src/playlists/snapshot-id';
import { HttpResult, startTestApp, TestApp } from '../helpers/test-app';

// Many clients writing one playlist at once: every change is applied whole, in some order, with
// no item lost or duplicated, and readers in the middle of it see consistent pages.
describe('playlists under concurrent writers (e2e)', () => {
  let t: TestApp;
  let tracks: string[];
  const ALL: Scope[] = ['playlist-read-private', 'playlist-read-collaborative', 'playlist-modify-public', 'playlist-modify-private'];
  const uri = (id: string) => `backbeat:track:${id}`;
  const json = (method: string, body: unknown, token: string) => ({ method, token, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  let ada: string;

  /** A small seeded generator, so a failure can be replayed. */
  function random(seed: number): (n: number) => number {
    let s = seed >>> 0;
    return (n) => {
      s = (s + 0x6d2b79f5) >>> 0;
      let x = Math.imul(s ^ (s >>> 15), 1 | s);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * n);
    };
  }
  function shuffled<T>(list: T[], next: (n: number) => number): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = next(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 200 });
    tracks = (await t.dataSource.query(`SELECT id FROM tracks ORDER BY id LIMIT 200`)).map((r: { id: string }) => r.id);
    expect(tracks).toHaveLength(200);
    ada = await t.token({ user: 'ada', scopes: ALL });
  });
  afterAll(() => t?.close());

  async function create(body: object = { name: 'Busy' }): Promise<string> {
    const created = await t.request('/v1/me/playlists', json('POST', body, ada));
    expect(created.status).toBe(201);
    return created.body.id;
  }
  async function fill(id: string, trackIds: string[]): Promise<string> {
    let snapshot = '';
    for (let i = 0; i < trackIds.length; i += 100) {
      const added = await t.request(`/v1/playlists/${id}/items`, json('POST', { uris: trackIds.slice(i, i + 100).map(uri) }, ada));
      expect(added.status).toBe(201);
      snapshot = added.body.snapshot_id;
    }
    return snapshot;
  }
  /** The items as stored, in order. */
  async function stored(id: string): Promise<{ track_id: string; added_by: string; position: string }[]> {
    return t.dataSource.query(`SELECT track_id, added_by, position FROM playlist_items WHERE playlist_id = $1 ORDER BY position`, [id]);
  }
  /** Item counts agree (stored count, the denormalized count, the API's total) and positions are distinct. */
  async function expectConsistent(id: string, expectedCount: number): Promise<void> {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM playlist_items WHERE playlist_id = $1) AS items,
              (SELECT count(DISTINCT position)::int FROM playlist_items WHERE playlist_id = $1) AS positions,
              (SELECT item_count FROM playlists WHERE id = $1) AS item_count`,
      [id],
    );
    expect(row).toEqual({ items: expectedCount, positions: expectedCount, item_count: expectedCount });
    const page = await t.request(`/v1/playlists/${id}/items?limit=1`, { token: ada });
    expect(page.body.total).toBe(expectedCount);
  }
  const version = (id: string, response: HttpResult) => snapshotVersion(id, response.body.snapshot_id);
  /** A move as the API defines it: indexes count before the move; in front of itself it changes nothing. */
  function applyMove(list: string[], start: number, length: number, before: number): void {
    const moved = list.splice(start, length);
    list.splice(before > start ? Math.max(before - length, start) : before, 0, ...moved);
  }

  it('keeps all 1,000 items when 20 clients each add 50 at once, each client’s in the order sent', async () => {
    // The clients are 20 listeners collaborating on one playlist, so each item says who added it.
    const id = await create({ name: 'Party', public: false, collaborative: true });
    const next = random(1);
    const clients = await Promise.all(
      Array.from({ length: 20 }, async (_, n) => {
        const user = `client${String(n).padStart(2, '0')}`;
        const token = await t.token({ user, scopes: ['playlist-read-collaborative', 'playlist-modify-private'] });
        expect((await t.request(`/v1/playlists/${id}/followers`, json('PUT', { public: false }, token))).status).toBe(200);
        return { user, token, sent: [] as string[] };
      }),
    );
    for (const client of clients) client.sent = shuffled(tracks, next).slice(0, 50);

    const responses = await Promise.all(clients.map((c) => t.request(`/v1/playlists/${id}/items`, json('POST', { uris: c.sent.map(uri) }, c.token))));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    // Each add was one step: 20 distinct snapshots, one version each.
    const versions = responses.map((r) => version(id, r)).sort((a, b) => a - b);
    expect(new Set(versions).size).toBe(20);
    expect(versions[19] - versions[0]).toBe(19);

    await expectConsistent(id, 1000);
    const items = await stored(id);
    for (const client of clients) {
      expect([client.user, items.filter((i) => i.added_by === client.user).map((i) => i.track_id)]).toEqual([client.user, client.sent]);
    }
    // Appends under the playlist's lock: each request's items sit together, in the order the requests were applied.
    const byVersion = clients.map((c, n) => ({ ...c, version: version(id, responses[n]) })).sort((a, b) => a.version - b.version);
    expect(items.map((i) => i.track_id)).toEqual(byVersion.flatMap((c) => c.sent));
    const page = await t.request(`/v1/playlists/${id}/items?offset=950&limit=100`, { token: ada });
    expect(page.body).toMatchObject({ total: 1000, offset: 950 });
    expect(page.body.items.map((i: { track: { id: string } }) => i.track.id)).toEqual(items.slice(950).map((i) => i.track_id));
  });

  it('applies 20 concurrent moves and a few concurrent adds whole, as if one after another', async () => {
    const id = await create();
    const original = Array.from({ length: 200 }, (_, i) => tracks[(i * 7) % 150]); // some tracks twice
    await fill(id, original);
    const next = random(2);
    type Op = { kind: 'move'; start: number; length: number; before: number } | { kind: 'add'; position: number; ids: string[] };
    const ops: Op[] = [];
    for (let i = 0; i < 20; i++) {
      const start = next(200);
      const length = 1 + next(Math.min(10, 200 - start));
      ops.push({ kind: 'move', start, length, before: next(201) });
      if (i % 4 === 0) ops.push({ kind: 'add', position: next(201), ids: [tracks[150 + next(50)], tracks[150 + next(50)]] });
    }

    const responses = await Promise.all(
      ops.map((op) =>
        op.kind === 'move'
          ? t.request(`/v1/playlists/${id}/items`, json('PUT', { range_start: op.start, range_length: op.length, insert_before: op.before }, ada))
          : t.request(`/v1/playlists/${id}/items`, json('POST', { uris: op.ids.map(uri), position: op.position }, ada)),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(ops.map((op) => (op.kind === 'move' ? 200 : 201)));

    const added = ops.flatMap((op) => (op.kind === 'add' ? op.ids : []));
    await expectConsistent(id, 200 + added.length);
    const actual = (await stored(id)).map((i) => i.track_id);
    expect([...actual].sort()).toEqual([...original, ...added].sort());
    // Replayed in the order their snapshots say they were applied, the operations give exactly these items.
    const model = [...original];
    for (const n of ops.map((_, n) => n).sort((a, b) => version(id, responses[a]) - version(id, responses[b]))) {
      const op = ops[n];
      if (op.kind === 'move') applyMove(model, op.start, op.length, op.before);
      else model.splice(op.position, 0, ...op.ids);
    }
    expect(actual).toEqual(model);
  });

  it('lets exactly one of several moves naming the same snapshot through; the rest get 409', async () => {
    const id = await create();
    const original = tracks.slice(0, 30);
    const snapshot = await fill(id, original);
    const moves = Array.from({ length: 10 }, (_, n) => ({ range_start: n, range_length: 2, insert_before: 20 + n }));
    const responses = await Promise.all(moves.map((m) => t.request(`/v1/playlists/${id}/items`, json('PUT', { ...m, snapshot_id: snapshot }, ada))));

    expect(responses.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expect(refused.body).toEqual({ error: expect.objectContaining({ status: 409, reason: 'SNAPSHOT_MISMATCH', message: expect.any(String) }) });
    }
    const winner = responses.findIndex((r) => r.status === 200);
    expect(version(id, responses[winner])).toBe(snapshotVersion(id, snapshot) + 1);
    const expected = [...original];
    applyMove(expected, moves[winner].range_start, moves[winner].range_length, moves[winner].insert_before);
    expect((await stored(id)).map((i) => i.track_id)).toEqual(expected);
    const playlist = await t.request(`/v1/playlists/${id}`, { token: ada });
    expect(playlist.body.snapshot_id).toBe(responses[winner].body.snapshot_id);
    await expectConsistent(id, 30);
  });

  it('never shows a reader an error or a total that disagrees with the items, while others write', async () => {
    const id = await create();
    await fill(id, tracks.slice(0, 20));
    const next = random(3);
    let writing = true;
    const problems: unknown[] = [];
    let reads = 0;

    /**
     * Four writers, six changes each: adds (tracks 100-139), moves, removals (of added tracks and
     * originals) and replacements (25 to 39 of tracks 60-99). The playlist keeps at least 8 items,
     * so every move is in range, and stays under 100, so one page of 100 holds all of it.
     */
    const writer = async (w: number) => {
      for (let step = 0; step < 6; step++) {
        const kind = (w + step) % 4;
        const path = `/v1/playlists/${id}/items`;
        let response: HttpResult;
        if (kind === 0) response = await t.request(path, json('POST', { uris: [uri(tracks[100 + next(40)]), uri(tracks[100 + next(40)])] }, ada));
        else if (kind === 1) response = await t.request(path, json('PUT', { range_start: next(3), range_length: 2, insert_before: 5 + next(3) }, ada));
        else if (kind === 2) response = await t.request(path, json('DELETE', { items: [{ uri: uri(tracks[100 + next(40)]) }, { uri: uri(tracks[next(20)]) }] }, ada));
        else response = await t.request(path, json('PUT', { uris: shuffled(tracks.slice(60, 100), next).slice(0, 25 + next(15)).map(uri) }, ada));
        expect([w, step, response.status]).toEqual([w, step, kind === 0 ? 201 : 200]);
      }
    };
    /** Readers keep reading until the writers are done: whole playlist, items and the older path. */
    const app = await t.token({ scopes: [] });
    const reader = async (r: number) => {
      while (writing) {
        for (const path of [`/v1/playlists/${id}`, `/v1/playlists/${id}/items?limit=100`, `/v1/playlists/${id}/tracks?limit=100`]) {
          const response = await t.request(path, { token: r % 2 ? ada : app });
          reads++;
          const page = path.includes('/items') || path.includes('/tracks') ? response.body : response.body?.items;
          if (response.status !== 200 || page?.total !== page?.items?.length || page.items.some((i: { track: unknown }) => !i.track)) {
            problems.push({ path, status: response.status, total: page?.total, returned: page?.items?.length, error: response.body?.error });
          }
        }
      }
    };
    const readers = Array.from({ length: 4 }, (_, r) => reader(r));
    try {
      await Promise.all(Array.from({ length: 4 }, (_, w) => writer(w)));
    } finally {
      writing = false;
    }
    await Promise.all(readers);
    expect(reads).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    const final = await t.request(`/v1/playlists/${id}/items?limit=100`, { token: ada });
    await expectConsistent(id, final.body.items.length);
  });
});

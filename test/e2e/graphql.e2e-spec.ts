import { createHash } from 'node:crypto';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { createClient } from 'graphql-ws';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Scope } from '../../src/common/auth/scopes';
import { SqlRunner } from '../../src/database/sql-runner';
import { SimulatedDevice } from '../../src/player/device-client/simulated-device';
import { startTestApp, TestApp } from '../helpers/test-app';

const READ: Scope[] = ['playlist-read-private', 'user-library-read', 'user-read-playback-state'];
const WRITE: Scope[] = [...READ, 'playlist-modify-public', 'playlist-modify-private', 'user-library-modify', 'user-modify-playback-state', 'streaming'];

interface GqlResult<T = any> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; path?: string[]; extensions: { code: string; reason?: string; [key: string]: unknown } }[];
  extensions?: Record<string, any>;
}

describe('GraphQL over HTTP and graphql-ws (e2e)', () => {
  let t: TestApp;
  let tracks: { id: string; name: string; album_id: string }[];
  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 300, env: { GRAPHQL_MAX_COST: '200' } });
    tracks = await t.dataSource.query(`SELECT id, name, album_id FROM tracks ORDER BY id LIMIT 120`);
  });
  afterAll(() => t?.close());

  async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string, extensions?: Record<string, unknown>): Promise<GqlResult<T>> {
    const response = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables, extensions }),
    });
    return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
  }

  const uri = (id: string) => `backbeat:track:${id}`;

  it('serves the catalog with the same values as REST, and reports the cost', async () => {
    const token = await t.token();
    const id = tracks[0].id;
    const result = await gql(
      `query($id: ID!) { track(id: $id) { id name durationMs popularity album { id name artists { id } genres } artists { id name followers } audioFeatures { tempo } } }`,
      { id },
      token,
    );
    const rest = await t.request(`/v1/tracks/${id}`, { token });
    expect(result.errors).toBeUndefined();
    expect(result.data.track).toMatchObject({ id, name: rest.body.name, durationMs: rest.body.duration_ms, popularity: rest.body.popularity, album: { id: rest.body.album.id, name: rest.body.album.name } });
    expect(result.data.track.artists.map((a: { id: string }) => a.id)).toEqual(rest.body.artists.map((a: { id: string }) => a.id));
    expect(typeof result.data.track.audioFeatures.tempo).toBe('number');
    expect(result.extensions?.cost).toMatchObject({ requestedQueryCost: 1, maximumAvailable: 200 });
  });

  it('gives an album’s tracks their album and popularity, loaded in one batch', async () => {
    const token = await t.token();
    const albumId = tracks[0].album_id;
    const result = await gql(`query($id: ID!) { album(id: $id) { id tracks(first: 5) { totalCount nodes { id popularity album { id } } } } }`, { id: albumId }, token);
    expect(result.errors).toBeUndefined();
    expect(result.data.album.tracks.nodes.length).toBeGreaterThan(0);
    for (const node of result.data.album.tracks.nodes) {
      expect(node.album).toEqual({ id: albumId });
      expect(typeof node.popularity).toBe('number');
    }
  });

  it('pages search results with cursors, forward and backward', async () => {
    const token = await t.token();
    // The commonest word of the seeded track names, so that there are several pages.
    const [{ word }] = await t.dataSource.query(
      `SELECT word FROM (SELECT regexp_split_to_table(lower(name), '[^a-z]+') AS word FROM tracks) w WHERE length(word) > 3 GROUP BY word ORDER BY count(*) DESC, word LIMIT 1`,
    );
    const page = `query($q: String!, $after: String, $before: String, $first: Int, $last: Int) { search(query: $q, types: [TRACK], first: $first, after: $after, last: $last, before: $before) { tracks { totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor } nodes { id } } } }`;
    const one = await gql(page, { q: word, first: 3 }, token);
    expect(one.errors).toBeUndefined();
    expect(one.data.search.tracks.totalCount).toBeGreaterThan(6);
    const two = await gql(page, { q: word, first: 3, after: one.data.search.tracks.pageInfo.endCursor }, token);
    const back = await gql(page, { q: word, last: 3, before: two.data.search.tracks.pageInfo.startCursor }, token);
    const rest = await t.request(`/v1/search?q=${word}&type=track&limit=6`, { token });
    const ids = rest.body.tracks.items.map((x: { id: string }) => x.id);
    expect(one.data.search.tracks.nodes.map((x: { id: string }) => x.id)).toEqual(ids.slice(0, 3));
    expect(two.data.search.tracks.nodes.map((x: { id: string }) => x.id)).toEqual(ids.slice(3, 6));
    expect(back.data.search.tracks.nodes).toEqual(one.data.search.tracks.nodes);
    expect(two.data.search.tracks.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(one.data.search.tracks.totalCount).toBe(rest.body.tracks.total);
  });

  it('creates, fills and reorders a playlist, refusing a move against a stale snapshot', async () => {
    const token = await t.token({ user: 'ada', scopes: WRITE });
    const created = await gql(`mutation { createPlaylist(input: { name: "Run", public: false }) { id name public snapshotId owner { id } } }`, {}, token);
    expect(created.errors).toBeUndefined();
    const id = created.data.createPlaylist.id;
    expect(created.data.createPlaylist).toMatchObject({ name: 'Run', public: false, owner: { id: 'ada' } });
    const added = await gql(`mutation($id: ID!, $uris: [String!]!) { addItemsToPlaylist(playlistId: $id, uris: $uris) { snapshotId playlist { id } } }`, { id, uris: tracks.slice(0, 4).map((x) => uri(x.id)) }, token);
    expect(added.errors).toBeUndefined();
    const snapshot = added.data.addItemsToPlaylist.snapshotId;
    const moved = await gql(`mutation($id: ID!, $s: String) { reorderPlaylistItems(playlistId: $id, rangeStart: 0, insertBefore: 4, snapshotId: $s) { snapshotId } }`, { id, s: snapshot }, token);
    expect(moved.errors).toBeUndefined();
    const stale = await gql(`mutation($id: ID!, $s: String) { reorderPlaylistItems(playlistId: $id, rangeStart: 0, insertBefore: 2, snapshotId: $s) { snapshotId } }`, { id, s: snapshot }, token);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SNAPSHOT_MISMATCH' });
    const items = await gql(`query($id: ID!) { playlist(id: $id) { items(first: 10) { totalCount nodes { track { id } } } } }`, { id }, token);
    const rest = await t.request(`/v1/playlists/${id}/items`, { token });
    expect(items.data.playlist.items.nodes.map((n: { track: { id: string } }) => n.track.id)).toEqual(rest.body.items.map((i: { track: { id: string } }) => i.track.id));
    expect(items.data.playlist.items.nodes.map((n: { track: { id: string } }) => n.track.id)).toEqual([tracks[1], tracks[2], tracks[3], tracks[0]].map((x) => x.id));
    // Private: another listener gets NOT_FOUND, as in REST.
    const other = await gql(`query($id: ID!) { playlist(id: $id) { name } }`, { id }, await t.token({ user: 'bob', scopes: READ }));
    expect(other.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('saves to the library and reads it back through me', async () => {
    const token = await t.token({ user: 'ada', scopes: WRITE });
    const saved = await gql(`mutation($uris: [String!]!) { saveToLibrary(uris: $uris) }`, { uris: [uri(tracks[5].id)] }, token);
    expect(saved.data).toEqual({ saveToLibrary: true });
    const me = await gql(`{ me { id savedTracks(first: 5) { totalCount nodes { track { id } } } } }`, {}, token);
    expect(me.data.me).toEqual({ id: 'ada', savedTracks: { totalCount: 1, nodes: [{ track: { id: tracks[5].id } }] } });
  });

  it('refuses without a token, with a bad one, without a scope, and app tokens for me', async () => {
    const anonymous = await gql(`{ track(id: "${tracks[0].id}") { id } }`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const bad = await gql(`{ track(id: "${tracks[0].id}") { id } }`, {}, 'not-a-real-token-at-all-000000000');
    expect(bad.status).toBe(401);
    const noScope = await gql(`{ me { id savedTracks(first: 1) { totalCount } } }`, {}, await t.token({ user: 'ada', scopes: [] }));
    expect(noScope.errors?.[0]).toMatchObject({ path: ['me', 'savedTracks'], extensions: { code: 'FORBIDDEN', reason: 'INSUFFICIENT_SCOPE' } });
    const app = await gql(`{ me { id } }`, {}, await t.token());
    expect(app.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'USER_TOKEN_REQUIRED' });
    const mutation = await gql(`mutation { createPlaylist(input: { name: "x" }) { id } }`, {}, await t.token({ user: 'ada', scopes: [] }));
    expect(mutation.errors?.[0].extensions.code).toBe('FORBIDDEN');
    // Introspection needs no token.
    const schema = await gql(`{ __schema { queryType { name } } }`);
    expect(schema.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('maps bad input to BAD_USER_INPUT and never leaks a stack', async () => {
    const token = await t.token();
    const badId = await gql(`{ track(id: "nope") { id } }`, {}, token);
    expect(badId.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
    const unknown = await gql(`{ track(id: "0000000000000000000000") { id } }`, {}, token);
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const syntax = await gql(`{ track(`, {}, token);
    expect(syntax.status).toBe(400);
    expect(JSON.stringify(syntax)).not.toMatch(/stacktrace|at .*\.js/);
  });

  it('requires first or last up to 50, and refuses operations over the cost limit', async () => {
    const token = await t.token({ user: 'ada', scopes: READ });
    const missing = await gql(`{ newReleases { totalCount } }`, {}, token);
    expect(missing.status).toBe(400);
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_REQUIRED' });
    const tooMany = await gql(`{ newReleases(first: 51) { totalCount } }`, {}, token);
    expect(tooMany.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    // 1 + 50 × (1 + 50 × 0) = 51 + the root: under 200. 1 + 50 × (1 + 50 × (1 + …)) is not.
    const nested = `{ me { playlists(first: 50) { nodes { items(first: 50) { nodes { track { artists { topTracks { id } } } } } } } } }`;
    const costly = await gql(nested, {}, token);
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0].extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED' });
    expect(costly.data).toBeUndefined();
    const fine = await gql(`{ me { playlists(first: 50) { nodes { items(first: 50) { nodes { track { name } } } } } } }`, {}, token);
    expect(fine.errors).toBeUndefined();
    expect(fine.extensions?.cost.requestedQueryCost).toBe(52);
    // A fetch per artist is counted per id asked for.
    const ids = tracks.slice(0, 10).map((x) => x.id);
    const several = await gql(`query($ids: [ID!]!) { severalTracks(ids: $ids) { artists { topTracks { id } } } }`, { ids }, token);
    expect(several.extensions?.cost.requestedQueryCost).toBe(1 + 10 * 3 * 1);
  });

  it('refuses a subscription over HTTP, pointing at the WebSocket endpoint', async () => {
    const result = await gql(`subscription { playerStateChanged { reason } }`, {}, await t.token({ user: 'ada', scopes: READ }));
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SUBSCRIPTION_OVER_HTTP' });
  });

  it('limits depth and aliases', async () => {
    const token = await t.token();
    let deep = 'id';
    for (let i = 0; i < 8; i++) deep = `album { tracks(first: 1) { nodes { ${deep} } } }`;
    const tooDeep = await gql(`{ track(id: "${tracks[0].id}") { ${deep} } }`, {}, token);
    expect(tooDeep.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const aliases = Array.from({ length: 25 }, (_, i) => `a${i}: track(id: "${tracks[0].id}") { id }`).join(' ');
    const tooMany = await gql(`{ ${aliases} }`, {}, token);
    expect(tooMany.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('runs an automatic persisted query: unknown hash, then registered, then by hash alone', async () => {
    const token = await t.token();
    const query = `query($id: ID!) { track(id: $id) { name } }`;
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const post = (body: object) =>
      fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<GqlResult>);
    const unknown = await post({ variables: { id: tracks[0].id }, extensions: { persistedQuery } });
    expect(unknown.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post({ query, variables: { id: tracks[0].id }, extensions: { persistedQuery } });
    expect(registered.data).toEqual({ track: { name: tracks[0].name } });
    const byHash = await post({ variables: { id: tracks[1].id }, extensions: { persistedQuery } });
    expect(byHash.data).toEqual({ track: { name: tracks[1].name } });
  });

  it('loads 50 playlist items with track, album and artists in as many SQL queries as 5', async () => {
    const token = await t.token({ user: 'cleo', scopes: WRITE });
    const make = async (from: number, count: number) => {
      const created = await gql(`mutation { createPlaylist(input: { name: "N+1" }) { id } }`, {}, token);
      const id = created.data.createPlaylist.id;
      await gql(`mutation($id: ID!, $uris: [String!]!) { addItemsToPlaylist(playlistId: $id, uris: $uris) { snapshotId } }`, { id, uris: tracks.slice(from, from + count).map((x) => uri(x.id)) }, token);
      return id;
    };
    const [small, large] = [await make(10, 5), await make(60, 50)];
    const query = `query($id: ID!) { playlist(id: $id) { items(first: 50) { nodes { track { name album { name genres label artists { name } } artists { name genres } } } } } }`;
    const sql = t.app.get(SqlRunner);
    const count = async (id: string) => {
      const spy = jest.spyOn(sql, 'query');
      const result = await gql(query, { id }, token);
      const queries = spy.mock.calls.length;
      spy.mockRestore();
      expect(result.errors).toBeUndefined();
      return { queries, items: result.data.playlist.items.nodes.length };
    };
    const five = await count(small);
    const fifty = await count(large);
    expect(five.items).toBe(5);
    expect(fifty.items).toBe(50);
    expect(fifty.queries).toBe(five.queries);
    expect(fifty.queries).toBeLessThanOrEqual(8);
  });

  // Subscriptions, over graphql-ws.
  const client = (token: string | null) =>
    createClient({ url: `${t.baseUrl.replace('http', 'ws')}/graphql/subscriptions`, webSocketImpl: WebSocket, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, retryAttempts: 0, lazy: true });

  it('sends playerStateChanged at once and after a change made through REST', async () => {
    const token = await t.token({ user: 'ada', scopes: WRITE });
    const ws = client(token);
    const events: { reason: string; state: { isPlaying: boolean; item: { id: string } | null } | null }[] = [];
    const waitFor = async (test: (e: (typeof events)[number]) => boolean) => {
      for (let i = 0; i < 200; i++) {
        const found = events.find(test);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`no such event among ${JSON.stringify(events)}`);
    };
    const stop = ws.subscribe<{ playerStateChanged: (typeof events)[number] }>(
      { query: `subscription { playerStateChanged { reason state { isPlaying item { id } } } }` },
      { next: (message) => events.push(message.data!.playerStateChanged), error: (error) => events.push({ reason: `error ${JSON.stringify(error)}`, state: null }), complete: () => undefined },
    );
    expect(await waitFor((e) => e.reason === 'subscribed')).toEqual({ reason: 'subscribed', state: null });
    const speaker = new SimulatedDevice({ baseUrl: t.baseUrl, token, name: 'Speaker', type: 'Speaker', clientDeviceId: 'speaker-gql' });
    await speaker.connect();
    const [track] = await t.dataSource.query(`SELECT id FROM tracks ORDER BY id LIMIT 1`);
    const play = await t.request(`/v1/me/player/play?device_id=${speaker.deviceId}`, { method: 'PUT', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uris: [`backbeat:track:${track.id}`] }) });
    expect(play.status).toBe(204);
    expect((await waitFor((e) => e.state?.isPlaying === true)).state?.item).toEqual({ id: track.id });
    stop();
    await ws.dispose();
    await speaker.close();
  });

  it('refuses a connection without a valid token, and a subscription without its scope', async () => {
    const refused = client(null);
    const outcome = await new Promise<string>((resolve) => {
      refused.subscribe({ query: `subscription { playerStateChanged { reason } }` }, { next: () => resolve('next'), error: (e) => resolve(`error ${String((e as { code?: number }).code ?? e)}`), complete: () => resolve('complete') });
    });
    expect(outcome).toBe('error 4403');
    await refused.dispose();

    const noScope = client(await t.token({ user: 'ada', scopes: [] }));
    const errors = await new Promise<unknown>((resolve) => {
      noScope.subscribe({ query: `subscription { playerStateChanged { reason } }` }, { next: (m) => resolve(m.errors), error: (e) => resolve(e), complete: () => resolve('complete') });
    });
    expect(JSON.stringify(errors)).toContain('FORBIDDEN');
    await noScope.dispose();

    const invalid = client(await t.token({ user: 'ada', scopes: WRITE }));
    const rejected = await new Promise<unknown>((resolve) => {
      invalid.subscribe({ query: `subscription { playerStateChanged { nope } }` }, { next: (m) => resolve(m), error: (e) => resolve(e), complete: () => resolve('complete') });
    });
    expect(JSON.stringify(rejected)).toContain('GRAPHQL_VALIDATION_FAILED');
    await invalid.dispose();
  });

  it('serves the schema checked in at sdk-generator/schema.graphql', async () => {
    const introspection = await gql(getIntrospectionQuery());
    const served = `${printSchema(lexicographicSortSchema(buildClientSchema(introspection.data)))}\n`;
    expect(served).toBe(readFileSync(join(__dirname, '..', '..', 'sdk-generator', 'schema.graphql'), 'utf8'));
  });
});

describe('GraphQL cost drawn from the rate-limit budgets (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 50, env: { RATE_LIMIT_ENABLED: 'true' } });
    await t.token({ user: 'ada' }); // creates the listener who owns the app
    await t.dataSource.query(
      `INSERT INTO oauth_clients (id, name, owner_id, type, quota_mode, rate_limit_override) VALUES ('test-client', 'Test', 'ada', 'public', 'development', $1)`,
      [JSON.stringify({ user: 60 })],
    );
  });
  afterAll(() => t?.close());

  it('charges an operation its cost, shares the budget with REST, and answers 429 with Retry-After', async () => {
    const token = await t.token({ user: 'ada', scopes: READ });
    const query = JSON.stringify({ query: `{ me { playlists(first: 50) { nodes { items(first: 50) { nodes { track { name } } } } } } }` });
    const post = () => fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: query });
    const first = await post();
    const body = (await first.json()) as GqlResult;
    expect(first.status).toBe(200);
    expect(body.extensions?.cost).toMatchObject({ requestedQueryCost: 52, remaining: 8 });
    expect(first.headers.get('ratelimit')).toContain('"user";r=8;');
    const rest = await t.request('/v1/rate_limit', { token });
    expect(rest.body.resources.user.used).toBe(52);
    const second = await post();
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await second.json()) as GqlResult).errors?.[0].extensions.code).toBe('RATE_LIMITED');
  });
});

// The subscription reads the same event bus as the SSE stream: with Redis, across instances.
const REDIS_URL = process.env.REDIS_URL;
(REDIS_URL ? describe : describe.skip)(`GraphQL subscription across two instances over Redis (e2e)${REDIS_URL ? '' : ' — skipped: set REDIS_URL'}`, () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ seedTracks: 50, env: { REDIS_URL: REDIS_URL! } });
    b = await startTestApp({ sameDatabaseAs: a, env: { REDIS_URL: REDIS_URL! } });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a subscriber on instance B sees a play sent to instance A', async () => {
    const token = await a.token({ user: 'ada', scopes: WRITE });
    const ws = createClient({ url: `${b.baseUrl.replace('http', 'ws')}/graphql/subscriptions`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: true });
    const reasons: string[] = [];
    const playing = new Promise<void>((resolve, reject) => {
      ws.subscribe<{ playerStateChanged: { reason: string; state: { isPlaying: boolean } | null } }>(
        { query: `subscription { playerStateChanged { reason state { isPlaying } } }` },
        {
          next: ({ data }) => {
            reasons.push(data!.playerStateChanged.reason);
            if (data!.playerStateChanged.state?.isPlaying) resolve();
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    for (let i = 0; i < 200 && !reasons.includes('subscribed'); i++) await new Promise((r) => setTimeout(r, 25));
    const device = new SimulatedDevice({ baseUrl: a.baseUrl, token, name: 'Car', type: 'Automobile', clientDeviceId: 'car-gql' });
    await device.connect();
    const [track] = await a.dataSource.query(`SELECT id FROM tracks ORDER BY id LIMIT 1`);
    const play = await a.request(`/v1/me/player/play?device_id=${device.deviceId}`, { method: 'PUT', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uris: [`backbeat:track:${track.id}`] }) });
    expect(play.status).toBe(204);
    await playing;
    expect(reasons[0]).toBe('subscribed');
    await ws.dispose();
    await device.close();
  });
});

import type { Scope } from '../../src/common/auth/scopes';
import { expectSchema, ownSchema, referenceSchema } from '../helpers/schemas';
import { startTestApp, TestApp } from '../helpers/test-app';

const DAY = 86_400_000;
const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

/** Checks a body against our own OpenAPI schema and, when ../shared is present, Spotify's. */
function expectShape(body: unknown, own: string, reference: string) {
  expectSchema(ownSchema(own), body);
  if (referenceSchema) expectSchema(referenceSchema(reference), body);
}

// Top artists and tracks: ranking play history per time range, paging, the library and popularity fallbacks, scopes.
describe('top artists and tracks (e2e)', () => {
  let t: TestApp;
  const token = (user: string | undefined, scopes: Scope[] = ['user-top-read']) => t.token({ user, scopes });
  const get = async (path: string, user = 'ada') => t.request(path, { token: await token(user) });

  /** Each listed track (credited to one artist only) and its artist. */
  let track: Record<'A' | 'B' | 'D' | 'E' | 'F' | 'G' | 'X1' | 'X2', string>;
  let artist: Record<'A' | 'B' | 'D' | 'E' | 'F' | 'G' | 'X', string>;

  /** Plays `trackId` once at each age, in days before now. */
  const now = Date.now();
  const play = (user: string, trackId: string, ...ages: number[]) =>
     t.dataSource.query(`INSERT INTO play_history (user_id, track_id, context_uri, played_at) SELECT $1, $2, NULL, unnest($3::timestamptz[])`, [
      user,
      trackId,
      ages.map((days) => new Date(now - days * DAY).toISOString()),
    ]);

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 200 });
    // Tracks credited to a single artist, grouped by artist: X has two of them, the others one each.
    const solo: { id: string; artist_id: string }[] = await t.dataSource.query(
      `SELECT ta.track_id AS id, min(ta.artist_id) AS artist_id FROM track_artists ta GROUP BY ta.track_id HAVING count(*) = 1 ORDER BY ta.track_id`,
    );
    const byArtist = new Map<string, string[]>();
    for (const row of solo) byArtist.set(row.artist_id, [...(byArtist.get(row.artist_id) ?? []), row.id]);
    const [x, xTracks] = [...byArtist].find(([, tracks]) => tracks.length >= 2)!;
    const others = [...byArtist].filter(([id]) => id !== x).slice(0, 6);
    expect(others).toHaveLength(6);
    const names = ['A', 'B', 'D', 'E', 'F', 'G'] as const;
    track = { X1: xTracks[0], X2: xTracks[1] } as typeof track;
    artist = { X: x } as typeof artist;
    names.forEach((name, i) => {
      artist[name] = others[i][0];
      track[name] = others[i][1][0];
    });
    for (const user of ['ada', 'bob', 'grace', 'linus']) await t.token({ user });

    await play('ada', track.A, 1, 2, 3);
    await play('ada', track.B, 1.5, 20);
    await play('ada', track.X1, 4, 6);
    await play('ada', track.X2, 8, 9);
    await play('ada', track.F, 7);
    await play('ada', track.G, 7); // same instant as F: the id decides
    await play('ada', track.D, 60, 61, 62, 63, 64);
    await play('ada', track.E, ...Array.from({ length: 10 }, (_, i) => 300 + i));
    await play('ada', '0000000000000000000000', 1, 1, 1, 1, 1, 1); // gone from the catalog: not counted
    fg = await sorted([track.F, track.G]);
    fgArtists = await sorted([artist.F, artist.G]);
    await play('bob', track.E, ...Array.from({ length: 20 }, (_, i) => 1 + i / 10));
  });
  afterAll(() => t?.close());

  // F and G (and their artists) tie on plays and on the last play: the id decides, in the database's collation.
  let fg: string[];
  let fgArtists: string[];
  const sorted = async (values: string[]) =>
    (await t.dataSource.query(`SELECT v FROM unnest($1::varchar[]) v ORDER BY v`, [values])).map((r: { v: string }) => r.v) as string[];

  it('ranks tracks by plays in the time range, then the latest play, then id', async () => {
    const short = await get('/v1/me/top/tracks?time_range=short_term');
    expect(short.status).toBe(200);
    expect(ids(short.body)).toEqual([track.A, track.B, track.X1, track.X2, ...fg]);
    expect(short.body).toMatchObject({ total: 6, limit: 20, offset: 0, next: null, previous: null });
    expect(short.body.href).toBe(`${t.baseUrl}/v1/me/top/tracks?time_range=short_term&offset=0&limit=20`);
    // The same full track objects the catalog serves.
    const catalog = await t.request(`/v1/tracks/${track.A}`, { token: await token(undefined, []) });
    expect(short.body.items[0]).toEqual(catalog.body);
    expectShape(short.body, 'PagingTrackDto', 'PagingTrackObject');

    const medium = await get('/v1/me/top/tracks');
    expect(ids(medium.body)).toEqual([track.D, track.A, track.B, track.X1, track.X2, ...fg]);
    expect(medium.body.total).toBe(7);
    expect(medium.body.href).toContain('time_range=medium_term');

    const long = await get('/v1/me/top/tracks?time_range=long_term');
    expect(ids(long.body)).toEqual([track.E, track.D, track.A, track.B, track.X1, track.X2, ...fg]);
    expect(long.body.total).toBe(8);
  });

  it('ranks artists by plays of their tracks', async () => {
    const short = await get('/v1/me/top/artists?time_range=short_term');
    expect(short.status).toBe(200);
    expect(ids(short.body)).toEqual([artist.X, artist.A, artist.B, ...fgArtists]);
    expect(short.body.total).toBe(5);
    const catalog = await t.request(`/v1/artists/${artist.X}`, { token: await token(undefined, []) });
    expect(short.body.items[0]).toEqual(catalog.body);
    expectShape(short.body, 'PagingArtistDto', 'PagingArtistObject');

    expect(ids((await get('/v1/me/top/artists')).body)).toEqual([artist.D, artist.X, artist.A, artist.B, ...fgArtists]);
    const long = await get('/v1/me/top/artists?time_range=long_term');
    expect(ids(long.body)).toEqual([artist.E, artist.D, artist.X, artist.A, artist.B, ...fgArtists]);
    expect(long.body.total).toBe(7);
  });

  it('pages with limit and offset, keeping time_range and market in the links', async () => {
    const first = await get('/v1/me/top/tracks?time_range=short_term&limit=2&market=US');
    expect(ids(first.body)).toEqual([track.A, track.B]);
    expect(first.body.items[0].is_playable).toBe(true);
    expect(first.body.items[0].available_markets).toBeUndefined();
    expect(first.body).toMatchObject({ total: 6, limit: 2, offset: 0, previous: null });
    const next = new URL(first.body.next);
    expect(Object.fromEntries(next.searchParams)).toEqual({ time_range: 'short_term', market: 'US', offset: '2', limit: '2' });

    const second = await t.request(`${next.pathname}${next.search}`, { token: await token('ada') });
    expect(ids(second.body)).toEqual([track.X1, track.X2]);
    const last = await get('/v1/me/top/tracks?time_range=short_term&limit=4&offset=4');
    expect(ids(last.body)).toEqual(fg);
    expect(last.body).toMatchObject({ total: 6, next: null, previous: expect.stringContaining('offset=0') });
    const beyond = await get('/v1/me/top/artists?time_range=short_term&offset=10');
    expect(beyond.body).toMatchObject({ items: [], total: 5, next: null });
  });

  it("never shows another listener's plays", async () => {
    // bob played E twenty times this week; ada never did in the short term.
    expect(ids((await get('/v1/me/top/tracks?time_range=short_term')).body)).not.toContain(track.E);
    const bob = await get('/v1/me/top/tracks?time_range=short_term', 'bob');
    expect(bob.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: track.E })] });
    expect(ids((await get('/v1/me/top/artists', 'bob')).body)).toEqual([artist.E]);
  });

  it('falls back to saved tracks and followed artists when nothing was played in the range', async () => {
    await t.dataSource.query(`INSERT INTO saved_tracks (user_id, track_id, added_at) VALUES ('grace', $1, $2), ('grace', $3, $4)`, [
      track.X1,
      new Date(now - 2 * DAY).toISOString(),
      track.X2,
      new Date(now - DAY).toISOString(),
    ]);
    await t.dataSource.query(`INSERT INTO follows (user_id, target_type, target_id, followed_at) VALUES ('grace', 'artist', $1, now())`, [artist.A]);
    // One play, but long ago: it only counts for long_term.
    await play('grace', track.E, 250);

    const followedTop: string[] = (
      await t.dataSource.query(
        `SELECT t.id FROM track_artists ta JOIN tracks t ON t.id = ta.track_id WHERE ta.artist_id = $1 ORDER BY t.popularity DESC, t.id LIMIT 10`,
        [artist.A],
      )
    ).map((r: { id: string }) => r.id);
    const tracks = await get('/v1/me/top/tracks?time_range=short_term&limit=50', 'grace');
    expect(tracks.status).toBe(200);
    // Saved tracks newest first, then the followed artist's most popular tracks.
    expect(ids(tracks.body)).toEqual([track.X2, track.X1, ...followedTop]);
    expect(tracks.body.total).toBe(2 + followedTop.length);
    // Two saved tracks by X outweigh one follow of A.
    const artists = await get('/v1/me/top/artists?time_range=medium_term', 'grace');
    expect(ids(artists.body)).toEqual([artist.X, artist.A]);
    expect(artists.body.total).toBe(2);

    // With a play in the range, history wins over the library.
    expect(ids((await get('/v1/me/top/tracks?time_range=long_term', 'grace')).body)).toEqual([track.E]);
    expect(ids((await get('/v1/me/top/artists?time_range=long_term', 'grace')).body)).toEqual([artist.E]);
  });

  it("falls back to the catalog's most popular tracks and artists for a listener with no history or library", async () => {
    const popularTracks: string[] = (await t.dataSource.query(`SELECT id FROM tracks ORDER BY popularity DESC, id LIMIT 20`)).map((r: { id: string }) => r.id);
    const tracks = await get('/v1/me/top/tracks', 'linus');
    expect(ids(tracks.body)).toEqual(popularTracks);
    expect(tracks.body).toMatchObject({ total: 50, next: expect.stringContaining('offset=20') });
    const lastPage = await get('/v1/me/top/tracks?offset=40', 'linus');
    expect(lastPage.body.items).toHaveLength(10);
    expect(lastPage.body.next).toBeNull();

    // With a market, only tracks that play there: make the most popular track a Swedish exclusive for a moment.
    const [restricted] = popularTracks;
    const [{ available_markets: markets }] = await t.dataSource.query(`SELECT available_markets FROM tracks WHERE id = $1`, [restricted]);
    await t.dataSource.query(`UPDATE tracks SET available_markets = ARRAY['SE'] WHERE id = $1`, [restricted]);
    try {
      const jp = await get('/v1/me/top/tracks?market=JP&limit=50', 'linus');
      expect(jp.body.total).toBe(50);
      expect(ids(jp.body)).not.toContain(restricted);
      expect(ids(jp.body).slice(0, 19)).toEqual(popularTracks.slice(1));
      expect(jp.body.items.every((item: { is_playable: boolean }) => item.is_playable)).toBe(true);
      expect(ids((await get('/v1/me/top/tracks?market=SE&limit=1', 'linus')).body)).toEqual([restricted]);
    } finally {
      await t.dataSource.query(`UPDATE tracks SET available_markets = $2 WHERE id = $1`, [restricted, markets]);
    }

    const popularArtists: string[] = (await t.dataSource.query(`SELECT id FROM artists ORDER BY popularity DESC, id LIMIT 10`)).map((r: { id: string }) => r.id);
    const artistCount: number = (await t.dataSource.query(`SELECT count(*)::int AS n FROM artists`))[0].n;
    const artists = await get('/v1/me/top/artists?limit=10&time_range=short_term', 'linus');
    expect(ids(artists.body)).toEqual(popularArtists);
    expect(artists.body.total).toBe(Math.min(50, artistCount));
  });

  it('needs user-top-read and a listener token', async () => {
    for (const path of ['/v1/me/top/artists', '/v1/me/top/tracks']) {
      expect((await t.request(path, { token: await token('ada', ['user-library-read']) })).status).toBe(403);
      const appOnly = await t.request(path, { token: await token(undefined, ['user-top-read']) });
      expect(appOnly.status).toBe(403);
      expect(appOnly.body.error.status).toBe(403);
      expect((await t.request(path)).status).toBe(401);
    }
  });

  it('refuses a bad time_range, limit, offset or market with 400 in the error shape', async () => {
    for (const query of ['time_range=forever', 'time_range=', 'limit=0', 'limit=51', 'limit=ten', 'offset=-1', 'offset=1.5']) {
      for (const kind of ['artists', 'tracks']) {
        const res = await get(`/v1/me/top/${kind}?${query}`);
        expect({ query, kind, status: res.status }).toEqual({ query, kind, status: 400 });
        expectSchema(ownSchema('ErrorResponseDto'), res.body);
      }
    }
    expect((await get('/v1/me/top/tracks?market=XX')).status).toBe(400);
    expect((await get('/v1/me/top/tracks?market=us')).status).toBe(400);
  });
});

import { FIXTURE } from '../../src/database/seeds/catalog-generator';
import { expectSchema, ownSchema, referenceSchema } from '../helpers/schemas';
import { startTestApp, TestApp } from '../helpers/test-app';

const { artists: A, albums: B, tracks: T } = FIXTURE;
const UNKNOWN_ID = '0000000000000000000000';

/** Checks a body against our own OpenAPI schema and, when ../shared is present, Spotify's. */
function expectShape(body: unknown, own: string, reference?: string) {
  expectSchema(ownSchema(own), body);
  if (reference && referenceSchema) expectSchema(referenceSchema(reference), body);
}

if (!referenceSchema) console.warn('catalog.e2e-spec: ../shared/reference not found, reference-schema checks skipped');

describe('catalog endpoints (e2e)', () => {
  let t: TestApp;
  let appToken: string;
  let userToken: string;

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 1000 });
    appToken = await t.token();
    userToken = await t.token({ user: 'listener', scopes: ['user-read-private'] });
  });
  afterAll(() => t.close());

  const get = (path: string, token = appToken) => t.request(path, { token });

  describe('tracks', () => {
    it('gets a track with its album, artists and links', async () => {
      const res = await get(`/v1/tracks/${T.lowTideAtlas.id}`);
      expect(res.status).toBe(200);
      expectShape(res.body, 'TrackDto', 'TrackObject');
      expect(res.body).toMatchObject({
        id: T.lowTideAtlas.id,
        name: 'Low Tide Atlas',
        type: 'track',
        uri: `backbeat:track:${T.lowTideAtlas.id}`,
        href: `${t.baseUrl}/v1/tracks/${T.lowTideAtlas.id}`,
        external_ids: { isrc: T.lowTideAtlas.isrc },
        is_local: false,
        album: { id: B.midnightCartography.id, name: 'Midnight Cartography', album_type: 'album', release_date: '2024-03-15' },
      });
      expect(res.body.artists.map((a: { name: string }) => a.name)).toEqual(['Aurora Vance', 'Zoë Lindqvist']);
      expect(res.body.external_urls.backbeat).toBe(`${t.baseUrl}/track/${T.lowTideAtlas.id}`);
      expect(res.body.available_markets).toContain('US');
      expect(res.body.is_playable).toBeUndefined();
    });

    it('marks playability for a market instead of listing markets', async () => {
      const playable = await get(`/v1/tracks/${T.northbound.id}?market=US`);
      expect(playable.body).toMatchObject({ is_playable: true });
      expect(playable.body.available_markets).toBeUndefined();
      const blocked = await get(`/v1/tracks/${T.northbound.id}?market=DE`);
      expect(blocked.body).toMatchObject({ is_playable: false, restrictions: { reason: 'market' } });
    });

    it("uses the listener's country for market=from_token, and refuses it for app tokens", async () => {
      const res = await get(`/v1/tracks/${T.northbound.id}?market=from_token`, userToken);
      expect(res.body.is_playable).toBe(true); // the listener is in the US
      const app = await get(`/v1/tracks/${T.northbound.id}?market=from_token`);
      expect(app.status).toBe(400);
    });

    it('gets several tracks in the order asked, null for unknown ids', async () => {
      const res = await get(`/v1/tracks?ids=${T.steelAndSteam.id},${UNKNOWN_ID},${T.midnightTrain.id}`);
      expect(res.status).toBe(200);
      expectShape(res.body, 'SeveralTracksDto');
      expect(res.body.tracks.map((x: { id: string } | null) => x?.id ?? null)).toEqual([T.steelAndSteam.id, null, T.midnightTrain.id]);
    });

    it('gets audio features for one and several tracks', async () => {
      const one = await get(`/v1/audio-features/${T.vinterljus.id}`);
      expect(one.status).toBe(200);
      expectShape(one.body, 'AudioFeaturesDto', 'AudioFeaturesObject');
      expect(one.body.tempo).toBeGreaterThanOrEqual(40);
      expect(one.body.energy).toBeGreaterThanOrEqual(0);
      expect(one.body.energy).toBeLessThanOrEqual(1);
      const several = await get(`/v1/audio-features?ids=${T.vinterljus.id},${UNKNOWN_ID}`);
      expect(several.body.audio_features[0].id).toBe(T.vinterljus.id);
      expect(several.body.audio_features[1]).toBeNull();
    });
  });

  describe('albums', () => {
    it('gets an album with its first page of tracks', async () => {
      const res = await get(`/v1/albums/${B.midnightCartography.id}`);
      expect(res.status).toBe(200);
      expectShape(res.body, 'AlbumDto', 'AlbumObject');
      expect(res.body).toMatchObject({
        name: 'Midnight Cartography',
        label: 'Lantern Field Records',
        external_ids: { upc: B.midnightCartography.upc },
        total_tracks: 5,
        genres: [],
      });
      expect(res.body.copyrights.map((c: { type: string }) => c.type).sort()).toEqual(['C', 'P']);
      expect(res.body.tracks.items.map((x: { name: string }) => x.name)).toEqual([
        'Midnight Cartography',
        'Paper Satellites',
        'Low Tide Atlas',
        'Northbound',
        'Glasshouse Weather',
      ]);
      expect(res.body.images[0]).toMatchObject({ width: 640, height: 640 });
    });

    it('pages through album tracks with next and previous links', async () => {
      const first = await get(`/v1/albums/${B.midnightCartography.id}/tracks?limit=2`);
      expect(first.status).toBe(200);
      expectShape(first.body, 'PagingSimplifiedTrackDto', 'PagingSimplifiedTrackObject');
      expect(first.body).toMatchObject({ total: 5, limit: 2, offset: 0, previous: null });
      expect(first.body.next).toBe(`${t.baseUrl}/v1/albums/${B.midnightCartography.id}/tracks?offset=2&limit=2`);
      const last = await get(`/v1/albums/${B.midnightCartography.id}/tracks?offset=4&limit=2`);
      expect(last.body.items.map((x: { name: string }) => x.name)).toEqual(['Glasshouse Weather']);
      expect(last.body.next).toBeNull();
      expect(last.body.previous).toBe(`${t.baseUrl}/v1/albums/${B.midnightCartography.id}/tracks?offset=2&limit=2`);
      const past = await get(`/v1/albums/${B.midnightCartography.id}/tracks?offset=50`);
      expect(past.body).toMatchObject({ items: [], total: 5 });
    });

    it('filters an album by market', async () => {
      const res = await get(`/v1/albums/${B.nordicHours.id}?market=US`);
      expect(res.body).toMatchObject({ is_playable: false, restrictions: { reason: 'market' } });
      const se = await get(`/v1/albums/${B.nordicHours.id}?market=SE`);
      expect(se.body.is_playable).toBe(true);
    });

    it('gets several albums', async () => {
      const res = await get(`/v1/albums?ids=${B.nightFreight.id},${UNKNOWN_ID}`);
      expectShape(res.body, 'SeveralAlbumsDto');
      expect(res.body.albums[0].name).toBe('Night Freight');
      expect(res.body.albums[0].release_date_precision).toBe('month');
      expect(res.body.albums[1]).toBeNull();
    });
  });

  describe('artists', () => {
    it('gets an artist', async () => {
      const res = await get(`/v1/artists/${A.auroraVance.id}`);
      expect(res.status).toBe(200);
      expectShape(res.body, 'ArtistDto', 'ArtistObject');
      expect(res.body).toMatchObject({ name: 'Aurora Vance', type: 'artist', followers: { href: null, total: 1_284_003 } });
      expect(res.body.genres.length).toBeGreaterThan(0);
    });

    it('gets several artists', async () => {
      const res = await get(`/v1/artists?ids=${A.zoeLindqvist.id},${A.nightCouriers.id}`);
      expectShape(res.body, 'SeveralArtistsDto');
      expect(res.body.artists.map((a: { name: string }) => a.name)).toEqual(['Zoë Lindqvist', 'The Night Couriers']);
    });

    it("lists an artist's albums by group, including the ones they appear on", async () => {
      const all = await get(`/v1/artists/${A.zoeLindqvist.id}/albums`);
      expect(all.status).toBe(200);
      expectShape(all.body, 'PagingArtistAlbumDto');
      const groups = all.body.items.map((a: { name: string; album_group: string }) => `${a.album_group}:${a.name}`);
      expect(groups).toEqual(['album:Nordic Hours', 'single:Café Solitude', 'appears_on:Midnight Cartography']);
      const singles = await get(`/v1/artists/${A.zoeLindqvist.id}/albums?include_groups=single`);
      expect(singles.body.items.map((a: { name: string }) => a.name)).toEqual(['Café Solitude']);
      expect(singles.body.total).toBe(1);
      const inUs = await get(`/v1/artists/${A.zoeLindqvist.id}/albums?market=US`);
      expect(inUs.body.items.map((a: { name: string }) => a.name)).not.toContain('Nordic Hours');
    });

    it("gets an artist's top tracks, most popular first", async () => {
      const res = await get(`/v1/artists/${A.nightCouriers.id}/top-tracks`);
      expectShape(res.body, 'ArtistTopTracksDto');
      expect(res.body.tracks.map((x: { name: string }) => x.name)).toEqual(['Midnight Train', 'Steel and Steam']);
    });
  });

  describe('browse', () => {
    it('lists new releases, newest first', async () => {
      const res = await get('/v1/browse/new-releases?limit=5');
      expect(res.status).toBe(200);
      expectShape(res.body, 'NewReleasesDto');
      const dates = res.body.albums.items.map((a: { release_date: string }) => a.release_date);
      expect([...dates].sort().reverse()).toEqual(dates);
      expect(res.body.albums.total).toBeLessThanOrEqual(100);
    });

    it('lists categories with localized names', async () => {
      const en = await get('/v1/browse/categories?limit=50');
      expect(en.status).toBe(200);
      expectShape(en.body, 'CategoriesDto');
      expect(en.body.categories.items.length).toBeGreaterThan(5);
      const first = en.body.categories.items[0];
      const es = await get(`/v1/browse/categories/${first.id}?locale=es_MX`);
      expectShape(es.body, 'CategoryDto', 'CategoryObject');
      expect(es.body.id).toBe(first.id);
      expect(es.body.name).not.toBe(first.name);
      expect((await get('/v1/browse/categories/no-such-category')).status).toBe(404);
    });

    it('lists markets and genre seeds', async () => {
      const markets = await get('/v1/markets');
      expect(markets.body.markets).toEqual(expect.arrayContaining(['US', 'SE', 'BR', 'JP']));
      const genres = await get('/v1/recommendations/available-genre-seeds');
      expect(genres.body.genres).toEqual(expect.arrayContaining(['indie-pop', 'dream-pop']));
      expect([...genres.body.genres].sort()).toEqual(genres.body.genres);
    });
  });

  describe('bad input', () => {
    it.each([
      ['/v1/tracks/not-an-id', /base62/],
      [`/v1/tracks/${T.steelAndSteam.id}?market=ZZ`, /market/],
      [`/v1/tracks/${T.steelAndSteam.id}?market=us`, /market/],
      ['/v1/tracks', /ids/],
      [`/v1/tracks?ids=<51 ids>`, /at most 50/],
      [`/v1/albums?ids=<21 ids>`, /at most 20/],
      ['/v1/tracks?ids=abc', /base62/],
      [`/v1/albums/${B.nightFreight.id}/tracks?limit=0`, /limit/],
      [`/v1/albums/${B.nightFreight.id}/tracks?limit=51`, /limit/],
      [`/v1/albums/${B.nightFreight.id}/tracks?limit=ten`, /limit/],
      [`/v1/albums/${B.nightFreight.id}/tracks?offset=-1`, /offset/],
      [`/v1/artists/${A.auroraVance.id}/albums?include_groups=album,bootleg`, /include_groups/],
      ['/v1/browse/categories?locale=english', /locale/],
      ['/v1/browse/categories/Bad%20Id', /category/],
    ])('answers 400 for %s', async (label, message) => {
      const path = label.replace(/<(\d+) ids>/, (_, n: string) => Array.from({ length: Number(n) }, () => UNKNOWN_ID).join(','));
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ status: 400 });
      expect(res.body.error.message).toMatch(message);
    });

    it.each([
      `/v1/tracks/${UNKNOWN_ID}`,
      `/v1/albums/${UNKNOWN_ID}`,
      `/v1/albums/${UNKNOWN_ID}/tracks`,
      `/v1/artists/${UNKNOWN_ID}`,
      `/v1/artists/${UNKNOWN_ID}/albums`,
      `/v1/artists/${UNKNOWN_ID}/top-tracks`,
      `/v1/audio-features/${UNKNOWN_ID}`,
    ])('answers 404 for %s', async (path) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ status: 404, reason: 'NOT_FOUND' });
    });
  });
});

import { FIXTURE } from '../../src/database/seeds/catalog-generator';
import { expectSchema, ownSchema, referenceSchema } from '../helpers/schemas';
import { startTestApp, TestApp } from '../helpers/test-app';

const { artists: A, albums: B, tracks: T } = FIXTURE;

describe('search (e2e)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({ seedTracks: 2000 });
    token = await t.token();
  });
  afterAll(() => t.close());

  const search = async (q: string, type = 'track', extra = '') => {
    const res = await t.request(`/v1/search?q=${encodeURIComponent(q)}&type=${type}${extra}`, { token });
    expect(res.status).toBe(200);
    return res.body;
  };
  const names = (page: { items: { name: string }[] }) => page.items.map((i) => i.name);
  const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

  it('answers in the Spotify search shape', async () => {
    const body = await search('midnight', 'track,artist,album');
    expectSchema(ownSchema('SearchResultsDto'), body);
    if (referenceSchema) {
      expectSchema(referenceSchema('PagingTrackObject'), body.tracks);
      expectSchema(referenceSchema('PagingArtistObject'), body.artists);
      expectSchema(referenceSchema('PagingSimplifiedAlbumObject'), body.albums);
    }
  });

  it('ranks an exact name first, then relevance and popularity', async () => {
    const exact = await search('midnight cartography');
    expect(ids(exact.tracks)[0]).toBe(T.midnightCartography.id);
    // "Midnight Train" is the most popular track with "midnight" in its name.
    const word = await search('midnight');
    expect(ids(word.tracks).indexOf(T.midnightTrain.id)).toBeLessThan(ids(word.tracks).indexOf(T.midnightCartography.id));
    // Name matches come before tracks that match only through their album's name.
    expect(names(word.tracks).slice(0, 2).sort()).toEqual(['Midnight Cartography', 'Midnight Train']);
    expect(names(word.tracks).slice(2).sort()).toEqual(['Glasshouse Weather', 'Low Tide Atlas', 'Northbound', 'Paper Satellites']);
  });

  it('matches without regard to accents or case, and as a prefix while typing', async () => {
    expect(ids((await search('CAFE SOLITUDE')).tracks)[0]).toBe(T.cafeSolitude.id);
    expect(ids((await search('zoe lindqvist', 'artist')).artists)[0]).toBe(A.zoeLindqvist.id);
    expect(ids((await search('glasshouse weat')).tracks)[0]).toBe(T.glasshouseWeather.id);
  });

  it('offers near misses when nothing matches exactly', async () => {
    expect(ids((await search('midnite cartografy')).tracks)).toContain(T.midnightCartography.id);
  });

  it('applies field filters', async () => {
    expect(names((await search('artist:"Aurora Vance"')).tracks).sort()).toEqual(
      ['Glasshouse Weather', 'Low Tide Atlas', 'Midnight Cartography', 'Northbound', 'Paper Satellites'],
    );
    expect(names((await search('midnight artist:couriers')).tracks)).toEqual(['Midnight Train']);
    expect(names((await search('album:"night freight"')).tracks).sort()).toEqual(['Midnight Train', 'Steel and Steam']);
    expect(names((await search('track:satellites')).tracks)).toEqual(['Paper Satellites']);
    expect(ids((await search(`isrc:${T.fjordLines.isrc}`)).tracks)).toEqual([T.fjordLines.id]);
    expect(ids((await search(`upc:${B.nordicHours.upc}`, 'album')).albums)).toEqual([B.nordicHours.id]);
    expect(names((await search('midnight year:1970-1985')).tracks)).toContain('Midnight Train');
    expect(names((await search('midnight year:1970-1985')).tracks)).not.toContain('Midnight Cartography');
    expect(ids((await search('genre:"dream pop" midnight')).tracks)).toContain(T.midnightCartography.id);
    expect(ids((await search('genre:"dream pop" midnight')).tracks)).not.toContain(T.midnightTrain.id);
  });

  it('finds new releases with tag:new', async () => {
    const body = await search('tag:new', 'album', '&limit=50');
    expect(ids(body.albums)).toContain(B.cafeSolitude.id);
    expect(ids(body.albums)).not.toContain(B.midnightCartography.id);
  });

  it('gives a type no results when a filter cannot apply to it', async () => {
    const body = await search(`isrc:${T.fjordLines.isrc}`, 'track,artist');
    expect(body.tracks.total).toBe(1);
    expect(body.artists).toMatchObject({ total: 0, items: [] });
  });

  it('filters by market', async () => {
    expect(ids((await search('vinterljus', 'track', '&market=SE')).tracks)).toEqual([T.vinterljus.id]);
    expect(ids((await search('vinterljus', 'track', '&market=US')).tracks)).toEqual([]);
  });

  it('answers types without a catalog with empty pages', async () => {
    const body = await search('midnight', 'track,playlist,show,episode,audiobook');
    for (const key of ['playlists', 'shows', 'episodes', 'audiobooks']) expect(body[key]).toMatchObject({ total: 0, items: [] });
  });

  it('pages with stable links and a consistent total', async () => {
    const first = await search('love', 'track', '&limit=3');
    expect(first.tracks.total).toBeGreaterThan(3);
    const second = await t.request(new URL(first.tracks.next).pathname + new URL(first.tracks.next).search, { token });
    expect(second.body.tracks.offset).toBe(3);
    expect(second.body.tracks.total).toBe(first.tracks.total);
    expect(ids(second.body.tracks).some((id: string) => ids(first.tracks).includes(id))).toBe(false);
    const none = await search('love', 'track', '&limit=0');
    expect(none.tracks).toMatchObject({ items: [], total: first.tracks.total });
    const past = await search('love', 'track', `&offset=1000`);
    expect(past.tracks).toMatchObject({ items: [], total: first.tracks.total });
  });

  it.each([
    ['q missing', '/v1/search?type=track', /q/],
    ['q empty', '/v1/search?q=&type=track', /q/],
    ['q too long', `/v1/search?q=${'a'.repeat(251)}&type=track`, /250/],
    ['type missing', '/v1/search?q=x', /type/],
    ['unknown type', '/v1/search?q=x&type=track,song', /type/],
    ['limit too high', '/v1/search?q=x&type=track&limit=51', /limit/],
    ['offset too high', '/v1/search?q=x&type=track&offset=1001', /offset/],
    ['bad year', '/v1/search?q=year:nineties&type=track', /year/],
    ['bad market', '/v1/search?q=x&type=track&market=XX', /market/],
  ])('answers 400 when %s', async (_label, path, message) => {
    const res = await t.request(path, { token });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('treats tsquery syntax in user text as plain words', async () => {
    const body = await search("midnight & ! | ( ) <-> ' : * cartography");
    expect(ids(body.tracks)[0]).toBe(T.midnightCartography.id);
  });
});

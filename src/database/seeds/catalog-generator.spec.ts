import { MARKETS } from '../../catalog/markets';
import { isValidId } from '../../common/ids';
import {
  ALL_MARKETS,
  ArtistBundle,
  catalogSize,
  categoryRows,
  DEFAULT_ANCHOR_DATE,
  FIXTURE,
  FIXTURE_TRACK_COUNT,
  fixtureBundles,
  generateArtist,
  generateCatalog,
  GeneratedAlbum,
  GeneratedArtist,
  GeneratedTrack,
  genreRows,
  marketRows,
  upcWithCheckDigit,
} from './catalog-generator';
import { CATEGORY_LOCALES, RESERVED_WORDS } from './catalog-vocabulary';

const publicUrl = 'http://localhost:3000';

function flatten(bundles: Iterable<ArtistBundle>) {
  const artists: GeneratedArtist[] = [];
  const albums: GeneratedAlbum[] = [];
  const tracks: GeneratedTrack[] = [];
  for (const { artist, releases } of bundles) {
    artists.push(artist);
    for (const { album, tracks: albumTracks } of releases) {
      albums.push(album);
      tracks.push(...albumTracks);
    }
  }
  return { artists, albums, tracks };
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))];
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe('catalog generator', () => {
  // One mid-sized catalog shared by the statistical tests.
  const N = 30_000;
  const big = flatten(generateCatalog({ tracks: N, publicUrl }));
  const generated = {
    albums: big.albums.filter((a) => !a.id.startsWith('BBfixture')),
    tracks: big.tracks.filter((t) => !t.id.startsWith('BBfixture')),
  };

  it('gives the same catalog for the same options', () => {
    const a = [...generateCatalog({ tracks: 3000, publicUrl })];
    const b = [...generateCatalog({ tracks: 3000, publicUrl })];
    // JSON: much faster than a deep equality check, and exact for plain data.
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const other = flatten(generateCatalog({ tracks: 3000, publicUrl, seed: 2 }));
    expect(other.tracks[FIXTURE_TRACK_COUNT].id).not.toBe(flatten(a).tracks[FIXTURE_TRACK_COUNT].id);
  });

  it('makes a small catalog a prefix of a large one', () => {
    const small = [...generateCatalog({ tracks: 2000, publicUrl })];
    const large = [...generateCatalog({ tracks: 20_000, publicUrl })];
    // All but the last bundle, which the smaller catalog may cut short.
    expect(JSON.stringify(large.slice(0, small.length - 1))).toBe(JSON.stringify(small.slice(0, -1)));
    const last = small[small.length - 1];
    expect(large[small.length - 1].artist).toEqual(last.artist);
    const smallTracks = flatten(small).tracks;
    expect(JSON.stringify(flatten(large).tracks.slice(0, smallTracks.length))).toBe(JSON.stringify(smallTracks));
    expect(generateArtist({ publicUrl }, 0)).toEqual(small[fixtureBundles({ publicUrl }).length].artist);
  });

  it('holds exactly the tracks asked for, with the usual ratios', () => {
    expect(big.tracks).toHaveLength(N);
    expect(big.artists.length).toBeGreaterThan((N / 50) * 0.85);
    expect(big.artists.length).toBeLessThan((N / 50) * 1.15);
    expect(big.albums.length).toBeGreaterThan((N / 10) * 0.9);
    expect(big.albums.length).toBeLessThan((N / 10) * 1.1);
    const perAlbum = new Map<string, number>();
    for (const t of big.tracks) perAlbum.set(t.albumId, (perAlbum.get(t.albumId) ?? 0) + 1);
    expect(big.albums.filter((a) => a.totalTracks !== perAlbum.get(a.id))).toEqual([]);
  });

  it('respects album types and track counts', () => {
    const count = (type: string) => generated.albums.filter((a) => a.albumType === type).length / generated.albums.length;
    expect(count('single')).toBeGreaterThan(0.15);
    expect(count('album')).toBeGreaterThan(0.6);
    expect(count('compilation')).toBeGreaterThan(0.02);
    const full = generated.albums.slice(0, -1); // the last one may be cut short
    const ranges = { single: [1, 3], album: [8, 16], compilation: [12, 20] };
    const outOfRange = full.filter((a) => a.totalTracks < ranges[a.albumType][0] || a.totalTracks > ranges[a.albumType][1]);
    expect(outOfRange).toEqual([]);
  });

  it('makes valid, unique ids, ISRCs and UPCs', () => {
    const ids = [...big.artists, ...big.albums, ...big.tracks].map((x) => x.id);
    expect(ids.every(isValidId)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const isrcs = big.tracks.map((t) => t.isrc);
    expect(isrcs.every((isrc) => /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/.test(isrc))).toBe(true);
    expect(new Set(isrcs).size).toBe(isrcs.length);
    const upcs = big.albums.map((a) => a.upc);
    expect(upcs.every((upc) => /^\d{12}$/.test(upc) && upcWithCheckDigit(upc.slice(0, 11)) === upc)).toBe(true);
    expect(new Set(upcs).size).toBe(upcs.length);
  });

  it('gives popularity a long tail', () => {
    const popularity = generated.tracks.map((t) => t.popularity);
    expect(quantile(popularity, 0.5)).toBeLessThan(25);
    expect(quantile(popularity, 0.9)).toBeGreaterThan(40);
    expect(popularity.filter((p) => p >= 80).length / popularity.length).toBeLessThan(0.05);
    expect(Math.max(...popularity)).toBeGreaterThanOrEqual(90);
    // Popular artists have popular tracks.
    const byArtist = new Map(big.artists.map((a) => [a.id, a.popularity]));
    const stars = generated.tracks.filter((t) => byArtist.get(t.artists[0].id)! >= 70).map((t) => t.popularity);
    expect(mean(stars)).toBeGreaterThan(mean(popularity) + 30);
  });

  it('spreads durations, explicit flags, features and markets realistically', () => {
    const seconds = generated.tracks.map((t) => t.durationMs / 1000);
    expect(Math.min(...seconds)).toBeGreaterThanOrEqual(90);
    expect(Math.max(...seconds)).toBeLessThanOrEqual(721);
    expect(quantile(seconds, 0.5)).toBeGreaterThan(180);
    expect(quantile(seconds, 0.5)).toBeLessThan(240);
    const share = (pred: (t: GeneratedTrack) => boolean) => generated.tracks.filter(pred).length / generated.tracks.length;
    expect(share((t) => t.explicit)).toBeGreaterThan(0.1);
    expect(share((t) => t.explicit)).toBeLessThan(0.2);
    expect(share((t) => t.artists.length === 2)).toBeGreaterThan(0.08);
    expect(share((t) => t.artists.length === 2)).toBeLessThan(0.12);

    const albumsById = new Map(big.albums.map((a) => [a.id, a]));
    const restricted = generated.tracks.filter((t) => t.availableMarkets !== albumsById.get(t.albumId)!.availableMarkets);
    expect(restricted.length / generated.tracks.length).toBeGreaterThan(0.01);
    expect(restricted.length / generated.tracks.length).toBeLessThan(0.03);
    const notSubsets = restricted.filter((track) => {
      const albumMarkets = albumsById.get(track.albumId)!.availableMarkets;
      return !track.availableMarkets.length || track.availableMarkets.length >= albumMarkets.length || !track.availableMarkets.every((m) => albumMarkets.includes(m));
    });
    expect(notSubsets).toEqual([]);
    const regional = generated.albums.filter((a) => a.availableMarkets !== ALL_MARKETS).length / generated.albums.length;
    expect(regional).toBeGreaterThan(0.07);
    expect(regional).toBeLessThan(0.13);

    const inRange = (value: number, min: number, max: number) => value >= min && value <= max;
    const badFeatures = generated.tracks.filter(({ features: f }) => {
      const units = [f.acousticness, f.danceability, f.energy, f.instrumentalness, f.liveness, f.speechiness, f.valence];
      return !(
        inRange(f.tempo, 60, 200) &&
        inRange(f.loudness, -60, 0) &&
        units.every((u) => inRange(u, 0, 1)) &&
        Number.isInteger(f.key) &&
        inRange(f.key, -1, 11) &&
        (f.mode === 0 || f.mode === 1) &&
        Number.isInteger(f.timeSignature) &&
        inRange(f.timeSignature, 3, 7)
      );
    });
    expect(badFeatures).toEqual([]);
  });

  it('ties audio features to genres', () => {
    const genreOf = new Map(big.albums.map((a) => [a.id, a.genres]));
    const features = (slug: string) => generated.tracks.filter((t) => genreOf.get(t.albumId)!.length === 1 && genreOf.get(t.albumId)![0] === slug).map((t) => t.features);
    const dnb = features('drum-and-bass');
    const hipHop = features('hip-hop');
    const classical = features('classical');
    expect(Math.abs(mean(dnb.map((f) => f.tempo)) - 174)).toBeLessThan(8);
    expect(Math.abs(mean(hipHop.map((f) => f.tempo)) - 90)).toBeLessThan(8);
    expect(mean(classical.map((f) => f.energy))).toBeLessThan(0.3);
    expect(mean(dnb.map((f) => f.energy))).toBeGreaterThan(0.8);
  });

  it('dates releases from 1960 to the anchor date, a few in its last two weeks', () => {
    const anchor = DEFAULT_ANCHOR_DATE;
    const twoWeeksBefore = new Date(Date.parse(anchor) - 14 * 86_400_000).toISOString().slice(0, 10);
    const badDates = big.albums.filter(
      (a) =>
        !(a.releaseDate >= '1960' && a.releaseDate <= anchor) ||
        a.releaseDate.length !== { year: 4, month: 7, day: 10 }[a.releaseDatePrecision] ||
        a.releaseYear !== Number(a.releaseDate.slice(0, 4)),
    );
    expect(badDates).toEqual([]);
    const album = big.albums[big.albums.length - 1];
    expect(album.copyrights).toEqual([
      { text: `© ${album.releaseYear} ${album.label}`, type: 'C' },
      { text: `℗ ${album.releaseYear} ${album.label}`, type: 'P' },
    ]);
    const recent = generated.albums.filter((a) => a.releaseDatePrecision === 'day' && a.releaseDate > twoWeeksBefore).length / generated.albums.length;
    expect(recent).toBeGreaterThan(0.005);
    expect(recent).toBeLessThan(0.02);
    expect(generated.albums.filter((a) => a.releaseDatePrecision === 'day').length / generated.albums.length).toBeGreaterThan(0.8);

    const shifted = flatten(generateCatalog({ tracks: 200, publicUrl, anchorDate: '2030-06-15' }));
    expect(shifted.albums.find((a) => a.id === FIXTURE.albums.cafeSolitude.id)!.releaseDate).toBe('2030-06-10');
  });

  it('links images under the public URL and names artists with 1-3 genres', () => {
    const [artist] = big.artists;
    expect(artist.images).toEqual([640, 300, 64].map((size) => ({ url: `${publicUrl}/images/artist/${artist.id}/${size}.svg`, height: size, width: size })));
    expect(big.albums[0].images[0].url).toBe(`${publicUrl}/images/album/${big.albums[0].id}/640.svg`);
    const slugs = new Set(genreRows().map((g) => g.id));
    const badArtists = big.artists.filter((a) => a.genres.length < 1 || a.genres.length > 3 || !a.genres.every((g) => slugs.has(g)) || a.followers <= 0);
    expect(badArtists).toEqual([]);
    expect(big.artists.some((a) => a.name !== a.name.normalize('NFD').replace(/\p{M}/gu, ''))).toBe(true); // accented names
  });

  it('keeps the words the fixture owns out of generated names', () => {
    const reserved = new Set(RESERVED_WORDS.map((w) => w.normalize('NFD').replace(/\p{M}/gu, '')));
    const words = (text: string): string[] => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const names = [...big.artists.slice(3), ...generated.albums, ...generated.tracks].map((x) => x.name);
    expect(names.flatMap(words).filter((w) => reserved.has(w))).toEqual([]);
    // A common word matches some tracks, not most.
    const heart = generated.tracks.filter((t) => words(t.name).includes('heart')).length / generated.tracks.length;
    expect(heart).toBeGreaterThan(0.001);
    expect(heart).toBeLessThan(0.03);
  });

  it('includes the fixture in every catalog', () => {
    const fixture = flatten(fixtureBundles({ publicUrl }));
    expect(fixture.tracks).toHaveLength(FIXTURE_TRACK_COUNT);
    expect(flatten(generateCatalog({ tracks: 1, publicUrl })).tracks).toEqual(fixture.tracks);
    expect(big.tracks.slice(0, FIXTURE_TRACK_COUNT)).toEqual(fixture.tracks);
    expect([...generateCatalog({ tracks: 0, publicUrl })]).toEqual([]);
    expect(catalogSize(0)).toBe(0);
    expect(catalogSize(3)).toBe(FIXTURE_TRACK_COUNT);

    const all = [...Object.values(FIXTURE.artists), ...Object.values(FIXTURE.albums), ...Object.values(FIXTURE.tracks)];
    expect(all.every((x) => isValidId(x.id))).toBe(true);
    const track = (id: string) => fixture.tracks.find((t) => t.id === id)!;
    const album = (id: string) => fixture.albums.find((a) => a.id === id)!;
    expect(track(FIXTURE.tracks.midnightCartography.id)).toMatchObject({ name: 'Midnight Cartography', isrc: 'BBTST2600001', albumId: FIXTURE.albums.midnightCartography.id });
    expect(album(FIXTURE.albums.midnightCartography.id)).toMatchObject({ upc: '000000000017', artists: [FIXTURE.artists.auroraVance] });
    expect(track(FIXTURE.tracks.midnightTrain.id).popularity).toBeGreaterThan(track(FIXTURE.tracks.midnightCartography.id).popularity);
    expect(track(FIXTURE.tracks.midnightTrain.id).artists).toEqual([FIXTURE.artists.nightCouriers]);
    expect(album(FIXTURE.albums.nordicHours.id).availableMarkets).toEqual(['SE', 'NO']);
    expect(track(FIXTURE.tracks.vinterljus.id).availableMarkets).toEqual(['SE', 'NO']);
    expect(track(FIXTURE.tracks.northbound.id).availableMarkets).toEqual(['US', 'CA']);
    expect(track(FIXTURE.tracks.lowTideAtlas.id).artists).toEqual([FIXTURE.artists.auroraVance, FIXTURE.artists.zoeLindqvist]);
    expect(album(FIXTURE.albums.cafeSolitude.id)).toMatchObject({ albumType: 'single', releaseDate: '2026-10-27', releaseDatePrecision: 'day' });
    expect(track(FIXTURE.tracks.cafeSolitude.id).name).toBe('Café Solitude');
  });

  it('provides genres, categories and markets', () => {
    const genres = genreRows();
    expect(genres.length).toBeGreaterThanOrEqual(55);
    expect(new Set(genres.map((g) => g.id)).size).toBe(genres.length);
    for (const g of genres) {
      expect(g.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(g.name).toBe(g.name.toLowerCase());
    }
    expect(genres).toEqual(expect.arrayContaining([{ id: 'drum-and-bass', name: 'drum and bass' }, { id: 'r-n-b', name: 'r&b' }, { id: 'k-pop', name: 'k-pop' }]));

    const categories = categoryRows({ publicUrl });
    expect(categories.length).toBeGreaterThanOrEqual(20);
    const slugs = new Set(genres.map((g) => g.id));
    categories.forEach((c, position) => {
      expect(c.position).toBe(position);
      expect(Object.keys(c.localizedNames).sort()).toEqual([...CATEGORY_LOCALES].sort());
      expect(c.icons).toEqual([{ url: `${publicUrl}/images/category/${c.id}/274.svg`, height: 274, width: 274 }]);
      expect(c.genres.every((g) => slugs.has(g))).toBe(true);
    });
    expect(categories.map((c) => c.id)).toEqual(expect.arrayContaining(['workout', 'chill', 'party', 'focus', 'rock', 'hip-hop']));
    expect(marketRows()).toHaveLength(MARKETS.length);
  });
});

// Deterministic demo catalog: the same options always give the same rows, and every item is
// derived from its own index, so a small catalog is a prefix of a large one (same first
// artists, albums and ids). Pure: no I/O, no clock, no Math.random.
import type { AlbumType, ReleaseDatePrecision } from '../../catalog/entities/album.entity';
import type { ArtistCredit } from '../../catalog/entities/artist.entity';
import { MARKETS } from '../../catalog/markets';
import { idFromBigInt } from '../../common/ids';
import type { CopyrightObject, ImageObject } from '../../common/wire';
import {
  ADJECTIVES,
  BAND_ADJECTIVES,
  BAND_NOUNS,
  BAND_PLURALS,
  CATEGORIES,
  COMPILATION_TITLES,
  FIRST_NAMES,
  GENRE_BY_SLUG,
  GENRES,
  GenreProfile,
  LABELS,
  LAST_NAMES,
  LATIN_ADJECTIVES,
  LATIN_NOUNS,
  MONONYMS,
  NOUNS,
  PHRASES,
  PLACES,
  REGIONS,
  TITLE_SUFFIXES,
  VERB_PHRASES,
} from './catalog-vocabulary';

export const DEFAULT_ANCHOR_DATE = '2026-11-01';
export const DEFAULT_SEED = 1;

export interface GeneratorOptions {
  /** Base of image and preview URLs, e.g. `http://localhost:3000`. */
  publicUrl: string;
  /** The catalog's "today": release dates end here. Default 2026-11-01, for determinism. */
  anchorDate?: Date | string;
  seed?: number;
}

export interface CatalogOptions extends GeneratorOptions {
  /** Total tracks, the fixture included. */
  tracks: number;
}

/** The generator credits artists as the catalog stores them. */
export type ArtistRef = ArtistCredit;

export interface GeneratedArtist {
  id: string;
  name: string;
  /** Genre slugs, main genre first. */
  genres: string[];
  popularity: number;
  followers: number;
  images: ImageObject[];
}

export interface GeneratedAlbum {
  id: string;
  name: string;
  albumType: AlbumType;
  releaseDate: string;
  releaseDatePrecision: ReleaseDatePrecision;
  releaseYear: number;
  label: string;
  copyrights: CopyrightObject[];
  upc: string;
  popularity: number;
  totalTracks: number;
  images: ImageObject[];
  /** `ALL_MARKETS` itself (same reference) when the album plays everywhere. */
  availableMarkets: readonly string[];
  artists: ArtistRef[];
  /** Genre slugs of the primary artist. */
  genres: string[];
}

export interface AudioFeatures {
  acousticness: number;
  danceability: number;
  energy: number;
  instrumentalness: number;
  liveness: number;
  loudness: number;
  speechiness: number;
  valence: number;
  tempo: number;
  key: number;
  mode: number;
  timeSignature: number;
}

export interface GeneratedTrack {
  id: string;
  albumId: string;
  name: string;
  durationMs: number;
  explicit: boolean;
  isrc: string;
  discNumber: number;
  trackNumber: number;
  popularity: number;
  previewUrl: string | null;
  /** The album's array itself (same reference) unless the track is restricted further. */
  availableMarkets: readonly string[];
  artists: ArtistRef[];
  features: AudioFeatures;
}

export interface Release {
  album: GeneratedAlbum;
  tracks: GeneratedTrack[];
}

/** An artist with its releases: the unit the loader inserts (artists before what credits them). */
export interface ArtistBundle {
  artist: GeneratedArtist;
  releases: Release[];
}

export const ALL_MARKETS: readonly string[] = Object.freeze(MARKETS.map(([code]) => code));
const MARKET_SET = new Set(ALL_MARKETS);
const REGION_MARKETS = REGIONS.map((r) => Object.freeze(r.filter((c) => MARKET_SET.has(c)))).filter((r) => r.length > 0);

const IMAGE_SIZES = [640, 300, 64];
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1960, 0, 1) / DAY_MS;

// --- Hashing and random numbers --------------------------------------------------------------

// Bound once: Jest runs code in a vm context where every global look-up (`Math`) is slow.
const { imul, floor, sqrt, log, cos, min, max, PI } = Math;

/** MurmurHash3's finalizer: a bijection on 32-bit integers with good avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** What an id or random stream belongs to: kinds never share one. */
const Kind = { Artist: 1, Album: 2, Track: 3, Fixture: 4 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/** 32 bits for (seed, kind, salt, index); a bijection in `index`, so distinct indexes never collide. */
function itemHash(seed: number, kind: Kind, index: number, salt = 0): number {
  const base = fmix32(fmix32(seed ^ 0x9e3779b9) ^ imul(kind, 0x27d4eb2f) ^ imul(salt + 1, 0x165667b1));
  return fmix32(base ^ index);
}

/** A 22-character id from 128 hashed bits; unique per kind because the first word is. */
function stableId(seed: number, kind: Kind, index: number): string {
  let value = 0n;
  for (let word = 0; word < 4; word++) value = (value << 32n) | BigInt(itemHash(seed, kind, index, 100 + word));
  return idFromBigInt(value);
}

/** mulberry32: tiny, fast and good enough for made-up catalogs. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[floor(this.next() * items.length)];
  }

  normal(mean: number, sd: number): number {
    const u = 1 - this.next(); // (0, 1]: log stays finite
    return mean + sd * sqrt(-2 * log(u)) * cos(2 * PI * this.next());
  }
}

const clamp = (value: number, lo: number, hi: number) => min(hi, max(lo, value));
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const dayString = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

// --- Context ---------------------------------------------------------------------------------

interface Context {
  seed: number;
  publicUrl: string;
  anchorDay: number;
}

function context(options: GeneratorOptions): Context {
  const anchor = options.anchorDate ?? DEFAULT_ANCHOR_DATE;
  const time = typeof anchor === 'string' ? Date.parse(anchor.length === 10 ? `${anchor}T00:00:00Z` : anchor) : anchor.getTime();
  if (!Number.isFinite(time)) throw new Error(`Invalid anchorDate: ${String(anchor)}`);
  return { seed: (options.seed ?? DEFAULT_SEED) >>> 0, publicUrl: options.publicUrl.replace(/\/+$/, ''), anchorDay: Math.floor(time / DAY_MS) };
}

function images(ctx: Context, type: 'artist' | 'album', id: string): ImageObject[] {
  return IMAGE_SIZES.map((size) => ({ url: `${ctx.publicUrl}/images/${type}/${id}/${size}.svg`, height: size, width: size }));
}

function copyrights(year: number, label: string): CopyrightObject[] {
  return [
    { text: `© ${year} ${label}`, type: 'C' },
    { text: `℗ ${year} ${label}`, type: 'P' },
  ];
}

/** UPC-A: 11 digits and a check digit. */
export function upcWithCheckDigit(digits11: string): string {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(digits11[i]) * (i % 2 === 0 ? 3 : 1);
  return digits11 + ((10 - (sum % 10)) % 10);
}

// --- Names -----------------------------------------------------------------------------------

function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

function bandName(rng: Rng): string {
  const r = rng.next();
  if (r < 0.4) return `The ${rng.pick(BAND_ADJECTIVES)} ${rng.pick(BAND_PLURALS)}`;
  if (r < 0.75) return `${rng.pick(BAND_ADJECTIVES)} ${rng.pick(BAND_NOUNS)}`;
  if (r < 0.87) return `${rng.pick(FIRST_NAMES)} & the ${rng.pick(BAND_PLURALS)}`;
  return `${rng.pick(BAND_NOUNS)} ${rng.pick(BAND_PLURALS)}`;
}

function artistName(rng: Rng, genre: GenreProfile): string {
  const r = rng.next();
  switch (genre.family) {
    case 'classical':
      if (r < 0.3) return `${rng.pick(PLACES)} ${rng.pick(['Chamber Orchestra', 'String Quartet', 'Philharmonic', 'Baroque Ensemble', 'Consort'])}`;
      if (r < 0.4) return `Ensemble ${rng.pick(MONONYMS)}`;
      return personName(rng);
    case 'jazz':
      if (r < 0.3) return `${personName(rng)} ${rng.pick(['Trio', 'Quartet', 'Quintet'])}`;
      return r < 0.8 ? personName(rng) : bandName(rng);
    case 'hip-hop':
      if (r < 0.15) return `Lil ${rng.pick(MONONYMS)}`;
      if (r < 0.25) return `MC ${rng.pick(FIRST_NAMES)}`;
      if (r < 0.35) return `Young ${rng.pick(LAST_NAMES)}`;
      return r < 0.5 ? rng.pick(MONONYMS) : personName(rng);
    case 'electronic':
      if (r < 0.15) return `DJ ${rng.pick(MONONYMS)}`;
      if (r < 0.4) return rng.pick(MONONYMS);
      return r < 0.75 ? `${rng.pick(BAND_ADJECTIVES)} ${rng.pick(BAND_NOUNS)}` : personName(rng);
    case 'rock':
    case 'metal':
      return r < 0.75 ? bandName(rng) : personName(rng);
    default:
      if (genre.slug === 'k-pop' || genre.slug === 'j-pop') return r < 0.5 ? rng.pick(BAND_NOUNS).toUpperCase() : personName(rng);
      if (r < 0.6) return personName(rng);
      return r < 0.85 ? bandName(rng) : rng.pick(MONONYMS);
  }
}

function plural(noun: string): string {
  if (/[^aeiou]y$/i.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|sh|ch|x)$/i.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** A song or album title from the word lists: a few thousand distinct shapes per word. */
function title(rng: Rng, latin: boolean): string {
  const r = rng.next();
  if (latin && r < 0.5) return rng.chance(0.6) ? `${rng.pick(LATIN_NOUNS)} ${rng.pick(LATIN_ADJECTIVES)}` : rng.pick(LATIN_NOUNS);
  if (r < 0.18) return rng.pick(NOUNS);
  if (r < 0.42) return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
  if (r < 0.54) return `${rng.pick(NOUNS)} ${rng.pick(['of', 'and', 'in the', 'on the'])} ${rng.pick(NOUNS)}`;
  if (r < 0.74) {
    const opening = rng.pick(VERB_PHRASES);
    const noun = rng.pick(NOUNS);
    return `${opening} ${/ (the|of)$/.test(opening) ? noun : plural(noun)}`;
  }
  if (r < 0.9) return rng.pick(PHRASES);
  return `${rng.pick(NOUNS)} ${rng.pick(NOUNS)}`;
}

// --- Genres, dates, markets --------------------------------------------------------------------

const GENRE_WEIGHT_TOTAL = GENRES.reduce((sum, g) => sum + g.weight, 0);

function weightedGenre(rng: Rng): GenreProfile {
  let r = rng.next() * GENRE_WEIGHT_TOTAL;
  for (const genre of GENRES) {
    r -= genre.weight;
    if (r < 0) return genre;
  }
  return GENRES[GENRES.length - 1];
}

function artistGenres(rng: Rng): string[] {
  const main = weightedGenre(rng);
  const count = rng.chance(0.5) ? 1 : rng.chance(0.7) ? 2 : 3;
  const family = GENRES.filter((g) => g.family === main.family);
  const genres = [main.slug];
  for (let tries = 0; genres.length < count && tries < 10; tries++) {
    const extra = rng.chance(0.8) ? rng.pick(family) : rng.pick(GENRES);
    if (!genres.includes(extra.slug)) genres.push(extra.slug);
  }
  return genres;
}

function releaseDate(rng: Rng, day: number): { releaseDate: string; releaseDatePrecision: ReleaseDatePrecision; releaseYear: number } {
  const full = dayString(day);
  const year = Number(full.slice(0, 4));
  const r = rng.next();
  // Old releases often only have a known year or month.
  const [yearOnly, monthOnly] = year < 1980 ? [0.25, 0.1] : year < 2000 ? [0.08, 0.06] : [0.02, 0.02];
  if (r < yearOnly) return { releaseDate: full.slice(0, 4), releaseDatePrecision: 'year', releaseYear: year };
  if (r < yearOnly + monthOnly) return { releaseDate: full.slice(0, 7), releaseDatePrecision: 'month', releaseYear: year };
  return { releaseDate: full, releaseDatePrecision: 'day', releaseYear: year };
}

function albumMarkets(rng: Rng): readonly string[] {
  if (!rng.chance(0.1)) return ALL_MARKETS;
  if (rng.chance(0.7)) return rng.pick(REGION_MARKETS);
  // Worldwide except a handful of markets.
  const excluded = new Set(Array.from({ length: rng.int(3, 10) }, () => rng.pick(ALL_MARKETS)));
  return ALL_MARKETS.filter((code) => !excluded.has(code));
}

/** A strict, non-empty subset of the album's markets. */
function restrictMarkets(rng: Rng, markets: readonly string[]): readonly string[] {
  const kept = markets.filter(() => rng.next() > 0.35);
  if (kept.length === markets.length) kept.pop();
  return kept.length ? kept : [markets[0]];
}

function audioFeatures(rng: Rng, g: GenreProfile, live: boolean): AudioFeatures {
  const unit = (mean: number, sd: number) => round(clamp(rng.normal(mean, sd), 0, 1), 4);
  const energy = unit(g.energy, 0.12);
  const r = rng.next();
  return {
    acousticness: unit(g.acousticness, 0.15),
    danceability: unit(g.danceability, 0.1),
    energy,
    instrumentalness: unit(g.instrumentalness, 0.15),
    liveness: live ? unit(0.85, 0.08) : unit(0.08 - Math.log(1 - rng.next()) * 0.08, 0.02),
    // Louder when more energetic than the genre's norm.
    loudness: round(clamp(rng.normal(g.loudness + (energy - g.energy) * 8, 2), -60, 0), 3),
    speechiness: unit(g.speechiness, 0.04),
    valence: unit(g.valence, 0.18),
    tempo: round(clamp(rng.normal(g.tempo, g.tempo * 0.06), 60, 200), 3),
    key: rng.chance(0.02) ? -1 : rng.int(0, 11),
    mode: rng.chance(0.62) ? 1 : 0,
    timeSignature: r < 0.88 ? 4 : r < 0.95 ? 3 : r < 0.98 ? 5 : r < 0.995 ? 6 : 7,
  };
}

// --- Artists and releases ----------------------------------------------------------------------

interface ArtistTraits {
  albumCount: number;
  label: string;
  careerStart: number;
  careerEnd: number;
}

/** Artist `index` of the generated catalog; depends on nothing else. */
export function generateArtist(options: GeneratorOptions, index: number): GeneratedArtist {
  return makeArtist(context(options), index).artist;
}

function makeArtist(ctx: Context, index: number): { artist: GeneratedArtist; traits: ArtistTraits } {
  const rng = new Rng(itemHash(ctx.seed, Kind.Artist, index));
  const id = stableId(ctx.seed, Kind.Artist, index);
  const genres = artistGenres(rng);
  const name = artistName(rng, GENRE_BY_SLUG.get(genres[0])!);
  // Long tail: most artists are obscure, a few are stars.
  const popularity = Math.round(100 * rng.next() ** 3);
  const followers = Math.round(10 ** (1 + popularity * 0.065) * (0.5 + rng.next()));
  // More careers started recently than in the sixties.
  const lastDay = ctx.anchorDay - 15;
  const careerStart = Math.floor(FIRST_DAY + (lastDay - FIRST_DAY) * Math.sqrt(rng.next()));
  const careerEnd = Math.min(lastDay, careerStart + rng.int(1, 40) * 365);
  const albumCount = Math.min(30, 1 + Math.floor(-Math.log(1 - rng.next()) * 4.5));
  const traits = { albumCount, label: rng.pick(LABELS), careerStart, careerEnd };
  return { artist: { id, name, genres, popularity, followers, images: images(ctx, 'artist', id) }, traits };
}

interface ReleaseInput {
  artist: GeneratedArtist;
  traits: ArtistTraits;
  /** Position among the artist's releases. */
  ordinal: number;
  albumIndex: number;
  firstTrackIndex: number;
  /** Generated artists before this one: who can be featured. */
  earlier: readonly ArtistRef[];
  /** At most this many tracks (the catalog's end). */
  limit: number;
}

function makeRelease(ctx: Context, input: ReleaseInput): { release: Release; trackCount: number } {
  const { artist, traits } = input;
  const rng = new Rng(itemHash(ctx.seed, Kind.Album, input.albumIndex));
  const id = stableId(ctx.seed, Kind.Album, input.albumIndex);
  const r = rng.next();
  const albumType: AlbumType = input.ordinal === 0 ? (r < 0.3 ? 'single' : 'album') : r < 0.22 ? 'single' : r < 0.94 ? 'album' : 'compilation';
  const trackCount = albumType === 'single' ? rng.int(1, 3) : albumType === 'album' ? rng.int(8, 16) : rng.int(12, 20);
  const genre = GENRE_BY_SLUG.get(rng.chance(0.7) ? artist.genres[0] : rng.pick(artist.genres))!;
  const latin = genre.family === 'latin';

  const isNew = rng.chance(0.01);
  const day = isNew ? ctx.anchorDay - rng.int(0, 13) : rng.int(traits.careerStart, traits.careerEnd);
  const date = isNew ? { releaseDate: dayString(day), releaseDatePrecision: 'day' as const, releaseYear: Number(dayString(day).slice(0, 4)) } : releaseDate(rng, day);

  const leadTitle = title(rng, latin);
  const name =
    albumType === 'single' ? leadTitle : albumType === 'compilation' ? rng.pick(COMPILATION_TITLES).replace('%s', artist.name) : rng.chance(0.35) ? leadTitle : title(rng, latin);
  // Singles are named after their first track; some albums have a title track (0: none).
  const titleTrack = albumType === 'single' ? 1 : name === leadTitle ? rng.int(1, Math.min(5, trackCount)) : 0;
  const label = rng.chance(0.85) ? traits.label : rng.pick(LABELS);
  const popularity = Math.round(clamp(artist.popularity + rng.normal(0, 7) - (albumType === 'compilation' ? 8 : 0) + (isNew ? 5 : 0), 0, 100));
  const markets = albumMarkets(rng);
  const artists = [{ id: artist.id, name: artist.name }];
  const live = albumType === 'album' && rng.chance(0.02);

  const tracks: GeneratedTrack[] = [];
  const count = Math.min(trackCount, input.limit);
  const discSplit = trackCount >= 16 && albumType === 'compilation' ? Math.ceil(trackCount / 2) : trackCount;
  for (let i = 0; i < count; i++) {
    const index = input.firstTrackIndex + i;
    const position = i + 1;
    const trng = new Rng(itemHash(ctx.seed, Kind.Track, index));
    const trackId = stableId(ctx.seed, Kind.Track, index);
    let trackName = position === titleTrack ? leadTitle : title(trng, latin);
    if (position !== titleTrack && trng.chance(0.05)) trackName += trng.pick(TITLE_SUFFIXES);
    if (live) trackName += ' - Live';
    const trackArtists = [...artists];
    if (input.earlier.length && trng.chance(0.1)) trackArtists.push(input.earlier[trng.int(0, input.earlier.length - 1)]);
    const hit = position === titleTrack ? 6 : 0;
    tracks.push({
      id: trackId,
      albumId: id,
      name: trackName,
      durationMs: Math.round(clamp(trng.normal(genre.duration * 0.92, genre.duration * 0.22), 90, 720) * 1000) + trng.int(0, 999),
      explicit: trng.chance(Math.min(1, genre.explicit * 1.3)),
      isrc: isrc(trng, genre, date.releaseYear, index),
      discNumber: position > discSplit ? 2 : 1,
      trackNumber: position > discSplit ? position - discSplit : position,
      popularity: Math.round(clamp(popularity * (0.7 + 0.35 * trng.next()) + hit - 0.8 * i + trng.normal(0, 4), 0, 100)),
      previewUrl: trng.chance(0.1) ? `${ctx.publicUrl}/previews/${trackId}.mp3` : null,
      availableMarkets: markets.length > 1 && trng.chance(0.02) ? restrictMarkets(trng, markets) : markets,
      artists: trackArtists,
      features: audioFeatures(trng, genre, live),
    });
  }

  const album: GeneratedAlbum = {
    id,
    name,
    albumType,
    ...date,
    label,
    copyrights: copyrights(date.releaseYear, label),
    upc: upcWithCheckDigit(`8${String(input.albumIndex).padStart(10, '0')}`),
    popularity,
    totalTracks: tracks.length,
    images: images(ctx, 'album', id),
    availableMarkets: markets,
    artists,
    genres: artist.genres,
  };
  return { release: { album, tracks }, trackCount };
}

const ISRC_COUNTRIES = ['US', 'GB', 'SE', 'DE', 'FR', 'CA', 'AU', 'NL'];

/** `CC` + registrant `Bxx` + year + 5 digits; registrant and digits encode the track index, so ISRCs are unique. */
function isrc(rng: Rng, genre: GenreProfile, year: number, index: number): string {
  const country =
    genre.family === 'latin' ? rng.pick(['MX', 'CO', 'ES', 'AR']) : genre.slug === 'k-pop' ? 'KR' : genre.slug === 'j-pop' ? 'JP' : rng.pick(ISRC_COUNTRIES);
  const registrant = `B${Math.floor(index / 100_000).toString(36).toUpperCase().padStart(2, '0')}`;
  return `${country}${registrant}${String(year % 100).padStart(2, '0')}${String(index % 100_000).padStart(5, '0')}`;
}

// --- Fixture -----------------------------------------------------------------------------------

/** Hand-written catalog entries with fixed ids, in every seed, for tests to assert on. */
export const FIXTURE = {
  artists: {
    auroraVance: { id: 'BBfixtureArtist0000001', name: 'Aurora Vance' },
    nightCouriers: { id: 'BBfixtureArtist0000002', name: 'The Night Couriers' },
    zoeLindqvist: { id: 'BBfixtureArtist0000003', name: 'Zoë Lindqvist' },
  },
  albums: {
    midnightCartography: { id: 'BBfixtureAlbum00000001', name: 'Midnight Cartography', upc: '000000000017' },
    nightFreight: { id: 'BBfixtureAlbum00000002', name: 'Night Freight', upc: '000000000024' },
    /** Licensed in Sweden and Norway only. */
    nordicHours: { id: 'BBfixtureAlbum00000003', name: 'Nordic Hours', upc: '000000000031', markets: ['SE', 'NO'] },
    /** A single released five days before the anchor date. */
    cafeSolitude: { id: 'BBfixtureAlbum00000004', name: 'Café Solitude', upc: '000000000048', daysBeforeAnchor: 5 },
  },
  tracks: {
    midnightCartography: { id: 'BBfixtureTrack00000001', name: 'Midnight Cartography', isrc: 'BBTST2600001' },
    paperSatellites: { id: 'BBfixtureTrack00000002', name: 'Paper Satellites', isrc: 'BBTST2600002' },
    /** Aurora Vance featuring Zoë Lindqvist. */
    lowTideAtlas: { id: 'BBfixtureTrack00000003', name: 'Low Tide Atlas', isrc: 'BBTST2600003' },
    /** Playable in fewer markets than its album. */
    northbound: { id: 'BBfixtureTrack00000004', name: 'Northbound', isrc: 'BBTST2600004', markets: ['US', 'CA'] },
    glasshouseWeather: { id: 'BBfixtureTrack00000005', name: 'Glasshouse Weather', isrc: 'BBTST2600005', explicit: true },
    /** More popular than "Midnight Cartography": the top "midnight" match without an exact name. */
    midnightTrain: { id: 'BBfixtureTrack00000006', name: 'Midnight Train', isrc: 'BBTST2600006', popularity: 88 },
    steelAndSteam: { id: 'BBfixtureTrack00000007', name: 'Steel and Steam', isrc: 'BBTST2600007' },
    vinterljus: { id: 'BBfixtureTrack00000008', name: 'Vinterljus', isrc: 'BBTST2600008' },
    fjordLines: { id: 'BBfixtureTrack00000009', name: 'Fjord Lines', isrc: 'BBTST2600009' },
    cafeSolitude: { id: 'BBfixtureTrack00000010', name: 'Café Solitude', isrc: 'BBTST2600010' },
  },
} as const;

export const FIXTURE_TRACK_COUNT = Object.keys(FIXTURE.tracks).length;

interface FixtureTrackSpec {
  track: { id: string; name: string; isrc: string; markets?: readonly string[]; explicit?: boolean };
  popularity: number;
  featuring?: ArtistRef;
}

/** The fixture as bundles, shaped like generated ones. */
export function fixtureBundles(options: GeneratorOptions): ArtistBundle[] {
  const ctx = context(options);
  const { artists: A, albums: B, tracks: T } = FIXTURE;
  let trackSerial = 0;

  const artist = (ref: ArtistRef, genres: string[], popularity: number, followers: number): GeneratedArtist => ({
    ...ref,
    genres,
    popularity,
    followers,
    images: images(ctx, 'artist', ref.id),
  });
  const release = (
    owner: GeneratedArtist,
    spec: { id: string; name: string; upc: string },
    albumType: AlbumType,
    date: { releaseDate: string; releaseDatePrecision: ReleaseDatePrecision },
    label: string,
    popularity: number,
    markets: readonly string[],
    trackSpecs: FixtureTrackSpec[],
  ): Release => {
    const releaseYear = Number(date.releaseDate.slice(0, 4));
    const ownerRef = { id: owner.id, name: owner.name };
    const genre = GENRE_BY_SLUG.get(owner.genres[0])!;
    const tracks = trackSpecs.map((s, i): GeneratedTrack => {
      const rng = new Rng(itemHash(0, Kind.Fixture, trackSerial++));
      return {
        id: s.track.id,
        albumId: spec.id,
        name: s.track.name,
        durationMs: 180_000 + rng.int(0, 90_000),
        explicit: s.track.explicit ?? false,
        isrc: s.track.isrc,
        discNumber: 1,
        trackNumber: i + 1,
        popularity: s.popularity,
        previewUrl: null,
        availableMarkets: s.track.markets ?? markets,
        artists: s.featuring ? [ownerRef, s.featuring] : [ownerRef],
        features: audioFeatures(rng, genre, false),
      };
    });
    return {
      album: {
        id: spec.id,
        name: spec.name,
        albumType,
        ...date,
        releaseYear,
        label,
        copyrights: copyrights(releaseYear, label),
        upc: spec.upc,
        popularity,
        totalTracks: tracks.length,
        images: images(ctx, 'album', spec.id),
        availableMarkets: markets,
        artists: [ownerRef],
        genres: owner.genres,
      },
      tracks,
    };
  };

  // Zoë first: Aurora Vance's album features her.
  const zoe = artist(A.zoeLindqvist, ['indie-folk', 'singer-songwriter'], 47, 184_210);
  const aurora = artist(A.auroraVance, ['indie-pop', 'dream-pop'], 68, 1_284_003);
  const couriers = artist(A.nightCouriers, ['classic-rock', 'blues'], 90, 9_870_412);
  return [
    {
      artist: zoe,
      releases: [
        release(zoe, B.nordicHours, 'album', { releaseDate: '2019', releaseDatePrecision: 'year' }, 'Nordljus Skivbolag', 31, B.nordicHours.markets, [
          { track: T.vinterljus, popularity: 30 },
          { track: T.fjordLines, popularity: 27 },
        ]),
        release(
          zoe,
          B.cafeSolitude,
          'single',
          { releaseDate: dayString(ctx.anchorDay - B.cafeSolitude.daysBeforeAnchor), releaseDatePrecision: 'day' },
          'Nordljus Skivbolag',
          52,
          ALL_MARKETS,
          [{ track: T.cafeSolitude, popularity: 55 }],
        ),
      ],
    },
    {
      artist: aurora,
      releases: [
        release(aurora, B.midnightCartography, 'album', { releaseDate: '2024-03-15', releaseDatePrecision: 'day' }, 'Lantern Field Records', 61, ALL_MARKETS, [
          { track: T.midnightCartography, popularity: 58 },
          { track: T.paperSatellites, popularity: 52 },
          { track: T.lowTideAtlas, popularity: 49, featuring: A.zoeLindqvist },
          { track: T.northbound, popularity: 40 },
          { track: T.glasshouseWeather, popularity: 44 },
        ]),
      ],
    },
    {
      artist: couriers,
      releases: [
        release(couriers, B.nightFreight, 'album', { releaseDate: '1979-09', releaseDatePrecision: 'month' }, 'Ironline Records', 80, ALL_MARKETS, [
          { track: T.midnightTrain, popularity: T.midnightTrain.popularity },
          { track: T.steelAndSteam, popularity: 63 },
        ]),
      ],
    },
  ];
}

// --- The catalog -------------------------------------------------------------------------------

/** How many tracks a catalog of `tracks` really holds: never fewer than the fixture, none for 0. */
export function catalogSize(tracks: number): number {
  return tracks > 0 ? Math.max(Math.floor(tracks), FIXTURE_TRACK_COUNT) : 0;
}

/**
 * The fixture, then generated artists with their releases until the catalog holds
 * `catalogSize(tracks)` tracks (the last release may be cut short). Lazy: memory stays flat.
 */
export function* generateCatalog(options: CatalogOptions): Generator<ArtistBundle> {
  const total = catalogSize(options.tracks);
  if (total === 0) return;
  const ctx = context(options);
  yield* fixtureBundles(options);
  let remaining = total - FIXTURE_TRACK_COUNT;
  let albumIndex = 0;
  let trackIndex = 0;
  const earlier: ArtistRef[] = [];
  for (let index = 0; remaining > 0; index++) {
    const { artist, traits } = makeArtist(ctx, index);
    const releases: Release[] = [];
    for (let ordinal = 0; ordinal < traits.albumCount && remaining > 0; ordinal++) {
      const { release, trackCount } = makeRelease(ctx, { artist, traits, ordinal, albumIndex, firstTrackIndex: trackIndex, earlier, limit: remaining });
      albumIndex++;
      trackIndex += trackCount;
      remaining -= release.tracks.length;
      releases.push(release);
    }
    earlier.push({ id: artist.id, name: artist.name });
    yield { artist, releases };
  }
}

// --- Reference data ----------------------------------------------------------------------------

export function genreRows(): { id: string; name: string }[] {
  return GENRES.map((g) => ({ id: g.slug, name: g.name }));
}

export function marketRows(): { code: string; name: string }[] {
  return MARKETS.map(([code, name]) => ({ code, name }));
}

export interface CategoryRow {
  id: string;
  name: string;
  localizedNames: Record<string, string>;
  icons: ImageObject[];
  position: number;
  genres: string[];
}

export function categoryRows(options: Pick<GeneratorOptions, 'publicUrl'>): CategoryRow[] {
  const base = options.publicUrl.replace(/\/+$/, '');
  return CATEGORIES.map((c, position) => ({
    id: c.id,
    name: c.name,
    localizedNames: c.localizedNames,
    icons: [{ url: `${base}/images/category/${c.id}/274.svg`, height: 274, width: 274 }],
    position,
    genres: c.genres,
  }));
}

/** Display names of genre slugs, for search text. */
export function genreNames(slugs: readonly string[]): string[] {
  return slugs.map((slug) => GENRE_BY_SLUG.get(slug)?.name ?? slug.replace(/-/g, ' '));
}

import { InvalidInputError } from '../common/errors/domain-errors';

export const SEARCH_TYPES = ['album', 'artist', 'playlist', 'track', 'show', 'episode', 'audiobook'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
/** Types Backbeat has a catalog for; the others answer with empty pages. */
export const CATALOG_SEARCH_TYPES: ReadonlySet<SearchType> = new Set(['album', 'artist', 'track']);

export interface ParsedSearch {
  /** Words outside any filter. */
  words: string[];
  /** Quoted phrases outside any filter, each a list of words. */
  phrases: string[][];
  artist: string[];
  album: string[];
  track: string[];
  genre: string[][];
  year?: { from: number; to: number };
  isrc?: string;
  upc?: string;
  tags: Set<'new' | 'hipster'>;
}

const FILTER = /(\w+):(?:"([^"]*)"|(\S+))/g;
const PHRASE = /"([^"]*)"/g;
const MAX_WORDS = 16;
/** Shortest last word that also matches as a prefix, for search-as-you-type. */
const MIN_PREFIX = 4;

/** Letters and digits only: safe inside a tsquery, and how PostgreSQL's parser splits words. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Parses Spotify's search syntax: free words, "quoted phrases" and field
 * filters (`artist:`, `album:`, `track:`, `genre:`, `year:1990` or
 * `year:1990-1999`, `isrc:`, `upc:`, `tag:new`, `tag:hipster`).
 */
export function parseSearch(q: string): ParsedSearch {
  const parsed: ParsedSearch = { words: [], phrases: [], artist: [], album: [], track: [], genre: [], tags: new Set() };
  const rest = q.replace(FILTER, (whole, field: string, quoted: string | undefined, bare: string | undefined) => {
    const value = quoted ?? bare ?? '';
    switch (field.toLowerCase()) {
      case 'artist':
        parsed.artist.push(...words(value));
        return ' ';
      case 'album':
        parsed.album.push(...words(value));
        return ' ';
      case 'track':
        parsed.track.push(...words(value));
        return ' ';
      case 'genre':
        if (words(value).length) parsed.genre.push(words(value));
        return ' ';
      case 'year': {
        const match = /^(\d{4})(?:-(\d{4}))?$/.exec(value);
        if (!match) throw new InvalidInputError('year must be a year or a range such as 1990-1999', 'INVALID_QUERY');
        const from = Number(match[1]);
        const to = Number(match[2] ?? match[1]);
        parsed.year = { from: Math.min(from, to), to: Math.max(from, to) };
        return ' ';
      }
      case 'isrc':
        if (!/^[A-Za-z]{2}[A-Za-z0-9]{3}\d{7}$/.test(value)) throw new InvalidInputError('isrc must be a 12-character ISRC', 'INVALID_QUERY');
        parsed.isrc = value.toUpperCase();
        return ' ';
      case 'upc':
        if (!/^\d{8,14}$/.test(value)) throw new InvalidInputError('upc must be 8 to 14 digits', 'INVALID_QUERY');
        parsed.upc = value;
        return ' ';
      case 'tag':
        if (value !== 'new' && value !== 'hipster') throw new InvalidInputError('tag must be new or hipster', 'INVALID_QUERY');
        parsed.tags.add(value);
        return ' ';
      default:
        return whole; // not a filter: keep the text
    }
  });
  const free = rest.replace(PHRASE, (_, phrase: string) => {
    const phraseWords = words(phrase);
    if (phraseWords.length) parsed.phrases.push(phraseWords);
    return ' ';
  });
  parsed.words = words(free);
  const total = parsed.words.length + parsed.phrases.flat().length + parsed.artist.length + parsed.album.length + parsed.track.length;
  if (total > MAX_WORDS) throw new InvalidInputError(`q may hold at most ${MAX_WORDS} words`, 'INVALID_QUERY');
  return parsed;
}

/** True when the search names nothing to look for. */
export function isEmptySearch(s: ParsedSearch): boolean {
  return (
    !s.words.length && !s.phrases.length && !s.artist.length && !s.album.length && !s.track.length &&
    !s.genre.length && !s.year && !s.isrc && !s.upc && !s.tags.size
  );
}

/**
 * Lexeme weights written by the catalog loader: A = the item's name,
 * B = artist names, C = album name, D = genres.
 */
export type Weight = 'A' | 'B' | 'C' | 'D';

/** Builds a tsquery over letters and digits only, so user text never reaches tsquery syntax. */
export function tsQuery(parts: { words: string[]; weights?: string; prefixLast?: boolean }[]): string | null {
  const terms: string[] = [];
  for (const { words: ws, weights = '', prefixLast = false } of parts) {
    ws.forEach((word, i) => {
      // A short prefix (`of:*`) expands to thousands of words: only longer ones match as prefixes.
      const prefix = prefixLast && i === ws.length - 1 && word.length >= MIN_PREFIX ? '*' : '';
      terms.push(`${word}${prefix || weights ? ':' : ''}${prefix}${weights}`);
    });
  }
  return terms.length ? terms.join(' & ') : null;
}

/** `(indie <-> rock)` phrase queries, one per genre, restricted to weight D. */
export function genreQuery(genres: string[][]): string | null {
  if (!genres.length) return null;
  return genres.map((g) => `(${g.map((w) => `${w}:D`).join(' <-> ')})`).join(' & ');
}

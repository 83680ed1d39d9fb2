import { InvalidInputError } from '../common/errors/domain-errors';
import { genreQuery, isEmptySearch, parseSearch, tsQuery } from './search-query';

describe('parseSearch', () => {
  it('separates free words from field filters', () => {
    const s = parseSearch('midnight artist:"The Static Owls" album:Echo year:1990-1999 genre:"indie rock"');
    expect(s.words).toEqual(['midnight']);
    expect(s.artist).toEqual(['The', 'Static', 'Owls']);
    expect(s.album).toEqual(['Echo']);
    expect(s.year).toEqual({ from: 1990, to: 1999 });
    expect(s.genre).toEqual([['indie', 'rock']]);
  });

  it('reads single years, ISRC, UPC and tags', () => {
    const s = parseSearch('year:2001 isrc:usabc2100001 upc:012345678905 tag:new');
    expect(s.year).toEqual({ from: 2001, to: 2001 });
    expect(s.isrc).toBe('USABC2100001');
    expect(s.upc).toBe('012345678905');
    expect([...s.tags]).toEqual(['new']);
    expect(s.words).toEqual([]);
  });

  it('keeps quoted phrases and unknown prefixes as text', () => {
    const s = parseSearch('"golden hour" time:zone');
    expect(s.phrases).toEqual([['golden', 'hour']]);
    expect(s.words).toEqual(['time', 'zone']);
  });

  it('strips tsquery syntax from user text', () => {
    const s = parseSearch("rock & roll | !(x) <-> 'quoted':* café");
    expect(s.words).toEqual(['rock', 'roll', 'x', 'quoted', 'café']);
  });

  it.each(['year:19x9', 'year:1990-', 'isrc:123', 'upc:abc', 'tag:old'])('rejects %s', (q) => {
    expect(() => parseSearch(q)).toThrow(InvalidInputError);
  });

  it('bounds the number of words', () => {
    expect(() => parseSearch(Array.from({ length: 17 }, (_, i) => `w${i}`).join(' '))).toThrow(/at most 16 words/);
  });

  it('knows an empty search', () => {
    expect(isEmptySearch(parseSearch('  "" '))).toBe(true);
    expect(isEmptySearch(parseSearch('tag:hipster'))).toBe(false);
  });
});

describe('tsQuery', () => {
  it('adds weights and a prefix on the last free word', () => {
    expect(tsQuery([{ words: ['love', 'soun'], prefixLast: true }, { words: ['owls'], weights: 'B' }])).toBe(
      'love & soun:* & owls:B',
    );
    // Short last words match whole: `of:*` would expand to thousands of words.
    expect(tsQuery([{ words: ['call', 'of'], prefixLast: true }])).toBe('call & of');
    expect(tsQuery([{ words: [] }])).toBeNull();
  });

  it('builds genre phrases', () => {
    expect(genreQuery([['indie', 'rock'], ['jazz']])).toBe('(indie:D <-> rock:D) & (jazz:D)');
  });
});

import { matchesIfNoneMatch } from './etag';

describe('matchesIfNoneMatch', () => {
  const tag = '"abc"';
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['*', true],
    ['"abd"', false],
    ['', false],
  ])('%j → %s', (header, expected) => expect(matchesIfNoneMatch(header, tag)).toBe(expected));

  it('is false without the header', () => expect(matchesIfNoneMatch(undefined, tag)).toBe(false));
});

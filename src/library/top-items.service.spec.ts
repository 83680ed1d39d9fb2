import { TIME_RANGE_DAYS, TIME_RANGES, windowStart } from './top-items.service';

describe('windowStart', () => {
  const now = new Date('2031-03-29T12:00:00.000Z');

  it('looks back four weeks for short_term and about six months for medium_term', () => {
    expect(windowStart('short_term', now)?.toISOString()).toBe('2031-03-01T12:00:00.000Z');
    expect(windowStart('medium_term', now)?.toISOString()).toBe('2030-09-28T12:00:00.000Z');
  });

  it('counts all history for long_term', () => {
    expect(windowStart('long_term', now)).toBeNull();
  });

  it('widens with each range', () => {
    expect(TIME_RANGES.map((range) => TIME_RANGE_DAYS[range] ?? Infinity)).toEqual([28, 182, Infinity]);
  });
});

import { idFromBigInt, isValidId, newId, parseUri } from './ids';

describe('ids', () => {
  it('makes valid 22-character base62 ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(isValidId(id)).toBe(true);
  });

  it('derives the same id from the same number', () => {
    expect(idFromBigInt(0n)).toBe('0000000000000000000000');
    expect(idFromBigInt(61n)).toBe('000000000000000000000z');
    expect(idFromBigInt(62n)).toBe('0000000000000000000010');
    expect(idFromBigInt(123456789n)).toBe(idFromBigInt(123456789n));
  });

  it.each(['', 'abc', '0000000000000000000000x', '000000000000000000000-', '../../etc/passwd00000'])(
    'rejects %j',
    (value) => expect(isValidId(value)).toBe(false),
  );

  it('parses URIs of its own scheme only', () => {
    expect(parseUri('backbeat:track:0000000000000000000001', 'backbeat')).toEqual({
      type: 'track',
      id: '0000000000000000000001',
    });
    expect(parseUri('spotify:track:0000000000000000000001', 'backbeat')).toBeNull();
    expect(parseUri('backbeat:track:short', 'backbeat')).toBeNull();
    expect(parseUri('backbeat:track:0000000000000000000001:x', 'backbeat')).toBeNull();
  });
});

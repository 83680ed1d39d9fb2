import { InvalidInputError } from '../common/errors/domain-errors';
import { applyFields, parseFields } from './fields-filter';

const playlist = {
  name: 'Run',
  description: 'fast',
  owner: { id: 'ada', display_name: 'Ada' },
  items: {
    total: 2,
    items: [
      { added_at: '2026-01-01', added_by: { id: 'ada', uri: 'u' }, item: { name: 'A', href: 'h1', album: { name: 'X', href: 'ah' } } },
      { added_at: '2026-01-02', added_by: null, item: { name: 'B', href: 'h2', album: { name: 'Y', href: 'bh' } } },
    ],
  },
};

const filtered = (fields: string) => applyFields(playlist, parseFields(fields));

describe('fields filter', () => {
  it('keeps top-level fields', () => {
    expect(filtered('name,description')).toEqual({ name: 'Run', description: 'fast' });
  });

  it('reaches into objects with dots and into each element with parentheses', () => {
    expect(filtered('owner.id,items.items(added_by.id,item(name,album(name)))')).toEqual({
      owner: { id: 'ada' },
      items: {
        items: [
          { added_by: { id: 'ada' }, item: { name: 'A', album: { name: 'X' } } },
          { added_by: null, item: { name: 'B', album: { name: 'Y' } } },
        ],
      },
    });
  });

  it('leaves out fields marked with !, and merges a field named twice', () => {
    expect(filtered('items.items(item(!album,!href))')).toEqual({ items: { items: [{ item: { name: 'A' } }, { item: { name: 'B' } }] } });
    expect(filtered('items.total,items.items(added_at)')).toEqual({ items: { total: 2, items: [{ added_at: '2026-01-01' }, { added_at: '2026-01-02' }] } });
    expect(filtered('items,items.total')).toEqual({ items: playlist.items });
  });

  it('ignores names the object does not have', () => {
    expect(filtered('nope,name')).toEqual({ name: 'Run' });
  });

  it.each(['', 'a,', 'a(b', 'a)', 'a..b', '!a(b)', 'a b', 'a.!b', '(a)', 'a(b))'])('rejects %j with a 400 error', (fields) => {
    expect(() => parseFields(fields)).toThrow(InvalidInputError);
  });
});

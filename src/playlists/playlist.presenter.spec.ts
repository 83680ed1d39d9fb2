import type { TrackDto } from '../catalog/dto/catalog-objects.dto';
import type { Page } from '../common/http/url-builder';
import type { PlaylistItemDto } from './dto/playlist-objects.dto';
import { itemsPageJson } from './playlist.presenter';

describe('itemsPageJson', () => {
  const track = { id: 't1', name: 'Café "Noir"\n', available_markets: ['DE', 'US'], album: { name: 'Ünïcode' } } as unknown as TrackDto;
  const item = (added_by: PlaylistItemDto['added_by']): PlaylistItemDto => ({ added_at: '2026-12-01T00:00:00.000Z', added_by, is_local: false, item: track, track });
  const page = (items: PlaylistItemDto[]): Page<PlaylistItemDto> => ({ href: 'h?a="b"', items, limit: 100, next: null, offset: 0, previous: null, total: items.length });

  it('writes the same JSON value as JSON.stringify, with each track once per object', () => {
    for (const p of [page([]), page([item(null), item({ external_urls: { backbeat: 'u', spotify: 'u' }, href: 'h', id: 'ada', type: 'user', uri: 'backbeat:user:ada' })])]) {
      expect(JSON.parse(itemsPageJson(p))).toEqual(JSON.parse(JSON.stringify(p)));
    }
  });
});

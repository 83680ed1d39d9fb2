import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors/domain-errors';
import { UrlBuilder } from '../common/http/url-builder';
import { CatalogPresenter } from './catalog.presenter';
import { CatalogReader, inIdOrder } from './catalog.reader';
import type { ArtistDto, PagingArtistAlbumDto, TrackDto } from './dto/catalog-objects.dto';

export const ALBUM_GROUPS = ['album', 'single', 'appears_on', 'compilation'] as const;
export type AlbumGroup = (typeof ALBUM_GROUPS)[number];

@Injectable()
export class ArtistsService {
  constructor(
    private readonly reader: CatalogReader,
    private readonly presenter: CatalogPresenter,
    private readonly urls: UrlBuilder,
  ) {}

  async getArtist(id: string): Promise<ArtistDto> {
    const [row] = await this.reader.artistsByIds([id]);
    if (!row) throw new NotFoundError('Artist not found');
    return this.presenter.artist(row);
  }

  async getArtists(ids: string[]): Promise<(ArtistDto | null)[]> {
    const rows = inIdOrder(ids, await this.reader.artistsByIds(ids));
    return rows.map((row) => (row ? this.presenter.artist(row) : null));
  }

  async getArtistAlbums(
    id: string,
    params: { groups: AlbumGroup[]; market: string | null; limit: number; offset: number },
  ): Promise<PagingArtistAlbumDto> {
    await this.getArtist(id);
    const groups = params.groups.length ? params.groups : [...ALBUM_GROUPS];
    const { rows, total } = await this.reader.artistAlbums({ artistId: id, ...params, groups });
    return this.urls.page(
      rows.map((r) => this.presenter.artistAlbum(r, params.market)),
      {
        path: `/artists/${id}/albums`,
        query: { include_groups: params.groups.join(','), market: params.market },
        offset: params.offset,
        limit: params.limit,
        total,
      },
    );
  }

  async getTopTracks(id: string, market: string | null): Promise<TrackDto[]> {
    await this.getArtist(id);
    const rows = await this.reader.artistTopTracks(id, market);
    return rows.map((r) => this.presenter.track(r, market));
  }
}

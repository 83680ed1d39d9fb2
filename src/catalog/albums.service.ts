import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors/domain-errors';
import { UrlBuilder } from '../common/http/url-builder';
import { CatalogPresenter } from './catalog.presenter';
import { CatalogReader, FullAlbumRow, inIdOrder } from './catalog.reader';
import type { AlbumDto, PagingSimplifiedTrackDto } from './dto/catalog-objects.dto';

/** Tracks embedded in a full album object, as Spotify does. */
const EMBEDDED_TRACKS = 50;

@Injectable()
export class AlbumsService {
  constructor(
    private readonly reader: CatalogReader,
    private readonly presenter: CatalogPresenter,
    private readonly urls: UrlBuilder,
  ) {}

  async getAlbum(id: string, market: string | null): Promise<AlbumDto> {
    const [row] = await this.reader.albumsByIds([id]);
    if (!row) throw new NotFoundError('Album not found');
    return this.withTracks(row, market);
  }

  async getAlbums(ids: string[], market: string | null): Promise<(AlbumDto | null)[]> {
    const rows = inIdOrder(ids, await this.reader.albumsByIds(ids));
    return Promise.all(rows.map((row) => (row ? this.withTracks(row, market) : Promise.resolve(null))));
  }

  /** Albums without their tracks, in one query (GraphQL asks for the tracks separately). */
  async getAlbumsWithoutTracks(ids: string[], market: string | null): Promise<(Omit<AlbumDto, 'tracks'> | null)[]> {
    const rows = inIdOrder(ids, await this.reader.albumsByIds(ids));
    return rows.map((row) => (row ? this.presenter.albumDetails(row, market) : null));
  }

  async getAlbumTracks(id: string, page: { limit: number; offset: number }, market: string | null): Promise<PagingSimplifiedTrackDto> {
    const [album] = await this.reader.simplifiedAlbumsByIds([id]);
    if (!album) throw new NotFoundError('Album not found');
    return this.tracksPage(id, page.limit, page.offset, market);
  }

  private async withTracks(row: FullAlbumRow, market: string | null): Promise<AlbumDto> {
    return this.presenter.album(row, await this.tracksPage(row.id, EMBEDDED_TRACKS, 0, market), market);
  }

  private async tracksPage(albumId: string, limit: number, offset: number, market: string | null): Promise<PagingSimplifiedTrackDto> {
    const { rows, total } = await this.reader.albumTracks(albumId, limit, offset);
    return this.urls.page(
      rows.map((r) => this.presenter.simplifiedTrack(r, market)),
      { path: `/albums/${albumId}/tracks`, query: { market }, offset, limit, total },
    );
  }
}

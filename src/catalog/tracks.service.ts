import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { NotFoundError } from '../common/errors/domain-errors';
import { CatalogPresenter } from './catalog.presenter';
import { CatalogReader, inIdOrder } from './catalog.reader';
import type { AudioFeaturesDto, TrackDto } from './dto/catalog-objects.dto';

@Injectable()
export class TracksService {
  constructor(
    private readonly reader: CatalogReader,
    private readonly presenter: CatalogPresenter,
  ) {}

  /** Catalog data changes only through imports, so a few seconds' staleness is harmless. */
  private readonly recent = new LRUCache<string, TrackDto>({ max: 20_000, ttl: 10_000 });

  async getTrack(id: string, market: string | null): Promise<TrackDto> {
    const [row] = await this.reader.tracksByIds([id]);
    if (!row) throw new NotFoundError('Track not found');
    return this.presenter.track(row, market);
  }

  /**
   * Tracks for lists (playlists, the library, the player), kept briefly: a page of a playlist names
   * up to 100 tracks, mostly the same ones from one read to the next.
   */
  async getTracks(ids: string[], market: string | null): Promise<(TrackDto | null)[]> {
    const key = (id: string) => `${id}:${market ?? ''}`;
    const found = new Map<string, TrackDto>();
    for (const id of ids) {
      const track = this.recent.get(key(id));
      if (track) found.set(id, track);
    }
    const missing = [...new Set(ids.filter((id) => !found.has(id)))];
    for (const row of missing.length ? await this.reader.tracksByIds(missing) : []) {
      const track = this.presenter.track(row, market);
      found.set(row.id, track);
      this.recent.set(key(row.id), track);
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  async getAudioFeatures(id: string): Promise<AudioFeaturesDto> {
    const [row] = await this.reader.audioFeatures([id]);
    if (!row) throw new NotFoundError('Audio features not found');
    return this.presenter.audioFeatures(row);
  }

  async getSeveralAudioFeatures(ids: string[]): Promise<(AudioFeaturesDto | null)[]> {
    const rows = inIdOrder(ids, await this.reader.audioFeatures(ids));
    return rows.map((row) => (row ? this.presenter.audioFeatures(row) : null));
  }
}

import { Injectable } from '@nestjs/common';
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

  async getTrack(id: string, market: string | null): Promise<TrackDto> {
    const [row] = await this.reader.tracksByIds([id]);
    if (!row) throw new NotFoundError('Track not found');
    return this.presenter.track(row, market);
  }

  async getTracks(ids: string[], market: string | null): Promise<(TrackDto | null)[]> {
    const rows = inIdOrder(ids, await this.reader.tracksByIds(ids));
    return rows.map((row) => (row ? this.presenter.track(row, market) : null));
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

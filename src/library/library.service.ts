import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { NotFoundError } from '../common/errors/domain-errors';
import { UrlBuilder } from '../common/http/url-builder';
import { CatalogReader } from '../catalog/catalog.reader';
import type { TrackDto } from '../catalog/dto/catalog-objects.dto';
import { TracksService } from '../catalog/tracks.service';
import { UserEntity } from '../oauth/entities/user.entity';
import type { CurrentUserDto, PagingSavedTrackDto, PublicUserDto } from './dto/library.dto';
import { SavedTrackEntity } from './entities/saved-track.entity';

/** Listeners' profiles and their libraries. */
@Injectable()
export class LibraryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: CatalogReader,
    private readonly tracks: TracksService,
    private readonly urls: UrlBuilder,
  ) {}

  async publicProfile(userId: string): Promise<PublicUserDto> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw new NotFoundError('No such user', 'USER_NOT_FOUND');
    return this.present(user);
  }

  /** The caller's own profile; private fields only with the scopes that grant them. */
  async currentProfile(principal: Principal & { userId: string }): Promise<CurrentUserDto> {
    const user = await this.db.getRepository(UserEntity).findOneByOrFail({ id: principal.userId });
    return {
      ...(principal.scopes.has('user-read-private')
        ? { country: user.country, product: user.product, explicit_content: { filter_enabled: false, filter_locked: false } }
        : {}),
      ...this.present(user),
      ...(principal.scopes.has('user-read-email') ? { email: user.email } : {}),
    };
  }

  async savedTracks(userId: string, page: { limit: number; offset: number }, market: string | null): Promise<PagingSavedTrackDto> {
    const repository = this.db.getRepository(SavedTrackEntity);
    const [rows, total] = await Promise.all([
      repository.find({ where: { userId }, order: { addedAt: 'DESC', trackId: 'ASC' }, take: page.limit, skip: page.offset }),
      repository.countBy({ userId }),
    ]);
    const tracks = rows.length ? await this.tracks.getTracks(rows.map((r) => r.trackId), market) : [];
    const items = rows.map((row, i) => ({ added_at: row.addedAt.toISOString(), track: tracks[i] as TrackDto }));
    return this.urls.page(items, { path: '/me/tracks', query: { market }, offset: page.offset, limit: page.limit, total });
  }

  /** Saves tracks (already saved ones keep their date); every id must name a track. */
  async saveTracks(userId: string, ids: readonly string[]): Promise<void> {
    const unique = [...new Set(ids)];
    const found = new Set((await this.reader.tracksByIds(unique)).map((t) => t.id));
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length) throw new NotFoundError(`No track with id ${missing.join(', ')}`, 'TRACK_NOT_FOUND');
    await this.db
      .getRepository(SavedTrackEntity)
      .createQueryBuilder()
      .insert()
      .values(unique.map((trackId) => ({ userId, trackId, addedAt: new Date() })))
      .orIgnore()
      .execute();
  }

  async removeTracks(userId: string, ids: readonly string[]): Promise<void> {
    await this.db.query(`DELETE FROM saved_tracks WHERE user_id = $1 AND track_id = ANY($2)`, [userId, [...new Set(ids)]]);
  }

  async containsTracks(userId: string, ids: readonly string[]): Promise<boolean[]> {
    const rows: { track_id: string }[] = await this.db.query(`SELECT track_id FROM saved_tracks WHERE user_id = $1 AND track_id = ANY($2)`, [userId, [...ids]]);
    const saved = new Set(rows.map((r) => r.track_id));
    return ids.map((id) => saved.has(id));
  }

  private present(user: UserEntity): PublicUserDto {
    return {
      display_name: user.displayName,
      external_urls: this.urls.externalUrls('user', user.id),
      followers: { href: null, total: 0 },
      href: this.urls.href('user', user.id),
      id: user.id,
      images: [],
      type: 'user',
      uri: this.urls.uri('user', user.id),
    };
  }
}

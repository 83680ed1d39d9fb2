import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { CopyrightObject, ImageObject } from '../../common/wire';
import { type ArtistCredit, ArtistEntity } from './artist.entity';

export type AlbumType = 'album' | 'single' | 'compilation';
export type ReleaseDatePrecision = 'year' | 'month' | 'day';

@Entity('albums')
@Index('idx_albums_name_trgm', { synchronize: false })
@Index('idx_albums_markets', { synchronize: false })
@Index('idx_albums_popularity_search', { synchronize: false })
@Index('idx_albums_name_exact', { synchronize: false })
@Index('idx_albums_release', ['releaseDate', 'id'])
export class AlbumEntity {
  @PrimaryColumn({ type: 'varchar', length: 22 })
  id: string;

  @Column('text')
  name: string;

  @Column('varchar', { length: 12, name: 'album_type' })
  albumType: AlbumType;

  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as `releaseDatePrecision` says. */
  @Column('varchar', { length: 10, name: 'release_date' })
  releaseDate: string;

  @Column('varchar', { length: 5, name: 'release_date_precision' })
  releaseDatePrecision: ReleaseDatePrecision;

  @Index('idx_albums_release_year')
  @Column('smallint', { name: 'release_year' })
  releaseYear: number;

  @Column('text')
  label: string;

  @Column('jsonb', { default: () => "'[]'" })
  copyrights: CopyrightObject[];

  @Index('idx_albums_upc')
  @Column('varchar', { length: 14, nullable: true })
  upc: string | null;

  @Column('smallint')
  popularity: number;

  @Column('smallint', { name: 'total_tracks' })
  totalTracks: number;

  @Column('jsonb', { default: () => "'[]'" })
  images: ImageObject[];

  /** ISO 3166-1 alpha-2 codes of the markets where the album can be played. */
  @Column('varchar', { length: 2, array: true, name: 'available_markets', default: () => "'{}'" })
  availableMarkets: string[];

  /** The credited artists as `[{id, name}]`, in order; `album_artists` stays the source of truth. */
  @Column('jsonb', { default: () => "'[]'" })
  artists: ArtistCredit[];

  /** Weighted lexemes: A = name, B = artist names, D = genres. */
  @Index('idx_albums_search', { synchronize: false })
  @Column('tsvector', { name: 'search_vector', select: false })
  searchVector: string;
}

@Entity('album_artists')
@Index('idx_album_artists_artist', ['artistId', 'albumId'])
export class AlbumArtistEntity {
  @PrimaryColumn({ type: 'varchar', length: 22, name: 'album_id' })
  albumId: string;

  @PrimaryColumn({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 22, name: 'artist_id' })
  artistId: string;

  @ManyToOne(() => AlbumEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'album_id' })
  album?: AlbumEntity;

  @ManyToOne(() => ArtistEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'artist_id' })
  artist?: ArtistEntity;
}

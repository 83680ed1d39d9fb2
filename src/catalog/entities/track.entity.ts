import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { AlbumEntity } from './album.entity';
import { type ArtistCredit, ArtistEntity } from './artist.entity';

@Entity('tracks')
@Index('idx_tracks_album', ['albumId', 'discNumber', 'trackNumber'])
@Index('idx_tracks_name_trgm', { synchronize: false })
@Index('idx_tracks_popularity_search', { synchronize: false })
@Index('idx_tracks_name_exact', { synchronize: false })
export class TrackEntity {
  @PrimaryColumn({ type: 'varchar', length: 22 })
  id: string;

  @Column({ type: 'varchar', length: 22, name: 'album_id' })
  albumId: string;

  @ManyToOne(() => AlbumEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'album_id' })
  album?: AlbumEntity;

  @Column('text')
  name: string;

  @Column('integer', { name: 'duration_ms' })
  durationMs: number;

  @Column('boolean')
  explicit: boolean;

  @Index('idx_tracks_isrc')
  @Column('varchar', { length: 12, nullable: true })
  isrc: string | null;

  @Column('smallint', { name: 'disc_number' })
  discNumber: number;

  @Column('smallint', { name: 'track_number' })
  trackNumber: number;

  /** Searched by `idx_tracks_popularity_search` (popularity DESC, id) INCLUDE (search_vector), made in a migration. */
  @Column('smallint')
  popularity: number;

  @Column('text', { name: 'preview_url', nullable: true })
  previewUrl: string | null;

  /** Markets where this track can be played; a subset of its album's. */
  @Column('varchar', { length: 2, array: true, name: 'available_markets', default: () => "'{}'" })
  availableMarkets: string[];

  /**
   * The credited artists as `[{id, name}]`, in order: a read model so a track is one row to fetch.
   * `track_artists` stays the source of truth; the catalog loader writes both.
   */
  @Column('jsonb', { default: () => "'[]'" })
  artists: ArtistCredit[];

  /** Weighted lexemes: A = name, B = artist names, C = album name, D = genres. */
  @Index('idx_tracks_search', { synchronize: false })
  @Column('tsvector', { name: 'search_vector', select: false })
  searchVector: string;
}

@Entity('track_artists')
@Index('idx_track_artists_artist', ['artistId', 'trackId'])
export class TrackArtistEntity {
  @PrimaryColumn({ type: 'varchar', length: 22, name: 'track_id' })
  trackId: string;

  @PrimaryColumn({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 22, name: 'artist_id' })
  artistId: string;

  @ManyToOne(() => TrackEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'track_id' })
  track?: TrackEntity;

  @ManyToOne(() => ArtistEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'artist_id' })
  artist?: ArtistEntity;
}

/** Perceptual features per track: what fitness apps pick music by. */
@Entity('audio_features')
@Index('idx_audio_features_tempo_energy', ['tempo', 'energy'])
export class AudioFeaturesEntity {
  @PrimaryColumn({ type: 'varchar', length: 22, name: 'track_id' })
  trackId: string;

  @OneToOne(() => TrackEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'track_id' })
  track?: TrackEntity;

  @Column('real') acousticness: number;
  @Column('real') danceability: number;
  @Column('real') energy: number;
  @Column('real') instrumentalness: number;
  @Column('real') liveness: number;
  @Column('real') loudness: number;
  @Column('real') speechiness: number;
  @Column('real') valence: number;
  @Column('real') tempo: number;
  /** Pitch class 0-11, or -1 when no key was detected. */
  @Column('smallint') key: number;
  /** 1 = major, 0 = minor. */
  @Column('smallint') mode: number;
  @Column('smallint', { name: 'time_signature' }) timeSignature: number;
}

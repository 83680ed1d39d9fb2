import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ImageObject } from '../../common/wire';

/** An artist as credited on a track or album: what the wire's simplified artist needs. */
export interface ArtistCredit {
  id: string;
  name: string;
}

@Entity('artists')
@Index('idx_artists_name_trgm', { synchronize: false })
@Index('idx_artists_genres', { synchronize: false })
@Index('idx_artists_popularity_search', { synchronize: false })
@Index('idx_artists_name_exact', { synchronize: false })
export class ArtistEntity {
  @PrimaryColumn({ type: 'varchar', length: 22 })
  id: string;

  @Column('text')
  name: string;

  /** Genre slugs from the `genres` table. */
  @Column('text', { array: true, default: () => "'{}'" })
  genres: string[];

  @Column('smallint')
  popularity: number;

  @Column('integer', { default: 0 })
  followers: number;

  @Column('jsonb', { default: () => "'[]'" })
  images: ImageObject[];

  /** Weighted lexemes: A = name, D = genres. Written by the catalog loader. */
  @Index('idx_artists_search', { synchronize: false })
  @Column('tsvector', { name: 'search_vector', select: false })
  searchVector: string;
}

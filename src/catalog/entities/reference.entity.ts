import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ImageObject } from '../../common/wire';

@Entity('markets')
export class MarketEntity {
  /** ISO 3166-1 alpha-2. */
  @PrimaryColumn({ type: 'varchar', length: 2 })
  code: string;

  @Column('text')
  name: string;
}

@Entity('genres')
export class GenreEntity {
  /** Lowercase slug, also the genre seed name, e.g. `indie-rock`. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column('text')
  name: string;
}

@Entity('categories')
export class CategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column('text')
  name: string;

  /** Names by locale tag (`es_MX`, `de`, …); `name` is the fallback. */
  @Column('jsonb', { name: 'localized_names', default: () => "'{}'" })
  localizedNames: Record<string, string>;

  @Column('jsonb', { default: () => "'[]'" })
  icons: ImageObject[];

  @Column('smallint', { default: 0 })
  position: number;

  /** Genres whose music the category gathers. */
  @Column('text', { array: true, default: () => "'{}'" })
  genres: string[];
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type Product = 'free' | 'premium';

/** A listener account. */
@Entity('users')
export class UserEntity {
  /** Like Spotify user ids: a short string unique across users. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Index('idx_users_email', { unique: true })
  @Column('varchar', { length: 320 })
  email: string;

  @Column('varchar', { length: 2 })
  country: string;

  @Column('varchar', { length: 8, default: 'premium' })
  product: Product;

  @Column('date', { nullable: true })
  birthdate: string | null;

  /** scrypt hash in PHC form; null for listeners created by development tooling, who cannot sign in. */
  @Column('text', { name: 'password_hash', nullable: true })
  passwordHash: string | null;

  /** May switch apps to extended quota. */
  @Column('boolean', { name: 'is_admin', default: false })
  isAdmin: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

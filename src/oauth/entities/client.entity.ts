import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from './user.entity';

export type ClientType = 'confidential' | 'public';
export type QuotaMode = 'development' | 'extended';

/** Per-app budgets that replace the quota mode's (requests per window); unset keys keep the mode's. */
export interface RateLimitOverride {
  app?: number;
  user?: number;
  writes?: number;
}

/** A developer's registered app. */
@Entity('oauth_clients')
@Index('idx_clients_owner', ['ownerId'])
export class ClientEntity {
  /** 32 hex characters, like Spotify client ids. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  @Column('text')
  name: string;

  @Column('text', { default: '' })
  description: string;

  @Column('varchar', { length: 64, name: 'owner_id' })
  ownerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id' })
  owner?: UserEntity;

  @Column('varchar', { length: 12 })
  type: ClientType;

  /** Hex SHA-256 of the secret (high-entropy, so a fast hash is enough); null for public clients. */
  @Column('char', { length: 64, name: 'secret_hash', nullable: true })
  secretHash: string | null;

  /** Compared as exact strings. */
  @Column('text', { array: true, name: 'redirect_uris', default: () => "'{}'" })
  redirectUris: string[];

  @Column('varchar', { length: 12, name: 'quota_mode', default: 'development' })
  quotaMode: QuotaMode;

  /** Set by an admin for an app that needs other budgets than its quota mode gives. */
  @Column('jsonb', { name: 'rate_limit_override', nullable: true })
  rateLimitOverride: RateLimitOverride | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}

import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { GrantEntity } from './grant.entity';

/** A refresh token; only its hash is stored. Each use rotates it: `used_at` marks the old one. */
@Entity('oauth_refresh_tokens')
@Index('idx_refresh_tokens_grant', ['grantId'])
export class RefreshTokenEntity {
  @PrimaryColumn({ type: 'char', length: 64, name: 'token_hash' })
  tokenHash: string;

  @Column('uuid', { name: 'grant_id' })
  grantId: string;

  @ManyToOne(() => GrantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'grant_id' })
  grant?: GrantEntity;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

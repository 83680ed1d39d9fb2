import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { GrantEntity } from './grant.entity';
import { UserEntity } from './user.entity';

/** An issued access token; only its SHA-256 hash is stored. */
@Entity('oauth_access_tokens')
@Index('idx_access_tokens_user', ['userId'])
@Index('idx_access_tokens_expiry', ['expiresAt'])
@Index('idx_access_tokens_grant', ['grantId'])
export class AccessTokenEntity {
  /** Hex SHA-256 of the token. */
  @PrimaryColumn({ type: 'char', length: 64, name: 'token_hash' })
  tokenHash: string;

  @Column('varchar', { length: 64, name: 'client_id' })
  clientId: string;

  @Column('varchar', { length: 64, name: 'user_id', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity | null;

  /** The grant (token family) it came from; null for client-credentials and development tokens. */
  @Column('uuid', { name: 'grant_id', nullable: true })
  grantId: string | null;

  @ManyToOne(() => GrantEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'grant_id' })
  grant?: GrantEntity | null;

  @Column('text', { array: true, default: () => "'{}'" })
  scopes: string[];

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { GrantEntity } from './grant.entity';

/** A single-use authorization code; only its hash is stored. */
@Entity('oauth_authorization_codes')
export class AuthorizationCodeEntity {
  @PrimaryColumn({ type: 'char', length: 64, name: 'code_hash' })
  codeHash: string;

  @Column('uuid', { name: 'grant_id' })
  grantId: string;

  @ManyToOne(() => GrantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'grant_id' })
  grant?: GrantEntity;

  @Column('text', { name: 'redirect_uri' })
  redirectUri: string;

  @Column('varchar', { length: 128, name: 'code_challenge', nullable: true })
  codeChallenge: string | null;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  /** Set when exchanged; a second exchange is a replay. */
  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;
}

import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ClientEntity } from './client.entity';

/**
 * One authorization event (a code exchanged, a device activated) and the token
 * family it starts. Revoking it ends every token issued from it.
 */
@Entity('oauth_grants')
@Index('idx_grants_user_client', ['userId', 'clientId'])
export class GrantEntity {
  /** A random UUID made by the service (no database extension needed). */
  @PrimaryColumn('uuid')
  id: string;

  @Column('varchar', { length: 32, name: 'client_id' })
  clientId: string;

  /** Deleting an app ends its grants, and with them their codes and tokens. */
  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: ClientEntity;

  @Column('varchar', { length: 64, name: 'user_id' })
  userId: string;

  @Column('text', { array: true, default: () => "'{}'" })
  scopes: string[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}

import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ClientEntity } from './client.entity';

export type DeviceCodeStatus = 'pending' | 'approved' | 'denied' | 'used';

/**
 * A device authorization request (RFC 8628): the device polls with the device code
 * while the listener enters the user code on /activate. Both are stored only as hashes.
 */
@Entity('oauth_device_codes')
export class DeviceCodeEntity {
  @PrimaryColumn({ type: 'char', length: 64, name: 'device_code_hash' })
  deviceCodeHash: string;

  @Index('idx_device_codes_user_code', { unique: true })
  @Column('char', { length: 64, name: 'user_code_hash' })
  userCodeHash: string;

  @Column('varchar', { length: 32, name: 'client_id' })
  clientId: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: ClientEntity;

  @Column('text', { array: true, default: () => "'{}'" })
  scopes: string[];

  @Column('varchar', { length: 10, default: 'pending' })
  status: DeviceCodeStatus;

  /** The listener who approved or denied it. */
  @Column('varchar', { length: 64, name: 'user_id', nullable: true })
  userId: string | null;

  /** Seconds the device must wait between polls; grows by 5 on each `slow_down`. */
  @Column('int', { name: 'poll_interval' })
  pollInterval: number;

  @Column('timestamptz', { name: 'last_polled_at', nullable: true })
  lastPolledAt: Date | null;

  @Index('idx_device_codes_expires')
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

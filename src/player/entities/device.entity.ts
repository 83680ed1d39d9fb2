import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../oauth/entities/user.entity';

/** A listener's device that connected over the device protocol. */
@Entity('player_devices')
@Index('idx_player_devices_user', ['userId'])
export class DeviceEntity {
  /** 40 hex characters derived from the listener and the device's own id, so it survives reconnects. */
  @PrimaryColumn({ type: 'char', length: 40 })
  id: string;

  @Column('varchar', { length: 64, name: 'user_id' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** The app the device signed in with. */
  @Column('varchar', { length: 64, name: 'client_id' })
  clientId: string;

  @Column('text')
  name: string;

  @Column('varchar', { length: 16 })
  type: string;

  @Column('boolean', { name: 'supports_volume' })
  supportsVolume: boolean;

  @Column('smallint', { name: 'volume_percent', nullable: true })
  volumePercent: number | null;

  @Column('text', { array: true, default: () => "'{}'" })
  restrictions: string[];

  /** The gateway instance holding its connection, while connected. */
  @Column('varchar', { length: 64, name: 'instance_id', nullable: true })
  instanceId: string | null;

  @Column('timestamptz', { name: 'connected_at' })
  connectedAt: Date;

  /** Null while connected; a device that dropped disappears from the list after a grace period. */
  @Column('timestamptz', { name: 'disconnected_at', nullable: true })
  disconnectedAt: Date | null;
}

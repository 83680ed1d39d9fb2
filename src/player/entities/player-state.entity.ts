import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../../oauth/entities/user.entity';
import type { Playback } from '../playback';

/** A listener's playback, one row per listener; `version` guards against concurrent writers. */
@Entity('player_states')
export class PlayerStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'user_id' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column('jsonb')
  playback: Playback;

  @Column('integer')
  version: number;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}

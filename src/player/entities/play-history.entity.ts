import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../oauth/entities/user.entity';

/** A track a listener started playing: recently played, and later top tracks and recommendations. */
@Entity('play_history')
@Index('idx_play_history_user_time', ['userId', 'playedAt'])
export class PlayHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('varchar', { length: 64, name: 'user_id' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column('varchar', { length: 22, name: 'track_id' })
  trackId: string;

  @Column('text', { name: 'context_uri', nullable: true })
  contextUri: string | null;

  @Column('timestamptz', { name: 'played_at' })
  playedAt: Date;
}

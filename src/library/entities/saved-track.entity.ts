import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TrackEntity } from '../../catalog/entities/track.entity';
import { UserEntity } from '../../oauth/entities/user.entity';

/** A track in a listener's library ("Liked Songs"). */
@Entity('saved_tracks')
@Index('idx_saved_tracks_user_added', ['userId', 'addedAt'])
export class SavedTrackEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'user_id' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'varchar', length: 22, name: 'track_id' })
  trackId: string;

  @ManyToOne(() => TrackEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'track_id' })
  track?: TrackEntity;

  @Column('timestamptz', { name: 'added_at' })
  addedAt: Date;
}

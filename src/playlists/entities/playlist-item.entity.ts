import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TrackEntity } from '../../catalog/entities/track.entity';
import { UserEntity } from '../../oauth/entities/user.entity';
import { PlaylistEntity } from './playlist.entity';

/**
 * One entry of a playlist. `position` is a fractional index (a string key that sorts between
 * its neighbours in byte order), so inserting or moving items rewrites only those items.
 */
@Entity('playlist_items')
@Index('idx_playlist_items_order', ['playlistId', 'position'])
export class PlaylistItemEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('varchar', { length: 22, name: 'playlist_id' })
  playlistId: string;

  @ManyToOne(() => PlaylistEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'playlist_id' })
  playlist?: PlaylistEntity;

  @Column({ type: 'varchar', length: 128, collation: 'C' })
  position: string;

  @Column('varchar', { length: 22, name: 'track_id' })
  trackId: string;

  @ManyToOne(() => TrackEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'track_id' })
  track?: TrackEntity;

  /** Who added it; null once that listener is gone. */
  @Column('varchar', { length: 64, name: 'added_by', nullable: true })
  addedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'added_by' })
  adder?: UserEntity;

  @Column('timestamptz', { name: 'added_at' })
  addedAt: Date;
}

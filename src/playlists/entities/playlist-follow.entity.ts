import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../oauth/entities/user.entity';
import { PlaylistEntity } from './playlist.entity';

/**
 * A listener following a playlist. Owners follow their own playlists, which puts them in their
 * list; following a collaborative playlist makes the follower a collaborator.
 */
@Entity('playlist_follows')
@Index('idx_playlist_follows_playlist', ['playlistId'])
@Index('idx_playlist_follows_user_time', ['userId', 'followedAt'])
export class PlaylistFollowEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'user_id' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'varchar', length: 22, name: 'playlist_id' })
  playlistId: string;

  @ManyToOne(() => PlaylistEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'playlist_id' })
  playlist?: PlaylistEntity;

  /** Whether the follow shows on the listener's public profile. */
  @Column('boolean')
  public: boolean;

  @Column('timestamptz', { name: 'followed_at' })
  followedAt: Date;
}

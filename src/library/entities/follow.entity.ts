import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../oauth/entities/user.entity';

export type FollowType = 'artist' | 'user';

/** A listener following an artist or another listener. */
@Entity('follows')
@Index('idx_follows_target', ['targetType', 'targetId'])
export class FollowEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'user_id' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'varchar', length: 8, name: 'target_type' })
  targetType: FollowType;

  /** An artist id or a user id; checked to exist when followed. */
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'target_id' })
  targetId: string;

  @Column('timestamptz', { name: 'followed_at' })
  followedAt: Date;
}

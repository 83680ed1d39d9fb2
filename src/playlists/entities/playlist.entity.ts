import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../oauth/entities/user.entity';

/** A listener's playlist. Its items live in playlist_items; `version` numbers its snapshots. */
@Entity('playlists')
@Index('idx_playlists_owner', ['ownerId'])
@Index('idx_playlists_search', { synchronize: false })
export class PlaylistEntity {
  @PrimaryColumn({ type: 'varchar', length: 22 })
  id: string;

  @Column('varchar', { length: 64, name: 'owner_id' })
  ownerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id' })
  owner?: UserEntity;

  @Column('varchar', { length: 100 })
  name: string;

  @Column('varchar', { length: 300, nullable: true })
  description: string | null;

  @Column('boolean')
  public: boolean;

  @Column('boolean')
  collaborative: boolean;

  /** Bumped by every change; the snapshot id encodes it. */
  @Column('integer', { default: 1 })
  version: number;

  /** Kept in step with playlist_items under the playlist's row lock, so totals need no count(*). */
  @Column('integer', { name: 'item_count', default: 0 })
  itemCount: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AlbumEntity } from '../../catalog/entities/album.entity';
import { UserEntity } from '../../oauth/entities/user.entity';

/** An album in a listener's library. */
@Entity('saved_albums')
@Index('idx_saved_albums_user_added', ['userId', 'addedAt'])
export class SavedAlbumEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'user_id' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'varchar', length: 22, name: 'album_id' })
  albumId: string;

  @ManyToOne(() => AlbumEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'album_id' })
  album?: AlbumEntity;

  @Column('timestamptz', { name: 'added_at' })
  addedAt: Date;
}

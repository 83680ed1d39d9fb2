import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { PlaylistEntity } from './playlist.entity';

/** A playlist's uploaded cover: a validated JPEG, served under a URL named by its digest. */
@Entity('playlist_images')
@Index('idx_playlist_images_digest', ['digest'])
export class PlaylistImageEntity {
  @PrimaryColumn({ type: 'varchar', length: 22, name: 'playlist_id' })
  playlistId: string;

  @OneToOne(() => PlaylistEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'playlist_id' })
  playlist?: PlaylistEntity;

  @Column('bytea')
  jpeg: Buffer;

  /** SHA-256 of the JPEG, hex: the cover's URL changes when the image does. */
  @Column('char', { length: 64 })
  digest: string;

  @Column('integer')
  width: number;

  @Column('integer')
  height: number;
}

import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ClientEntity } from './client.entity';
import { UserEntity } from './user.entity';

/** A listener's standing authorization of an app: "apps you authorized", and the development-mode user cap. */
@Entity('oauth_consents')
@Index('idx_consents_client', ['clientId'])
export class ConsentEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'user_id' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 32, name: 'client_id' })
  clientId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: ClientEntity;

  @Column('text', { array: true, default: () => "'{}'" })
  scopes: string[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ClientEntity } from '../oauth/entities/client.entity';

/**
 * API calls of one app to one route template in one minute: aggregated by UsageRecorder in memory
 * and added here every few seconds, never a row per request. The primary key leads with
 * (client_id, bucket), so "one app, last N hours" is a range scan of it; `idx_api_usage_bucket`
 * serves the retention sweep, which deletes by age across every app.
 */
@Entity('api_usage')
@Index('idx_api_usage_bucket', ['bucket'])
export class ApiUsageEntity {
  @PrimaryColumn({ type: 'varchar', length: 32, name: 'client_id' })
  clientId: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: ClientEntity;

  /** Start of the minute (UTC) the calls ended in. */
  @PrimaryColumn({ type: 'timestamptz' })
  bucket: Date;

  /** Method and route template, e.g. `GET /v1/tracks/:id`: never the raw URL. */
  @PrimaryColumn('text')
  route: string;

  /** Every call, whatever its status. */
  @Column('int', { default: 0 })
  requests: number;

  /** Calls refused with 429 (rate limited). */
  @Column('int', { default: 0 })
  limited: number;

  /** Other 4xx and 5xx answers. */
  @Column('int', { default: 0 })
  errors: number;
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class RateLimitOverride1796096669339 implements MigrationInterface {
  name = 'RateLimitOverride1796096669339';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "oauth_clients" ADD "rate_limit_override" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "oauth_clients" DROP COLUMN "rate_limit_override"`);
  }
}

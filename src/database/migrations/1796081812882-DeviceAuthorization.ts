import { MigrationInterface, QueryRunner } from 'typeorm';

export class DeviceAuthorization1796081812882 implements MigrationInterface {
  name = 'DeviceAuthorization1796081812882';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "oauth_device_codes" ("device_code_hash" character(64) NOT NULL, "user_code_hash" character(64) NOT NULL, "client_id" character varying(32) NOT NULL, "scopes" text array NOT NULL DEFAULT '{}', "status" character varying(10) NOT NULL DEFAULT 'pending', "user_id" character varying(64), "poll_interval" integer NOT NULL, "last_polled_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_51fa547741e5cac20070ab4865c" PRIMARY KEY ("device_code_hash"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "idx_device_codes_user_code" ON "oauth_device_codes"  ("user_code_hash") `);
    await queryRunner.query(`CREATE INDEX "idx_device_codes_expires" ON "oauth_device_codes"  ("expires_at") `);
    await queryRunner.query(`ALTER TABLE "oauth_device_codes" ADD CONSTRAINT "FK_8865354653f1779382a2978ff6e" FOREIGN KEY ("client_id") REFERENCES "oauth_clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "oauth_device_codes" DROP CONSTRAINT "FK_8865354653f1779382a2978ff6e"`);
    await queryRunner.query(`DROP INDEX "public"."idx_device_codes_expires"`);
    await queryRunner.query(`DROP INDEX "public"."idx_device_codes_user_code"`);
    await queryRunner.query(`DROP TABLE "oauth_device_codes"`);
  }
}

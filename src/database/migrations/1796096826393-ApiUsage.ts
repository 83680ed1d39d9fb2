import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiUsage1796096826393 implements MigrationInterface {
  name = 'ApiUsage1796096826393';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "api_usage" ("client_id" character varying(32) NOT NULL, "bucket" TIMESTAMP WITH TIME ZONE NOT NULL, "route" text NOT NULL, "requests" integer NOT NULL DEFAULT '0', "limited" integer NOT NULL DEFAULT '0', "errors" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_e6afa73f5f9dddea156940ab870" PRIMARY KEY ("client_id", "bucket", "route"))`);
    await queryRunner.query(`CREATE INDEX "idx_api_usage_bucket" ON "api_usage"  ("bucket") `);
    await queryRunner.query(`ALTER TABLE "api_usage" ADD CONSTRAINT "FK_d38821dfe5445a00746416c6a20" FOREIGN KEY ("client_id") REFERENCES "oauth_clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_usage" DROP CONSTRAINT "FK_d38821dfe5445a00746416c6a20"`);
    await queryRunner.query(`DROP INDEX "public"."idx_api_usage_bucket"`);
    await queryRunner.query(`DROP TABLE "api_usage"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class Follows1796089222332 implements MigrationInterface {
  name = 'Follows1796089222332';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "follows" ("user_id" character varying(64) NOT NULL, "target_type" character varying(8) NOT NULL, "target_id" character varying(64) NOT NULL, "followed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2e9df0229e79b4eea66e8b6b74c" PRIMARY KEY ("user_id", "target_type", "target_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_follows_target" ON "follows"  ("target_type", "target_id") `);
    await queryRunner.query(`ALTER TABLE "follows" ADD CONSTRAINT "FK_941d172275662c2b9d8b9f4270c" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "follows" DROP CONSTRAINT "FK_941d172275662c2b9d8b9f4270c"`);
    await queryRunner.query(`DROP INDEX "public"."idx_follows_target"`);
    await queryRunner.query(`DROP TABLE "follows"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class SavedTracks1796088245872 implements MigrationInterface {
  name = 'SavedTracks1796088245872';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "saved_tracks" ("user_id" character varying(64) NOT NULL, "track_id" character varying(22) NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7917c448d7e1da5a796b6dd02b2" PRIMARY KEY ("user_id", "track_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_saved_tracks_user_added" ON "saved_tracks"  ("user_id", "added_at") `);
    await queryRunner.query(`ALTER TABLE "saved_tracks" ADD CONSTRAINT "FK_c35c83131f867b48383328aa7de" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "saved_tracks" ADD CONSTRAINT "FK_10f37bd866c64bdd0544a9fa3dd" FOREIGN KEY ("track_id") REFERENCES "tracks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "saved_tracks" DROP CONSTRAINT "FK_10f37bd866c64bdd0544a9fa3dd"`);
    await queryRunner.query(`ALTER TABLE "saved_tracks" DROP CONSTRAINT "FK_c35c83131f867b48383328aa7de"`);
    await queryRunner.query(`DROP INDEX "public"."idx_saved_tracks_user_added"`);
    await queryRunner.query(`DROP TABLE "saved_tracks"`);
  }
}

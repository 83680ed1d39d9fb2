import { MigrationInterface, QueryRunner } from 'typeorm';

export class SavedAlbums1796088567646 implements MigrationInterface {
  name = 'SavedAlbums1796088567646';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "saved_albums" ("user_id" character varying(64) NOT NULL, "album_id" character varying(22) NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b17a744bc1323c876fec745476a" PRIMARY KEY ("user_id", "album_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_saved_albums_user_added" ON "saved_albums"  ("user_id", "added_at") `);
    await queryRunner.query(`ALTER TABLE "saved_albums" ADD CONSTRAINT "FK_43ec0113b58e939bcadc278ab56" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "saved_albums" ADD CONSTRAINT "FK_f08ce04b295b380b030876c7e19" FOREIGN KEY ("album_id") REFERENCES "albums"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "saved_albums" DROP CONSTRAINT "FK_f08ce04b295b380b030876c7e19"`);
    await queryRunner.query(`ALTER TABLE "saved_albums" DROP CONSTRAINT "FK_43ec0113b58e939bcadc278ab56"`);
    await queryRunner.query(`DROP INDEX "public"."idx_saved_albums_user_added"`);
    await queryRunner.query(`DROP TABLE "saved_albums"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Trigram index for `type=playlist` search over public playlists' names and descriptions. */
export class PlaylistSearch1796092700000 implements MigrationInterface {
  name = 'PlaylistSearch1796092700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_playlists_search" ON "playlists" USING gin (bb_normalize("name" || ' ' || coalesce("description", '')) gin_trgm_ops) WHERE "public"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_playlists_search"`);
  }
}

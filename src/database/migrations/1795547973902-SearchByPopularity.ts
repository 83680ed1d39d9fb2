import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search candidates are the most popular matches. A B-tree on popularity that
 * carries the search vector lets PostgreSQL walk items in popularity order and
 * test each match inside the index (an index-only scan) instead of fetching
 * every matching row: common words stop after the first thousand matches.
 */
export class SearchByPopularity1795547973902 implements MigrationInterface {
  name = 'SearchByPopularity1795547973902';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "idx_tracks_popularity"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "idx_artists_popularity"`);
    for (const table of ['tracks', 'albums', 'artists']) {
      await queryRunner.query(
        `CREATE INDEX IF NOT EXISTS "idx_${table}_popularity_search" ON "${table}" (popularity DESC, id) INCLUDE (search_vector)`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['tracks', 'albums', 'artists']) {
      await queryRunner.query(`DROP INDEX IF EXISTS "idx_${table}_popularity_search"`);
    }
    await queryRunner.query(`CREATE INDEX "idx_tracks_popularity" ON "tracks" ("popularity")`);
    await queryRunner.query(`CREATE INDEX "idx_artists_popularity" ON "artists" ("popularity")`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search support that entities cannot express: contrib extensions, an
 * immutable unaccent for expression indexes, GIN indexes for full-text,
 * trigram and array-containment look-ups. Works on PostgreSQL 15+ and PGlite.
 */
export class SearchIndexes1795544073179 implements MigrationInterface {
  name = 'SearchIndexes1795544073179';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    // unaccent() is STABLE (it reads a dictionary); pinning the dictionary makes it safe to index.
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION bb_normalize(value text) RETURNS text
         LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
         AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$`,
    );
    await queryRunner.query(`CREATE INDEX "idx_artists_search" ON "artists" USING gin ("search_vector")`);
    await queryRunner.query(`CREATE INDEX "idx_albums_search" ON "albums" USING gin ("search_vector")`);
    await queryRunner.query(`CREATE INDEX "idx_tracks_search" ON "tracks" USING gin ("search_vector")`);
    await queryRunner.query(`CREATE INDEX "idx_artists_name_trgm" ON "artists" USING gin (bb_normalize("name") gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "idx_albums_name_trgm" ON "albums" USING gin (bb_normalize("name") gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "idx_tracks_name_trgm" ON "tracks" USING gin (bb_normalize("name") gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "idx_artists_genres" ON "artists" USING gin ("genres")`);
    await queryRunner.query(`CREATE INDEX "idx_albums_markets" ON "albums" USING gin ("available_markets")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'idx_albums_markets',
      'idx_artists_genres',
      'idx_tracks_name_trgm',
      'idx_albums_name_trgm',
      'idx_artists_name_trgm',
      'idx_tracks_search',
      'idx_albums_search',
      'idx_artists_search',
    ]) {
      await queryRunner.query(`DROP INDEX IF EXISTS "${index}"`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS bb_normalize(text)`);
  }
}

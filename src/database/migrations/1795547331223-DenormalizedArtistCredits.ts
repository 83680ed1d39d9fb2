import { MigrationInterface, QueryRunner } from 'typeorm';

export class DenormalizedArtistCredits1795547331223 implements MigrationInterface {
  name = 'DenormalizedArtistCredits1795547331223';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "albums" ADD "artists" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "tracks" ADD "artists" jsonb NOT NULL DEFAULT '[]'`);
    // Existing catalogs: copy the credits from the join tables.
    for (const [table, join, key] of [
      ['albums', 'album_artists', 'album_id'],
      ['tracks', 'track_artists', 'track_id'],
    ]) {
      await queryRunner.query(
        `UPDATE "${table}" o SET artists = c.refs
           FROM (SELECT x.${key} AS id, jsonb_agg(jsonb_build_object('id', ar.id, 'name', ar.name) ORDER BY x.position) AS refs
                   FROM ${join} x JOIN artists ar ON ar.id = x.artist_id GROUP BY x.${key}) c
          WHERE c.id = o.id`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tracks" DROP COLUMN "artists"`);
    await queryRunner.query(`ALTER TABLE "albums" DROP COLUMN "artists"`);
  }
}

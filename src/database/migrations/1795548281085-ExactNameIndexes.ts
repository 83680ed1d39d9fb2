import { MigrationInterface, QueryRunner } from 'typeorm';

/** Search ranks an exact (normalised) name first; a B-tree finds those at once, where trigrams need a recheck. */
export class ExactNameIndexes1795548281085 implements MigrationInterface {
  name = 'ExactNameIndexes1795548281085';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['tracks', 'albums', 'artists']) {
      await queryRunner.query(`CREATE INDEX IF NOT EXISTS "idx_${table}_name_exact" ON "${table}" (bb_normalize(name))`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['tracks', 'albums', 'artists']) {
      await queryRunner.query(`DROP INDEX IF EXISTS "idx_${table}_name_exact"`);
    }
  }
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { pendingSchemaChanges } from '../../src/database/schema-diff';
import { createTestDatabase } from '../helpers/test-env';

@Entity('gate_probe')
class GateProbe {
  @PrimaryColumn('int') id: number;
  @Column('text') note: string;
}

describe(`migrations (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('bring a new database exactly to what the entities describe', async () => {
    const db = await createTestDatabase();
    try {
      expect((await pendingSchemaChanges(db.env)).up).toEqual([]);
    } finally {
      await db.drop();
    }
  });

  it('makes the CI gate fail when an entity has no migration', async () => {
    const db = await createTestDatabase();
    try {
      const { up } = await pendingSchemaChanges(db.env, [GateProbe]);
      expect(up.join('\n')).toContain('CREATE TABLE "gate_probe"');
    } finally {
      await db.drop();
    }
  });
});

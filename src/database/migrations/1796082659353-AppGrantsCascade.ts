import { MigrationInterface, QueryRunner } from 'typeorm';

export class AppGrantsCascade1796082659353 implements MigrationInterface {
  name = 'AppGrantsCascade1796082659353';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Grants of apps deleted before this constraint existed would block it; they are dead anyway.
    await queryRunner.query(`DELETE FROM "oauth_grants" g WHERE NOT EXISTS (SELECT 1 FROM "oauth_clients" c WHERE c.id = g.client_id)`);
    await queryRunner.query(`ALTER TABLE "oauth_grants" ADD CONSTRAINT "FK_bb4e193edcaadd8e97166413e0c" FOREIGN KEY ("client_id") REFERENCES "oauth_clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "oauth_grants" DROP CONSTRAINT "FK_bb4e193edcaadd8e97166413e0c"`);
  }
}

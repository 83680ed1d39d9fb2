import { MigrationInterface, QueryRunner } from 'typeorm';

export class Player1796085506665 implements MigrationInterface {
  name = 'Player1796085506665';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "player_devices" ("id" character(40) NOT NULL, "user_id" character varying(64) NOT NULL, "client_id" character varying(64) NOT NULL, "name" text NOT NULL, "type" character varying(16) NOT NULL, "supports_volume" boolean NOT NULL, "volume_percent" smallint, "restrictions" text array NOT NULL DEFAULT '{}', "instance_id" character varying(64), "connected_at" TIMESTAMP WITH TIME ZONE NOT NULL, "disconnected_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4170776102869cb325302584b39" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_player_devices_user" ON "player_devices"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "play_history" ("id" BIGSERIAL NOT NULL, "user_id" character varying(64) NOT NULL, "track_id" character varying(22) NOT NULL, "context_uri" text, "played_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_54d2c87cce416cde980569353cc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_play_history_user_time" ON "play_history"  ("user_id", "played_at") `);
    await queryRunner.query(`CREATE TABLE "player_states" ("user_id" character varying(64) NOT NULL, "playback" jsonb NOT NULL, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1f6094909a48f1aa0cfbe1495f2" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`ALTER TABLE "player_devices" ADD CONSTRAINT "FK_d0bec3642c6faeb0d9950659484" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "play_history" ADD CONSTRAINT "FK_6b831b95a0cdb3309265e95db54" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "player_states" ADD CONSTRAINT "FK_1f6094909a48f1aa0cfbe1495f2" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "player_states" DROP CONSTRAINT "FK_1f6094909a48f1aa0cfbe1495f2"`);
    await queryRunner.query(`ALTER TABLE "play_history" DROP CONSTRAINT "FK_6b831b95a0cdb3309265e95db54"`);
    await queryRunner.query(`ALTER TABLE "player_devices" DROP CONSTRAINT "FK_d0bec3642c6faeb0d9950659484"`);
    await queryRunner.query(`DROP TABLE "player_states"`);
    await queryRunner.query(`DROP INDEX "public"."idx_play_history_user_time"`);
    await queryRunner.query(`DROP TABLE "play_history"`);
    await queryRunner.query(`DROP INDEX "public"."idx_player_devices_user"`);
    await queryRunner.query(`DROP TABLE "player_devices"`);
  }
}

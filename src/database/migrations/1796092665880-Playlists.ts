import { MigrationInterface, QueryRunner } from 'typeorm';

export class Playlists1796092665880 implements MigrationInterface {
  name = 'Playlists1796092665880';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "playlists" ("id" character varying(22) NOT NULL, "owner_id" character varying(64) NOT NULL, "name" character varying(100) NOT NULL, "description" character varying(300), "public" boolean NOT NULL, "collaborative" boolean NOT NULL, "version" integer NOT NULL DEFAULT '1', "item_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a4597f4189a75d20507f3f7ef0d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_playlists_owner" ON "playlists"  ("owner_id") `);
    await queryRunner.query(`CREATE TABLE "playlist_follows" ("user_id" character varying(64) NOT NULL, "playlist_id" character varying(22) NOT NULL, "public" boolean NOT NULL, "followed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8e01aa57b7d568bf92abf88950f" PRIMARY KEY ("user_id", "playlist_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_playlist_follows_user_time" ON "playlist_follows"  ("user_id", "followed_at") `);
    await queryRunner.query(`CREATE INDEX "idx_playlist_follows_playlist" ON "playlist_follows"  ("playlist_id") `);
    await queryRunner.query(`CREATE TABLE "playlist_images" ("playlist_id" character varying(22) NOT NULL, "jpeg" bytea NOT NULL, "digest" character(64) NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, CONSTRAINT "PK_8c14a3870937f0b90dbadfcddf6" PRIMARY KEY ("playlist_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_playlist_images_digest" ON "playlist_images"  ("digest") `);
    await queryRunner.query(`CREATE TABLE "playlist_items" ("id" BIGSERIAL NOT NULL, "playlist_id" character varying(22) NOT NULL, "position" character varying(128) COLLATE "C" NOT NULL, "track_id" character varying(22) NOT NULL, "added_by" character varying(64), "added_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7611a5dd2c94a803c58ccfc65f4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_playlist_items_order" ON "playlist_items"  ("playlist_id", "position") `);
    await queryRunner.query(`ALTER TABLE "playlists" ADD CONSTRAINT "FK_891195fd52d0fe011ac038fc103" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "playlist_follows" ADD CONSTRAINT "FK_084d369377bf356c0e83e7ae5d1" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "playlist_follows" ADD CONSTRAINT "FK_8b72efc7c4d6d4865cc06e613be" FOREIGN KEY ("playlist_id") REFERENCES "playlists"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "playlist_images" ADD CONSTRAINT "FK_8c14a3870937f0b90dbadfcddf6" FOREIGN KEY ("playlist_id") REFERENCES "playlists"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "playlist_items" ADD CONSTRAINT "FK_1443ec83e270ecd8721a31cd319" FOREIGN KEY ("playlist_id") REFERENCES "playlists"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "playlist_items" ADD CONSTRAINT "FK_b6ea398615995ec951270554f9e" FOREIGN KEY ("track_id") REFERENCES "tracks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "playlist_items" ADD CONSTRAINT "FK_7f1b1864ca1282fb5a20ebbf31a" FOREIGN KEY ("added_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "playlist_items" DROP CONSTRAINT "FK_7f1b1864ca1282fb5a20ebbf31a"`);
    await queryRunner.query(`ALTER TABLE "playlist_items" DROP CONSTRAINT "FK_b6ea398615995ec951270554f9e"`);
    await queryRunner.query(`ALTER TABLE "playlist_items" DROP CONSTRAINT "FK_1443ec83e270ecd8721a31cd319"`);
    await queryRunner.query(`ALTER TABLE "playlist_images" DROP CONSTRAINT "FK_8c14a3870937f0b90dbadfcddf6"`);
    await queryRunner.query(`ALTER TABLE "playlist_follows" DROP CONSTRAINT "FK_8b72efc7c4d6d4865cc06e613be"`);
    await queryRunner.query(`ALTER TABLE "playlist_follows" DROP CONSTRAINT "FK_084d369377bf356c0e83e7ae5d1"`);
    await queryRunner.query(`ALTER TABLE "playlists" DROP CONSTRAINT "FK_891195fd52d0fe011ac038fc103"`);
    await queryRunner.query(`DROP INDEX "public"."idx_playlist_items_order"`);
    await queryRunner.query(`DROP TABLE "playlist_items"`);
    await queryRunner.query(`DROP INDEX "public"."idx_playlist_images_digest"`);
    await queryRunner.query(`DROP TABLE "playlist_images"`);
    await queryRunner.query(`DROP INDEX "public"."idx_playlist_follows_playlist"`);
    await queryRunner.query(`DROP INDEX "public"."idx_playlist_follows_user_time"`);
    await queryRunner.query(`DROP TABLE "playlist_follows"`);
    await queryRunner.query(`DROP INDEX "public"."idx_playlists_owner"`);
    await queryRunner.query(`DROP TABLE "playlists"`);
  }
}

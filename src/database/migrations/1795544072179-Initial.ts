import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795544072179 implements MigrationInterface {
  name = 'Initial1795544072179';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "artists" ("id" character varying(22) NOT NULL, "name" text NOT NULL, "genres" text array NOT NULL DEFAULT '{}', "popularity" smallint NOT NULL, "followers" integer NOT NULL DEFAULT '0', "images" jsonb NOT NULL DEFAULT '[]', "search_vector" tsvector NOT NULL, CONSTRAINT "PK_09b823d4607d2675dc4ffa82261" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_artists_popularity" ON "artists"  ("popularity") `);
    await queryRunner.query(`CREATE TABLE "albums" ("id" character varying(22) NOT NULL, "name" text NOT NULL, "album_type" character varying(12) NOT NULL, "release_date" character varying(10) NOT NULL, "release_date_precision" character varying(5) NOT NULL, "release_year" smallint NOT NULL, "label" text NOT NULL, "copyrights" jsonb NOT NULL DEFAULT '[]', "upc" character varying(14), "popularity" smallint NOT NULL, "total_tracks" smallint NOT NULL, "images" jsonb NOT NULL DEFAULT '[]', "available_markets" character varying(2) array NOT NULL DEFAULT '{}', "search_vector" tsvector NOT NULL, CONSTRAINT "PK_838ebae24d2e12082670ffc95d7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_albums_release_year" ON "albums"  ("release_year") `);
    await queryRunner.query(`CREATE INDEX "idx_albums_upc" ON "albums"  ("upc") `);
    await queryRunner.query(`CREATE INDEX "idx_albums_release" ON "albums"  ("release_date", "id") `);
    await queryRunner.query(`CREATE TABLE "album_artists" ("album_id" character varying(22) NOT NULL, "position" smallint NOT NULL, "artist_id" character varying(22) NOT NULL, CONSTRAINT "PK_a00f2cd539f19bc3e6afbe5909a" PRIMARY KEY ("album_id", "position"))`);
    await queryRunner.query(`CREATE INDEX "idx_album_artists_artist" ON "album_artists"  ("artist_id", "album_id") `);
    await queryRunner.query(`CREATE TABLE "markets" ("code" character varying(2) NOT NULL, "name" text NOT NULL, CONSTRAINT "PK_eee173bc5f1c64176563c31a429" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "genres" ("id" character varying(64) NOT NULL, "name" text NOT NULL, CONSTRAINT "PK_80ecd718f0f00dde5d77a9be842" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "categories" ("id" character varying(64) NOT NULL, "name" text NOT NULL, "localized_names" jsonb NOT NULL DEFAULT '{}', "icons" jsonb NOT NULL DEFAULT '[]', "position" smallint NOT NULL DEFAULT '0', "genres" text array NOT NULL DEFAULT '{}', CONSTRAINT "PK_24dbc6126a28ff948da33e97d3b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "tracks" ("id" character varying(22) NOT NULL, "album_id" character varying(22) NOT NULL, "name" text NOT NULL, "duration_ms" integer NOT NULL, "explicit" boolean NOT NULL, "isrc" character varying(12), "disc_number" smallint NOT NULL, "track_number" smallint NOT NULL, "popularity" smallint NOT NULL, "preview_url" text, "available_markets" character varying(2) array NOT NULL DEFAULT '{}', "search_vector" tsvector NOT NULL, CONSTRAINT "PK_242a37ffc7870380f0e611986e8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_tracks_isrc" ON "tracks"  ("isrc") `);
    await queryRunner.query(`CREATE INDEX "idx_tracks_popularity" ON "tracks"  ("popularity") `);
    await queryRunner.query(`CREATE INDEX "idx_tracks_album" ON "tracks"  ("album_id", "disc_number", "track_number") `);
    await queryRunner.query(`CREATE TABLE "track_artists" ("track_id" character varying(22) NOT NULL, "position" smallint NOT NULL, "artist_id" character varying(22) NOT NULL, CONSTRAINT "PK_d8d07bd92ac76c877d6b64843a6" PRIMARY KEY ("track_id", "position"))`);
    await queryRunner.query(`CREATE INDEX "idx_track_artists_artist" ON "track_artists"  ("artist_id", "track_id") `);
    await queryRunner.query(`CREATE TABLE "audio_features" ("track_id" character varying(22) NOT NULL, "acousticness" real NOT NULL, "danceability" real NOT NULL, "energy" real NOT NULL, "instrumentalness" real NOT NULL, "liveness" real NOT NULL, "loudness" real NOT NULL, "speechiness" real NOT NULL, "valence" real NOT NULL, "tempo" real NOT NULL, "key" smallint NOT NULL, "mode" smallint NOT NULL, "time_signature" smallint NOT NULL, CONSTRAINT "PK_547ef44e6f540c88dcc2d3b9fa6" PRIMARY KEY ("track_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_audio_features_tempo_energy" ON "audio_features"  ("tempo", "energy") `);
    await queryRunner.query(`CREATE TABLE "users" ("id" character varying(64) NOT NULL, "display_name" text NOT NULL, "email" character varying(320) NOT NULL, "country" character varying(2) NOT NULL, "product" character varying(8) NOT NULL DEFAULT 'premium', "birthdate" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "idx_users_email" ON "users"  ("email") `);
    await queryRunner.query(`CREATE TABLE "oauth_access_tokens" ("token_hash" character(64) NOT NULL, "client_id" character varying(64) NOT NULL, "user_id" character varying(64), "scopes" text array NOT NULL DEFAULT '{}', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d6f0aa7f931d7e6d62c530c56b3" PRIMARY KEY ("token_hash"))`);
    await queryRunner.query(`CREATE INDEX "idx_access_tokens_expiry" ON "oauth_access_tokens"  ("expires_at") `);
    await queryRunner.query(`CREATE INDEX "idx_access_tokens_user" ON "oauth_access_tokens"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "album_artists" ADD CONSTRAINT "FK_04baa91e98068b99f0ab70be4c7" FOREIGN KEY ("album_id") REFERENCES "albums"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "album_artists" ADD CONSTRAINT "FK_a73ab7a764684c088311eab2d44" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tracks" ADD CONSTRAINT "FK_fceb1d9483fda6a312af244a80e" FOREIGN KEY ("album_id") REFERENCES "albums"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "track_artists" ADD CONSTRAINT "FK_7e3c25906c8cf3d98f1cf82460c" FOREIGN KEY ("track_id") REFERENCES "tracks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "track_artists" ADD CONSTRAINT "FK_aed35a73eba32a59ad63e014327" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "audio_features" ADD CONSTRAINT "FK_547ef44e6f540c88dcc2d3b9fa6" FOREIGN KEY ("track_id") REFERENCES "tracks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "oauth_access_tokens" ADD CONSTRAINT "FK_2a145d311b29be597ff96123114" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "oauth_access_tokens" DROP CONSTRAINT "FK_2a145d311b29be597ff96123114"`);
    await queryRunner.query(`ALTER TABLE "audio_features" DROP CONSTRAINT "FK_547ef44e6f540c88dcc2d3b9fa6"`);
    await queryRunner.query(`ALTER TABLE "track_artists" DROP CONSTRAINT "FK_aed35a73eba32a59ad63e014327"`);
    await queryRunner.query(`ALTER TABLE "track_artists" DROP CONSTRAINT "FK_7e3c25906c8cf3d98f1cf82460c"`);
    await queryRunner.query(`ALTER TABLE "tracks" DROP CONSTRAINT "FK_fceb1d9483fda6a312af244a80e"`);
    await queryRunner.query(`ALTER TABLE "album_artists" DROP CONSTRAINT "FK_a73ab7a764684c088311eab2d44"`);
    await queryRunner.query(`ALTER TABLE "album_artists" DROP CONSTRAINT "FK_04baa91e98068b99f0ab70be4c7"`);
    await queryRunner.query(`DROP INDEX "public"."idx_access_tokens_user"`);
    await queryRunner.query(`DROP INDEX "public"."idx_access_tokens_expiry"`);
    await queryRunner.query(`DROP TABLE "oauth_access_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."idx_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audio_features_tempo_energy"`);
    await queryRunner.query(`DROP TABLE "audio_features"`);
    await queryRunner.query(`DROP INDEX "public"."idx_track_artists_artist"`);
    await queryRunner.query(`DROP TABLE "track_artists"`);
    await queryRunner.query(`DROP INDEX "public"."idx_tracks_album"`);
    await queryRunner.query(`DROP INDEX "public"."idx_tracks_popularity"`);
    await queryRunner.query(`DROP INDEX "public"."idx_tracks_isrc"`);
    await queryRunner.query(`DROP TABLE "tracks"`);
    await queryRunner.query(`DROP TABLE "categories"`);
    await queryRunner.query(`DROP TABLE "genres"`);
    await queryRunner.query(`DROP TABLE "markets"`);
    await queryRunner.query(`DROP INDEX "public"."idx_album_artists_artist"`);
    await queryRunner.query(`DROP TABLE "album_artists"`);
    await queryRunner.query(`DROP INDEX "public"."idx_albums_release"`);
    await queryRunner.query(`DROP INDEX "public"."idx_albums_upc"`);
    await queryRunner.query(`DROP INDEX "public"."idx_albums_release_year"`);
    await queryRunner.query(`DROP TABLE "albums"`);
    await queryRunner.query(`DROP INDEX "public"."idx_artists_popularity"`);
    await queryRunner.query(`DROP TABLE "artists"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class OAuthServer1796078098233 implements MigrationInterface {
  name = 'OAuthServer1796078098233';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "oauth_grants" ("id" uuid NOT NULL, "client_id" character varying(32) NOT NULL, "user_id" character varying(64) NOT NULL, "scopes" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_197229704270fa696b539aa1a22" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_grants_user_client" ON "oauth_grants"  ("user_id", "client_id") `);
    await queryRunner.query(`CREATE TABLE "oauth_authorization_codes" ("code_hash" character(64) NOT NULL, "grant_id" uuid NOT NULL, "redirect_uri" text NOT NULL, "code_challenge" character varying(128), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_25c7c7a7cdc5a6eb88200c472ca" PRIMARY KEY ("code_hash"))`);
    await queryRunner.query(`CREATE TABLE "oauth_clients" ("id" character varying(32) NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "owner_id" character varying(64) NOT NULL, "type" character varying(12) NOT NULL, "secret_hash" character(64), "redirect_uris" text array NOT NULL DEFAULT '{}', "quota_mode" character varying(12) NOT NULL DEFAULT 'development', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c4759172d3431bae6f04e678e0d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_clients_owner" ON "oauth_clients"  ("owner_id") `);
    await queryRunner.query(`CREATE TABLE "oauth_consents" ("user_id" character varying(64) NOT NULL, "client_id" character varying(32) NOT NULL, "scopes" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_373b10ca90d02ceb9f2cb117aa4" PRIMARY KEY ("user_id", "client_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_consents_client" ON "oauth_consents"  ("client_id") `);
    await queryRunner.query(`CREATE TABLE "oauth_refresh_tokens" ("token_hash" character(64) NOT NULL, "grant_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e670f36d6278d3f45fce07dbc23" PRIMARY KEY ("token_hash"))`);
    await queryRunner.query(`CREATE INDEX "idx_refresh_tokens_grant" ON "oauth_refresh_tokens"  ("grant_id") `);
    await queryRunner.query(`CREATE TABLE "sessions" ("token_hash" character(64) NOT NULL, "user_id" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_abaa9e068cdd390bc5210f79884" PRIMARY KEY ("token_hash"))`);
    await queryRunner.query(`CREATE INDEX "idx_sessions_user" ON "sessions"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "password_hash" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "is_admin" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "oauth_access_tokens" ADD "grant_id" uuid`);
    await queryRunner.query(`CREATE INDEX "idx_access_tokens_grant" ON "oauth_access_tokens"  ("grant_id") `);
    await queryRunner.query(`ALTER TABLE "oauth_access_tokens" ADD CONSTRAINT "FK_b6a29c8f743afb2d5e824e838a8" FOREIGN KEY ("grant_id") REFERENCES "oauth_grants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "oauth_authorization_codes" ADD CONSTRAINT "FK_691bd41013d77d213ee0dcd59bb" FOREIGN KEY ("grant_id") REFERENCES "oauth_grants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "oauth_clients" ADD CONSTRAINT "FK_61ff9743223f2b4ca93d4f02573" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "oauth_consents" ADD CONSTRAINT "FK_6b1ce29d22e910f696a5713b2a6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "oauth_consents" ADD CONSTRAINT "FK_6ff84892918cd6fce5b535063fe" FOREIGN KEY ("client_id") REFERENCES "oauth_clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "oauth_refresh_tokens" ADD CONSTRAINT "FK_601144dd232ef85df055e468d43" FOREIGN KEY ("grant_id") REFERENCES "oauth_grants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"`);
    await queryRunner.query(`ALTER TABLE "oauth_refresh_tokens" DROP CONSTRAINT "FK_601144dd232ef85df055e468d43"`);
    await queryRunner.query(`ALTER TABLE "oauth_consents" DROP CONSTRAINT "FK_6ff84892918cd6fce5b535063fe"`);
    await queryRunner.query(`ALTER TABLE "oauth_consents" DROP CONSTRAINT "FK_6b1ce29d22e910f696a5713b2a6"`);
    await queryRunner.query(`ALTER TABLE "oauth_clients" DROP CONSTRAINT "FK_61ff9743223f2b4ca93d4f02573"`);
    await queryRunner.query(`ALTER TABLE "oauth_authorization_codes" DROP CONSTRAINT "FK_691bd41013d77d213ee0dcd59bb"`);
    await queryRunner.query(`ALTER TABLE "oauth_access_tokens" DROP CONSTRAINT "FK_b6a29c8f743afb2d5e824e838a8"`);
    await queryRunner.query(`DROP INDEX "public"."idx_access_tokens_grant"`);
    await queryRunner.query(`ALTER TABLE "oauth_access_tokens" DROP COLUMN "grant_id"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "is_admin"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "password_hash"`);
    await queryRunner.query(`DROP INDEX "public"."idx_sessions_user"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."idx_refresh_tokens_grant"`);
    await queryRunner.query(`DROP TABLE "oauth_refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."idx_consents_client"`);
    await queryRunner.query(`DROP TABLE "oauth_consents"`);
    await queryRunner.query(`DROP INDEX "public"."idx_clients_owner"`);
    await queryRunner.query(`DROP TABLE "oauth_clients"`);
    await queryRunner.query(`DROP TABLE "oauth_authorization_codes"`);
    await queryRunner.query(`DROP INDEX "public"."idx_grants_user_client"`);
    await queryRunner.query(`DROP TABLE "oauth_grants"`);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AccessTokensService } from './access-tokens.service';
import { ConsentEntity } from './entities/consent.entity';
import { GrantEntity } from './entities/grant.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { hashSecret } from './secrets';
import { SqlRunner } from '../database/sql-runner';

export interface AuthorizedApp {
  clientId: string;
  name: string;
  scopes: string[];
  authorizedAt: Date;
}

/** Grants (token families) and listeners' consents, and revoking them. */
@Injectable()
export class GrantsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accessTokens: AccessTokensService,
    private readonly sql: SqlRunner,
  ) {}

  async create(clientId: string, userId: string, scopes: readonly string[]): Promise<string> {
    const id = randomUUID();
    await this.db.getRepository(GrantEntity).insert({ id, clientId, userId, scopes: [...scopes], revokedAt: null });
    return id;
  }

  /** Ends a token family: its access and refresh tokens stop working, on this instance at once. */
  async revoke(grantIds: readonly string[]): Promise<void> {
    if (!grantIds.length) return;
    const deleted = await this.sql.transaction(async (sql) => {
      await sql(`UPDATE oauth_grants SET revoked_at = now() WHERE id = ANY($1::uuid[]) AND revoked_at IS NULL`, [grantIds]);
      await sql(`DELETE FROM oauth_refresh_tokens WHERE grant_id = ANY($1::uuid[])`, [grantIds]);
      return sql<{ token_hash: string }>(`DELETE FROM oauth_access_tokens WHERE grant_id = ANY($1::uuid[]) RETURNING token_hash`, [grantIds]);
    });
    this.accessTokens.forget(deleted.map((r) => r.token_hash));
  }

  async recordConsent(userId: string, clientId: string, scopes: readonly string[]): Promise<void> {
    await this.db.query(
      `INSERT INTO oauth_consents (user_id, client_id, scopes) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, client_id) DO UPDATE
         SET scopes = ARRAY(SELECT DISTINCT unnest(oauth_consents.scopes || EXCLUDED.scopes) ORDER BY 1), updated_at = now()`,
      [userId, clientId, [...scopes]],
    );
  }

  async consentedScopes(userId: string, clientId: string): Promise<string[] | null> {
    const consent = await this.db.getRepository(ConsentEntity).findOneBy({ userId, clientId });
    return consent?.scopes ?? null;
  }

  async authorizedApps(userId: string): Promise<AuthorizedApp[]> {
    const rows: { client_id: string; name: string; scopes: string[]; created_at: Date }[] = await this.db.query(
      `SELECT c.client_id, a.name, c.scopes, c.created_at FROM oauth_consents c JOIN oauth_clients a ON a.id = c.client_id
        WHERE c.user_id = $1 ORDER BY a.name, c.client_id`,
      [userId],
    );
    return rows.map((r) => ({ clientId: r.client_id, name: r.name, scopes: r.scopes, authorizedAt: new Date(r.created_at) }));
  }

  /** "Remove access": the consent goes, and every grant the listener gave the app is revoked. */
  async removeApp(userId: string, clientId: string): Promise<void> {
    const grants = await this.db.getRepository(GrantEntity).findBy({ userId, clientId, revokedAt: IsNull() });
    await this.revoke(grants.map((g) => g.id));
    await this.db.getRepository(ConsentEntity).delete({ userId, clientId });
  }

  /** A refresh token's row, with its grant. */
  findRefreshToken(token: string): Promise<RefreshTokenEntity | null> {
    return this.db.getRepository(RefreshTokenEntity).findOne({ where: { tokenHash: hashSecret(token) }, relations: { grant: true } });
  }
}

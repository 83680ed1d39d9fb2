import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { AccessTokenVerifier, Principal } from '../common/auth/principal';
import { isScope, Scope } from '../common/auth/scopes';
import { AccessTokenEntity } from './entities/access-token.entity';
import { hashSecret, randomToken } from './secrets';
import { Product } from './entities/user.entity';

export const ACCESS_TOKEN_TTL_SECONDS = 3600;
/** How long a verified token is trusted without asking the database again. */
const VERIFY_CACHE_TTL_MS = 10_000;

export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

@Injectable()
export class AccessTokensService extends AccessTokenVerifier {
  private readonly cache = new LRUCache<string, Principal>({ max: 50_000, ttl: VERIFY_CACHE_TTL_MS });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async issue(params: { clientId: string; userId: string | null; scopes: readonly Scope[]; ttlSeconds?: number }): Promise<IssuedToken> {
    const token = randomToken(48);
    const ttl = params.ttlSeconds ?? ACCESS_TOKEN_TTL_SECONDS;
    await this.store(token, { ...params, grantId: null, expiresAt: new Date(Date.now() + ttl * 1000) });
    return { access_token: token, token_type: 'Bearer', expires_in: ttl, scope: params.scopes.join(' ') };
  }

  /** Stores a token (only its hash), minted here or by the OAuth library. */
  async store(
    token: string,
    params: { clientId: string; userId: string | null; grantId: string | null; scopes: readonly Scope[]; expiresAt: Date },
  ): Promise<void> {
    await this.dataSource.getRepository(AccessTokenEntity).insert({
      tokenHash: hashSecret(token),
      clientId: params.clientId,
      userId: params.userId,
      grantId: params.grantId,
      scopes: [...params.scopes],
      expiresAt: params.expiresAt,
    });
  }

  async verify(token: string): Promise<Principal | null> {
    const tokenHash = hashSecret(token);
    const cached = this.cache.get(tokenHash);
    if (cached) return cached;
    const rows: Array<{
      client_id: string;
      user_id: string | null;
      scopes: string[];
      expires_at: Date;
      country: string | null;
      product: Product | null;
    }> = await this.dataSource.query(
      `SELECT t.client_id, t.user_id, t.scopes, t.expires_at, u.country, u.product
         FROM oauth_access_tokens t LEFT JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    const principal: Principal = {
      clientId: row.client_id,
      userId: row.user_id,
      country: row.country,
      product: row.product,
      scopes: new Set(row.scopes.filter(isScope)),
      expiresAt: new Date(row.expires_at),
    };
    this.cache.set(tokenHash, principal);
    return principal;
  }

  /** Forgets cached verifications, so that revoked tokens stop working on this instance at once. */
  forget(tokenHashes: readonly string[]): void {
    for (const tokenHash of tokenHashes) this.cache.delete(tokenHash);
  }

  /** Every access token an app holds, for when the app is deleted. */
  async revokeAllOf(clientId: string): Promise<void> {
    const deleted = await this.dataSource
      .getRepository(AccessTokenEntity)
      .createQueryBuilder()
      .delete()
      .where('client_id = :clientId', { clientId })
      .returning('token_hash')
      .execute();
    this.forget((deleted.raw as { token_hash: string }[]).map((r) => r.token_hash));
  }

  async revoke(token: string): Promise<void> {
    const tokenHash = hashSecret(token);
    this.cache.delete(tokenHash);
    await this.dataSource.getRepository(AccessTokenEntity).delete({ tokenHash });
  }
}

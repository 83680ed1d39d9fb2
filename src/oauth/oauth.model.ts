import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AuthorizationCode,
  AuthorizationCodeModel,
  Client,
  ClientCredentialsModel,
  RefreshToken,
  RefreshTokenModel,
  Token,
  User,
} from '@node-oauth/oauth2-server';
import { DataSource } from 'typeorm';
import { isScope, Scope } from '../common/auth/scopes';
import { AccessTokensService } from './access-tokens.service';
import { ClientsService, redirectUriMatches } from './clients.service';
import { DEVICE_CODE_GRANT } from './device-code.grant-type';
import { DeviceCodesService, PollOutcome } from './device-codes.service';
import { AuthorizationCodeEntity } from './entities/authorization-code.entity';
import type { ClientEntity } from './entities/client.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { GrantsService } from './grants.service';
import { hashSecret, randomToken } from './secrets';

/** What the library carries as its `user`: the listener and the grant (token family) in play. */
export interface GrantUser extends User {
  id: string | null;
  grantId: string | null;
}

export const AUTHORIZATION_CODE_TTL_SECONDS = 60;
export const REFRESH_TOKEN_TTL_SECONDS = 90 * 24 * 3600;

function toLibraryClient(client: ClientEntity): Client {
  const grants = ['authorization_code', 'refresh_token', DEVICE_CODE_GRANT];
  if (client.type === 'confidential') grants.push('client_credentials');
  return { id: client.id, grants, redirectUris: client.redirectUris, type: client.type };
}

/**
 * Storage for @node-oauth/oauth2-server. It adds what the library leaves to
 * the model: single-use codes and rotating refresh tokens whose replay revokes
 * the whole grant, and tokens stored only as hashes.
 */
@Injectable()
export class OAuthModel implements AuthorizationCodeModel, ClientCredentialsModel, RefreshTokenModel {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clients: ClientsService,
    private readonly grants: GrantsService,
    private readonly deviceCodes: DeviceCodesService,
    @Inject(AccessTokensService) private readonly accessTokens: AccessTokensService,
  ) {}

  /** `secret` is null when the library only looks the app up (authorize), undefined when none was sent. */
  async getClient(clientId: string, secret: string | null | undefined): Promise<Client | false> {
    const client = secret === null ? await this.clients.get(clientId) : await this.clients.authenticate(clientId, secret);
    return client ? toLibraryClient(client) : false;
  }

  validateRedirectUri(redirectUri: string, client: Client): Promise<boolean> {
    return Promise.resolve(redirectUriMatches(client.redirectUris as string[], redirectUri));
  }

  /** Scopes are checked before the library runs; client-credentials tokens carry none (as at Spotify). */
  validateScope(user: GrantUser, _client: Client, scope?: string[]): Promise<string[] | false> {
    if (!user.id) return Promise.resolve([]);
    const scopes = scope ?? [];
    return Promise.resolve(scopes.every(isScope) ? scopes : false);
  }

  generateAccessToken(): Promise<string> {
    return Promise.resolve(randomToken(48));
  }

  generateRefreshToken(): Promise<string> {
    return Promise.resolve(randomToken(48));
  }

  generateAuthorizationCode(): Promise<string> {
    return Promise.resolve(randomToken());
  }

  getUserFromClient(): Promise<GrantUser> {
    return Promise.resolve({ id: null, grantId: null });
  }

  /** Consent was given on the page: a new grant begins with this code. */
  async saveAuthorizationCode(
    code: Pick<AuthorizationCode, 'authorizationCode' | 'expiresAt' | 'redirectUri' | 'scope' | 'codeChallenge' | 'codeChallengeMethod'>,
    client: Client,
    user: GrantUser,
  ): Promise<AuthorizationCode> {
    const grantId = await this.grants.create(client.id, user.id!, code.scope ?? []);
    await this.db.getRepository(AuthorizationCodeEntity).insert({
      codeHash: hashSecret(code.authorizationCode),
      grantId,
      redirectUri: code.redirectUri,
      codeChallenge: code.codeChallenge ?? null,
      expiresAt: code.expiresAt,
      usedAt: null,
    });
    return { ...code, client, user: { ...user, grantId } };
  }

  async getAuthorizationCode(authorizationCode: string): Promise<AuthorizationCode | false> {
    const row = await this.db
      .getRepository(AuthorizationCodeEntity)
      .findOne({ where: { codeHash: hashSecret(authorizationCode) }, relations: { grant: true } });
    if (!row?.grant) return false;
    if (row.usedAt) {
      // A replayed code: whoever holds it, the tokens it produced are no longer safe (RFC 9700 §4.5).
      await this.grants.revoke([row.grantId]);
      return false;
    }
    if (row.grant.revokedAt) return false;
    return {
      authorizationCode,
      expiresAt: row.expiresAt,
      redirectUri: row.redirectUri,
      scope: row.grant.scopes,
      client: { id: row.grant.clientId, grants: [] },
      user: { id: row.grant.userId, grantId: row.grantId } satisfies GrantUser,
      // Only S256 is ever stored: `plain` is refused before a code is issued.
      ...(row.codeChallenge ? { codeChallenge: row.codeChallenge, codeChallengeMethod: 'S256' } : {}),
    };
  }

  /** Marks the code used; only one of two concurrent exchanges wins. */
  revokeAuthorizationCode(code: AuthorizationCode): Promise<boolean> {
    return this.spend(AuthorizationCodeEntity, 'code_hash', code.authorizationCode);
  }

  async saveToken(token: Token, client: Client, user: GrantUser): Promise<Token> {
    const scopes = (token.scope ?? []).filter((s): s is Scope => isScope(s));
    await this.accessTokens.store(token.accessToken, {
      clientId: client.id,
      userId: user.id,
      grantId: user.grantId,
      scopes,
      expiresAt: token.accessTokenExpiresAt!,
    });
    // Client-credentials tokens have no grant and come without a refresh token (RFC 6749 §4.4.3).
    if (token.refreshToken && user.grantId) {
      await this.db.getRepository(RefreshTokenEntity).insert({
        tokenHash: hashSecret(token.refreshToken),
        grantId: user.grantId,
        expiresAt: token.refreshTokenExpiresAt!,
        usedAt: null,
      });
    }
    return { ...token, scope: scopes, client, user };
  }

  async getRefreshToken(refreshToken: string): Promise<RefreshToken | false> {
    const row = await this.grants.findRefreshToken(refreshToken);
    if (!row?.grant || row.grant.revokedAt) return false;
    if (row.usedAt) {
      // Reuse of a rotated refresh token: it was stolen or leaked, so the whole family goes.
      await this.grants.revoke([row.grantId]);
      return false;
    }
    return {
      refreshToken,
      refreshTokenExpiresAt: row.expiresAt,
      scope: row.grant.scopes,
      client: { id: row.grant.clientId, grants: [] },
      user: { id: row.grant.userId, grantId: row.grantId } satisfies GrantUser,
    };
  }

  /** Rotation: the old refresh token is spent; spending it twice revokes the grant. */
  async revokeToken(token: RefreshToken): Promise<boolean> {
    if (await this.spend(RefreshTokenEntity, 'token_hash', token.refreshToken)) return true;
    await this.grants.revoke([(token.user as GrantUser).grantId!]);
    return false;
  }

  /** Marks a single-use secret (code or refresh token) used; false when it was used already. */
  private async spend(entity: typeof AuthorizationCodeEntity | typeof RefreshTokenEntity, hashColumn: string, secret: string): Promise<boolean> {
    const result = await this.db
      .getRepository(entity)
      .createQueryBuilder()
      .update()
      .set({ usedAt: () => 'now()' })
      .where(`${hashColumn} = :hash AND used_at IS NULL`, { hash: hashSecret(secret) })
      .execute();
    return result.affected === 1;
  }

  /** A device's poll; an approval starts a new grant, handed out once. */
  async redeemDeviceCode(
    deviceCode: string,
    client: Client,
  ): Promise<Exclude<PollOutcome, { kind: 'approved' }> | { kind: 'approved'; user: GrantUser; scope: string[] }> {
    const outcome = await this.deviceCodes.poll(deviceCode, client.id);
    if (outcome.kind !== 'approved') return outcome;
    const grantId = await this.grants.create(client.id, outcome.userId, outcome.scopes);
    return { kind: 'approved', user: { id: outcome.userId, grantId }, scope: outcome.scopes };
  }

  // Required by the library's typings for bearer authentication, which Backbeat does in its own guard.
  getAccessToken(): Promise<false> {
    return Promise.resolve(false);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors/domain-errors';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';
import { AccessTokensService } from './access-tokens.service';
import { ClientEntity, ClientType, QuotaMode, RateLimitOverride } from './entities/client.entity';
import { ConsentEntity } from './entities/consent.entity';
import { UserEntity } from './entities/user.entity';
import { hashSecret, randomToken, secretMatches } from './secrets';

export const MAX_REDIRECT_URIS = 20;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export interface AppDetails {
  name: string;
  description?: string;
  redirectUris: string[];
}

/** Why a redirect URI cannot be registered, or null when it can. */
export function redirectUriProblem(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `${uri} is not an absolute URL`;
  }
  if (url.hash || uri.includes('#')) return `${uri} must not have a fragment`;
  if (url.username || url.password) return `${uri} must not carry credentials`;
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') return LOOPBACK_HOSTS.has(url.hostname) ? null : `${uri} must use https (http is for loopback addresses only)`;
  // Private-use schemes of native apps (RFC 8252 §7.1) need a dot, as in com.example.app:/callback.
  if (/^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+:$/.test(url.protocol)) return null;
  return `${uri} must use https, loopback http or a reverse-domain private scheme`;
}

/**
 * Exact string match, except that a loopback http URI matches on any port:
 * native apps listen on whatever port is free (RFC 8252 §7.3).
 */
export function redirectUriMatches(registered: readonly string[], requested: string): boolean {
  if (registered.includes(requested)) return true;
  let url: URL;
  try {
    url = new URL(requested);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || !url.port) return false;
  url.port = '';
  return registered.some((uri) => {
    const candidate = new URL(uri);
    candidate.port = '';
    return candidate.protocol === 'http:' && candidate.href === url.href;
  });
}

/** Developer apps: registration, secrets, redirect URIs and quota mode. */
@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) private readonly env: Pick<Env, 'DEV_MODE_USER_CAP'>,
    private readonly accessTokens: AccessTokensService,
  ) {}

  private get clients() {
    return this.db.getRepository(ClientEntity);
  }

  private validate(details: AppDetails): AppDetails {
    const name = details.name.trim();
    if (!name || name.length > 100) throw new InvalidInputError('The app needs a name of at most 100 characters', 'INVALID_APP');
    if ((details.description ?? '').length > 1000) throw new InvalidInputError('The description is at most 1,000 characters', 'INVALID_APP');
    const redirectUris = [...new Set(details.redirectUris.map((u) => u.trim()).filter(Boolean))];
    if (!redirectUris.length) throw new InvalidInputError('The app needs at least one redirect URI', 'INVALID_REDIRECT_URI');
    if (redirectUris.length > MAX_REDIRECT_URIS) {
      throw new InvalidInputError(`An app has at most ${MAX_REDIRECT_URIS} redirect URIs`, 'INVALID_REDIRECT_URI');
    }
    for (const uri of redirectUris) {
      const problem = uri.length > 2000 ? 'A redirect URI is at most 2,000 characters' : redirectUriProblem(uri);
      if (problem) throw new InvalidInputError(problem, 'INVALID_REDIRECT_URI');
    }
    return { name, description: (details.description ?? '').trim(), redirectUris };
  }

  /** Registers an app; a confidential app's secret is returned this once and stored hashed. */
  async register(ownerId: string, details: AppDetails & { type: ClientType }): Promise<{ client: ClientEntity; secret: string | null }> {
    const valid = this.validate(details);
    const secret = details.type === 'confidential' ? randomToken() : null;
    const client = this.clients.create({
      id: randomBytes(16).toString('hex'),
      ...valid,
      ownerId,
      type: details.type,
      secretHash: secret ? hashSecret(secret) : null,
      quotaMode: 'development',
    });
    await this.clients.insert(client);
    return { client, secret };
  }

  get(clientId: string): Promise<ClientEntity | null> {
    return /^[0-9a-f]{32}$/.test(clientId) ? this.clients.findOneBy({ id: clientId }) : Promise.resolve(null);
  }

  /** The app when the secret is right (or absent, for public apps), else null. */
  async authenticate(clientId: string, secret: string | undefined): Promise<ClientEntity | null> {
    const client = await this.get(clientId);
    if (!client) return null;
    if (client.type === 'public') return secret === undefined ? client : null;
    return secret !== undefined && client.secretHash && secretMatches(secret, client.secretHash) ? client : null;
  }

  listOwnedBy(ownerId: string): Promise<ClientEntity[]> {
    return this.clients.find({ where: { ownerId }, order: { createdAt: 'ASC' } });
  }

  /** Every app with its owner: the administrators' list. */
  listAll(): Promise<ClientEntity[]> {
    return this.clients.find({ relations: { owner: true }, order: { createdAt: 'ASC' } });
  }

  /** Listeners besides its owner who authorized each app: what the development-mode cap counts. */
  async listenerCounts(clients: readonly ClientEntity[]): Promise<Map<string, number>> {
    if (!clients.length) return new Map();
    const rows: { client_id: string; listeners: number }[] = await this.db.query(
      `SELECT c.client_id, count(*)::int AS listeners FROM oauth_consents c JOIN oauth_clients a ON a.id = c.client_id
        WHERE c.client_id = ANY($1) AND c.user_id <> a.owner_id GROUP BY c.client_id`,
      [clients.map((c) => c.id)],
    );
    return new Map(rows.map((r) => [r.client_id, r.listeners]));
  }

  async owned(ownerId: string, clientId: string): Promise<ClientEntity> {
    const client = await this.get(clientId);
    if (!client || client.ownerId !== ownerId) throw new NotFoundError('No such app', 'APP_NOT_FOUND');
    return client;
  }

  async update(ownerId: string, clientId: string, details: AppDetails): Promise<ClientEntity> {
    const client = await this.owned(ownerId, clientId);
    Object.assign(client, this.validate(details));
    return this.clients.save(client);
  }

  async rotateSecret(ownerId: string, clientId: string): Promise<string> {
    const client = await this.owned(ownerId, clientId);
    if (client.type !== 'confidential') throw new InvalidInputError('Public apps have no secret', 'PUBLIC_CLIENT');
    const secret = randomToken();
    await this.clients.update({ id: client.id }, { secretHash: hashSecret(secret) });
    return secret;
  }

  async delete(ownerId: string, clientId: string): Promise<void> {
    const client = await this.owned(ownerId, clientId);
    // Tokens stop working at once; grants, codes, refresh tokens and consents go with the app (foreign keys).
    await this.accessTokens.revokeAllOf(client.id);
    await this.clients.delete({ id: client.id });
  }

  async setQuotaMode(admin: UserEntity, clientId: string, quotaMode: QuotaMode): Promise<void> {
    if (!admin.isAdmin) throw new ForbiddenError('Only an administrator may change an app’s quota', 'NOT_ADMIN');
    const result = await this.clients.update({ id: clientId }, { quotaMode });
    if (!result.affected) throw new NotFoundError('No such app', 'APP_NOT_FOUND');
  }

  /** An app's rate-limit budgets: its quota mode and its own override (null: the mode's budgets). Tooling only. */
  async setLimits(clientId: string, limits: { quotaMode?: QuotaMode; override?: RateLimitOverride | null }): Promise<ClientEntity> {
    const client = await this.clients.findOneBy({ id: clientId });
    if (!client) throw new NotFoundError('No such app', 'APP_NOT_FOUND');
    if (limits.quotaMode) client.quotaMode = limits.quotaMode;
    if (limits.override !== undefined) client.rateLimitOverride = limits.override;
    return this.clients.save(client);
  }

  /**
   * Whether one more listener may authorize the app: apps in development mode take at most
   * DEV_MODE_USER_CAP listeners besides their owner.
   */
  async admits(client: ClientEntity, userId: string): Promise<boolean> {
    if (client.quotaMode === 'extended' || client.ownerId === userId) return true;
    const consents = this.db.getRepository(ConsentEntity);
    if (await consents.existsBy({ clientId: client.id, userId })) return true;
    const users = await consents.createQueryBuilder('c').where('c.client_id = :id AND c.user_id <> :owner', { id: client.id, owner: client.ownerId }).getCount();
    return users < this.env.DEV_MODE_USER_CAP;
  }
}

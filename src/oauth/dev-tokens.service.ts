import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isScope, parseScopes, Scope } from '../common/auth/scopes';
import { InvalidInputError } from '../common/errors/domain-errors';
import { AccessTokensService, IssuedToken } from './access-tokens.service';
import { UserEntity } from './entities/user.entity';

export const DEV_CLIENT_ID = 'backbeat-dev';
const USER_ID = /^[a-z0-9._-]{1,64}$/;

/**
 * Mints tokens for development (`npm run token`), before and beside the OAuth
 * server. A named user who does not exist yet is created as a premium listener.
 */
@Injectable()
export class DevTokensService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: AccessTokensService,
  ) {}

  async mint(params: { user?: string; scopes?: string }): Promise<IssuedToken> {
    const scopes = parseScopes(params.scopes);
    const unknown = scopes.filter((s) => !isScope(s));
    if (unknown.length) throw new InvalidInputError(`Unknown scopes: ${unknown.join(', ')}`, 'INVALID_SCOPE');
    const userId = params.user ? await this.ensureListener(params.user) : null;
    return this.tokens.issue({ clientId: DEV_CLIENT_ID, userId, scopes: scopes as Scope[] });
  }

  /** Creates the listener `id` (a premium listener in the US) unless it exists; returns the id. */
  async ensureListener(id: string): Promise<string> {
    if (!USER_ID.test(id)) throw new InvalidInputError('user must be a lowercase user id', 'INVALID_USER');
    await this.db
      .getRepository(UserEntity)
      .createQueryBuilder()
      .insert()
      .values({ id, displayName: id, email: `${id}@users.backbeat.invalid`, country: 'US', product: 'premium' })
      .orIgnore()
      .execute();
    return id;
  }
}

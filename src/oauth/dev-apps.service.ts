import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '../common/errors/domain-errors';
import { AccountsService } from './accounts.service';
import { AppDetails, ClientsService } from './clients.service';
import { DEMO_EMAIL } from './demo-accounts';
import { DevTokensService } from './dev-tokens.service';
import type { ClientType, QuotaMode, RateLimitOverride } from './entities/client.entity';
import type { UserEntity } from './entities/user.entity';

/** Owns apps registered from the command line when no account is named and there is no demo listener; it cannot sign in. */
export const CLI_LISTENER = 'backbeat-cli';

export interface RegisteredApp {
  client_id: string;
  /** Absent for public apps. */
  client_secret?: string;
  owner: string;
}

export interface AppLimits {
  client_id: string;
  quota_mode: QuotaMode;
  rate_limit_override: RateLimitOverride | null;
}

/** What `npm run app` does, whether through a running server (DevAppsController) or on the database directly. */
@Injectable()
export class DevAppsService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly clients: ClientsService,
    private readonly devTokens: DevTokensService,
  ) {}

  async register(request: AppDetails & { type: ClientType; ownerEmail?: string }): Promise<RegisteredApp> {
    const { ownerEmail, ...details } = request;
    const owner = await this.owner(ownerEmail);
    const { client, secret } = await this.clients.register(owner.id, details);
    return { client_id: client.id, ...(secret ? { client_secret: secret } : {}), owner: owner.email };
  }

  async promote(email: string): Promise<{ email: string; is_admin: true }> {
    const user = await this.accounts.promoteToAdmin(email);
    return { email: user.email, is_admin: true };
  }

  async setLimits(clientId: string, limits: { quotaMode?: QuotaMode; override?: RateLimitOverride | null }): Promise<AppLimits> {
    const client = await this.clients.setLimits(clientId, limits);
    return { client_id: client.id, quota_mode: client.quotaMode, rate_limit_override: client.rateLimitOverride };
  }

  /** The named account; else the demo listener, so the app shows on their dashboard; else the tooling listener. */
  private async owner(email: string | undefined): Promise<UserEntity> {
    if (email) {
      const user = await this.accounts.findByEmail(email);
      if (!user) throw new InvalidInputError(`No account has the email ${email}`, 'UNKNOWN_OWNER');
      return user;
    }
    const demo = await this.accounts.findByEmail(DEMO_EMAIL);
    if (demo) return demo;
    return (await this.accounts.findById(await this.devTokens.ensureListener(CLI_LISTENER)))!;
  }
}

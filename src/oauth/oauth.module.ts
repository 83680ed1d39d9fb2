import { Module } from '@nestjs/common';
import { AccessTokenVerifier } from '../common/auth/principal';
import { AccessTokensService } from './access-tokens.service';
import { AccountsService } from './accounts.service';
import { ClientsService } from './clients.service';
import { DevAppsController } from './dev-apps.controller';
import { DevAppsService } from './dev-apps.service';
import { DevTokensController } from './dev-tokens.controller';
import { DevTokensService } from './dev-tokens.service';
import { DevToolingGuard } from './dev-tooling.guard';
import { DeviceCodesService } from './device-codes.service';
import { GrantsService } from './grants.service';
import { OAuthModel } from './oauth.model';
import { oauthServerProvider } from './oauth.providers';
import { CsrfGuard } from './pages/csrf.guard';
import { DashboardController } from './pages/dashboard.controller';
import { ActivateController } from './pages/activate.controller';
import { PagesController } from './pages/pages.controller';
import { TokenController } from './token.controller';

@Module({
  controllers: [ActivateController, DevTokensController, DevAppsController, TokenController, PagesController, DashboardController],
  providers: [
    DeviceCodesService,
    AccessTokensService,
    AccountsService,
    CsrfGuard,
    ClientsService,
    DevAppsService,
    DevTokensService,
    DevToolingGuard,
    GrantsService,
    OAuthModel,
    oauthServerProvider,
    { provide: AccessTokenVerifier, useExisting: AccessTokensService },
  ],
  exports: [AccessTokensService, AccessTokenVerifier, AccountsService, ClientsService, DevAppsService, DevTokensService],
})
export class OAuthModule {}

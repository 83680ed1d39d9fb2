import { Module } from '@nestjs/common';
import { AccessTokenVerifier } from '../common/auth/principal';
import { AccessTokensService } from './access-tokens.service';
import { AccountsService } from './accounts.service';
import { ClientsService } from './clients.service';
import { DevTokensController } from './dev-tokens.controller';
import { DevTokensService } from './dev-tokens.service';
import { DeviceCodesService } from './device-codes.service';
import { GrantsService } from './grants.service';
import { OAuthModel } from './oauth.model';
import { oauthServerProvider } from './oauth.providers';
import { CsrfGuard } from './pages/csrf.guard';
import { ActivateController } from './pages/activate.controller';
import { PagesController } from './pages/pages.controller';
import { TokenController } from './token.controller';

@Module({
  controllers: [ActivateController, DevTokensController, TokenController, PagesController],
  providers: [
    DeviceCodesService,
    AccessTokensService,
    AccountsService,
    CsrfGuard,
    ClientsService,
    DevTokensService,
    GrantsService,
    OAuthModel,
    oauthServerProvider,
    { provide: AccessTokenVerifier, useExisting: AccessTokensService },
  ],
  exports: [AccessTokensService, AccessTokenVerifier, AccountsService, ClientsService, DevTokensService],
})
export class OAuthModule {}

import { Module } from '@nestjs/common';
import { AccessTokenVerifier } from '../common/auth/principal';
import { AccessTokensService } from './access-tokens.service';
import { DevTokensController } from './dev-tokens.controller';
import { DevTokensService } from './dev-tokens.service';

@Module({
  controllers: [DevTokensController],
  providers: [AccessTokensService, DevTokensService, { provide: AccessTokenVerifier, useExisting: AccessTokensService }],
  exports: [AccessTokensService, AccessTokenVerifier, DevTokensService],
})
export class OAuthModule {}

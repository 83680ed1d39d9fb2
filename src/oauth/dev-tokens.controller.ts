import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Public } from '../common/auth/auth.decorators';
import { IssuedToken } from './access-tokens.service';
import { DevTokensService } from './dev-tokens.service';
import { DevToolingGuard } from './dev-tooling.guard';

export class DevTokenRequest {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  user?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  scopes?: string;
}

/** Lets `npm run token` mint through a running server: only from this machine, never in production. */
@ApiExcludeController()
@Public()
@UseGuards(DevToolingGuard)
@Controller('dev/tokens')
export class DevTokensController {
  constructor(private readonly devTokens: DevTokensService) {}

  @Post()
  @HttpCode(200)
  mint(@Body() body: DevTokenRequest): Promise<IssuedToken> {
    return this.devTokens.mint(body);
  }
}

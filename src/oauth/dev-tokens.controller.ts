import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { Public } from '../common/auth/auth.decorators';
import { ForbiddenError, NotFoundError } from '../common/errors/domain-errors';
import { ENV } from '../config/config.module';
import type { Env } from '../config/env';
import { IssuedToken } from './access-tokens.service';
import { DevTokensService } from './dev-tokens.service';

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

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Lets `npm run token` mint through a running server: only from this machine, never in production. */
@ApiExcludeController()
@Controller('dev/tokens')
export class DevTokensController {
  constructor(
    private readonly devTokens: DevTokensService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  @Public()
  @Post()
  @HttpCode(200)
  mint(@Body() body: DevTokenRequest, @Req() request: FastifyRequest): Promise<IssuedToken> {
    if (!this.env.DEV_TOKENS) throw new NotFoundError('Development tokens are disabled');
    if (!LOOPBACK.has(request.socket.remoteAddress ?? '')) {
      throw new ForbiddenError('Development tokens are minted for loopback callers only');
    }
    return this.devTokens.mint(body);
  }
}

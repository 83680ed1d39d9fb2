import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsArray, IsIn, IsObject, IsOptional, IsString } from 'class-validator';
import { Public } from '../common/auth/auth.decorators';
import { AppLimits, DevAppsService, RegisteredApp } from './dev-apps.service';
import { DevToolingGuard } from './dev-tooling.guard';
import type { ClientType, QuotaMode, RateLimitOverride } from './entities/client.entity';

// Types only: ClientsService checks the details, with the dashboard's messages; the body limit bounds their size.
export class DevAppRequest {
  @IsString()
  name: string;

  @IsOptional()
  @IsString()
  description?: string;

  @IsArray()
  @IsString({ each: true })
  redirect_uris: string[];

  @IsIn(['confidential', 'public'])
  type: ClientType;

  @IsOptional()
  @IsString()
  owner?: string;
}

export class DevAdminRequest {
  @IsString()
  email: string;
}

export class DevLimitsRequest {
  @IsOptional()
  @IsIn(['development', 'extended'])
  quota_mode?: QuotaMode;

  /** Budgets per window replacing the quota mode's; null removes the override. */
  @IsOptional()
  @IsObject()
  rate_limit_override?: RateLimitOverride | null;
}

/** Lets `npm run app` work through a running server (embedded PGlite admits one process). */
@ApiExcludeController()
@Public()
@UseGuards(DevToolingGuard)
@Controller('dev')
export class DevAppsController {
  constructor(private readonly devApps: DevAppsService) {}

  @Post('apps')
  @HttpCode(201)
  register(@Body() body: DevAppRequest): Promise<RegisteredApp> {
    return this.devApps.register({ name: body.name, description: body.description, redirectUris: body.redirect_uris, type: body.type, ownerEmail: body.owner });
  }

  @Post('apps/:id/limits')
  @HttpCode(200)
  limits(@Param('id') id: string, @Body() body: DevLimitsRequest): Promise<AppLimits> {
    return this.devApps.setLimits(id, { quotaMode: body.quota_mode, override: body.rate_limit_override });
  }

  @Post('admins')
  @HttpCode(200)
  promote(@Body() body: DevAdminRequest): Promise<{ email: string; is_admin: true }> {
    return this.devApps.promote(body.email);
  }
}

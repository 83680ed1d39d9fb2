import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsArray, IsIn, IsOptional, IsString } from 'class-validator';
import { Public } from '../common/auth/auth.decorators';
import { DevAppsService, RegisteredApp } from './dev-apps.service';
import { DevToolingGuard } from './dev-tooling.guard';
import type { ClientType } from './entities/client.entity';

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

  @Post('admins')
  @HttpCode(200)
  promote(@Body() body: DevAdminRequest): Promise<{ email: string; is_admin: true }> {
    return this.devApps.promote(body.email);
  }
}

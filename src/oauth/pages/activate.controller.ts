import { Controller, Get, Post, Req, Res, UseGuards } from '@nestjs/common';
import { RateLimitByIp } from '../../rate-limit/rate-limit.decorators';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/auth.decorators';
import { errorPage } from '../../common/http/html';
import { AccountsService } from '../accounts.service';
import { ClientsService } from '../clients.service';
import { DeviceCodesService } from '../device-codes.service';
import type { UserEntity } from '../entities/user.entity';
import { GrantsService } from '../grants.service';
import { CsrfGuard } from './csrf.guard';
import { CsrfReply, formFields, sendHtml, signedInListener } from './page-reply';
import { activatePage, deviceConsentPage, deviceDonePage } from './templates';

const UNKNOWN_CODE = 'That code is not valid or has expired. Check the code on your device, or start again there.';

/**
 * The device authorization grant's browser side (RFC 8628 §3.3): the listener enters the
 * code their car, speaker or TV shows, or follows its link, and confirms. The code is
 * always shown for confirmation, even from the link, so a code sent by someone else
 * cannot connect their device unnoticed (§5.4).
 */
@ApiExcludeController()
@Public()
@Controller('activate')
export class ActivateController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly clients: ClientsService,
    private readonly deviceCodes: DeviceCodesService,
    private readonly grants: GrantsService,
  ) {}

  @Get()
  async form(@Req() request: FastifyRequest, @Res() reply: CsrfReply): Promise<void> {
    const query = request.query as Record<string, unknown>;
    const userCode = typeof query.user_code === 'string' ? query.user_code.slice(0, 20) : undefined;
    const user = await signedInListener(this.accounts, request, reply, userCode ? `/activate?user_code=${encodeURIComponent(userCode)}` : '/activate');
    if (!user) return;
    if (!userCode) return sendHtml(reply, 200, activatePage({ csrf: reply.generateCsrf(), userName: user.displayName }));
    await this.confirm(reply, user, userCode);
  }

  @RateLimitByIp()
  @UseGuards(CsrfGuard)
  @Post()
  async enter(@Req() request: FastifyRequest, @Res() reply: CsrfReply): Promise<void> {
    const user = await signedInListener(this.accounts, request, reply, '/activate');
    if (user) await this.confirm(reply, user, formFields(request).user_code ?? '');
  }

  @RateLimitByIp()
  @UseGuards(CsrfGuard)
  @Post('decide')
  async decide(@Req() request: FastifyRequest, @Res() reply: CsrfReply): Promise<void> {
    const user = await signedInListener(this.accounts, request, reply, '/activate');
    if (!user) return;
    const form = formFields(request);
    const pending = await this.deviceCodes.pending(form.user_code ?? '');
    if (!pending) return this.unknownCode(reply, user, form.user_code);
    const approved = form.decision === 'approve';
    if (approved && !(await this.clients.admits(pending.client, user.id))) {
      await this.deviceCodes.decide(pending.userCode, user.id, false);
      return sendHtml(reply, 403, errorPage('Device not connected', `${pending.client.name} is in development mode and has reached its limit of users.`));
    }
    if (!(await this.deviceCodes.decide(pending.userCode, user.id, approved))) return this.unknownCode(reply, user, form.user_code);
    if (approved) await this.grants.recordConsent(user.id, pending.client.id, pending.scopes);
    sendHtml(reply, 200, deviceDonePage(approved, pending.client.name));
  }

  private async confirm(reply: CsrfReply, user: UserEntity, userCode: string): Promise<void> {
    const pending = await this.deviceCodes.pending(userCode);
    if (!pending) return this.unknownCode(reply, user, userCode);
    const page = deviceConsentPage({ csrf: reply.generateCsrf(), appName: pending.client.name, userName: user.displayName, userCode: pending.userCode, scopes: pending.scopes });
    sendHtml(reply, 200, page);
  }

  private unknownCode(reply: CsrfReply, user: UserEntity, userCode: string | undefined): void {
    sendHtml(reply, 400, activatePage({ csrf: reply.generateCsrf(), userName: user.displayName, userCode: userCode?.slice(0, 20), error: UNKNOWN_CODE }));
  }

}

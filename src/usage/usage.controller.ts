import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/auth/auth.decorators';
import { DomainError, NotFoundError } from '../common/errors/domain-errors';
import { AccountsService } from '../oauth/accounts.service';
import { ClientsService } from '../oauth/clients.service';
import { SESSION_COOKIE } from '../oauth/pages/page-reply';
import { asset } from './usage-assets';
import { UsageReport, UsageService } from './usage.service';

/**
 * The developer dashboard's usage data and the files that draw it. Same session as the dashboard
 * pages: only the app's owner sees its usage; another developer's app, or no app, is a 404.
 */
@ApiExcludeController()
@Public()
@Controller('dashboard')
export class UsageController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly clients: ClientsService,
    private readonly usage: UsageService,
  ) {}

  @Get('apps/:id/usage.json')
  @Header('cache-control', 'no-store')
  async report(@Req() request: FastifyRequest, @Param('id') id: string): Promise<UsageReport> {
    // JSON for a script: no redirect to the sign-in page, which a fetch would follow into HTML.
    const user = await this.accounts.sessionUser(request.cookies[SESSION_COOKIE]);
    if (!user) throw new DomainError('UNAUTHORIZED', 'Sign in to the dashboard to see an app’s usage', 'NO_SESSION');
    const app = await this.clients.owned(user.id, id);
    return this.usage.report(app.id);
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Query('v') version: unknown, @Res() reply: FastifyReply): void {
    const found = asset(file);
    if (!found) throw new NotFoundError('No such file', 'NO_SUCH_ASSET');
    // The pages link each file with its content hash: that URL never changes meaning.
    const cache = version === found.version ? 'public, max-age=31536000, immutable' : 'no-cache';
    void reply.header('content-type', found.type).header('cache-control', cache).send(found.body);
  }
}

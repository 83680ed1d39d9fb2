import { Controller, Get, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/auth.decorators';
import { ForbiddenError, InvalidInputError } from '../../common/errors/domain-errors';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import { AccountsService } from '../accounts.service';
import { AppDetails, ClientsService } from '../clients.service';
import type { ClientEntity, ClientType, QuotaMode } from '../entities/client.entity';
import type { UserEntity } from '../entities/user.entity';
import { CsrfGuard } from './csrf.guard';
import { adminAppsPage, AppFormValues, appPage, dashboardPage, deleteAppPage, newAppPage } from './dashboard.templates';
import { CsrfReply, formFields, sendHtml, signedInListener } from './page-reply';

function appDetails(form: AppFormValues): AppDetails {
  return { name: form.name ?? '', description: form.description ?? '', redirectUris: (form.redirect_uris ?? '').split(/\r?\n/) };
}

function clientType(value: string | undefined): ClientType {
  if (value === 'confidential' || value === 'public') return value;
  throw new InvalidInputError('Choose whether the app is confidential or public', 'INVALID_APP');
}

function quotaMode(value: string | undefined): QuotaMode {
  if (value === 'development' || value === 'extended') return value;
  throw new InvalidInputError('quota_mode is development or extended', 'INVALID_QUOTA_MODE');
}

/**
 * The developer dashboard: a signed-in listener registers and manages their apps, and administrators
 * switch any app's quota mode. Server-rendered; the one script, on an app's page, draws its usage
 * chart from /dashboard/apps/:id/usage.json (src/usage/usage.controller.ts). Another developer's app,
 * or an id that is no app at all, is a 404 page (ClientsService.owned throws NotFoundError; the exception filter renders it).
 */
@ApiExcludeController()
@Public()
@Controller()
export class DashboardController {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly accounts: AccountsService,
    private readonly clients: ClientsService,
  ) {}

  @Get('dashboard')
  async list(@Req() request: FastifyRequest, @Res() reply: CsrfReply): Promise<void> {
    const user = await signedInListener(this.accounts, request, reply, '/dashboard');
    if (!user) return;
    const apps = await this.withListeners(await this.clients.listOwnedBy(user.id));
    sendHtml(reply, 200, dashboardPage({ ...this.viewer(reply, user), apps, cap: this.env.DEV_MODE_USER_CAP }));
  }

  @Get('dashboard/apps/new')
  async newApp(@Req() request: FastifyRequest, @Res() reply: CsrfReply): Promise<void> {
    const user = await signedInListener(this.accounts, request, reply, '/dashboard/apps/new');
    if (!user) return;
    sendHtml(reply, 200, newAppPage(this.viewer(reply, user)));
  }

  @UseGuards(CsrfGuard)
  @Post('dashboard/apps')
  async create(@Req() request: FastifyRequest, @Res() reply: CsrfReply): Promise<void> {
    const user = await signedInListener(this.accounts, request, reply, '/dashboard/apps/new');
    if (!user) return;
    const form = formFields(request);
    let registered: { client: ClientEntity; secret: string | null };
    try {
      registered = await this.clients.register(user.id, { ...appDetails(form), type: clientType(form.type) });
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return sendHtml(reply, 400, newAppPage({ ...this.viewer(reply, user), values: form, error: error.message }));
    }
    // The secret goes into this response only: not into a URL, a cookie or the database.
    await this.sendAppPage(reply, 201, user, registered.client, { secret: registered.secret ?? undefined, notice: 'App registered.' });
  }

  @Get('dashboard/apps/:id')
  async show(@Req() request: FastifyRequest, @Res() reply: CsrfReply, @Param('id') id: string): Promise<void> {
    const user = await signedInListener(this.accounts, request, reply, request.url);
    if (!user) return;
    const app = await this.clients.owned(user.id, id);
    const saved = (request.query as Record<string, unknown>).saved !== undefined;
    await this.sendAppPage(reply, 200, user, app, { notice: saved ? 'Changes saved.' : undefined });
  }

  @UseGuards(CsrfGuard)
  @Post('dashboard/apps/:id')
  async save(@Req() request: FastifyRequest, @Res() reply: CsrfReply, @Param('id') id: string): Promise<void> {
    const user = await signedInListener(this.accounts, request, reply, `/dashboard/apps/${id}`);
    if (!user) return;
    const app = await this.clients.owned(user.id, id);
    const form = formFields(request);
    try {
      await this.clients.update(user.id, app.id, appDetails(form));
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return this.sendAppPage(reply, 400, user, app, { values: form, error: error.message });
    }
    void reply.redirect(`/dashboard/apps/${app.id}?saved`, 303);
  }

  @UseGuards(CsrfGuard)
  @Post('dashboard/apps/:id/secret')
  async rotateSecret(@Req() request: FastifyRequest, @Res() reply: CsrfReply, @Param('id') id: string): Promise<void> {
    const user = await signedInListener(this.accounts, request, reply, `/dashboard/apps/${id}`);
    if (!user) return;
    const app = await this.clients.owned(user.id, id);
    // A public app has no secret to rotate: InvalidInputError, which the exception filter renders as a 400 page.
    const secret = await this.clients.rotateSecret(user.id, app.id);
    await this.sendAppPage(reply, 200, user, app, { secret, notice: 'New secret issued; the old one no longer works.' });
  }

  @Get('dashboard/apps/:id/delete')
  async confirmDelete(@Req() request: FastifyRequest, @Res() reply: CsrfReply, @Param('id') id: string): Promise<void> {
    const user = await signedInListener(this.accounts, request, reply, request.url);
    if (!user) return;
    const app = await this.clients.owned(user.id, id);
    sendHtml(reply, 200, deleteAppPage({ ...this.viewer(reply, user), app }));
  }

  @UseGuards(CsrfGuard)
  @Post('dashboard/apps/:id/delete')
  async delete(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<void> {
    const user = await signedInListener(this.accounts, request, reply, '/dashboard');
    if (!user) return;
    await this.clients.delete(user.id, id);
    void reply.redirect('/dashboard', 303);
  }

  @Get('admin/apps')
  async allApps(@Req() request: FastifyRequest, @Res() reply: CsrfReply): Promise<void> {
    const user = await signedInListener(this.accounts, request, reply, '/admin/apps');
    if (!user) return;
    requireAdmin(user);
    const all = await this.clients.listAll();
    const apps = (await this.withListeners(all)).map((entry) => ({ ...entry, ownerEmail: entry.app.owner?.email ?? entry.app.ownerId }));
    sendHtml(reply, 200, adminAppsPage({ ...this.viewer(reply, user), apps, cap: this.env.DEV_MODE_USER_CAP }));
  }

  @UseGuards(CsrfGuard)
  @Post('admin/apps/:id/quota')
  async setQuota(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<void> {
    const user = await signedInListener(this.accounts, request, reply, '/admin/apps');
    if (!user) return;
    requireAdmin(user);
    await this.clients.setQuotaMode(user, id, quotaMode(formFields(request).quota_mode));
    void reply.redirect('/admin/apps', 303);
  }


  private viewer(reply: CsrfReply, user: UserEntity) {
    return { csrf: reply.generateCsrf(), userName: user.displayName, isAdmin: user.isAdmin };
  }

  private async withListeners(apps: ClientEntity[]) {
    const counts = await this.clients.listenerCounts(apps);
    return apps.map((app) => ({ app, listeners: counts.get(app.id) ?? 0 }));
  }

  private async sendAppPage(
    reply: CsrfReply,
    status: number,
    user: UserEntity,
    app: ClientEntity,
    extra: { secret?: string; notice?: string; values?: AppFormValues; error?: string },
  ): Promise<void> {
    const [entry] = await this.withListeners([app]);
    sendHtml(reply, status, appPage({ ...this.viewer(reply, user), entry, cap: this.env.DEV_MODE_USER_CAP, ...extra }));
  }
}

function requireAdmin(user: UserEntity): void {
  if (!user.isAdmin) throw new ForbiddenError('Only an administrator may see and change every app’s quota', 'NOT_ADMIN');
}

import { html, page, SafeHtml } from '../../common/http/html';
import { usageSection } from '../../usage/usage.templates';
import type { ClientEntity } from '../entities/client.entity';
import { hidden, problem } from './templates';

/** What a developer typed into an app form, kept as typed so a rejected form comes back filled in. */
export interface AppFormValues {
  name?: string;
  description?: string;
  redirect_uris?: string;
  type?: string;
}

export interface AppWithListeners {
  app: ClientEntity;
  /** Listeners besides the owner who authorized it. */
  listeners: number;
}

interface Viewer {
  csrf: string;
  userName: string;
  isAdmin: boolean;
}

const nav = (viewer: Viewer) =>
  html`<p class="muted">Signed in as <strong>${viewer.userName}</strong> · <a href="/dashboard">Your apps</a> · <a href="/account/apps">Apps you authorized</a>${
    viewer.isAdmin ? html` · <a href="/admin/apps">All apps (administrator)</a>` : ''
  }</p>`;

const signOut = (csrf: string) => html`<form method="post" action="/signout">${hidden({ _csrf: csrf })}<button type="submit">Sign out</button></form>`;

function usage({ app, listeners }: AppWithListeners, cap: number): string {
  return app.quotaMode === 'extended'
    ? `${listeners} listeners · extended quota (no limit)`
    : `${listeners} of ${cap} listeners · development mode`;
}

const formValues = (app: ClientEntity): AppFormValues => ({ name: app.name, description: app.description, redirect_uris: app.redirectUris.join('\n') });

/** Name, description and redirect URIs: the fields an app is created with and edited by. */
function detailFields(values: AppFormValues): SafeHtml {
  return html`<label for="name">Name</label>
<input id="name" name="name" required maxlength="100" value="${values.name ?? ''}">
<label for="description">Description (optional)</label>
<textarea id="description" name="description" rows="3" maxlength="1000">${values.description ?? ''}</textarea>
<label for="redirect_uris">Redirect URIs, one per line</label>
<textarea id="redirect_uris" name="redirect_uris" rows="4" required spellcheck="false">${values.redirect_uris ?? ''}</textarea>
<p class="muted">https://…, http:// on 127.0.0.1, [::1] or localhost (any port), or a reverse-domain scheme such as com.example.app:/callback.</p>`;
}

export function dashboardPage(options: Viewer & { apps: AppWithListeners[]; cap: number }): string {
  return page(
    'Your apps',
    html`<h1>Your apps</h1>
${nav(options)}
<p><a href="/dashboard/apps/new">Register a new app</a></p>
${options.apps.length
  ? html`<ul>${options.apps.map(
      (entry) => html`<li><a href="/dashboard/apps/${entry.app.id}"><strong>${entry.app.name}</strong></a><br>
<span class="muted">Client ID <code>${entry.app.id}</code> · ${entry.app.type} · ${usage(entry, options.cap)}</span></li>`,
    )}</ul>`
  : html`<p>You have not registered any apps yet.</p>`}
${signOut(options.csrf)}`,
  );
}

export function newAppPage(options: Viewer & { values?: AppFormValues; error?: string }): string {
  const values = options.values ?? {};
  const type = values.type === 'public' ? 'public' : 'confidential';
  const option = (value: string, label: string) => html`<option value="${value}"${new SafeHtml(type === value ? ' selected' : '')}>${label}</option>`;
  return page(
    'Register an app',
    html`<h1>Register an app</h1>
${nav(options)}
${problem(options.error)}
<form method="post" action="/dashboard/apps">
${hidden({ _csrf: options.csrf })}
${detailFields(values)}
<label for="type">Type</label>
<select id="type" name="type">${option('confidential', 'Confidential: runs on a server that keeps a client secret')}${option('public', 'Public: runs on the listener’s device, no secret, uses PKCE')}</select>
<button class="primary" type="submit">Register app</button>
</form>`,
  );
}

/**
 * One app: its credentials, listeners, API usage (src/usage/usage.templates.ts) and edit form.
 * `secret` is set only on the response that created or rotated it: Backbeat keeps the hash alone, so it can never be shown again.
 */
export function appPage(options: Viewer & { entry: AppWithListeners; cap: number; secret?: string; notice?: string; values?: AppFormValues; error?: string }): string {
  const { app } = options.entry;
  return page(
    app.name,
    html`<h1>${app.name}</h1>
${nav(options)}
${options.notice ? html`<p role="status"><strong>${options.notice}</strong></p>` : ''}
<p>Client ID <code>${app.id}</code><br>
<span class="muted">${app.type === 'confidential' ? 'Confidential app' : 'Public app (no client secret; uses PKCE)'} · ${usage(options.entry, options.cap)}</span></p>
${options.secret
  ? html`<label for="client_secret">Client secret</label>
<input id="client_secret" readonly value="${options.secret}" spellcheck="false" autocomplete="off">
<p role="alert"><strong>Copy it now: it will not be shown again.</strong> Backbeat keeps only a hash of it; if it is lost, rotate it for a new one.</p>`
  : ''}
${usageSection(app.id)}
<h2>Settings</h2>
${problem(options.error)}
<form method="post" action="/dashboard/apps/${app.id}">
${hidden({ _csrf: options.csrf })}
${detailFields(options.values ?? formValues(app))}
<button class="primary" type="submit">Save changes</button>
</form>
${app.type === 'confidential'
  ? html`<h2>Client secret</h2>
<p>Rotating issues a new secret; the old one stops working at once. Tokens already issued stay valid.</p>
<form method="post" action="/dashboard/apps/${app.id}/secret">${hidden({ _csrf: options.csrf })}<button type="submit">Rotate secret</button></form>`
  : ''}
<h2>Delete</h2>
<p><a href="/dashboard/apps/${app.id}/delete">Delete this app…</a></p>`,
  );
}

export function deleteAppPage(options: Viewer & { app: ClientEntity }): string {
  return page(
    `Delete ${options.app.name}`,
    html`<h1>Delete ${options.app.name}?</h1>
${nav(options)}
<p>Its client ID stops working, listeners’ authorizations go and every token issued to it is revoked. This cannot be undone.</p>
<form method="post" action="/dashboard/apps/${options.app.id}/delete">
${hidden({ _csrf: options.csrf })}
<button class="primary" type="submit">Delete app</button>
</form>
<p><a href="/dashboard/apps/${options.app.id}">Keep it</a></p>`,
  );
}

export function adminAppsPage(options: Viewer & { apps: Array<AppWithListeners & { ownerEmail: string }>; cap: number }): string {
  return page(
    'All apps',
    html`<h1>All apps</h1>
${nav(options)}
<p>Apps in development mode admit at most ${options.cap} listeners besides their owner; extended quota has no limit.</p>
${options.apps.length
  ? html`<ul>${options.apps.map((entry) => {
      const target = entry.app.quotaMode === 'extended' ? 'development' : 'extended';
      return html`<li><strong>${entry.app.name}</strong> <span class="muted">by ${entry.ownerEmail}</span><br>
<span class="muted">Client ID <code>${entry.app.id}</code> · ${entry.app.type} · ${usage(entry, options.cap)}</span>
<form method="post" action="/admin/apps/${entry.app.id}/quota">${hidden({ _csrf: options.csrf, quota_mode: target })}<button type="submit">Switch to ${target === 'extended' ? 'extended quota' : 'development mode'}</button></form></li>`;
    })}</ul>`
  : html`<p>No apps are registered.</p>`}`,
  );
}

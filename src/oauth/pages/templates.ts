import { isScope, SCOPE_DESCRIPTIONS } from '../../common/auth/scopes';
import type { AuthorizedApp } from '../grants.service';
import { html, page, SafeHtml } from '../../common/http/html';

export const hidden = (fields: Record<string, string | undefined>) =>
  Object.entries(fields).map(([name, value]) => (value === undefined ? '' : html`<input type="hidden" name="${name}" value="${value}">`));

export const problem = (error?: string) => (error ? html`<p class="error" role="alert">${error}</p>` : '');

export function signInPage(options: { csrf: string; returnTo: string; error?: string; email?: string }): string {
  return page(
    'Sign in',
    html`<h1>Sign in to Backbeat</h1>
${problem(options.error)}
<form method="post" action="/signin">
${hidden({ _csrf: options.csrf, return_to: options.returnTo })}
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required maxlength="320" value="${options.email ?? ''}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200">
<button class="primary" type="submit">Sign in</button>
</form>
<p class="muted">New to Backbeat? <a href="/signup?return_to=${encodeURIComponent(options.returnTo)}">Create an account</a></p>`,
  );
}

export function signUpPage(options: { csrf: string; returnTo: string; countries: ReadonlyArray<readonly [string, string]>; error?: string; values?: Record<string, string> }): string {
  const v = options.values ?? {};
  const country = v.country ?? 'US';
  return page(
    'Create an account',
    html`<h1>Create a Backbeat account</h1>
${problem(options.error)}
<form method="post" action="/signup">
${hidden({ _csrf: options.csrf, return_to: options.returnTo })}
<label for="display_name">Name</label>
<input id="display_name" name="display_name" autocomplete="name" required maxlength="100" value="${v.display_name ?? ''}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" required maxlength="320" value="${v.email ?? ''}">
<label for="password">Password (at least 10 characters)</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="200">
<label for="country">Country</label>
<select id="country" name="country">${options.countries.map(([code, name]) => html`<option value="${code}"${new SafeHtml(code === country ? ' selected' : '')}>${name}</option>`)}</select>
<label for="birthdate">Birthdate (optional)</label>
<input id="birthdate" name="birthdate" type="date" value="${v.birthdate ?? ''}">
<button class="primary" type="submit">Create account</button>
</form>
<p class="muted">Have an account? <a href="/signin?return_to=${encodeURIComponent(options.returnTo)}">Sign in</a></p>`,
  );
}

export function consentPage(options: { csrf: string; appName: string; userName: string; scopes: string[]; params: Record<string, string> }): string {
  const scopes = options.scopes.filter(isScope);
  return page(
    `Authorize ${options.appName}`,
    html`<h1>${options.appName} wants to use your Backbeat account</h1>
<p>Signed in as <strong>${options.userName}</strong>. <a href="/account/apps">Your authorized apps</a></p>
${scopes.length
  ? html`<p>It will be able to:</p><ul class="scopes">${scopes.map((s) => html`<li>${SCOPE_DESCRIPTIONS[s]} <span class="muted">(${s})</span></li>`)}</ul>`
  : html`<p>It will see your public profile and the catalog.</p>`}
<form method="post" action="/authorize">
${hidden({ _csrf: options.csrf, ...options.params })}
<button class="primary" type="submit" name="decision" value="approve">Agree</button>
<button type="submit" name="decision" value="deny">Cancel</button>
</form>
<p class="muted">You can remove its access at any time under “Your authorized apps”.</p>`,
  );
}

export function authorizedAppsPage(options: { csrf: string; userName: string; apps: AuthorizedApp[] }): string {
  return page(
    'Your authorized apps',
    html`<h1>Apps you authorized</h1>
<p>Signed in as <strong>${options.userName}</strong>.</p>
${options.apps.length
  ? html`<ul>${options.apps.map(
      (app) => html`<li><strong>${app.name}</strong> <span class="muted">since ${app.authorizedAt.toISOString().slice(0, 10)}: ${app.scopes.join(', ') || 'no scopes'}</span>
<form method="post" action="/account/apps/${app.clientId}/remove">${hidden({ _csrf: options.csrf })}<button type="submit">Remove access</button></form></li>`,
    )}</ul>`
  : html`<p>You have not authorized any apps.</p>`}
<form method="post" action="/signout">${hidden({ _csrf: options.csrf })}<button type="submit">Sign out</button></form>`,
  );
}

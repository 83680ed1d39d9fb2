import { isScope, SCOPE_DESCRIPTIONS } from '../../common/auth/scopes';
import type { AuthorizedApp } from '../grants.service';
import { html, page, SafeHtml } from '../../common/http/html';

export const hidden = (fields: Record<string, string | undefined>) =>
  Object.entries(fields).map(([name, value]) => (value === undefined ? '' : html`<input type="hidden" name="${name}" value="${value}">`));

export const problem = (error?: string) => (error ? html`<p class="error" role="alert">${error}</p>` : '');

/** The requested scopes in plain words. */
function scopeList(requested: string[]) {
  const scopes = requested.filter(isScope);
  return scopes.length
    ? html`<p>It will be able to:</p><ul class="scopes">${scopes.map((s) => html`<li>${SCOPE_DESCRIPTIONS[s]} <span class="muted">(${s})</span></li>`)}</ul>`
    : html`<p>It will see your public profile and the catalog.</p>`;
}

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
  return page(
    `Authorize ${options.appName}`,
    html`<h1>${options.appName} wants to use your Backbeat account</h1>
<p>Signed in as <strong>${options.userName}</strong>. <a href="/account/apps">Your authorized apps</a></p>
${scopeList(options.scopes)}
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
<p>Signed in as <strong>${options.userName}</strong>. <a href="/dashboard">Your developer apps</a></p>
${options.apps.length
  ? html`<ul>${options.apps.map(
      (app) => html`<li><strong>${app.name}</strong> <span class="muted">since ${app.authorizedAt.toISOString().slice(0, 10)}: ${app.scopes.join(', ') || 'no scopes'}</span>
<form method="post" action="/account/apps/${app.clientId}/remove">${hidden({ _csrf: options.csrf })}<button type="submit">Remove access</button></form></li>`,
    )}</ul>`
  : html`<p>You have not authorized any apps.</p>`}
<form method="post" action="/signout">${hidden({ _csrf: options.csrf })}<button type="submit">Sign out</button></form>`,
  );
}

export function activatePage(options: { csrf: string; userName: string; userCode?: string; error?: string }): string {
  return page(
    'Connect a device',
    html`<h1>Connect a device</h1>
<p>Signed in as <strong>${options.userName}</strong>.</p>
${problem(options.error)}
<form method="post" action="/activate">
${hidden({ _csrf: options.csrf })}
<label for="user_code">Enter the code shown on your device</label>
<input id="user_code" name="user_code" required maxlength="20" autocomplete="off" autocapitalize="characters" spellcheck="false" value="${options.userCode ?? ''}">
<button class="primary" type="submit">Continue</button>
</form>`,
  );
}

export function deviceConsentPage(options: { csrf: string; appName: string; userName: string; userCode: string; scopes: string[] }): string {
  return page(
    `Connect ${options.appName}`,
    html`<h1>Connect ${options.appName} to your Backbeat account?</h1>
<p>Signed in as <strong>${options.userName}</strong>.</p>
<p>Check that your device shows the code <strong class="code">${options.userCode}</strong>. If it does not, or you did not start this, cancel.</p>
${scopeList(options.scopes)}
<form method="post" action="/activate/decide">
${hidden({ _csrf: options.csrf, user_code: options.userCode })}
<button class="primary" type="submit" name="decision" value="approve">Connect</button>
<button type="submit" name="decision" value="deny">Cancel</button>
</form>`,
  );
}

export function deviceDonePage(approved: boolean, appName: string): string {
  return approved
    ? page('Device connected', html`<h1>Device connected</h1><p>${appName} can now use your account. You can return to your device.</p><p><a href="/account/apps">Your authorized apps</a></p>`)
    : page('Device not connected', html`<h1>Device not connected</h1><p>${appName} was not given access. You can close this page.</p>`);
}

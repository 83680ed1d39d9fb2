import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvalidInputError } from '../../common/errors/domain-errors';
import type { AccountsService } from '../accounts.service';
import type { UserEntity } from '../entities/user.entity';
import { ProtocolError, singleParams } from '../oauth-protocol';

export const SESSION_COOKIE = 'bb_session';

/** A reply that can mint the CSRF token a rendered form carries (@fastify/csrf-protection). */
export type CsrfReply = FastifyReply & { generateCsrf(): string };

/** Sends a server-rendered page; pages hold per-listener data, so they are never cached. */
export function sendHtml(reply: FastifyReply, status: number, body: string): void {
  void reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

/** A form's fields, each a single string; a repeated field is a bad request, not a server error. */
export function formFields(request: FastifyRequest): Record<string, string> {
  try {
    return singleParams(request.body);
  } catch (error) {
    if (error instanceof ProtocolError) throw new InvalidInputError(error.description);
    throw error;
  }
}

/** Only same-site paths: an absolute or protocol-relative URL here would be an open redirect. */
export function safeReturnTo(value: unknown, fallback = '/account/apps'): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') && value.length <= 4000 ? value : fallback;
}

/** Where to send a visitor who must sign in first; they come back to `path` afterwards. */
export function signInRedirect(path: string): string {
  return `/signin?return_to=${encodeURIComponent(path)}`;
}

/** The signed-in listener, or null once the visitor has been sent to sign in (and back to `returnTo` after). */
export async function signedInListener(accounts: AccountsService, request: FastifyRequest, reply: FastifyReply, returnTo: string): Promise<UserEntity | null> {
  const user = await accounts.sessionUser(request.cookies[SESSION_COOKIE]);
  if (!user) void reply.redirect(signInRedirect(returnTo), 303);
  return user;
}

import type { FastifyReply } from 'fastify';
import type { Config } from '../config/env.js';

// The session cookie itself: `sid`, signed, HttpOnly, SameSite=Lax, Secure under TLS. It carries a random token; the
// sessions table keeps only its sha-256. Shared by the plugins (CSRF skips cookie-less API calls) and the accounts
// pages (sign-in sets it, sign-out clears it), so it lives beside them rather than inside either.

export const SESSION_COOKIE = 'sid';

export const sessionCookieOptions = (config: Config) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: config.tls,
  signed: true,
  // The browser keeps the cookie a little past the absolute timeout, so a form posted after an idle timeout can still
  // be tied to its user and saved as a recovered draft.
  maxAge: config.sessionAbsoluteHours * 3600 + 3600,
});

export const setSessionCookie = (reply: FastifyReply, config: Config, token: string): void => {
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config));
};

export const clearSessionCookie = (reply: FastifyReply, config: Config): void => {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.tls });
};

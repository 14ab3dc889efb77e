import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../session-cookie.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const bearer = (request: FastifyRequest): boolean => /^Bearer\s+/i.test(request.headers.authorization ?? '');

/**
 * CSRF on every state-changing request that could ride on an ambient credential: every form (sign-in forms too,
 * against login CSRF), and API calls from a browser holding a session cookie. API calls with a bearer token, or with
 * no session cookie at all, carry no ambient credential and need no token.
 */
export const installCsrfEnforcement = (app: FastifyInstance): void => {
  app.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done) => {
    if (!UNSAFE.has(request.method) || request.routeOptions.config.skipCsrf || bearer(request)) return done();
    if (request.url.startsWith('/api/') && request.cookies[SESSION_COOKIE] === undefined) return done();
    app.csrfProtection(request, reply, done);
  });
};

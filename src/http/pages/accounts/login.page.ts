import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { logIn } from '../../../domain/accounts/log-in.js';
import { logOut } from '../../../domain/accounts/log-out.js';
import { endSession, startSession } from '../../../domain/accounts/sessions.js';
import { verifyLoginTotp } from '../../../domain/accounts/verify-login-totp.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, deliverMail, safeNext, useCaseContext } from './request-context.js';
import { clearSessionCookie, setSessionCookie } from '../../session-cookie.js';
import { sessionPolicyOf } from './session-cookie.js';

// Sign in (password, then TOTP for staff), sign out. Throttled per route; the account locks after repeated failures.

const LOGIN_RATE_LIMIT = { max: 20, timeWindow: '1 minute' };

const queryOf = (request: FastifyRequest): Record<string, string> => {
  const q = (request.query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(q).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
};

const nextQuery = (next: string, recovered: boolean): string => `next=${encodeURIComponent(next)}${recovered ? '&recovered=1' : ''}`;

export const loginPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const renderLogin = (request: FastifyRequest, reply: FastifyReply, data: Record<string, unknown> = {}) => {
    const q = queryOf(request);
    return reply.view('pages/accounts/login.njk', {
      pageTitle: request.t('accounts:login.title'),
      next: safeNext(q.next ?? bodyOf(request).next, ''),
      recovered: (q.recovered ?? bodyOf(request).recovered) === '1',
      expired: q.expired === '1',
      reset: q.reset === '1',
      verified: q.verified === '1',
      ...data,
    });
  };

  app.get('/login', { config: { policy: 'account.anonymous' } }, async (request, reply) => {
    if (request.actor.kind === 'user') return reply.redirect(safeNext(queryOf(request).next));
    return renderLogin(request, reply);
  });

  app.post('/login', { config: { policy: 'account.anonymous', rateLimit: LOGIN_RATE_LIMIT } }, async (request, reply) => {
    const body = bodyOf(request);
    const next = safeNext(body.next);
    const recovered = body.recovered === '1';
    const ctx = useCaseContext(request, deps);
    const result = await logIn(ctx, { email: body.email ?? '', password: body.password ?? '' });
    if (result.outcome !== 'ok') {
      if (result.outcome === 'unverified') deliverMail(request, deps);
      const message =
        result.outcome === 'locked'
          ? request.t('accounts:login.locked', { minutes: result.minutes })
          : result.outcome === 'unverified'
            ? request.t('accounts:login.unverified')
            : request.t('accounts:login.invalid');
      reply.status(result.outcome === 'locked' ? 429 : 400);
      return renderLogin(request, reply, { errors: [{ field: 'email', message }], email: body.email ?? '' });
    }
    // Session fixation: whatever session the browser had is ended and a new id is issued.
    if (request.session) await endSession(deps.database.db, deps.services.clock, request.session.idHash);
    const { token } = await startSession(deps.database.db, deps.services.clock, sessionPolicyOf(deps.config), {
      userId: result.user.id,
      mfaVerified: false,
      ip: request.ip,
      ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
    });
    setSessionCookie(reply, deps.config, token);
    if (result.secondFactor === 'verify') return reply.redirect(`/login/totp?${nextQuery(next, recovered)}`, 303);
    if (result.secondFactor === 'enrol') return reply.redirect(`/account/mfa/setup?${nextQuery(next, recovered)}`, 303);
    return reply.redirect(recovered ? `${next}${next.includes('?') ? '&' : '?'}recovered=1` : next, 303);
  });

  app.get('/login/totp', { config: { policy: 'account.mfa_setup' } }, async (request, reply) => {
    const q = queryOf(request);
    return reply.view('pages/accounts/totp.njk', { pageTitle: request.t('accounts:totp.title'), next: safeNext(q.next), recovered: q.recovered === '1' });
  });

  app.post('/login/totp', { config: { policy: 'account.mfa_setup', rateLimit: LOGIN_RATE_LIMIT } }, async (request, reply) => {
    const body = bodyOf(request);
    const next = safeNext(body.next);
    const recovered = body.recovered === '1';
    const session = request.session;
    if (!session) return reply.redirect('/login', 303);
    const outcome = await verifyLoginTotp({ ...useCaseContext(request, deps), dataKeys: deps.services.dataKeys, sessionIdHash: session.idHash }, { code: body.code ?? '' });
    if (outcome !== 'ok') {
      if (outcome === 'locked') {
        await endSession(deps.database.db, deps.services.clock, session.idHash);
        clearSessionCookie(reply, deps.config);
        reply.status(429);
        return renderLogin(request, reply, { errors: [{ field: 'email', message: request.t('accounts:login.locked', { minutes: deps.config.login.lockMinutes }) }] });
      }
      reply.status(400);
      return reply.view('pages/accounts/totp.njk', {
        pageTitle: request.t('accounts:totp.title'),
        next,
        recovered,
        errors: [{ field: 'code', message: request.t('accounts:totp.invalid') }],
      });
    }
    return reply.redirect(recovered ? `${next}${next.includes('?') ? '&' : '?'}recovered=1` : next, 303);
  });

  app.post('/logout', { config: { policy: 'account.self' } }, async (request, reply) => {
    if (request.session) await logOut(useCaseContext(request, deps), request.session.idHash);
    clearSessionCookie(reply, deps.config);
    return reply.redirect('/login?loggedOut=1', 303);
  });
};

import type { FastifyInstance } from 'fastify';
import { requestPasswordReset } from '../../../domain/accounts/request-password-reset.js';
import { isResetLinkLive, resetPassword } from '../../../domain/accounts/reset-password.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, deliverMail, formErrorsOf, useCaseContext } from './request-context.js';

// Password reset: ask for a link (same answer whether or not the address has an account) → 1-hour link → new password.

export const passwordResetPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/password/forgot', { config: { policy: 'account.anonymous' } }, async (request, reply) =>
    reply.view('pages/accounts/forgot.njk', { pageTitle: request.t('accounts:forgot.title') }),
  );

  app.post('/password/forgot', { config: { policy: 'account.anonymous', rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = bodyOf(request);
    await requestPasswordReset(useCaseContext(request, deps), { email: body.email ?? '' });
    deliverMail(request, deps);
    return reply.view('pages/accounts/forgot-sent.njk', { pageTitle: request.t('accounts:forgot.sentTitle') });
  });

  const tokenOf = (value: unknown): string => (typeof value === 'string' ? value : '');

  app.get('/password/reset', { config: { policy: 'account.anonymous' } }, async (request, reply) => {
    const token = tokenOf((request.query as Record<string, unknown>).token);
    if (!(await isResetLinkLive(useCaseContext(request, deps), token))) {
      reply.status(410);
      return reply.view('pages/accounts/link-expired.njk', { pageTitle: request.t('accounts:linkExpired.title') });
    }
    return reply.view('pages/accounts/reset.njk', { pageTitle: request.t('accounts:reset.title'), token });
  });

  app.post('/password/reset', { config: { policy: 'account.anonymous', rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = bodyOf(request);
    const token = tokenOf(body.token);
    try {
      const ok = await resetPassword(useCaseContext(request, deps), { token, password: body.password ?? '' });
      if (!ok) {
        reply.status(410);
        return reply.view('pages/accounts/link-expired.njk', { pageTitle: request.t('accounts:linkExpired.title') });
      }
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      reply.status(400);
      return reply.view('pages/accounts/reset.njk', { pageTitle: request.t('accounts:reset.title'), token, errors });
    }
    deliverMail(request, deps);
    return reply.redirect('/login?reset=1', 303);
  });
};

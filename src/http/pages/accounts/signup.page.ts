import type { FastifyInstance } from 'fastify';
import { signUp } from '../../../domain/accounts/sign-up.js';
import { verifyEmail } from '../../../domain/accounts/verify-email.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, deliverMail, formErrorsOf, useCaseContext } from './request-context.js';

// Sign-up of a company user: email, name, password → verification link by mail (24 h).

export const signupPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/signup', { config: { policy: 'account.anonymous' } }, async (request, reply) =>
    reply.view('pages/accounts/signup.njk', { pageTitle: request.t('accounts:signup.title'), values: {} }),
  );

  app.post('/signup', { config: { policy: 'account.anonymous', rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = bodyOf(request);
    try {
      await signUp(useCaseContext(request, deps), { email: body.email ?? '', displayName: body.displayName ?? '', password: body.password ?? '', locale: request.lang });
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      reply.status(400);
      return reply.view('pages/accounts/signup.njk', { pageTitle: request.t('accounts:signup.title'), errors, values: { email: body.email, displayName: body.displayName } });
    }
    deliverMail(request, deps);
    return reply.view('pages/accounts/check-email.njk', { pageTitle: request.t('accounts:signup.checkEmailTitle'), email: body.email });
  });

  app.get('/verify-email', { config: { policy: 'account.anonymous' } }, async (request, reply) => {
    const token = (request.query as Record<string, unknown>).token;
    const ok = typeof token === 'string' && (await verifyEmail(useCaseContext(request, deps), token));
    if (ok) return reply.redirect('/login?verified=1', 303);
    reply.status(410);
    return reply.view('pages/accounts/link-expired.njk', { pageTitle: request.t('accounts:linkExpired.title') });
  });
};

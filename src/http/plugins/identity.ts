import type { FastifyInstance } from 'fastify';
import { ANONYMOUS } from '../../domain/access/actor.js';
import type { AppDeps } from '../app.js';
import { setRequestLanguage } from './language.js';

export const installIdentity = (app: FastifyInstance, deps: AppDeps): void => {
  // Reference-type decorators must not be shared between requests: start empty, set per request below.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', undefined);
  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    if (request.url.startsWith('/assets/') || request.url === '/healthz' || request.url === '/readyz') return;
    const { actor, session, locale } = await deps.services.identity(request, reply);
    request.actor = actor;
    request.session = session;
    const query = request.query as Record<string, unknown> | undefined;
    if (locale && query?.lang === undefined && request.cookies.lang === undefined) setRequestLanguage(request, locale);
  });
};

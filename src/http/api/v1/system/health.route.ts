import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app.js';

/** Liveness (the process answers) and readiness (the database answers). */
export const healthRoutes = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/healthz', { config: { policy: 'public' }, logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { policy: 'public' }, logLevel: 'warn' }, async (request, reply) => {
    try {
      await deps.database.ping();
      return { status: 'ready', database: deps.database.kind };
    } catch (error) {
      request.log.warn({ err: error }, 'database not reachable');
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
  app.get('/api/openapi.json', { config: { policy: 'public' } }, async () => app.swagger());
};

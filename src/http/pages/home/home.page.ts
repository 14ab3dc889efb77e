import type { FastifyInstance } from 'fastify';

export const homePage = async (app: FastifyInstance): Promise<void> => {
  app.get('/', { config: { policy: 'public' } }, async (request, reply) => reply.view('pages/home.njk', { pageTitle: request.t('home.title') }));
};

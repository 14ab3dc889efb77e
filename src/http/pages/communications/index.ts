import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';
import { communicationsPages } from './communications.page.js';

export const communicationsModule = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  await communicationsPages(app, deps);
};

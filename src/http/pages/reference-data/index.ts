import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';
import { referenceDataApi } from '../../api/v1/reference-data/reference-data.route.js';
import { referenceDataPages } from './reference-data.page.js';

/** The reference-data module: public page, secretariat pages and the JSON API. */
export const referenceDataModule = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  await referenceDataPages(app, deps);
  await referenceDataApi(app, deps);
};

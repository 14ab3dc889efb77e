import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app.js';
import { rosterPage } from '../../../pages/roster/roster.page.js';
import { lookupCorporateNumberRoute } from './lookup-corporate-number.route.js';
import { searchRosterRoute } from './search-roster.route.js';

/** The roster module: the public page and the JSON API. */
export const rosterRoutes = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  for (const routes of [rosterPage, searchRosterRoute, lookupCorporateNumberRoute]) await routes(app, deps);
};

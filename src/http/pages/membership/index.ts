import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';
import { getJoinRequestRoute } from '../../api/v1/membership/get-join-request.route.js';
import { joinRequestsApiRoutes } from '../../api/v1/membership/join-requests.route.js';
import { establishmentRegisterPage } from './establishment-register.page.js';
import { joinFormPages } from './join-form.page.js';
import { joinRequestPages } from './join-request.page.js';
import { organisationPages } from './organisation.page.js';
import { organisationRegisterPage } from './organisation-register.page.js';
import { reviewPages } from './review.page.js';

/** The membership module's pages (and its JSON API): company and establishment registration, the join application, the review queue. */
export const membershipPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  for (const pages of [organisationRegisterPage, organisationPages, establishmentRegisterPage, joinFormPages, joinRequestPages, reviewPages, getJoinRequestRoute, joinRequestsApiRoutes]) await pages(app, deps);
};

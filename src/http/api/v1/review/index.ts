import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app.js';
import { approvalRoute, correctionRequestRoute, refusalRoute, startReviewRoute } from './decisions.js';
import { getReviewJoinRequestRoute } from './get-join-request.route.js';
import { listQueueRoute } from './list-queue.route.js';

/** The secretariat's review of join applications as JSON (M3/M4): the queue, one request, and the four decisions. */
export const reviewApiRoutes = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  for (const routes of [listQueueRoute, getReviewJoinRequestRoute, startReviewRoute, correctionRequestRoute, refusalRoute, approvalRoute]) await routes(app, deps);
};

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app.js';
import { approvalRoute } from './approval.route.js';
import { correctionRequestRoute } from './correction-request.route.js';
import { getReviewJoinRequestRoute } from './get-join-request.route.js';
import { listQueueRoute } from './list-queue.route.js';
import { refusalRoute } from './refusal.route.js';
import { startReviewRoute } from './start-review.route.js';

/** The secretariat's review of join applications as JSON (M3/M4): the queue, one request, and the four decisions. */
export const reviewApiRoutes = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  for (const routes of [listQueueRoute, getReviewJoinRequestRoute, startReviewRoute, correctionRequestRoute, refusalRoute, approvalRoute]) await routes(app, deps);
};

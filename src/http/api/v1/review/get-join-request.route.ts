import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getJoinRequest } from '../../../../domain/membership/get-join-request.js';
import type { AppDeps } from '../../../app.js';
import { membershipContext } from '../../../pages/membership/helpers.js';
import { joinRequestDetail, JoinRequestDetailSchema } from './join-request-detail.js';
import { IdParams } from './review-schemas.js';

/** GET /api/v1/review/join-requests/:id: one request for the reviewer, with each determination and its citations. */
export const getReviewJoinRequestRoute = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/review/join-requests/:id',
    {
      config: { policy: 'join_request.review' },
      schema: {
        tags: ['review'],
        summary: 'A join request for review: status, lockVersion, answers, evidence, the stored determination and every step of its history with the provisions cited',
        description: 'Secretariat reviewers and administrators who are named information handlers. Unknown id: 404.',
        params: IdParams,
        response: { 200: JoinRequestDetailSchema },
      },
    },
    async (request) => joinRequestDetail(await getJoinRequest(membershipContext(request, deps), request.params.id)),
  );
};

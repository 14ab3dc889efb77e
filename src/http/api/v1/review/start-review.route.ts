import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideJoinRequest } from '../../../../domain/membership/decide-join-request.js';
import type { AppDeps } from '../../../app.js';
import { membershipContext } from '../../../pages/membership/helpers.js';
import { DECISION_DESCRIPTION, DecisionResult, decisionResult, IdempotencyHeaders, IdParams, idempotencyKeyOf, LockVersion } from './review-schemas.js';

/** POST /api/v1/review/join-requests/:id/start-review: 到達 → 審査中. */
export const startReviewRoute = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/review/join-requests/:id/start-review',
    {
      config: { policy: 'join_request.review', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['review'],
        summary: 'Start reviewing a received join request (到達 → 審査中)',
        description: DECISION_DESCRIPTION,
        headers: IdempotencyHeaders,
        params: IdParams,
        body: z.object({ lockVersion: LockVersion }).meta({ example: { lockVersion: 0 } }),
        response: { 200: DecisionResult },
      },
    },
    async (request) =>
      decisionResult(await decideJoinRequest(membershipContext(request, deps), request.params.id, request.body.lockVersion, { kind: 'start_review' }, idempotencyKeyOf(request.headers))),
  );
};

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideJoinRequest } from '../../../../domain/membership/decide-join-request.js';
import type { AppDeps } from '../../../app.js';
import { deliverMail } from '../../../pages/accounts/request-context.js';
import { membershipContext } from '../../../pages/membership/helpers.js';
import { DECISION_DESCRIPTION, DecisionResult, decisionResult, IdempotencyHeaders, IdParams, idempotencyKeyOf, LockVersion } from './review-schemas.js';

/** POST /api/v1/review/join-requests/:id/approval: 審査中 → 手続終了（承認）; the establishment is listed on the roster from today. */
export const approvalRoute = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/review/join-requests/:id/approval',
    {
      config: { policy: 'join_request.review', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['review'],
        summary: 'Approve a join request under review (手続終了・承認): the establishment is listed on the roster valid today (council until 2025-12-25, JAIM from 2025-12-26)',
        description: `${DECISION_DESCRIPTION} A JAIM listing also issues the first-year invoice (jaim-membership-faq Q2-5-1).`,
        headers: IdempotencyHeaders,
        params: IdParams,
        body: z.object({ lockVersion: LockVersion }).meta({ example: { lockVersion: 1 } }),
        response: { 200: DecisionResult },
      },
    },
    async (request) => {
      const outcome = await decideJoinRequest(membershipContext(request, deps), request.params.id, request.body.lockVersion, { kind: 'approve' }, idempotencyKeyOf(request.headers));
      deliverMail(request, deps);
      return decisionResult(outcome);
    },
  );
};

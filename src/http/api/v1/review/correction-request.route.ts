import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideJoinRequest } from '../../../../domain/membership/decide-join-request.js';
import type { AppDeps } from '../../../app.js';
import { deliverMail } from '../../../pages/accounts/request-context.js';
import { membershipContext } from '../../../pages/membership/helpers.js';
import { DECISION_DESCRIPTION, DecisionResult, decisionResult, IdempotencyHeaders, IdParams, idempotencyKeyOf, LockVersion } from './review-schemas.js';

/** POST /api/v1/review/join-requests/:id/correction-requests: 審査中 → 補正, with the notice sent to the applicant. */
export const correctionRequestRoute = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/review/join-requests/:id/correction-requests',
    {
      config: { policy: 'join_request.review', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['review'],
        summary: 'Request a correction (補正): the applicant is notified with the message, corrects and resubmits',
        description: DECISION_DESCRIPTION,
        headers: IdempotencyHeaders,
        params: IdParams,
        body: z
          .object({
            lockVersion: LockVersion,
            message: z.string().trim().min(1).max(2000).meta({ description: 'What to correct; sent to the applicant by mail and in their inbox' }),
          })
          .meta({ example: { lockVersion: 1, message: '直近1年以内の出荷実績を示す書類を添付してください。' } }),
        response: { 200: DecisionResult },
      },
    },
    async (request) => {
      const outcome = await decideJoinRequest(
        membershipContext(request, deps),
        request.params.id,
        request.body.lockVersion,
        { kind: 'request_correction', message: request.body.message },
        idempotencyKeyOf(request.headers),
      );
      deliverMail(request, deps);
      return decisionResult(outcome);
    },
  );
};

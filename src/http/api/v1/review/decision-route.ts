import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { decideJoinRequest, type ReviewDecision } from '../../../../domain/membership/decide-join-request.js';
import type { AppDeps } from '../../../app.js';
import { deliverMail } from '../../../pages/accounts/request-context.js';
import { membershipContext } from '../../../pages/membership/helpers.js';
import { DECISION_DESCRIPTION, DecisionResult, decisionResult, IdempotencyHeaders, IdParams, idempotencyKeyOf } from './review-schemas.js';

type DecisionRouteSpec<Body extends z.ZodType<{ lockVersion: number }>> = {
  /** Under /api/v1/review/join-requests/:id/ */
  action: string;
  summary: string;
  /** Added after the description every decision shares (lockVersion, conflicts, Idempotency-Key). */
  more?: string;
  body: Body;
  decision: (body: z.infer<Body>) => ReviewDecision;
};

/**
 * One reviewer decision as a POST: the same policy, rate limit, headers, conflict handling and result for each of the
 * four; the notice to the applicant (if the decision queued one) is sent after the transaction.
 */
export const decisionRoute =
  <Body extends z.ZodType<{ lockVersion: number }>>(spec: DecisionRouteSpec<Body>) =>
  async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
    app.withTypeProvider<ZodTypeProvider>().post(
      `/api/v1/review/join-requests/:id/${spec.action}`,
      {
        config: { policy: 'join_request.review', rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: {
          tags: ['review'],
          summary: spec.summary,
          description: spec.more ? `${DECISION_DESCRIPTION} ${spec.more}` : DECISION_DESCRIPTION,
          headers: IdempotencyHeaders,
          params: IdParams,
          body: spec.body,
          response: { 200: DecisionResult },
        },
      },
      async (request) => {
        const body = request.body as z.infer<Body>;
        const outcome = await decideJoinRequest(membershipContext(request, deps), request.params.id, body.lockVersion, spec.decision(body), idempotencyKeyOf(request.headers));
        deliverMail(request, deps);
        return decisionResult(outcome);
      },
    );
  };

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideJoinRequest } from '../../../../domain/membership/decide-join-request.js';
import { REFUSAL_GROUNDS } from '../../../../domain/membership/refusal-grounds.js';
import type { AppDeps } from '../../../app.js';
import { deliverMail } from '../../../pages/accounts/request-context.js';
import { membershipContext } from '../../../pages/membership/helpers.js';
import { DECISION_DESCRIPTION, DecisionResult, decisionResult, IdempotencyHeaders, IdParams, idempotencyKeyOf, LockVersion } from './review-schemas.js';

const GROUND_IDS = REFUSAL_GROUNDS.map((g) => g.id) as [string, ...string[]];
const GROUNDS_DESCRIPTION = `The refusal rules applied, at least one: ${REFUSAL_GROUNDS.map((g) => `${g.id} (${g.citation})`).join('; ')}`;

/** POST /api/v1/review/join-requests/:id/refusal: 審査中 → 手続終了（不承認）, with cited grounds (M3). */
export const refusalRoute = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/review/join-requests/:id/refusal',
    {
      config: { policy: 'join_request.review', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['review'],
        summary: 'Refuse a join request under review (手続終了・不承認), citing at least one refusal ground; the applicant is notified',
        description: DECISION_DESCRIPTION,
        headers: IdempotencyHeaders,
        params: IdParams,
        body: z
          .object({
            lockVersion: LockVersion,
            grounds: z.array(z.enum(GROUND_IDS)).min(1).max(GROUND_IDS.length).meta({ description: GROUNDS_DESCRIPTION }),
            message: z.string().trim().min(1).max(2000).meta({ description: 'The note to the applicant, sent with the grounds and their provisions' }),
          })
          .meta({ example: { lockVersion: 1, grounds: ['not_operating'], message: '工場の操業開始後に、改めて申請してください。' } }),
        response: { 200: DecisionResult },
      },
    },
    async (request) => {
      const outcome = await decideJoinRequest(
        membershipContext(request, deps),
        request.params.id,
        request.body.lockVersion,
        { kind: 'refuse', grounds: [...new Set(request.body.grounds)], message: request.body.message },
        idempotencyKeyOf(request.headers),
      );
      deliverMail(request, deps);
      return decisionResult(outcome);
    },
  );
};

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerRenewal } from '../../../../domain/renewal/answer-renewal.js';
import { RENEWAL_RESPONSE_STATES } from '../../../../domain/renewal/renewal-response.states.js';
import type { AppDeps } from '../../../app.js';
import { renewalContext } from '../../../pages/renewal/helpers.js';

/** POST /api/v1/renewal/responses/:id: a member answers the renewal check for one establishment (council art.12; JAIM FAQ Q3-1-4). */
export const answerRenewalRoute = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/renewal/responses/:id',
    {
      config: { policy: 'renewal.answer' },
      schema: {
        tags: ['renewal'],
        summary: 'Answer the yearly renewal check: renew, or withdraw (stating the SSW headcount; refused while any are employed)',
        security: [{ bearerAuth: [] }],
        params: z.object({ id: z.uuid() }),
        body: z.object({ decision: z.enum(['renew', 'withdraw']), sswEmployed: z.number().int().min(0).optional(), lockVersion: z.number().int().min(0) }),
        response: {
          200: z.object({
            id: z.string(),
            status: z.enum(RENEWAL_RESPONSE_STATES),
            answeredOn: z.string().nullable(),
            membershipEndsOn: z.string().nullable(),
            lockVersion: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const r = await answerRenewal(renewalContext(request, deps), request.params.id, request.body);
      return { id: r.id, status: r.status, answeredOn: r.answeredOn, membershipEndsOn: r.membershipEndsOn, lockVersion: r.lockVersion };
    },
  );
};

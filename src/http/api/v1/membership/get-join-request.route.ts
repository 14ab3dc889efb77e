import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getJoinRequest } from '../../../../domain/membership/get-join-request.js';
import { JOIN_REQUEST_STATES, JOIN_REQUEST_STATE_LABELS } from '../../../../domain/membership/join-request.states.js';
import type { AppDeps } from '../../../app.js';
import { membershipContext } from '../../../pages/membership/helpers.js';

const Message = z.object({ ja: z.string(), en: z.string() });

/** GET /api/v1/join-requests/:id: a join request's status and stored determination, for its organisation (or API token). */
export const getJoinRequestRoute = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/join-requests/:id',
    {
      config: { policy: 'join_request.read_own' },
      schema: {
        tags: ['membership'],
        summary: 'A join request: status (e-Gov style), dates and the determination with its citations',
        security: [{ bearerAuth: [] }],
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({
            id: z.string(),
            organisationId: z.string(),
            establishmentId: z.string().nullable(),
            status: z.enum(JOIN_REQUEST_STATES),
            statusLabel: Message,
            receivedSeq: z.number().int().nullable(),
            submittedAt: z.string().nullable(),
            decidedAt: z.string().nullable(),
            decisionReason: z.string().nullable(),
            correctionReason: z.string().nullable(),
            determination: z
              .object({
                id: z.string(),
                asOf: z.string(),
                outcome: z.string(),
                reasons: z.array(Message),
                trace: z.array(z.object({ ruleId: z.string(), citation: z.string(), message: Message })),
              })
              .nullable(),
          }),
        },
      },
    },
    async (request) => {
      const d = await getJoinRequest(membershipContext(request, deps), request.params.id);
      const r = d.request;
      return {
        id: r.id,
        organisationId: r.organisationId,
        establishmentId: r.establishmentId,
        status: r.status,
        statusLabel: JOIN_REQUEST_STATE_LABELS[r.status],
        receivedSeq: r.receivedSeq === null ? null : Number(r.receivedSeq),
        submittedAt: r.submittedAt?.toISOString() ?? null,
        decidedAt: r.decidedAt?.toISOString() ?? null,
        decisionReason: r.decisionReason,
        correctionReason: r.correctionReason,
        determination: d.determination
          ? { ...d.determination, trace: d.determination.trace.map((s) => ({ ruleId: s.ruleId, citation: s.citation, message: s.message })) }
          : null,
      };
    },
  );
};

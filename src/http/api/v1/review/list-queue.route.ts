import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JOIN_REQUEST_STATE_LABELS } from '../../../../domain/membership/join-request.states.js';
import { listReviewQueue } from '../../../../domain/membership/list-review-queue.js';
import type { AppDeps } from '../../../app.js';
import { membershipContext } from '../../../pages/membership/helpers.js';
import { Status, StatusLabel } from './review-schemas.js';

const QueueItem = z.object({
  id: z.string(),
  status: Status,
  statusLabel: StatusLabel,
  receivedSeq: z.number().int().nullable().meta({ description: 'Order of receipt (到達)' }),
  submittedAt: z.string().nullable(),
  receivedOn: z.string().nullable().meta({ description: 'Japan date of receipt', example: '2026-04-01' }),
  daysWaiting: z.number().int().nullable().meta({ description: 'Days since receipt (Japan dates)', example: 3 }),
  organisationId: z.string(),
  organisationName: z.string(),
  corporateNumber: z.string().nullable(),
  establishmentId: z.string().nullable(),
  establishmentName: z.string().nullable(),
  prefecture: z.string().nullable().meta({ description: 'JIS prefecture code 01–47' }),
  lockVersion: z.number().int().meta({ description: 'Send with a decision (optimistic concurrency)' }),
});

/** GET /api/v1/review/join-requests: the review queue (M4), oldest receipt first. */
export const listQueueRoute = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/review/join-requests',
    {
      config: { policy: 'join_request.review' },
      schema: {
        tags: ['review'],
        summary: 'The review queue: open join requests (到達, 審査中, 補正) in order of receipt, with the days each has waited',
        description: 'Secretariat reviewers and administrators who are named information handlers (staff session with two-factor sign-in).',
        response: { 200: z.object({ items: z.array(QueueItem) }) },
      },
    },
    async (request) => {
      const items = await listReviewQueue(membershipContext(request, deps));
      return {
        items: items.map((i) => ({
          id: i.id,
          status: i.status,
          statusLabel: JOIN_REQUEST_STATE_LABELS[i.status],
          receivedSeq: i.receivedSeq,
          submittedAt: i.submittedAt?.toISOString() ?? null,
          receivedOn: i.receivedOn,
          daysWaiting: i.daysWaiting,
          organisationId: i.organisationId,
          organisationName: i.organisationName,
          corporateNumber: i.corporateNumber,
          establishmentId: i.establishmentId,
          establishmentName: i.establishmentName,
          prefecture: i.prefecture,
          lockVersion: i.lockVersion,
        })),
      };
    },
  );
};

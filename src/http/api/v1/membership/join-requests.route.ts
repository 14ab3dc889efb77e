import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createJoinRequest } from '../../../../domain/membership/create-join-request.js';
import { JOIN_PAGES } from '../../../../domain/membership/join-form.js';
import { JOIN_REQUEST_STATES, JOIN_REQUEST_STATE_LABELS } from '../../../../domain/membership/join-request.states.js';
import { listOwnJoinRequests } from '../../../../domain/membership/list-own-join-requests.js';
import type { AppDeps } from '../../../app.js';
import { membershipContext } from '../../../pages/membership/helpers.js';

const Message = z.object({ ja: z.string(), en: z.string() });
const PageFields = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** POST /api/v1/join-requests (create + submit, idempotent) and GET /api/v1/join-requests (the caller's own). */
export const joinRequestsApiRoutes = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/join-requests',
    {
      config: { policy: 'join_request.submit', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['membership'],
        summary: 'Create and submit a join application (到達); idempotent with the Idempotency-Key header',
        description:
          'Token scope join_request:write. `pages` holds each page of the web form with the same field names (e.g. `declarations: { declaration_i: "no", … }`); every page is validated as on the web and the jaim-join determination is stored. The same Idempotency-Key returns the first request (200) instead of creating another.',
        security: [{ bearerAuth: [] }],
        headers: z.object({ 'idempotency-key': z.string().optional() }).passthrough(),
        body: z.object({
          organisationId: z.uuid(),
          establishmentId: z.uuid(),
          pages: z.object(Object.fromEntries(JOIN_PAGES.map((p) => [p, PageFields.optional()]))).partial(),
        }),
        response: {
          201: z.object({ id: z.string(), duplicate: z.boolean(), location: z.string() }),
          200: z.object({ id: z.string(), duplicate: z.boolean(), location: z.string() }),
        },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const result = await createJoinRequest(membershipContext(request, deps), {
        organisationId: request.body.organisationId,
        establishmentId: request.body.establishmentId,
        pages: request.body.pages as Record<string, Record<string, unknown>>,
        idempotencyKey: typeof key === 'string' ? key : '',
      });
      const location = `/api/v1/join-requests/${result.joinRequestId}`;
      reply.status(result.duplicate ? 200 : 201).header('location', location);
      return { id: result.joinRequestId, duplicate: result.duplicate, location };
    },
  );

  api.get(
    '/api/v1/join-requests',
    {
      config: { policy: 'join_request.read_own' },
      schema: {
        tags: ['membership'],
        summary: "The caller's join requests (its own company and companies that delegated to it), newest first",
        security: [{ bearerAuth: [] }],
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                organisationId: z.string(),
                establishmentId: z.string().nullable(),
                establishmentName: z.string().nullable(),
                status: z.enum(JOIN_REQUEST_STATES),
                statusLabel: Message,
                receivedSeq: z.number().int().nullable(),
                submittedAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const rows = await listOwnJoinRequests(membershipContext(request, deps));
      return {
        items: rows.map((r) => ({
          id: r.id,
          organisationId: r.organisationId,
          establishmentId: r.establishmentId,
          establishmentName: r.establishmentName,
          status: r.status,
          statusLabel: JOIN_REQUEST_STATE_LABELS[r.status],
          receivedSeq: r.receivedSeq,
          submittedAt: r.submittedAt?.toISOString() ?? null,
        })),
      };
    },
  );
};

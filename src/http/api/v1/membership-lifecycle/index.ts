import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rejoinBlockFor } from '../../../../domain/expulsion/rejoin-block.js';
import { authorize } from '../../../../domain/access/policies.js';
import { CHANGE_KINDS } from '../../../../domain/membership-changes/change-details.js';
import { todayOf } from '../../../../domain/membership-changes/lifecycle-common.js';
import { submitChangeNotice } from '../../../../domain/membership-changes/submit-change-notice.js';
import { getWithdrawal } from '../../../../domain/withdrawal/get-withdrawal.js';
import { notifyWithdrawal, sswField } from '../../../../domain/withdrawal/notify-withdrawal.js';
import type { AppDeps } from '../../../app.js';
import { deliverMail, lifecycleContext } from '../../../pages/membership-lifecycle/helpers.js';

const Message = z.object({ ja: z.string(), en: z.string() });
const Determination = z.object({
  id: z.string(),
  asOf: z.string(),
  outcome: z.string(),
  reasons: z.array(Message),
  trace: z.array(z.object({ ruleId: z.string(), citation: z.string(), message: Message })),
});
const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
type AnyDetermination = { id: string; asOf: string; outcome: string; reasons: readonly { ja: string; en: string }[]; trace: readonly { ruleId: string; citation: string; message: { ja: string; en: string } }[] };
const slimDetermination = (d: AnyDetermination) => ({ id: d.id, asOf: d.asOf, outcome: d.outcome, reasons: [...d.reasons], trace: d.trace.map((s) => ({ ruleId: s.ruleId, citation: s.citation, message: s.message })) });

/** JSON API for the membership lifecycle: change notices, withdrawal notices, the re-join block. */
export const lifecycleApiRoutes = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/organisations/:id/change-notices',
    {
      config: { policy: 'membership_change.submit', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['membership'],
        summary: 'Notify a change (council art.11; JAIM FAQ Q3-2). Adding a JSIC class or a plant not yet operating is refused with the citation.',
        description: 'With an Idempotency-Key header (16–100 characters of A–Z a–z 0–9 _ -), a retry returns the first notice (200) instead of filing another.',
        security: [{ bearerAuth: [] }],
        headers: z.object({ 'idempotency-key': z.string().optional() }).passthrough(),
        params: z.object({ id: z.uuid() }),
        body: z.object({
          kind: z.enum(CHANGE_KINDS),
          establishmentId: z.uuid().optional(),
          followsNoticeId: z.uuid().optional(),
          effectiveFrom: dateString.optional(),
          newName: z.string().max(200).optional(),
          newNameKana: z.string().max(200).optional(),
          newPrefecture: z.string().max(2).optional(),
          newAddress: z.string().max(300).optional(),
          newPostalCode: z.string().max(20).optional(),
          newRepresentative: z.string().max(200).optional(),
          newCompanyName: z.string().max(200).optional(),
          newCorporateNumber: z.string().max(20).optional(),
          operatingFrom: dateString.optional(),
          jsicCode: z.string().max(4).optional(),
          operating: z.enum(['yes', 'no']).optional(),
          shipmentsInLastYear: z.enum(['yes', 'no']).optional(),
          evidence: z.string().max(4000).optional(),
        }),
        response: {
          201: z.object({ id: z.string(), status: z.string(), duplicate: z.boolean(), determination: Determination }),
          200: z.object({ id: z.string(), status: z.string(), duplicate: z.boolean(), determination: Determination }),
        },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const r = await submitChangeNotice(lifecycleContext(request, deps), request.params.id, request.body, typeof key === 'string' ? key : undefined);
      reply.status(r.duplicate ? 200 : 201);
      return { id: r.id, status: r.status, duplicate: r.duplicate, determination: slimDetermination(r.determination) };
    },
  );

  api.post(
    '/api/v1/organisations/:id/withdrawals',
    {
      config: { policy: 'withdrawal.notify', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['membership'],
        summary: 'Notify withdrawal (council art.13): refused while an establishment employs SSW workers; no refund (JAIM FAQ Q3-1-4)',
        security: [{ bearerAuth: [] }],
        params: z.object({ id: z.uuid() }),
        body: z.object({
          scope: z.enum(['whole', 'establishments']),
          establishments: z.array(z.object({ establishmentId: z.uuid(), sswEmployed: z.number().int().min(0).max(99999) })).min(1).max(500),
          effectiveFrom: dateString,
          reason: z.string().max(2000).optional(),
          idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{8,80}$/).optional(),
        }),
        response: { 201: z.object({ id: z.string(), status: z.enum(['accepted', 'refused']), repeated: z.boolean(), determination: Determination }) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const input: Record<string, unknown> = {
        scope: b.scope,
        establishmentIds: b.establishments.map((e) => e.establishmentId),
        effectiveFrom: b.effectiveFrom,
        reason: b.reason,
        idempotencyKey: b.idempotencyKey,
      };
      for (const e of b.establishments) input[sswField(e.establishmentId)] = String(e.sswEmployed);
      const r = await notifyWithdrawal(lifecycleContext(request, deps), request.params.id, input);
      deliverMail(request, deps);
      reply.status(201);
      return { id: r.id, status: r.status, repeated: r.repeated, determination: slimDetermination(r.determination) };
    },
  );

  api.get(
    '/api/v1/withdrawals/:id',
    {
      config: { policy: 'organisation.read' },
      schema: {
        tags: ['membership'],
        summary: 'A withdrawal notice: status, effective date, headcounts stated and the determination',
        security: [{ bearerAuth: [] }],
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({
            id: z.string(),
            organisationId: z.string(),
            status: z.enum(['accepted', 'refused']),
            effectiveFrom: z.string(),
            establishments: z.array(z.object({ establishmentId: z.string(), establishmentName: z.string(), sswEmployed: z.number() })),
            determination: Determination,
          }),
        },
      },
    },
    async (request) => {
      const w = await getWithdrawal(lifecycleContext(request, deps), request.params.id);
      return { id: w.id, organisationId: w.organisationId, status: w.status, effectiveFrom: w.effectiveFrom, establishments: w.items, determination: slimDetermination(w.determination as AnyDetermination) };
    },
  );

  api.get(
    '/api/v1/rejoin-blocks/:corporateNumber',
    {
      config: { policy: 'expulsion.read' },
      schema: {
        tags: ['membership'],
        summary: 'Whether a 法人番号 is barred from re-joining on a date (council art.10(4)(ii), after an expulsion under art.14(1)(i)–(iii))',
        params: z.object({ corporateNumber: z.string().regex(/^[0-9]{13}$/) }),
        querystring: z.object({ date: dateString.optional() }),
        response: { 200: z.object({ blocked: z.boolean(), expelledOn: z.string().nullable(), liftedOn: z.string().nullable(), citation: z.string() }) },
      },
    },
    async (request) => {
      const ctx = lifecycleContext(request, deps);
      authorize(ctx.actor, 'expulsion.read');
      const block = await rejoinBlockFor(ctx.db, request.params.corporateNumber, request.query.date ?? todayOf(ctx));
      return { blocked: block !== null, expelledOn: block?.expelledOn ?? null, liftedOn: block?.liftedOn ?? null, citation: 'council-operating-rules art.10(4)(ii)' };
    },
  );
};

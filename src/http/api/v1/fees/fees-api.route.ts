import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INVOICE_STATES } from '../../../../domain/fees/invoice.states.js';
import { getInvoice } from '../../../../domain/fees/read-fees.js';
import { recordPayment } from '../../../../domain/fees/record-payment.js';
import type { AppDeps } from '../../../app.js';
import { useCaseContext } from '../../../pages/accounts/request-context.js';

const Line = z.object({ kind: z.string(), label: z.object({ ja: z.string(), en: z.string() }), amountYen: z.number().int(), citation: z.string() });

/** Fees JSON API: an invoice with its cited lines; recording a payment idempotently (Idempotency-Key header). */
export const feesApiRoutes = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/fees/invoices/:id',
    {
      config: { policy: 'fees.read_own' },
      schema: {
        tags: ['fees'],
        summary: 'A fee invoice: amount in integer yen, each line with its citation, payments (amounts are examples until the operator publishes real ones)',
        security: [{ bearerAuth: [] }],
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({
            id: z.string(),
            number: z.string(),
            fiscalYear: z.number().int(),
            establishmentId: z.string(),
            status: z.enum(INVOICE_STATES),
            paymentMethod: z.enum(['bank_transfer', 'direct_debit']),
            amountYen: z.number().int(),
            paidYen: z.number().int(),
            dueOn: z.string(),
            amountsAreExamples: z.boolean(),
            taxNote: z.string(),
            lines: z.array(Line),
            payments: z.array(z.object({ id: z.string(), amountYen: z.number().int(), paidOn: z.string(), method: z.string(), receiptNumber: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      const d = await getInvoice(useCaseContext(request, deps), request.params.id);
      const i = d.invoice;
      return {
        id: i.id,
        number: d.number,
        fiscalYear: i.fiscalYear,
        establishmentId: i.establishmentId,
        status: i.status,
        paymentMethod: i.paymentMethod,
        amountYen: i.amountYen,
        paidYen: i.paidYen,
        dueOn: i.dueOn,
        amountsAreExamples: i.amountsAreExamples,
        taxNote: '不課税（対象外） / not taxable — jaim-membership-faq Q2-5-9',
        lines: i.lines as z.infer<typeof Line>[],
        payments: d.payments.map((p) => ({ id: p.id, amountYen: p.amountYen, paidOn: p.paidOn, method: p.method, receiptNumber: p.receiptNumber })),
      };
    },
  );

  api.post(
    '/api/v1/fees/invoices/:id/payments',
    {
      config: { policy: 'fees.manage' },
      schema: {
        tags: ['fees'],
        summary: 'Record a payment (staff). Idempotent: repeat the same Idempotency-Key and the first payment is returned (200), never a second one',
        params: z.object({ id: z.uuid() }),
        headers: z.object({ 'idempotency-key': z.string().min(8).max(200) }),
        body: z.object({
          amountYen: z.number().int().positive(),
          method: z.enum(['bank_transfer', 'direct_debit']),
          paidOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          payerKind: z.enum(['member', 'support_organisation']).optional(),
          payerOrganisationId: z.uuid().optional(),
          reference: z.string().max(200).optional(),
        }),
        response: { 201: z.object({ id: z.string(), receiptNumber: z.string(), amountYen: z.number().int(), replayed: z.boolean() }), 200: z.object({ id: z.string(), receiptNumber: z.string(), amountYen: z.number().int(), replayed: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const r = await recordPayment(useCaseContext(request, deps), request.params.id, { ...request.body, idempotencyKey: request.headers['idempotency-key'] });
      reply.status(r.replayed ? 200 : 201);
      return { id: r.payment.id, receiptNumber: r.payment.receiptNumber, amountYen: r.payment.amountYen, replayed: r.replayed };
    },
  );
};

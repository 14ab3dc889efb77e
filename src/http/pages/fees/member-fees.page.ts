import type { FastifyInstance, FastifyRequest } from 'fastify';
import { organisationsOf } from '../../../domain/access/actor.js';
import { yen } from '../../../domain/fees/billing.js';
import { CLAIM_LABELS } from '../../../domain/fees/discount-claim.states.js';
import { getInvoice, listMyClaims, listMyInvoices, receiptFor } from '../../../domain/fees/read-fees.js';
import { submitDiscountClaim } from '../../../domain/fees/submit-discount-claim.js';
import { idempotencyKeyOf, keepOrDrawKey } from '../../../domain/idempotency/idempotency.js';
import { listOrganisationsByIds } from '../../../persistence/repositories/organisations.repository.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, formErrorsOf, useCaseContext } from '../accounts/request-context.js';
import { idParam, showDate } from '../renewal/helpers.js';
import { debitResultRows, invoiceRow } from './helpers.js';

/** A member's fees: invoices with cited lines, receipts, and discount claims with evidence. */
export const memberFeesPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/fees', { config: { policy: 'account.self' } }, async (request, reply) => {
    const ctx = useCaseContext(request, deps);
    const invoices = await listMyInvoices(ctx);
    const orgIds = organisationsOf(request.actor);
    const claims = (await Promise.all(orgIds.map((id) => listMyClaims(ctx, id)))).flat();
    return reply.view('pages/fees/mine.njk', {
      pageTitle: request.t('fees:member.title'),
      invoices: invoices.map((i) => invoiceRow(i, request)),
      anyExample: invoices.some((i) => i.amountsAreExamples),
      claims: claims.map((c) => ({ ...c, kindLabel: request.t(`fees:claim.kind.${c.kind}`), status: { label: CLAIM_LABELS[c.status][request.lang], tag: CLAIM_LABELS[c.status].tag } })),
    });
  });

  app.get('/fees/invoices/:id', { config: { policy: 'account.self' } }, async (request, reply) => {
    const d = await getInvoice(useCaseContext(request, deps), idParam(request));
    return reply.view('pages/fees/invoice.njk', {
      pageTitle: request.t('fees:invoice.title', { number: d.number }),
      inv: invoiceRow(d.invoice, request),
      determination: d.invoice.determination,
      payments: d.payments.map((p) => ({ ...p, amount: yen(p.amountYen, request.lang), paidShown: showDate(p.paidOn, request.lang) })),
      staff: false,
      debitResults: debitResultRows(d.debitResults, request),
    });
  });

  app.get('/fees/payments/:id/receipt.pdf', { config: { policy: 'account.self' } }, async (request, reply) => {
    const r = await receiptFor(useCaseContext(request, deps), idParam(request));
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${r.filename}"`).header('cache-control', 'no-store').send(Buffer.from(r.bytes));
  });

  const claimForm = async (request: FastifyRequest, values: Record<string, string>, errors?: { field: string; message: string }[]) => {
    const orgs = await listOrganisationsByIds(deps.database.db, organisationsOf(request.actor));
    // A re-render after bad input keeps the key: nothing was filed yet, and a retry of the corrected form is still one claim.
    const idempotencyKey = keepOrDrawKey(values.idempotencyKey);
    return { pageTitle: request.t('fees:claim.newTitle'), organisations: orgs.map((o) => ({ value: o.id, label: o.name })), values, errors, idempotencyKey };
  };
  app.get('/fees/discount-claims/new', { config: { policy: 'fees.claim_discount' } }, async (request, reply) => reply.view('pages/fees/claim-new.njk', await claimForm(request, {})));
  app.post('/fees/discount-claims', { config: { policy: 'fees.claim_discount' } }, async (request, reply) => {
    const body = bodyOf(request);
    try {
      await submitDiscountClaim(useCaseContext(request, deps), body, idempotencyKeyOf(body.idempotencyKey));
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (errors) return reply.status(400).view('pages/fees/claim-new.njk', await claimForm(request, body, errors));
      throw error;
    }
    return reply.redirect('/fees?claimed=1', 303);
  });
};

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { yen } from '../../../domain/fees/billing.js';
import { registerDebitAccount } from '../../../domain/fees/debit-accounts.js';
import { exportDebitFile } from '../../../domain/fees/export-debit-file.js';
import { currentFiscalYear, establishmentsToInvoice, searchCompaniesToInvoice } from '../../../domain/fees/find-billable.js';
import { issueInvoice } from '../../../domain/fees/issue-invoice.js';
import { getClaim, getInvoice, listArrearsFor, listClaimsForReview, listInvoicesForYear } from '../../../domain/fees/read-fees.js';
import { recordPayment } from '../../../domain/fees/record-payment.js';
import { reviewDiscountClaim } from '../../../domain/fees/review-discount-claim.js';
import { Conflict, NotFound } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, formErrorsOf, useCaseContext } from '../accounts/request-context.js';
import { idParam, showDate } from '../renewal/helpers.js';
import { keepOrDrawKey } from '../../../domain/idempotency/idempotency.js';
import { debitResultRows, invoiceRow } from './helpers.js';

type Errors = { field: string; message: string }[] | undefined;

/** Staff fee pages: invoices of a year, one invoice with payments, arrears, discount claims, the debit-file export. */
export const staffFeesPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const fail = async (request: FastifyRequest, reply: FastifyReply, error: unknown, render: (errors: Errors, flash?: string) => Promise<{ view: string } & Record<string, unknown>>) => {
    const errors = formErrorsOf(error, request);
    if (errors) {
      const v = await render(errors);
      return reply.status(400).view(v.view, v);
    }
    if (error instanceof Conflict && error.userMessage) {
      const v = await render(undefined, error.userMessage[request.lang]);
      return reply.status(409).view(v.view, v);
    }
    throw error;
  };

  const yearView = async (request: FastifyRequest, values: Record<string, string> = {}, errors?: Errors, flash?: string) => {
    const ctx = useCaseContext(request, deps);
    const query = request.query as Record<string, unknown>;
    const currentFy = currentFiscalYear(ctx);
    const fy = typeof query.fy === 'string' && /^\d{4}$/.test(query.fy) ? Number(query.fy) : currentFy;
    const invoices = await listInvoicesForYear(ctx, fy);
    // Issuing: a plain GET search for the company, then its establishments to choose from (works without JavaScript).
    const q = typeof query.q === 'string' ? query.q.slice(0, 100) : '';
    const orgId = values.organisationId ?? (typeof query.org === 'string' ? query.org : '');
    const matches = q ? await searchCompaniesToInvoice(ctx, q) : [];
    const chosen = /^[0-9a-f-]{36}$/i.test(orgId) ? await establishmentsToInvoice(ctx, orgId).catch((e: unknown) => (e instanceof NotFound ? undefined : Promise.reject(e))) : undefined;
    return {
      view: 'pages/fees/staff-invoices.njk',
      pageTitle: request.t('fees:staff.title'),
      fy,
      invoices: invoices.map((i) => invoiceRow(i, request)),
      anyExample: invoices.some((i) => i.amountsAreExamples),
      q,
      searched: q.length > 0,
      matches: matches.map((m) => ({ ...m, href: `/staff/fees?${new URLSearchParams({ fy: String(fy), q, org: m.id }).toString()}#issue` })),
      chosen: chosen && {
        organisation: chosen.organisation,
        items: chosen.establishments.map((e) => ({ value: e.id, label: e.name, hint: [e.address, e.jsicCodes.length ? `JSIC ${e.jsicCodes.join(', ')}` : ''].filter(Boolean).join(' / ') })),
      },
      values: { fiscalYear: String(currentFy), firstYear: 'true', ...values },
      errors,
      flash: flash ? { kind: 'error', message: flash } : undefined,
    };
  };
  app.get('/staff/fees', { config: { policy: 'fees.manage' } }, async (request, reply) => {
    const v = await yearView(request);
    return reply.view(v.view, v);
  });
  app.post('/staff/fees/invoices', { config: { policy: 'fees.manage' } }, async (request, reply) => {
    const body = bodyOf(request);
    try {
      const inv = await issueInvoice(useCaseContext(request, deps), body);
      return reply.redirect(`/staff/fees/invoices/${inv.id}`, 303);
    } catch (error) {
      return fail(request, reply, error, (errors, flash) => yearView(request, body, errors, flash));
    }
  });

  const invoiceView = async (request: FastifyRequest, values: Record<string, string> = {}, errors?: Errors, flash?: string) => {
    const d = await getInvoice(useCaseContext(request, deps), idParam(request));
    return {
      view: 'pages/fees/invoice.njk',
      pageTitle: request.t('fees:invoice.title', { number: d.number }),
      inv: invoiceRow(d.invoice, request),
      determination: d.invoice.determination,
      payments: d.payments.map((p) => ({ ...p, amount: yen(p.amountYen, request.lang), paidShown: showDate(p.paidOn, request.lang) })),
      debitAccount: d.debitAccount,
      debitResults: debitResultRows(d.debitResults, request),
      staff: true,
      idempotencyKey: keepOrDrawKey(values.idempotencyKey),
      values,
      errors,
      flash: flash ? { kind: 'error', message: flash } : (request.query as Record<string, unknown>).recorded === '1' ? { message: request.t('fees:payment.recorded') } : undefined,
    };
  };
  app.get('/staff/fees/invoices/:id', { config: { policy: 'fees.manage' } }, async (request, reply) => {
    const v = await invoiceView(request);
    return reply.view(v.view, v);
  });
  app.post('/staff/fees/invoices/:id/payments', { config: { policy: 'fees.manage' } }, async (request, reply) => {
    const id = idParam(request);
    const body = bodyOf(request);
    try {
      await recordPayment(useCaseContext(request, deps), id, body);
      return reply.redirect(`/staff/fees/invoices/${id}?recorded=1`, 303);
    } catch (error) {
      return fail(request, reply, error, (errors, flash) => invoiceView(request, body, errors, flash));
    }
  });
  app.post('/staff/fees/organisations/:id/debit-account', { config: { policy: 'fees.manage' } }, async (request, reply) => {
    const body = bodyOf(request);
    const back = typeof body.invoiceId === 'string' && /^[0-9a-f-]{36}$/.test(body.invoiceId) ? body.invoiceId : '';
    try {
      await registerDebitAccount(useCaseContext(request, deps), idParam(request), body);
    } catch (error) {
      (request.params as Record<string, string>).id = back;
      return fail(request, reply, error, (errors, flash) => invoiceView(request, body, errors, flash));
    }
    return reply.redirect(`/staff/fees/invoices/${back}`, 303);
  });

  app.get('/staff/fees/arrears', { config: { policy: 'fees.manage' } }, async (request, reply) => {
    const rows = await listArrearsFor(useCaseContext(request, deps));
    return reply.view('pages/fees/arrears.njk', { pageTitle: request.t('fees:arrears.title'), rows: rows.map((r) => ({
        ...invoiceRow(r, request),
        daysOverdue: r.daysOverdue,
        debitFailure: r.debitFailure ? { reason: r.debitFailure.reason[request.lang], resultCode: r.debitFailure.resultCode, dateShown: showDate(r.debitFailure.debitDate, request.lang) } : null,
      })),
    });
  });

  const debitView = async (request: FastifyRequest, values: Record<string, string> = {}, errors?: Errors, flash?: string) => ({ view: 'pages/fees/debit-export.njk', pageTitle: request.t('fees:debit.title'), values, errors, flash: flash ? { kind: 'error', message: flash } : undefined });
  app.get('/staff/fees/debit-export', { config: { policy: 'fees.manage' } }, async (request, reply) => {
    const v = await debitView(request);
    return reply.view(v.view, v);
  });
  app.post('/staff/fees/debit-export', { config: { policy: 'fees.manage' } }, async (request, reply) => {
    const body = bodyOf(request);
    try {
      const f = await exportDebitFile(useCaseContext(request, deps), body);
      return reply.header('content-type', 'text/plain; charset=Shift_JIS').header('content-disposition', `attachment; filename="${f.filename}"`).header('cache-control', 'no-store').send(f.bytes);
    } catch (error) {
      return fail(request, reply, error, (errors, flash) => debitView(request, body, errors, flash));
    }
  });

  app.get('/staff/fees/discount-claims', { config: { policy: 'fees.manage' } }, async (request, reply) => {
    const claims = await listClaimsForReview(useCaseContext(request, deps));
    return reply.view('pages/fees/claims.njk', { pageTitle: request.t('fees:claim.queueTitle'), claims: claims.map((c) => ({ ...c, kindLabel: request.t(`fees:claim.kind.${c.kind}`) })) });
  });
  const claimView = async (request: FastifyRequest, values: Record<string, string> = {}, errors?: Errors, flash?: string) => {
    const c = await getClaim(useCaseContext(request, deps), idParam(request));
    return { view: 'pages/fees/claim-review.njk', pageTitle: request.t('fees:claim.reviewTitle'), c: { ...c, kindLabel: request.t(`fees:claim.kind.${c.kind}`) }, values, errors, flash: flash ? { kind: 'error', message: flash } : undefined };
  };
  app.get('/staff/fees/discount-claims/:id', { config: { policy: 'fees.manage' } }, async (request, reply) => {
    const v = await claimView(request);
    return reply.view(v.view, v);
  });
  app.post('/staff/fees/discount-claims/:id', { config: { policy: 'fees.manage' } }, async (request, reply) => {
    const body = bodyOf(request);
    try {
      await reviewDiscountClaim(useCaseContext(request, deps), idParam(request), body);
    } catch (error) {
      return fail(request, reply, error, (errors, flash) => claimView(request, body, errors, flash));
    }
    return reply.redirect('/staff/fees/discount-claims', 303);
  });
};

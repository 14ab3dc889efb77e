import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { catalogueOverview } from '../../../domain/exams/use-cases/catalogue-overview.js';
import { listIdentityFlags, resolveFlag } from '../../../domain/exams/use-cases/identity-flags.js';
import { importPayments, PAYMENT_CSV_HEADER, type PaymentImportResult } from '../../../domain/exams/use-cases/import-payments.js';
import { markNoShows } from '../../../domain/exams/use-cases/mark-no-shows.js';
import { listQuestionBank } from '../../../domain/exams/use-cases/question-sets.js';
import { formatFee } from '../../../domain/exams/use-cases/registration-window.js';
import { changeSittingStatus, createSitting, createVenue, EQUIPMENT, getAdminSitting, listAdminSittings, listExamVenues } from '../../../domain/exams/use-cases/sittings.js';
import { SITTING_EVENTS, type SittingEvent } from '../../../domain/exams/sitting.states.js';
import { TransitionRefused } from '../../../domain/exams/machine.js';
import { NotFound } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import { deliverMail } from '../accounts/request-context.js';
import { formKeys, keyPosted } from './form-keys.js';
import { examContext, formBody, param, readMultipartFile, staffErrors, staffRefusal } from './helpers.js';

// Staff screens: venues and sittings (domestic and overseas), a sitting's life and registrations, payment
// confirmations import (all or nothing) and the duplicate-identity review. The venue and sitting forms carry an
// idempotency key each (form-keys.ts): a double submit creates one venue or sitting.

export const examSittingAdminPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const ctx = (request: FastifyRequest) => examContext(request, deps);
  const policy = 'exam_sittings.manage' as const;
  const fail = (request: FastifyRequest, reply: FastifyReply, e: unknown) => {
    const errors = staffErrors(e, request);
    const refusal = e instanceof TransitionRefused ? e.reason[request.lang] : staffRefusal(e, request);
    if (!errors && !refusal) throw e;
    reply.status(errors ? 400 : 409);
    return { errors, refusal, values: formBody(request) };
  };

  const list = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const [sittings, venues, categories] = await Promise.all([listAdminSittings(ctx(request)), listExamVenues(ctx(request)), catalogueOverview(ctx(request))]);
    return reply.view('pages/exams/admin-sittings.njk', {
      pageTitle: request.t('exams:sittings.title'),
      sittings: sittings.map((s) => ({ ...s, fee: formatFee(s.sitting.feeAmount, s.sitting.feeCurrency, request.lang) })),
      venues,
      categories,
      equipmentItems: EQUIPMENT.map((e) => ({ value: e, label: request.t(`exams:venues.equipmentItems.${e}`) })),
      values: {},
      keys: formKeys(['venue', 'sitting'], extra),
      ...extra,
    });
  };
  app.get('/staff/exams/sittings', { config: { policy } }, async (request, reply) => list(request, reply));
  app.post('/staff/exams/venues', { config: { policy } }, async (request, reply) => {
    try {
      await createVenue(ctx(request), formBody(request), keyPosted(formBody(request)));
      return reply.redirect('/staff/exams/sittings', 303);
    } catch (e) {
      return list(request, reply, { ...fail(request, reply, e), form: 'venue' });
    }
  });
  app.post('/staff/exams/sittings', { config: { policy } }, async (request, reply) => {
    try {
      const s = await createSitting(ctx(request), formBody(request), keyPosted(formBody(request)));
      return reply.redirect(`/staff/exams/sittings/${s.id}`, 303);
    } catch (e) {
      return list(request, reply, { ...fail(request, reply, e), form: 'sitting' });
    }
  });

  const detail = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const s = await getAdminSitting(ctx(request), param(request, 'id'));
    const sets = (await listQuestionBank(ctx(request), s.sitting.categoryId)).filter((q) => q.status === 'approved');
    const marked = Number((request.query as Record<string, unknown>).marked);
    return reply.view('pages/exams/admin-sitting.njk', {
      pageTitle: `${s.sitting.examDate} ${s.venue.name}`,
      s,
      fee: formatFee(s.sitting.feeAmount, s.sitting.feeCurrency, request.lang),
      sets,
      noShowClosedReason: s.noShow.window.open ? undefined : s.noShow.window.reason[request.lang],
      ...(Number.isInteger(marked) && marked > 0 ? { marked } : {}),
      ...extra,
    });
  };
  app.get('/staff/exams/sittings/:id', { config: { policy } }, async (request, reply) => detail(request, reply));
  // Absence (欠席): ticket holders never checked in, marked no_show together once the exam is over.
  app.post('/staff/exams/sittings/:id/no-shows', { config: { policy: 'exam_registrations.manage' } }, async (request, reply) => {
    const id = param(request, 'id');
    try {
      const { marked } = await markNoShows(ctx(request), id, formBody(request));
      return reply.redirect(`/staff/exams/sittings/${id}?marked=${marked}`, 303);
    } catch (e) {
      return detail(request, reply, fail(request, reply, e));
    }
  });
  app.post('/staff/exams/sittings/:id/events/:event', { config: { policy } }, async (request, reply) => {
    const event = param(request, 'event') as SittingEvent;
    if (!SITTING_EVENTS.includes(event)) throw new NotFound('event');
    const id = param(request, 'id');
    try {
      await changeSittingStatus(ctx(request), id, event, formBody(request));
      deliverMail(request, deps);
      return reply.redirect(`/staff/exams/sittings/${id}`, 303);
    } catch (e) {
      return detail(request, reply, fail(request, reply, e));
    }
  });

  // Payments -----------------------------------------------------------------------------------------
  const payments = (request: FastifyRequest, reply: FastifyReply, extra: { result?: PaymentImportResult; noFile?: boolean } = {}) =>
    reply.view('pages/exams/admin-payments.njk', {
      pageTitle: request.t('exams:payments.title'),
      header: PAYMENT_CSV_HEADER.join(','),
      rows: extra.result && !extra.result.ok ? extra.result.rows.map((r) => ({ line: r.line, examNumber: r.examNumber, problems: r.problems.map((p) => p[request.lang]) })) : [],
      applied: extra.result?.ok ? extra.result.applied : undefined,
      errors: extra.noFile ? [{ field: 'file', message: request.t('exams:payments.noFile') }] : undefined,
    });
  app.get('/staff/exams/payments', { config: { policy: 'exam_registrations.manage' } }, async (request, reply) => payments(request, reply));
  app.post('/staff/exams/payments', { config: { policy: 'exam_registrations.manage' } }, async (request, reply) => {
    const { file, fileName } = await readMultipartFile(request);
    if (!file) {
      reply.status(400);
      return payments(request, reply, { noFile: true });
    }
    try {
      const result = await importPayments(ctx(request), { fileName, bytes: file });
      if (!result.ok) reply.status(422);
      else deliverMail(request, deps);
      return payments(request, reply, { result });
    } catch (e) {
      const refusal = staffRefusal(e, request);
      if (!refusal) throw e;
      reply.status(409);
      return reply.view('pages/exams/admin-payments.njk', { pageTitle: request.t('exams:payments.title'), header: PAYMENT_CSV_HEADER.join(','), rows: [], refusal });
    }
  });

  // Identity flags -----------------------------------------------------------------------------------
  const flags = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) =>
    reply.view('pages/exams/admin-flags.njk', { pageTitle: request.t('exams:flags.title'), flags: await listIdentityFlags(ctx(request)), ...extra });
  app.get('/staff/exams/identity-flags', { config: { policy: 'exam_identity_flags.review' } }, async (request, reply) => flags(request, reply));
  app.post('/staff/exams/identity-flags/:id/resolve', { config: { policy: 'exam_identity_flags.review' } }, async (request, reply) => {
    try {
      await resolveFlag(ctx(request), param(request, 'id'), formBody(request));
      return reply.redirect('/staff/exams/identity-flags', 303);
    } catch (e) {
      return flags(request, reply, { ...fail(request, reply, e), flagId: param(request, 'id') });
    }
  });
};

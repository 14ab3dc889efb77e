import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IRREGULARITY_KINDS, lookUpTicket, recordCheckIn, reportIrregularity, TicketRefused, type CheckInView } from '../../../domain/exams/use-cases/check-in.js';
import { listCheckInSittings } from '../../../domain/exams/use-cases/sittings.js';
import { idempotencyKeyOf, keepOrDrawKey } from '../../../domain/idempotency/idempotency.js';
import type { AppDeps } from '../../app.js';
import { examContext, formBody, param, staffErrors, staffRefusal } from './helpers.js';

// Proctor check-in on a tablet: large targets, works without JavaScript (a scan gun types into the field and presses
// Enter). With JavaScript, /assets/exam-checkin.js adds camera scanning where the browser has BarcodeDetector.

export const examCheckInPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const policy = 'exam_checkin.record' as const;
  const page = (request: FastifyRequest, reply: FastifyReply, sittingId: string, data: Record<string, unknown> = {}) =>
    reply.view('pages/exams/check-in.njk', {
      pageTitle: request.t('exams:checkIn.title'),
      sittingId,
      kindItems: IRREGULARITY_KINDS.map((k) => ({ value: k, label: request.t(`exams:checkIn.kinds.${k}`) })),
      // The irregularity form's key: kept when re-rendered after bad input (nothing was recorded), fresh otherwise.
      irregularityKey: keepOrDrawKey((data.values as Record<string, unknown> | undefined)?.idempotencyKey),
      ...data,
    });
  const card = (v: CheckInView) => ({ ...v, photoSrc: v.photo ? `data:${v.photo.contentType};base64,${v.photo.base64}` : null });

  app.get('/staff/exams/check-in', { config: { policy } }, async (request, reply) => {
    const sittings = await listCheckInSittings(examContext(request, deps));
    return reply.view('pages/exams/check-in-choose.njk', {
      pageTitle: request.t('exams:checkIn.title'),
      sittings: sittings.map((s) => ({ id: s.sitting.id, label: `${s.sitting.examDate} ${s.sitting.startTime} · ${request.lang === 'ja' ? s.category.nameJa : s.category.nameEn} · ${s.venue.name} (${s.venue.city})` })),
    });
  });

  app.get('/staff/exams/sittings/:id/check-in', { config: { policy } }, async (request, reply) => page(request, reply, param(request, 'id'), { recorded: (request.query as Record<string, unknown>).recorded }));

  app.post('/staff/exams/sittings/:id/check-in', { config: { policy } }, async (request, reply) => {
    const sittingId = param(request, 'id');
    const token = String(formBody(request).token ?? '').trim();
    try {
      const v = await lookUpTicket(examContext(request, deps), { sittingId, token });
      return page(request, reply, sittingId, { candidate: card(v), token });
    } catch (e) {
      if (e instanceof TicketRefused) {
        reply.status(422);
        return page(request, reply, sittingId, { refusal: e.userMessage?.[request.lang], token });
      }
      const errors = staffErrors(e, request);
      if (!errors) throw e;
      reply.status(400);
      return page(request, reply, sittingId, { errors });
    }
  });

  app.post('/staff/exams/sittings/:id/check-in/confirm', { config: { policy } }, async (request, reply) => {
    const sittingId = param(request, 'id');
    const body = formBody(request);
    const token = String(body.token ?? '');
    try {
      const v = await recordCheckIn(examContext(request, deps), { sittingId, token, identityConfirmed: body.identityConfirmed });
      return reply.redirect(`/staff/exams/sittings/${sittingId}/check-in?recorded=${encodeURIComponent(v.examNumber)}`, 303);
    } catch (e) {
      const message = e instanceof TicketRefused ? e.userMessage?.[request.lang] : staffRefusal(e, request);
      if (!message) throw e;
      reply.status(409);
      const v = await lookUpTicket(examContext(request, deps), { sittingId, token }).catch(() => undefined);
      return page(request, reply, sittingId, { refusal: message, token, ...(v ? { candidate: card(v) } : {}) });
    }
  });

  app.post('/staff/exams/sittings/:id/irregularities', { config: { policy } }, async (request, reply) => {
    const sittingId = param(request, 'id');
    const body = formBody(request);
    try {
      await reportIrregularity(examContext(request, deps), { sittingId, registrationId: body.registrationId, kind: body.kind, description: body.description }, idempotencyKeyOf(body.idempotencyKey));
      return page(request, reply, sittingId, { reported: true });
    } catch (e) {
      const errors = staffErrors(e, request);
      if (!errors) throw e;
      reply.status(400);
      return page(request, reply, sittingId, { errors, values: body });
    }
  });
};

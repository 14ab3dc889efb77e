import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { admissionTicketPdf } from '../../../domain/exams/use-cases/admission-ticket.js';
import { cancelRegistration } from '../../../domain/exams/use-cases/cancel-registration.js';
import { countryName } from '../../../domain/exams/use-cases/countries.js';
import { getCandidateRegistration } from '../../../domain/exams/use-cases/get-candidate-registration.js';
import { formatFee } from '../../../domain/exams/use-cases/registration-window.js';
import { rescheduleRegistration } from '../../../domain/exams/use-cases/reschedule-registration.js';
import { translatorFor } from '../../../locales/index.js';
import type { AppDeps } from '../../app.js';
import { deliverMail } from '../accounts/request-context.js';
import { candidateErrors, candidateLanguage, candidateView, examContext, formBody, param, refusalMessage } from './helpers.js';

/** The candidate's registration by its secret link: status, exam number, ticket PDF, cancel and reschedule. */
export const examRegistrationPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const rateLimit = { max: 30, timeWindow: '1 minute' };
  const show = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const lang = candidateLanguage(request, reply);
    const token = param(request, 'token');
    const v = await getCandidateRegistration(examContext(request, deps), token);
    const t = translatorFor(lang);
    const q = request.query as Record<string, unknown>;
    reply.header('Referrer-Policy', 'no-referrer');
    return reply.view('pages/exams/registration.njk', candidateView(request, reply, {
      pageTitle: t('exams-candidate:registration.title'),
      base: `/exams/registrations/${token}`,
      isNew: q.new === '1',
      flashKey: q.done === 'cancelled' ? 'registration.cancel.done' : q.done === 'rescheduled' ? 'registration.reschedule.done' : undefined,
      r: {
        examNumber: v.registration.examNumber,
        status: v.registration.status,
        waitlistPosition: v.registration.waitlistPosition,
        name: `${v.candidate.familyName} ${v.candidate.givenName}`.trim(),
        category: lang === 'ja' ? v.category.nameJa : v.category.nameEn,
        level: v.category.level,
        examDate: v.sitting.examDate,
        startTime: v.sitting.startTime,
        venue: `${v.venue.name}, ${v.venue.address}, ${v.venue.city}, ${countryName(v.venue.country, lang)}`,
        fee: formatFee(v.registration.feeAmount, v.registration.feeCurrency, lang),
        cancelDeadline: v.sitting.cancelDeadline,
        rescheduleDeadline: v.sitting.rescheduleDeadline,
      },
      canCancel: v.canCancel,
      canReschedule: v.canReschedule,
      hasTicket: v.hasTicket,
      options: v.rescheduleOptions.map((o) => ({ value: o.id, label: `${o.examDate} · ${o.venueName}, ${o.city}, ${countryName(o.country, lang)}` })),
      ...extra,
    }));
  };

  app.get('/exams/registrations/:token', { config: { policy: 'exam_registration.apply', rateLimit } }, async (request, reply) => show(request, reply));

  app.get('/exams/registrations/:token/ticket.pdf', { config: { policy: 'exam_registration.apply', rateLimit } }, async (request, reply) => {
    const { pdf, examNumber } = await admissionTicketPdf(examContext(request, deps), param(request, 'token'));
    reply.header('Content-Disposition', `attachment; filename="admission-ticket-${examNumber}.pdf"`);
    reply.header('Referrer-Policy', 'no-referrer');
    return reply.type('application/pdf').send(Buffer.from(pdf));
  });

  app.post('/exams/registrations/:token/cancel', { config: { policy: 'exam_registration.apply', rateLimit } }, async (request, reply) => {
    const token = param(request, 'token');
    try {
      await cancelRegistration(examContext(request, deps), token, { reason: formBody(request).reason });
      deliverMail(request, deps);
      return reply.redirect(`/exams/registrations/${token}?done=cancelled`, 303);
    } catch (e) {
      const message = refusalMessage(e, candidateLanguage(request, reply));
      if (!message) throw e;
      reply.status(409);
      return show(request, reply, { refusal: message });
    }
  });

  app.post('/exams/registrations/:token/reschedule', { config: { policy: 'exam_registration.apply', rateLimit } }, async (request, reply) => {
    const token = param(request, 'token');
    try {
      const moved = await rescheduleRegistration(examContext(request, deps), token, { sittingId: formBody(request).sittingId });
      deliverMail(request, deps);
      return reply.redirect(`/exams/registrations/${moved.accessToken}?done=rescheduled`, 303);
    } catch (e) {
      const lang = candidateLanguage(request, reply);
      const errors = candidateErrors(e, lang);
      const message = refusalMessage(e, lang);
      if (!errors && !message) throw e;
      reply.status(errors ? 400 : 409);
      return show(request, reply, { errors, refusal: message });
    }
  });
};

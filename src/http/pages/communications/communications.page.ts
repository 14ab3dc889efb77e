import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listMyInbox, listSentNotices, readNotice } from '../../../domain/communications/inbox.js';
import { previewNotice, type NoticePreview } from '../../../domain/communications/preview-notice.js';
import { RecipientsChanged, sendNotice } from '../../../domain/communications/send-notice.js';
import { idempotencyKeyOf, keepOrDrawKey, newIdempotencyKey } from '../../../domain/idempotency/idempotency.js';
import { changeSurveyStatus, createSurvey, getSurveyForm, listAllSurveys, listMySurveys, respondToSurvey, surveyResults, surveyResultsCsv } from '../../../domain/communications/surveys.js';
import { DomainError } from '../../../domain/errors.js';
import { PREFECTURES, prefectureName } from '../../../domain/membership/prefectures.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, deliverMail, formErrorsOf, useCaseContext } from '../accounts/request-context.js';

const fmt = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

/** Raw form body, keeping repeated fields (checkboxes) as arrays. */
const rawBody = (request: FastifyRequest): Record<string, unknown> => (request.body ?? {}) as Record<string, unknown>;

/** The notice and its audience in words, and the fields the send form carries forward unchanged. */
const confirmView = (request: FastifyRequest, p: NoticePreview) => {
  const a = p.audience;
  const filters = [
    { label: request.t('communications:audience.status'), value: request.t(`communications:audience.${a.status ?? 'listed'}`) },
    { label: request.t('communications:audience.roster'), value: request.t(a.roster === 'jaim' ? 'communications:audience.rosterJaim' : a.roster === 'council' ? 'communications:audience.rosterCouncil' : 'communications:audience.rosterAll') },
    { label: request.t('communications:confirm.prefectures'), value: a.prefectures?.length ? a.prefectures.map((c) => prefectureName(c, request.lang)).join('、') : request.t('communications:confirm.nationwide') },
    { label: request.t('communications:audience.jsic'), value: a.jsic?.length ? a.jsic.join(', ') : request.t('communications:confirm.allJsic') },
  ];
  const hidden = [
    { name: 'subject', value: p.subject },
    { name: 'body', value: p.body },
    { name: 'status', value: a.status ?? 'listed' },
    { name: 'roster', value: a.roster ?? '' },
    { name: 'jsic', value: (a.jsic ?? []).join(' ') },
    ...(a.prefectures ?? []).map((c) => ({ name: 'prefectures', value: c })),
    ...(p.sendEmail ? [{ name: 'sendEmail', value: 'yes' }] : []),
    { name: 'confirmedRecipients', value: String(p.recipientCount) },
  ];
  return { preview: p, filters, hidden };
};

/** M12: notices (staff send; members read in their inbox) and simple surveys. */
export const communicationsPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const prefectures = (request: FastifyRequest) => PREFECTURES.map((p) => ({ value: p.code, label: p[request.lang] }));

  const staffView = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => ({
    pageTitle: request.t('communications:staff.title'),
    notices: (await listSentNotices(useCaseContext(request, deps))).map((n) => ({ ...n, sentAtLabel: fmt(n.sentAt) })),
    prefectures: prefectures(request),
    values: { sendEmail: 'yes', status: 'listed' },
    ...extra,
  });

  app.get('/staff/communications', { config: { policy: 'communications.send' } }, async (request, reply) => reply.view('pages/communications/staff.njk', await staffView(request, { sent: (request.query as Record<string, unknown>).sent })));

  const composeAgain = async (request: FastifyRequest, reply: FastifyReply, body: Record<string, unknown>, errors: unknown) => {
    reply.status(400);
    return reply.view('pages/communications/staff.njk', await staffView(request, { errors, values: body }));
  };

  /** The confirmation page: the recipients the filters reach today, the channels, and the notice as it will read. */
  const confirm = async (request: FastifyRequest, reply: FastifyReply, body: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    try {
      const preview = await previewNotice(useCaseContext(request, deps), body as never);
      return reply.view('pages/communications/confirm.njk', { pageTitle: request.t('communications:confirm.title'), ...confirmView(request, preview), idempotencyKey: newIdempotencyKey(), ...extra });
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      return composeAgain(request, reply, body, errors);
    }
  };

  app.post('/staff/communications/confirm', { config: { policy: 'communications.send' } }, async (request, reply) => confirm(request, reply, rawBody(request)));

  app.post('/staff/communications', { config: { policy: 'communications.send' } }, async (request, reply) => {
    const body = rawBody(request);
    if (body.decision === 'edit') return reply.view('pages/communications/staff.njk', await staffView(request, { values: body }));
    // Nothing is sent without the confirmation page (which draws the idempotency key).
    if (typeof body.idempotencyKey !== 'string' || body.idempotencyKey === '') return confirm(request, reply, body);
    try {
      const { notice } = await sendNotice(useCaseContext(request, deps), body as never);
      deliverMail(request, deps);
      return reply.redirect(`/staff/communications?sent=${notice.recipientCount}`, 303);
    } catch (error) {
      if (error instanceof RecipientsChanged) {
        reply.status(409);
        return confirm(request, reply, body, { conflict: error.userMessage?.[request.lang] ?? error.message });
      }
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      return composeAgain(request, reply, body, errors);
    }
  });

  app.get('/inbox', { config: { policy: 'communications.inbox' } }, async (request, reply) => {
    const ctx = useCaseContext(request, deps);
    const items = (await listMyInbox(ctx)).map((n) => ({ ...n, sentAtLabel: fmt(n.sentAt) }));
    return reply.view('pages/communications/inbox.njk', { pageTitle: request.t('communications:inbox.title'), items, unread: items.filter((i) => !i.readAt).length, surveys: await listMySurveys(ctx) });
  });

  app.get('/inbox/:id', { config: { policy: 'communications.inbox' } }, async (request, reply) => {
    const notice = await readNotice(useCaseContext(request, deps), (request.params as { id: string }).id);
    return reply.view('pages/communications/notice.njk', { pageTitle: notice.subject, notice: { ...notice, sentAtLabel: fmt(notice.sentAt) } });
  });

  // Surveys: staff.
  const surveysView = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => ({
    pageTitle: request.t('communications:surveys.title'),
    surveys: (await listAllSurveys(useCaseContext(request, deps))).map((s) => ({ ...s, phaseLabel: request.t(`communications:phase.${s.phase}`) })),
    prefectures: prefectures(request),
    values: { status: 'listed' },
    // Kept when re-rendered after bad input (nothing was created), fresh otherwise.
    idempotencyKey: keepOrDrawKey((extra.values as Record<string, unknown> | undefined)?.idempotencyKey),
    ...extra,
  });
  app.get('/staff/surveys', { config: { policy: 'surveys.manage' } }, async (request, reply) => reply.view('pages/communications/surveys.njk', await surveysView(request)));
  app.post('/staff/surveys', { config: { policy: 'surveys.manage' } }, async (request, reply) => {
    const body = rawBody(request);
    try {
      const survey = await createSurvey(useCaseContext(request, deps), body as never, idempotencyKeyOf(body.idempotencyKey));
      return reply.redirect(`/staff/surveys/${survey.id}`, 303);
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      reply.status(400);
      return reply.view('pages/communications/surveys.njk', await surveysView(request, { errors, values: body }));
    }
  });
  const resultsView = async (request: FastifyRequest, id: string, extra: Record<string, unknown> = {}) => {
    const r = await surveyResults(useCaseContext(request, deps), id);
    return { pageTitle: r.survey.title, ...r, phaseLabel: request.t(`communications:phase.${r.phase}`), ...extra };
  };
  app.get('/staff/surveys/:id', { config: { policy: 'surveys.manage' } }, async (request, reply) => reply.view('pages/communications/survey-results.njk', await resultsView(request, (request.params as { id: string }).id)));
  app.post('/staff/surveys/:id/status', { config: { policy: 'surveys.manage' } }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const body = bodyOf(request);
    try {
      await changeSurveyStatus(useCaseContext(request, deps), { surveyId: id, event: body.event === 'withdraw' ? 'withdraw' : 'publish', lockVersion: Number(body.lockVersion ?? -1) });
      return reply.redirect(`/staff/surveys/${id}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'conflict') {
        reply.status(409);
        return reply.view('pages/communications/survey-results.njk', await resultsView(request, id, { conflict: error.userMessage?.[request.lang] ?? error.message }));
      }
      throw error;
    }
  });
  app.get('/staff/surveys/:id/results.csv', { config: { policy: 'surveys.manage' } }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const csv = await surveyResultsCsv(useCaseContext(request, deps), id);
    reply.header('Content-Disposition', `attachment; filename="survey-${id.slice(0, 8)}.csv"`);
    return reply.type('text/csv; charset=utf-8').send(csv);
  });

  // Surveys: members.
  const formView = async (request: FastifyRequest, id: string, extra: Record<string, unknown> = {}) => {
    const form = await getSurveyForm(useCaseContext(request, deps), id);
    return { pageTitle: form.survey.title, ...form, phaseLabel: request.t(`communications:phase.${form.phase}`), ...extra };
  };
  app.get('/surveys/:id', { config: { policy: 'communications.inbox' } }, async (request, reply) =>
    reply.view('pages/communications/survey-form.njk', await formView(request, (request.params as { id: string }).id, { saved: (request.query as Record<string, unknown>).saved })),
  );
  app.post('/surveys/:id', { config: { policy: 'communications.inbox' } }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const body = rawBody(request);
    const lock = typeof body.lockVersion === 'string' && body.lockVersion !== '' ? Number(body.lockVersion) : null;
    try {
      await respondToSurvey(useCaseContext(request, deps), { surveyId: id, establishmentId: String(body.establishmentId ?? ''), lockVersion: lock, answers: body });
      return reply.redirect(`/surveys/${id}?saved=1`, 303);
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (errors) {
        reply.status(400);
        return reply.view('pages/communications/survey-form.njk', await formView(request, id, { errors, editing: String(body.establishmentId ?? '') }));
      }
      if (error instanceof DomainError && error.code === 'conflict') {
        reply.status(409);
        return reply.view('pages/communications/survey-form.njk', await formView(request, id, { conflict: error.userMessage?.[request.lang] ?? error.message }));
      }
      throw error;
    }
  });
};

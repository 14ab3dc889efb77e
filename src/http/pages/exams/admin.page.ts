import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { catalogueOverview } from '../../../domain/exams/use-cases/catalogue-overview.js';
import { addCommitteeMember, createCommittee, getCommittee, listExamCommittees, recordCommitteeMeeting, recordCommitteePayment } from '../../../domain/exams/use-cases/committees.js';
import { createExamCategory } from '../../../domain/exams/use-cases/create-exam-category.js';
import { createQuestionSet, getQuestionSet, listQuestionBank, reviewQuestionSet } from '../../../domain/exams/use-cases/question-sets.js';
import { createSampleQuestion, listAllSamples, publishSample } from '../../../domain/exams/use-cases/sample-questions.js';
import { QUESTION_SET_EVENTS, questionSetMachine, type QuestionSetEvent } from '../../../domain/exams/question-set.states.js';
import { TransitionRefused } from '../../../domain/exams/machine.js';
import { NotFound } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import { formKey, formKeys, keyPosted } from './form-keys.js';
import { examContext, formBody, param, staffErrors, staffRefusal } from './helpers.js';

// Staff screens for exam administrators: categories (with the ≥ 6 approved question sets check), the question bank
// with its review workflow, question committees (members, meetings, honoraria and expenses) and sample questions.
// Create forms carry an idempotency key (form-keys.ts): a double submit creates one record.

export const examAdminPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const ctx = (request: FastifyRequest) => examContext(request, deps);
  const withForm = async (request: FastifyRequest, reply: FastifyReply, action: () => Promise<string>, rerender: (extra: Record<string, unknown>) => Promise<unknown>) => {
    try {
      return reply.redirect(await action(), 303);
    } catch (e) {
      const errors = staffErrors(e, request);
      const refusal = e instanceof TransitionRefused ? e.reason[request.lang] : staffRefusal(e, request);
      if (!errors && !refusal) throw e;
      reply.status(errors ? 400 : 409);
      return rerender({ errors, refusal, values: formBody(request) });
    }
  };

  // Catalogue ------------------------------------------------------------------------------------------
  const catalogue = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) =>
    reply.view('pages/exams/admin-catalogue.njk', { pageTitle: request.t('exams:catalogue.title'), categories: await catalogueOverview(ctx(request)), values: {}, ...extra });
  app.get('/staff/exams', { config: { policy: 'exam_catalogue.read' } }, async (request, reply) => catalogue(request, reply));
  app.post('/staff/exams/categories', { config: { policy: 'exam_catalogue.manage' } }, async (request, reply) =>
    withForm(request, reply, async () => (await createExamCategory(ctx(request), formBody(request)), '/staff/exams'), (extra) => catalogue(request, reply, extra)),
  );

  // Question bank --------------------------------------------------------------------------------------
  const bank = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const [sets, categories] = await Promise.all([listQuestionBank(ctx(request)), catalogueOverview(ctx(request))]);
    const byId = new Map(categories.map((c) => [c.id, c]));
    return reply.view('pages/exams/admin-question-sets.njk', {
      pageTitle: request.t('exams:questionSets.title'),
      sets: sets.map((s) => ({ ...s, category: byId.get(s.categoryId) })),
      categories,
      values: {},
      idempotencyKey: formKey(extra),
      ...extra,
    });
  };
  app.get('/staff/exams/question-sets', { config: { policy: 'exam_catalogue.read' } }, async (request, reply) => bank(request, reply));
  app.post('/staff/exams/question-sets', { config: { policy: 'exam_catalogue.manage' } }, async (request, reply) =>
    withForm(request, reply, async () => `/staff/exams/question-sets/${(await createQuestionSet(ctx(request), formBody(request), keyPosted(formBody(request)))).id}`, (extra) => bank(request, reply, extra)),
  );
  const setPage = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const set = await getQuestionSet(ctx(request), param(request, 'id'));
    const category = (await catalogueOverview(ctx(request))).find((c) => c.id === set.categoryId);
    return reply.view('pages/exams/admin-question-set.njk', { pageTitle: `${set.code} v${set.version}`, set, category, events: questionSetMachine.eventsFrom(set.status), ...extra });
  };
  app.get('/staff/exams/question-sets/:id', { config: { policy: 'exam_catalogue.read' } }, async (request, reply) => setPage(request, reply));
  app.post('/staff/exams/question-sets/:id/:event', { config: { policy: 'exam_catalogue.manage' } }, async (request, reply) => {
    const event = param(request, 'event') as QuestionSetEvent;
    if (!QUESTION_SET_EVENTS.includes(event)) throw new NotFound('event');
    const id = param(request, 'id');
    return withForm(request, reply, async () => (await reviewQuestionSet(ctx(request), id, event, formBody(request)), `/staff/exams/question-sets/${id}`), (extra) => setPage(request, reply, extra));
  });

  // Committees -----------------------------------------------------------------------------------------
  const committees = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) =>
    reply.view('pages/exams/admin-committees.njk', {
      pageTitle: request.t('exams:committees.title'),
      committees: await listExamCommittees(ctx(request)),
      categories: await catalogueOverview(ctx(request)),
      values: {},
      idempotencyKey: formKey(extra),
      ...extra,
    });
  app.get('/staff/exams/committees', { config: { policy: 'exam_catalogue.read' } }, async (request, reply) => committees(request, reply));
  app.post('/staff/exams/committees', { config: { policy: 'exam_catalogue.manage' } }, async (request, reply) =>
    withForm(request, reply, async () => `/staff/exams/committees/${(await createCommittee(ctx(request), formBody(request), keyPosted(formBody(request)))).id}`, (extra) => committees(request, reply, extra)),
  );
  const committee = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const c = await getCommittee(ctx(request), param(request, 'id'));
    return reply.view('pages/exams/admin-committee.njk', { pageTitle: c.committee.name, ...c, values: {}, keys: formKeys(['members', 'meetings', 'payments'], extra), ...extra });
  };
  app.get('/staff/exams/committees/:id', { config: { policy: 'exam_catalogue.read' } }, async (request, reply) => committee(request, reply));
  for (const [path, run] of [
    ['members', addCommitteeMember],
    ['meetings', recordCommitteeMeeting],
    ['payments', recordCommitteePayment],
  ] as const) {
    app.post(`/staff/exams/committees/:id/${path}`, { config: { policy: 'exam_catalogue.manage' } }, async (request, reply) => {
      const id = param(request, 'id');
      return withForm(request, reply, async () => (await run(ctx(request), id, formBody(request), keyPosted(formBody(request))), `/staff/exams/committees/${id}`), (extra) => committee(request, reply, { ...extra, form: path }));
    });
  }

  // Sample questions -----------------------------------------------------------------------------------
  const samples = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) =>
    reply.view('pages/exams/admin-samples.njk', { pageTitle: request.t('exams:samples.title'), samples: await listAllSamples(ctx(request)), categories: await catalogueOverview(ctx(request)), values: {}, idempotencyKey: formKey(extra), ...extra });
  app.get('/staff/exams/samples', { config: { policy: 'exam_catalogue.read' } }, async (request, reply) => samples(request, reply));
  app.post('/staff/exams/samples', { config: { policy: 'exam_catalogue.manage' } }, async (request, reply) =>
    withForm(request, reply, async () => (await createSampleQuestion(ctx(request), formBody(request), keyPosted(formBody(request))), '/staff/exams/samples'), (extra) => samples(request, reply, extra)),
  );
  app.post('/staff/exams/samples/:id/publish', { config: { policy: 'exam_catalogue.manage' } }, async (request, reply) => {
    await publishSample(ctx(request), param(request, 'id'));
    return reply.redirect('/staff/exams/samples', 303);
  });
};

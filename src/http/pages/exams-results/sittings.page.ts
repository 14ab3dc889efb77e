import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../domain/errors.js';
import { enterPracticalScores } from '../../../domain/exams/use-cases/enter-practical-scores.js';
import { getScoreImport, getSittingScoring } from '../../../domain/exams/use-cases/get-sitting-scoring.js';
import { importCbtResultsUseCase } from '../../../domain/exams/use-cases/import-cbt-results.js';
import { listScoringSittings } from '../../../domain/exams/use-cases/list-scoring-sittings.js';
import { releaseResults } from '../../../domain/exams/use-cases/release-results.js';
import { setReleaseDate } from '../../../domain/exams/use-cases/set-release-date.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, deliverMail, formErrorsOf, useCaseContext, type FormError } from '../accounts/request-context.js';
import { examResultsContext } from './context.js';

// Scoring screens for exam admins and examiners: sittings, one sitting (CBT import, practical entry, release), import
// reports. Errors from the domain come back on the same page in the user's language.

type Flash = { kind: 'success' | 'error' | 'warning'; message: string };

const idOf = (request: FastifyRequest, name = 'sittingId'): string => String((request.params as Record<string, string>)[name] ?? '');

const userMessageOf = (error: unknown, request: FastifyRequest): string | undefined =>
  error instanceof DomainError && error.userMessage ? error.userMessage[request.lang] : undefined;

export const scoringPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const renderSitting = async (request: FastifyRequest, reply: FastifyReply, extra: { flash?: Flash; errors?: FormError[]; values?: Record<string, string> } = {}) => {
    const data = await getSittingScoring(useCaseContext(request, deps), idOf(request));
    const s = data.sitting;
    return reply.view('pages/exams-results/sitting.njk', {
      pageTitle: request.t('exams-results:sitting.title', { category: request.lang === 'ja' ? s.categoryNameJa : s.categoryNameEn, level: request.t(`exams-results:level.${s.level}`), date: s.examDate }),
      data,
      values: {},
      errors: [],
      ...extra,
    });
  };

  app.get('/staff/exams/results', { config: { policy: 'exam_results.enter_practical' } }, async (request, reply) =>
    reply.view('pages/exams-results/sittings.njk', { pageTitle: request.t('exams-results:sittings.title'), sittings: await listScoringSittings(useCaseContext(request, deps)) }),
  );

  app.get('/staff/exams/results/:sittingId', { config: { policy: 'exam_results.enter_practical' } }, async (request, reply) => renderSitting(request, reply));

  app.post('/staff/exams/results/:sittingId/import', { config: { policy: 'exam_results.import' } }, async (request, reply) => {
    let bytes: Uint8Array = new Uint8Array();
    let fileName = '';
    const fields: Record<string, string> = {};
    if (request.isMultipart()) {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          fileName = part.filename;
          bytes = new Uint8Array(await part.toBuffer());
        } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      }
    }
    try {
      const encoding = fields.encoding === 'shift_jis' ? 'shift_jis' : 'utf-8';
      const result = await importCbtResultsUseCase(useCaseContext(request, deps), { sittingId: idOf(request), fileName: fileName || 'upload.csv', encoding, bytes });
      return reply.code(303).redirect(`/staff/exams/results/imports/${result.importId}`);
    } catch (error) {
      const errors = formErrorsOf(error, request)?.map((e) => ({ ...e, field: 'file' }));
      const message = userMessageOf(error, request);
      if (!errors && !message) throw error;
      return renderSitting(request, reply.code(errors ? 400 : 409), errors ? { errors } : { flash: { kind: 'error', message: message! } });
    }
  });

  app.get('/staff/exams/results/imports/:importId', { config: { policy: 'exam_results.import' } }, async (request, reply) => {
    const row = await getScoreImport(useCaseContext(request, deps), idOf(request, 'importId'));
    return reply.view('pages/exams-results/import-report.njk', { pageTitle: request.t('exams-results:importReport.title'), row });
  });

  const renderPractical = async (request: FastifyRequest, reply: FastifyReply, extra: { flash?: Flash; errors?: FormError[]; values?: Record<string, string> } = {}) => {
    const data = await getSittingScoring(useCaseContext(request, deps), idOf(request));
    return reply.view('pages/exams-results/practical.njk', { pageTitle: request.t('exams-results:practical.title'), data, values: {}, errors: [], ...extra });
  };

  app.get('/staff/exams/results/:sittingId/practical', { config: { policy: 'exam_results.enter_practical' } }, async (request, reply) => renderPractical(request, reply));

  app.post('/staff/exams/results/:sittingId/practical', { config: { policy: 'exam_results.enter_practical' } }, async (request, reply) => {
    const body = bodyOf(request);
    const scores: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (k.startsWith('score_')) scores[k.slice('score_'.length)] = v;
    try {
      const saved = await enterPracticalScores(useCaseContext(request, deps), { sittingId: idOf(request), examNumber: body.examNumber ?? '', scores });
      return renderPractical(request, reply, { flash: { kind: 'success', message: request.t('exams-results:practical.saved', { examNumber: (body.examNumber ?? '').trim().toUpperCase(), score: saved.score }) } });
    } catch (error) {
      const errors = formErrorsOf(error, request);
      const message = userMessageOf(error, request);
      if (!errors && !message) throw error;
      return renderPractical(request, reply.code(errors ? 400 : 409), errors ? { errors, values: body } : { flash: { kind: 'error', message: message! }, values: body });
    }
  });

  app.post('/staff/exams/results/:sittingId/release-date', { config: { policy: 'exam_results.release' } }, async (request, reply) => {
    const body = bodyOf(request);
    try {
      const done = await setReleaseDate(useCaseContext(request, deps), { sittingId: idOf(request), releaseOn: body.releaseOn ?? '' });
      return renderSitting(request, reply, { flash: { kind: 'success', message: request.t('exams-results:sitting.dateSetFlash', { date: done.releaseOn }) } });
    } catch (error) {
      const errors = formErrorsOf(error, request);
      const message = userMessageOf(error, request);
      if (!errors && !message) throw error;
      return renderSitting(request, reply.code(errors ? 400 : 409), errors ? { errors, values: body } : { flash: { kind: 'error', message: message! } });
    }
  });

  app.post('/staff/exams/results/:sittingId/release', { config: { policy: 'exam_results.release' } }, async (request, reply) => {
    try {
      const done = await releaseResults(examResultsContext(request, deps), { sittingId: idOf(request) });
      deliverMail(request, deps);
      return renderSitting(request, reply, { flash: { kind: 'success', message: request.t('exams-results:sitting.releasedFlash', { count: done.released, passed: done.passed }) } });
    } catch (error) {
      const message = userMessageOf(error, request);
      if (!message) throw error;
      return renderSitting(request, reply.code(409), { flash: { kind: 'error', message } });
    }
  });
};

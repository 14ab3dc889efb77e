import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { correctLedgerEntry } from '../../../domain/exams/use-cases/correct-ledger-entry.js';
import { getLedgerEntry } from '../../../domain/exams/use-cases/get-ledger-entry.js';
import { exportLedgerCsv, searchLedger } from '../../../domain/exams/use-cases/search-ledger.js';
import { DomainError } from '../../../domain/errors.js';
import { issueCertificate } from '../../../domain/exams/use-cases/issue-certificate.js';
import { examResultsContext } from './context.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, formErrorsOf, useCaseContext, type FormError } from '../accounts/request-context.js';

// 受験者台帳: search, CSV export (UTF-8 with BOM, or Shift_JIS), one entry with its determination and corrections.

const queryOf = (request: FastifyRequest) => {
  const q = request.query as Record<string, unknown>;
  const str = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : undefined);
  return { q: str('q'), sittingId: str('sittingId'), outcome: str('outcome'), page: str('page'), encoding: str('encoding') };
};

export const ledgerPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/staff/exams/ledger', { config: { policy: 'exam_ledger.read' } }, async (request, reply) => {
    const query = queryOf(request);
    const result = await searchLedger(useCaseContext(request, deps), query);
    const params = (extra: Record<string, string>) => new URLSearchParams({ ...Object.fromEntries(Object.entries({ q: query.q, sittingId: query.sittingId, outcome: query.outcome }).filter(([, v]) => v)), ...extra } as Record<string, string>).toString();
    return reply.view('pages/exams-results/ledger.njk', {
      pageTitle: request.t('exams-results:ledger.title'),
      query,
      result,
      csvUrl: `/staff/exams/ledger.csv?${params({})}`,
      csvSjisUrl: `/staff/exams/ledger.csv?${params({ encoding: 'shift_jis' })}`,
      nextUrl: result.page < result.pageCount ? `/staff/exams/ledger?${params({ page: String(result.page + 1) })}` : undefined,
      previousUrl: result.page > 1 ? `/staff/exams/ledger?${params({ page: String(result.page - 1) })}` : undefined,
    });
  });

  app.get('/staff/exams/ledger.csv', { config: { policy: 'exam_ledger.read' } }, async (request, reply) => {
    const query = queryOf(request);
    const bytes = await exportLedgerCsv(useCaseContext(request, deps), query);
    const charset = query.encoding === 'shift_jis' ? 'Shift_JIS' : 'utf-8';
    return reply
      .header('Content-Type', `text/csv; charset=${charset}`)
      .header('Content-Disposition', `attachment; filename="exam-ledger${query.encoding === 'shift_jis' ? '-sjis' : ''}.csv"`)
      .send(bytes);
  });

  const renderEntry = async (request: FastifyRequest, reply: FastifyReply, extra: { flash?: { kind: string; message: string }; errors?: FormError[]; values?: Record<string, string> } = {}) => {
    const entry = await getLedgerEntry(useCaseContext(request, deps), String((request.params as Record<string, string>).registrationId));
    return reply.view('pages/exams-results/ledger-entry.njk', { pageTitle: request.t('exams-results:entry.title', { examNumber: entry.row.examNumber }), entry, values: {}, errors: [], ...extra });
  };

  app.get('/staff/exams/ledger/:registrationId', { config: { policy: 'exam_ledger.read' } }, async (request, reply) => renderEntry(request, reply));

  app.post('/staff/exams/ledger/:registrationId/corrections', { config: { policy: 'exam_ledger.correct' } }, async (request, reply) => {
    const body = bodyOf(request);
    try {
      await correctLedgerEntry(useCaseContext(request, deps), {
        registrationId: String((request.params as Record<string, string>).registrationId),
        field: (body.field ?? '') as 'written_score',
        value: body.value ?? '',
        reason: body.reason ?? '',
      });
      return renderEntry(request, reply, { flash: { kind: 'success', message: request.t('exams-results:entry.corrected') } });
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (errors) return renderEntry(request, reply.code(400), { errors, values: body });
      if (error instanceof DomainError && error.userMessage) return renderEntry(request, reply.code(409), { flash: { kind: 'error', message: error.userMessage[request.lang] }, values: body });
      throw error;
    }
  });

  app.post('/staff/exams/ledger/:registrationId/certificate', { config: { policy: 'exam_certificates.manage' } }, async (request, reply) => {
    try {
      const done = await issueCertificate(examResultsContext(request, deps), { registrationId: String((request.params as Record<string, string>).registrationId) });
      return renderEntry(request, reply, { flash: { kind: 'success', message: request.t('exams-results:entry.issued', { number: done.certificateNumber }) } });
    } catch (error) {
      if (error instanceof DomainError && error.userMessage) return renderEntry(request, reply.code(409), { flash: { kind: 'error', message: error.userMessage[request.lang] } });
      throw error;
    }
  });
};

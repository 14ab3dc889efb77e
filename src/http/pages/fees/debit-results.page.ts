import type { FastifyInstance, FastifyRequest } from 'fastify';
import { applyDebitResults, discardDebitResults } from '../../../domain/fees/apply-debit-results.js';
import { yen } from '../../../domain/fees/billing.js';
import { MAX_RESULT_FILE_BYTES, checkDebitResults } from '../../../domain/fees/check-debit-results.js';
import { DEBIT_IMPORT_LABELS } from '../../../domain/fees/debit-import.states.js';
import { DEBIT_OUTCOMES, type DebitReport } from '../../../domain/fees/debit-result-report.js';
import { getDebitResultImport, listDebitResultImports } from '../../../domain/fees/read-debit-results.js';
import { RESULT_CODES } from '../../../domain/fees/zengin-result.js';
import { DomainError } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, formErrorsOf, useCaseContext } from '../accounts/request-context.js';
import { idParam, showDate } from '../renewal/helpers.js';

const OUTCOME_TAGS: Record<(typeof DEBIT_OUTCOMES)[number], string> = { debited: 'tag--success', failed: 'tag--error', already_recorded: '', refused: 'tag--warning' };

/** Reads the uploaded result file (multipart, one file); `tooLarge` when it is over the limit. */
const readResultFile = async (request: FastifyRequest): Promise<{ fileName: string; bytes: Buffer; tooLarge: boolean }> => {
  if (!request.isMultipart()) return { fileName: '', bytes: Buffer.alloc(0), tooLarge: false };
  let fileName = '';
  let bytes: Buffer = Buffer.alloc(0);
  let tooLarge = false;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_RESULT_FILE_BYTES, files: 1 } })) {
      if (part.type !== 'file') continue;
      const buffer = await part.toBuffer();
      if (part.file.truncated) tooLarge = true;
      else if (buffer.length > 0) {
        fileName = part.filename;
        bytes = buffer;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    tooLarge = true;
  }
  return { fileName, bytes, tooLarge };
};

/** Staff import the bank's direct-debit result file (口座振替結果): dry-run report first, then apply or discard. */
export const debitResultPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const listView = async (request: FastifyRequest, errors?: { field: string; message: string }[]) => ({
    pageTitle: request.t('fees:debitResult.title'),
    imports: (await listDebitResultImports(useCaseContext(request, deps))).map((i) => ({
      ...i,
      debitShown: showDate(i.debitDate, request.lang),
      statusView: { label: DEBIT_IMPORT_LABELS[i.status][request.lang], tag: DEBIT_IMPORT_LABELS[i.status].tag },
      createdShown: i.createdAt.toISOString().slice(0, 16).replace('T', ' '),
    })),
    codes: Object.entries(RESULT_CODES).map(([code, m]) => ({ code, label: m[request.lang] })),
    errors,
  });

  app.get('/staff/fees/debit-results', { config: { policy: 'fees.manage' } }, async (request, reply) => reply.view('pages/fees/debit-results.njk', await listView(request)));

  app.post('/staff/fees/debit-results', { config: { policy: 'fees.manage' } }, async (request, reply) => {
    const upload = await readResultFile(request);
    if (upload.tooLarge) return reply.status(400).view('pages/fees/debit-results.njk', await listView(request, [{ field: 'file', message: request.t('fees:debitResult.tooLarge') }]));
    try {
      const imp = await checkDebitResults(useCaseContext(request, deps), upload);
      return reply.redirect(`/staff/fees/debit-results/${imp.id}`, 303);
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      return reply.status(400).view('pages/fees/debit-results.njk', await listView(request, errors));
    }
  });

  const reportView = async (request: FastifyRequest, flash?: { kind?: string; message: string }) => {
    const imp = await getDebitResultImport(useCaseContext(request, deps), idParam(request));
    const report: DebitReport = imp.report;
    const done = (request.query as Record<string, unknown>).done;
    return {
      pageTitle: request.t('fees:debitResult.reportTitle'),
      imp: { ...imp, debitShown: showDate(imp.debitDate, request.lang), statusView: { label: DEBIT_IMPORT_LABELS[imp.status][request.lang], tag: DEBIT_IMPORT_LABELS[imp.status].tag } },
      totals: DEBIT_OUTCOMES.map((o) => ({ outcome: o, label: request.t(`fees:debitResult.outcome.${o}`), count: report.totals[o].count, amount: yen(report.totals[o].yen, request.lang) })),
      previouslyApplied: report.previouslyApplied ? { ...report.previouslyApplied, atShown: report.previouslyApplied.at.slice(0, 16).replace('T', ' ') } : null,
      rows: report.rows.map((r) => ({
        ...r,
        amount: r.amountYen === null ? '' : yen(r.amountYen, request.lang),
        outcomeLabel: request.t(`fees:debitResult.outcome.${r.outcome}`),
        outcomeTag: OUTCOME_TAGS[r.outcome],
        // A failure's reason is the result code's, shown in the result column already.
        reasonText: r.reason && r.outcome !== 'failed' ? r.reason[request.lang] : '',
        resultLabel: r.resultCode === null ? '' : `${r.resultCode} ${RESULT_CODES[r.resultCode]?.[request.lang] ?? ''}`.trim(),
      })),
      flash: flash ?? (done === 'apply' ? { message: request.t('fees:debitResult.applied') } : done === 'discard' ? { message: request.t('fees:debitResult.discarded') } : undefined),
    };
  };

  app.get('/staff/fees/debit-results/:id', { config: { policy: 'fees.manage' } }, async (request, reply) => reply.view('pages/fees/debit-result.njk', await reportView(request)));

  for (const action of ['apply', 'discard'] as const) {
    app.post(`/staff/fees/debit-results/:id/${action}`, { config: { policy: 'fees.manage' } }, async (request, reply) => {
      const id = idParam(request);
      const ctx = useCaseContext(request, deps);
      try {
        if (action === 'apply') await applyDebitResults(ctx, id, bodyOf(request));
        else await discardDebitResults(ctx, id, bodyOf(request));
      } catch (error) {
        if (error instanceof DomainError && error.code === 'conflict' && error.userMessage) return reply.status(409).view('pages/fees/debit-result.njk', await reportView(request, { kind: 'error', message: error.userMessage[request.lang] }));
        const errors = formErrorsOf(error, request);
        if (errors) return reply.status(400).view('pages/fees/debit-result.njk', await reportView(request, { kind: 'error', message: errors[0]!.message }));
        throw error;
      }
      return reply.redirect(`/staff/fees/debit-results/${id}?done=${action}`, 303);
    });
  }
};

import { createHash } from 'node:crypto';
import { japanDateOf } from '../../../rules/core/index.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findAppliedImportBySha, insertDebitImport, type DebitImportMeta } from '../../persistence/repositories/debit-results.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { InvalidInput } from '../errors.js';
import type { FeesContext } from './context.js';
import { evaluateDebitResults, reportOf } from './debit-result-report.js';
import { EXAMPLE_CONSIGNOR } from './zengin.js';
import { debitDateFrom, parseResultFile } from './zengin-result.js';

/** A result file for a few thousand members is well under this (122 bytes a record). */
export const MAX_RESULT_FILE_BYTES = 5 * 1024 * 1024;

const fileProblem = (ja: string, en: string): InvalidInput => new InvalidInput([{ field: 'file', message: { ja, en } }]);

/**
 * The dry run of a direct-debit result file (口座振替結果) the bank returned for a debit file we exported: reads it,
 * matches each row to its invoice, and stores the file with the report. Nothing is recorded against any invoice
 * until staff apply it (apply-debit-results.ts). The whole file is refused when it cannot be read as a whole.
 */
export const checkDebitResults = async (ctx: FeesContext, upload: { fileName: string; bytes: Buffer }): Promise<DebitImportMeta> => {
  authorize(ctx.actor, 'fees.manage');
  if (upload.bytes.length === 0) throw fileProblem('口座振替結果ファイルを選択してください', 'Choose the direct-debit result file');
  if (upload.bytes.length > MAX_RESULT_FILE_BYTES) throw fileProblem('ファイルは5MB以下にしてください', 'The file must be 5 MB or smaller');
  const parsed = parseResultFile(upload.bytes);
  if (!parsed.ok) throw new InvalidInput([{ field: 'file', message: parsed.problem }]);
  if (parsed.file.consignorCode !== EXAMPLE_CONSIGNOR.code) {
    throw fileProblem(`委託者コード（${parsed.file.consignorCode}）がJAIMのものではありません`, `The consignor code (${parsed.file.consignorCode}) is not JAIM's`);
  }
  const at = ctx.clock.now();
  const debitDate = debitDateFrom(parsed.file.debitMmdd, japanDateOf(at));
  if (!debitDate) throw fileProblem('ヘッダーの振替日が今日以前の日付として読めません', 'The debit date in the header is not a date on or before today');
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const rows = await evaluateDebitResults(ctx.db, parsed.file, debitDate);
  const previous = await findAppliedImportBySha(ctx.db, sha256);
  const report = reportOf(debitDate, rows, previous ? { importId: previous.id, at: (previous.decidedAt ?? previous.createdAt).toISOString() } : null);
  const fileName = (upload.fileName || 'result.txt').slice(0, 200);
  return ctx.db.transaction(async (tx) => {
    const row = await insertDebitImport(tx, { fileName, sha256, content: upload.bytes, debitDate, recordCount: rows.length, report, checkedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, at });
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'fee_debit_import.checked',
      target: { type: 'fee_debit_import', id: row.id },
      summary: { after: { fileName, sha256, debitDate, records: rows.length, totals: report.totals, previouslyApplied: report.previouslyApplied?.importId ?? null } },
    });
    return row;
  });
};

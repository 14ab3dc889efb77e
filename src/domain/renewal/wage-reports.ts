import { z } from 'zod';
import { Evaluator, japanDateOf } from '../../../rules/core/index.js';
import { wageIncreaseAdequacy, wageIncreaseReportDue } from '../../../rules/jaim-membership-faq/index.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findRenewalResponseView } from '../../persistence/repositories/renewals.repository.js';
import {
  findWageReport,
  findWageReportOfResponse,
  insertWageReport,
  insertWageReportFile,
  listWageReportFiles,
  reviewWageReportGuarded,
  type WageReportRow,
} from '../../persistence/repositories/wage-reports.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import { notConfiguredScanner, type Scanner } from '../uploads/scanner.js';
import type { UploadMeta } from '../../persistence/repositories/uploads.repository.js';
import { storeUpload } from '../uploads/store-upload.js';
import type { RenewalContext } from './context.js';

export type EvidenceUpload = { filename: string; declaredType?: string | undefined; bytes: Uint8Array };

const MAX_EVIDENCE_FILES = 10;
const REPORT_EXISTS = { ja: 'この事業所の賃上げ報告は既に提出されています。', en: 'A wage-increase report has already been made for this establishment.' };
const tooManyFiles = () => new InvalidInput([{ field: 'file', message: { ja: `添付できる書類は${MAX_EVIDENCE_FILES}件までです`, en: `You can attach at most ${MAX_EVIDENCE_FILES} documents` } }]);

/** Checked by content, size-limited, scanned and stored with its checksum, like the join evidence. */
const storeWageEvidence = (ctx: RenewalContext & { scanner?: Scanner }, organisationId: string, f: EvidenceUpload) =>
  storeUpload({ ...ctx, scanner: ctx.scanner ?? notConfiguredScanner }, { organisationId, purpose: 'wage_evidence', kind: 'wage_evidence', filename: f.filename, declaredType: f.declaredType, bytes: f.bytes, field: 'file' });

export const wageReportInput = z.object({
  /** Percent with up to two decimals ("2.5"); stored in basis points. Optional: the evidence is what is reviewed. */
  increasePercent: z.string().trim().regex(/^-?\d{1,3}(\.\d{1,2})?$/).optional().or(z.literal('').transform(() => undefined)),
  evidenceText: z.string().trim().min(1).max(2000),
  evidenceReference: z.string().trim().max(300).optional(),
});

const toBasisPoints = (percent: string): number => {
  const [int = '0', frac = ''] = percent.replace('-', '').split('.');
  const bp = Number(int) * 100 + Number((frac + '00').slice(0, 2));
  return percent.startsWith('-') ? -bp : bp;
};

/**
 * The wage-increase report made with the JAIM renewal, around January–February, with evidence (jaim-membership-faq
 * Q3-3-2). The required level is not published, so adequacy is always needs_review for staff (Q3-3-1, Q3-3-2).
 */
export const submitWageReport = async (ctx: RenewalContext & { scanner?: Scanner }, responseId: string, raw: unknown, files: readonly EvidenceUpload[] = []): Promise<WageReportRow> => {
  const view = await findRenewalResponseView(ctx.db, responseId);
  authorize(ctx.actor, 'renewal.answer', { organisationId: view?.organisationId ?? '' });
  if (!view) throw new NotFound('renewal_response');
  if (view.roster !== 'jaim') throw new Conflict('not jaim', { ja: '賃上げの報告はJAIMの会員更新と合わせて行います。', en: 'The wage-increase report is made with the JAIM renewal.' });
  const parsed = wageReportInput.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'evidenceText');
    throw new InvalidInput([{ field, message: field === 'increasePercent' ? { ja: '賃上げ率を数字で入力してください（例: 2.5）', en: 'Enter the increase as a number (e.g. 2.5)' } : field === 'evidenceReference' ? { ja: '300文字以内で入力してください', en: 'Use 300 characters or fewer' } : { ja: '賃上げが確認できる書類の内容を入力してください（2000文字以内）', en: 'Describe the documents that show the wage increase (2000 characters or fewer)' } }]);
  }
  const v = parsed.data;
  if (files.length > MAX_EVIDENCE_FILES) throw tooManyFiles();
  if (await findWageReportOfResponse(ctx.db, responseId)) throw new Conflict('wage report exists', REPORT_EXISTS);
  // Files are checked, scanned and stored first: a refused file stops here, before any report exists.
  const stored: UploadMeta[] = [];
  for (const f of files) stored.push(await storeWageEvidence(ctx, view.organisationId, f));
  const at = ctx.clock.now();
  const e = new Evaluator(japanDateOf(at));
  const bp = v.increasePercent === undefined ? null : toBasisPoints(v.increasePercent);
  e.applyFull(wageIncreaseReportDue, {});
  const adequacy = e.applyFull(wageIncreaseAdequacy, { increasePercent: bp === null ? null : bp / 100 });
  const determination = { id: 'wage-increase-report', asOf: e.asOf, outcome: adequacy.outcome, reasons: [adequacy.message], trace: e.steps };
  return ctx.db.transaction(async (tx) => {
    const row = await insertWageReport(tx, { responseId, organisationId: view.organisationId, increaseBasisPoints: bp, evidenceText: v.evidenceText, evidenceReference: v.evidenceReference || null, determination, submittedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, at });
    if (!row) throw new Conflict('wage report exists', REPORT_EXISTS);
    for (const f of stored) await insertWageReportFile(tx, row.id, f.id, at);
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'wage_report.submitted',
      target: { type: 'wage_report', id: row.id },
      summary: { after: { responseId, increaseBasisPoints: bp, adequacy: 'needs_review', rule: 'jaim-membership-faq Q3-3-2', evidenceFiles: stored.map((f) => ({ uploadId: f.id, sha256: f.sha256 })) } },
    });
    return row;
  });
};

export const reviewWageInput = z.object({ adequacy: z.enum(['adequate', 'inadequate']), note: z.string().trim().min(1).max(2000), lockVersion: z.coerce.number().int().min(0) });

const REVIEW_MESSAGES: Record<string, { ja: string; en: string }> = {
  adequacy: { ja: '賃上げが十分かどうかを選んでください', en: 'Choose whether the wage increase is adequate' },
  note: { ja: '判断の理由を入力してください（2000文字以内）', en: 'Give the reason for the judgement (2000 characters or fewer)' },
  lockVersion: { ja: '画面を開き直してから、もう一度送信してください', en: 'Reload the page and send it again' },
};

/** Attaches one more evidence file to a report not yet reviewed (the member's own report). */
export const attachWageEvidence = async (ctx: RenewalContext & { scanner?: Scanner }, responseId: string, file: EvidenceUpload): Promise<void> => {
  const view = await findRenewalResponseView(ctx.db, responseId);
  authorize(ctx.actor, 'renewal.answer', { organisationId: view?.organisationId ?? '' });
  if (!view) throw new NotFound('renewal_response');
  const report = await findWageReportOfResponse(ctx.db, responseId);
  if (!report) throw new NotFound('wage_report');
  if (report.adequacy !== 'needs_review') throw new Conflict('wage report reviewed', { ja: 'この報告は審査済みのため、書類を追加できません。', en: 'This report has been reviewed: no more documents can be added.' });
  if ((await listWageReportFiles(ctx.db, report.id)).length >= MAX_EVIDENCE_FILES) throw tooManyFiles();
  const stored = await storeWageEvidence(ctx, view.organisationId, file);
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await insertWageReportFile(tx, report.id, stored.id, at);
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'wage_report.evidence_attached', target: { type: 'wage_report', id: report.id }, summary: { after: { uploadId: stored.id, sha256: stored.sha256, filename: stored.filename } } });
  });
};

/** Staff judge the reported increase on its evidence (the human judgement Q3-3-2 leaves open), with a note. */
export const reviewWageReport = async (ctx: RenewalContext, id: string, raw: unknown): Promise<WageReportRow> => {
  authorize(ctx.actor, 'renewal.manage');
  const parsed = reviewWageInput.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'adequacy')))];
    throw new InvalidInput(fields.map((field) => ({ field, message: REVIEW_MESSAGES[field] ?? REVIEW_MESSAGES.adequacy! })));
  }
  const v = parsed.data;
  const reviewer = ctx.actor.kind === 'user' ? ctx.actor.userId : '';
  return ctx.db.transaction(async (tx) => {
    const report = await findWageReport(tx, id);
    if (!report) throw new NotFound('wage_report');
    if (report.submittedBy === reviewer) throw new Conflict('self-review', { ja: '自分が提出した報告は審査できません。', en: 'You cannot review a report you submitted.' });
    const updated = await reviewWageReportGuarded(tx, id, v.lockVersion, { adequacy: v.adequacy, reviewedBy: reviewer, reviewedAt: ctx.clock.now(), reviewNote: v.note });
    if (!updated) throw new Conflict('report changed', { ja: 'この報告は他の担当者が先に審査しました。あなたの判断は保存していません。内容を確認してください。', en: 'Someone else reviewed this report first. Your judgement was not saved: check the report again.' });
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'wage_report.reviewed', target: { type: 'wage_report', id }, summary: { before: { adequacy: report.adequacy }, after: { adequacy: v.adequacy } }, reason: v.note });
    return updated;
  });
};

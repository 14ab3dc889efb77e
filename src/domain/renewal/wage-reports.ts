import { z } from 'zod';
import { Evaluator, japanDateOf } from '../../../rules/core/index.js';
import { wageIncreaseAdequacy, wageIncreaseReportDue } from '../../../rules/jaim-membership-faq/index.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findRenewalResponseView } from '../../persistence/repositories/renewals.repository.js';
import { findWageReport, insertWageReport, reviewWageReportGuarded, type WageReportRow } from '../../persistence/repositories/wage-reports.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import type { RenewalContext } from './context.js';

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
export const submitWageReport = async (ctx: RenewalContext, responseId: string, raw: unknown): Promise<WageReportRow> => {
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
  const at = ctx.clock.now();
  const e = new Evaluator(japanDateOf(at));
  const bp = v.increasePercent === undefined ? null : toBasisPoints(v.increasePercent);
  e.applyFull(wageIncreaseReportDue, {});
  const adequacy = e.applyFull(wageIncreaseAdequacy, { increasePercent: bp === null ? null : bp / 100 });
  const determination = { id: 'wage-increase-report', asOf: e.asOf, outcome: adequacy.outcome, reasons: [adequacy.message], trace: e.steps };
  return ctx.db.transaction(async (tx) => {
    const row = await insertWageReport(tx, { responseId, organisationId: view.organisationId, increaseBasisPoints: bp, evidenceText: v.evidenceText, evidenceReference: v.evidenceReference || null, determination, submittedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, at });
    if (!row) throw new Conflict('wage report exists', { ja: 'この事業所の賃上げ報告は既に提出されています。', en: 'A wage-increase report has already been made for this establishment.' });
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'wage_report.submitted', target: { type: 'wage_report', id: row.id }, summary: { after: { responseId, increaseBasisPoints: bp, adequacy: 'needs_review', rule: 'jaim-membership-faq Q3-3-2' } } });
    return row;
  });
};

export const reviewWageInput = z.object({ adequacy: z.enum(['adequate', 'inadequate']), note: z.string().trim().min(1).max(2000), lockVersion: z.coerce.number().int().min(0) });

/** Staff judge the reported increase on its evidence (the human judgement Q3-3-2 leaves open), with a note. */
export const reviewWageReport = async (ctx: RenewalContext, id: string, raw: unknown): Promise<WageReportRow> => {
  authorize(ctx.actor, 'renewal.manage');
  const parsed = reviewWageInput.safeParse(raw);
  if (!parsed.success) throw new InvalidInput([{ field: String(parsed.error.issues[0]?.path[0] ?? 'adequacy'), message: { ja: '判断と理由を入力してください', en: 'Choose a judgement and give the reason' } }]);
  const v = parsed.data;
  const reviewer = ctx.actor.kind === 'user' ? ctx.actor.userId : '';
  return ctx.db.transaction(async (tx) => {
    const report = await findWageReport(tx, id);
    if (!report) throw new NotFound('wage_report');
    if (report.submittedBy === reviewer) throw new Conflict('self-review', { ja: '自分が提出した報告は審査できません。', en: 'You cannot review a report you submitted.' });
    const updated = await reviewWageReportGuarded(tx, id, v.lockVersion, { adequacy: v.adequacy, reviewedBy: reviewer, reviewedAt: ctx.clock.now(), reviewNote: v.note });
    if (!updated) throw new Conflict('report changed', { ja: 'この報告は他の担当者が先に審査しました。', en: 'Someone else reviewed this report first.' });
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'wage_report.reviewed', target: { type: 'wage_report', id }, summary: { before: { adequacy: report.adequacy }, after: { adequacy: v.adequacy } }, reason: v.note });
    return updated;
  });
};

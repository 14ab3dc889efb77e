import { z } from 'zod';
import { fiscalYearOf, japanDateOf, legalDate } from '../../../rules/core/index.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findDiscountClaim, reviewDiscountClaimGuarded, type DiscountClaimRow } from '../../persistence/repositories/discount-claims.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import { ASSOCIATION_TIMING_CITATION, associationDiscountFromFy } from './billing.js';
import type { FeesContext } from './context.js';
import { transitionClaim } from './discount-claim.states.js';

const blank = z.literal('').transform(() => undefined);
export const reviewClaimInput = z.object({
  decision: z.enum(['approve', 'reject']),
  lockVersion: z.coerce.number().int().min(0),
  /** SME: the first fiscal year the discount applies (default: the current one). Ignored for associations (Q2-5-3 sets it). */
  validFromFy: z.coerce.number().int().min(2025).max(2200).optional().or(blank),
  validUntilFy: z.coerce.number().int().min(2025).max(2200).optional().or(blank),
  note: z.string().trim().max(2000).optional(),
});

const CHANGED = { ja: 'この申請は他の担当者が先に審査しました。最新の内容を確認してください。', en: 'Someone else reviewed this claim first. Check the latest version.' };

/**
 * A reviewer approves or rejects a discount claim; never the person who submitted it. Approval sets the validity: for
 * the association discount, from the fiscal year of the JAIM application if the association membership was complete
 * by then, otherwise from the next fiscal year (jaim-membership-faq Q2-5-3).
 */
export const reviewDiscountClaim = async (ctx: FeesContext, id: string, raw: unknown): Promise<DiscountClaimRow> => {
  authorize(ctx.actor, 'fees.manage');
  const parsed = reviewClaimInput.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'decision');
    throw new InvalidInput([{ field, message: field === 'decision' ? { ja: '承認か不承認かを選んでください', en: 'Choose approve or reject' } : { ja: '年度を正しく入力してください', en: 'Enter a valid fiscal year' } }]);
  }
  const v = parsed.data;
  const reviewer = ctx.actor.kind === 'user' ? ctx.actor.userId : undefined;
  if (!reviewer) throw new InvalidInput([{ field: 'decision', message: { ja: '審査は職員のみが行えます', en: 'Only staff review claims' } }]);
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const claim = await findDiscountClaim(tx, id);
    if (!claim) throw new NotFound('fee_discount_claim');
    if (claim.submittedBy === reviewer) {
      throw new Conflict('self-review', { ja: '自分が提出した申請は審査できません（別の職員が審査します）。', en: 'You cannot review a claim you submitted (another member of staff must).' });
    }
    if (claim.lockVersion !== v.lockVersion) throw new Conflict('claim changed', CHANGED);
    const status = transitionClaim(claim.status, v.decision);
    let validFromFy: number | null = null;
    let reasons: { ja: string; en: string }[];
    let citations: string[] = ['jaim-membership-faq Q2-5-2'];
    if (v.decision === 'approve') {
      if (claim.kind === 'association') {
        const completed = legalDate(claim.associationCompletedOn!);
        const applied = legalDate(claim.jaimApplicationDate!);
        validFromFy = associationDiscountFromFy(completed, applied);
        citations = [ASSOCIATION_TIMING_CITATION, 'jaim-membership-faq Q2-5-4'];
        reasons = [
          completed <= applied
            ? { ja: `団体加入の完了（${completed}）がJAIM入会手続（${applied}）以前のため、${validFromFy}年度（初年度）から適用します。`, en: `Association membership was complete (${completed}) by the JAIM application (${applied}): the discount applies from FY${validFromFy} (the first year).` }
            : { ja: `団体加入の完了（${completed}）がJAIM入会手続（${applied}）より後のため、翌年度の${validFromFy}年度から適用します。`, en: `Association membership was completed (${completed}) after the JAIM application (${applied}): the discount applies from the next fiscal year, FY${validFromFy}.` },
        ];
      } else {
        validFromFy = v.validFromFy ?? fiscalYearOf(japanDateOf(at));
        reasons = [{ ja: `証跡により中小企業と認め、${validFromFy}年度から中小企業割引を適用します。`, en: `The evidence shows an SME: the SME discount applies from FY${validFromFy}.` }];
      }
    } else {
      reasons = [{ ja: '証跡から割引の要件を確認できないため、不承認とします。', en: 'The evidence does not show the discount conditions are met: rejected.' }];
    }
    const validUntilFy = v.decision === 'approve' ? v.validUntilFy ?? null : null;
    if (validFromFy !== null && validUntilFy !== null && validUntilFy < validFromFy) {
      throw new InvalidInput([{ field: 'validUntilFy', message: { ja: `有効期限の年度は${validFromFy}年度以降にしてください`, en: `The last fiscal year must be FY${validFromFy} or later` } }]);
    }
    const determination = { id: 'fee-discount-claim', asOf: japanDateOf(at), outcome: status, reasons, citations, validFromFy, validUntilFy };
    const updated = await reviewDiscountClaimGuarded(tx, id, v.lockVersion, { status, validFromFy, validUntilFy, reviewedBy: reviewer, reviewedAt: at, reviewNote: v.note || null, determination });
    if (!updated) throw new Conflict('claim changed', CHANGED);
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'fee_discount_claim.reviewed',
      target: { type: 'fee_discount_claim', id },
      summary: { before: { status: claim.status }, after: { status, validFromFy, validUntilFy, citations } },
      ...(v.note ? { reason: v.note } : {}),
    });
    return updated;
  });
};

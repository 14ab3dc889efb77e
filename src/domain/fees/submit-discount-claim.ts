import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { japanDateOf, isLegalDate } from '../../../rules/core/index.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findDiscountClaim, insertDiscountClaim, type DiscountClaimRow } from '../../persistence/repositories/discount-claims.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { InvalidInput, NotFound } from '../errors.js';
import { claimOrFindFirst, idempotencyKeyOf } from '../idempotency/idempotency.js';
import type { FeesContext } from './context.js';

const date = z.string().refine((v) => isLegalDate(v));
const blank = z.literal('').transform(() => undefined);
export const discountClaimInput = z
  .object({
    organisationId: z.string().uuid(),
    kind: z.enum(['sme', 'association']),
    evidenceText: z.string().trim().min(1).max(2000),
    evidenceReference: z.string().trim().max(300).optional(),
    associationName: z.string().trim().max(200).optional(),
    associationCompletedOn: date.optional().or(blank),
    jaimApplicationDate: date.optional().or(blank),
  })
  .superRefine((v, c) => {
    if (v.kind !== 'association') return;
    if (!v.associationName) c.addIssue({ code: 'custom', path: ['associationName'], message: 'required' });
    if (!v.associationCompletedOn) c.addIssue({ code: 'custom', path: ['associationCompletedOn'], message: 'required' });
    if (!v.jaimApplicationDate) c.addIssue({ code: 'custom', path: ['jaimApplicationDate'], message: 'required' });
  });

const MESSAGES: Record<string, { ja: string; en: string }> = {
  kind: { ja: '割引の種類を選んでください', en: 'Choose the kind of discount' },
  evidenceText: { ja: '証跡の内容を入力してください（2000文字以内）', en: 'Describe the evidence (2000 characters or fewer)' },
  evidenceReference: { ja: '証跡の参照は300文字以内で入力してください', en: 'The evidence reference must be 300 characters or fewer' },
  associationName: { ja: '加入している正会員団体の名称を入力してください', en: 'Enter the name of the member association' },
  associationCompletedOn: { ja: '団体への加入が完了した日を入力してください（申請中は対象外: jaim-membership-faq Q2-5-3）', en: 'Enter the date association membership was completed (a pending application does not count: jaim-membership-faq Q2-5-3)' },
  jaimApplicationDate: { ja: 'JAIMへの入会手続の日を入力してください', en: 'Enter the date of the JAIM application' },
  organisationId: { ja: '会社を選んでください', en: 'Choose the company' },
};

/**
 * A member claims the SME discount (jaim-membership-faq Q2-5-2) or the member-association discount (Q2-5-2, Q2-5-3)
 * with evidence; a secretariat reviewer decides it and sets its validity. With the form's idempotency key, a double
 * submit or a retry returns the first claim (`duplicate`) instead of filing a second one for the reviewer.
 */
export const submitDiscountClaim = async (ctx: FeesContext, raw: unknown, idempotencyKey?: string): Promise<DiscountClaimRow & { duplicate: boolean }> => {
  const organisationId = (raw as { organisationId?: unknown })?.organisationId;
  authorize(ctx.actor, 'fees.claim_discount', typeof organisationId === 'string' && organisationId ? { organisationId } : {});
  const parsed = discountClaimInput.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'kind')))];
    throw new InvalidInput(fields.map((field) => ({ field, message: MESSAGES[field] ?? MESSAGES.kind! })));
  }
  const v = parsed.data;
  const at = ctx.clock.now();
  if (v.associationCompletedOn && v.associationCompletedOn > japanDateOf(at)) {
    throw new InvalidInput([{ field: 'associationCompletedOn', message: MESSAGES.associationCompletedOn! }]);
  }
  const key = idempotencyKeyOf(idempotencyKey);
  const id = randomUUID();
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  return ctx.db.transaction(async (tx) => {
    const firstId = key ? await claimOrFindFirst(tx, { scope: `fee_discount_claim:${v.organisationId}`, key, userId, resourceType: 'fee_discount_claim', resourceId: id, at }) : null;
    if (firstId) {
      const first = await findDiscountClaim(tx, firstId);
      if (!first) throw new NotFound('fee_discount_claim');
      return { ...first, duplicate: true };
    }
    const row = await insertDiscountClaim(tx, {
      id,
      organisationId: v.organisationId,
      kind: v.kind,
      evidenceText: v.evidenceText,
      evidenceReference: v.evidenceReference || null,
      associationName: v.kind === 'association' ? v.associationName ?? null : null,
      associationCompletedOn: v.kind === 'association' ? v.associationCompletedOn ?? null : null,
      jaimApplicationDate: v.kind === 'association' ? v.jaimApplicationDate ?? null : null,
      determination: null,
      submittedBy: userId,
      at,
    });
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'fee_discount_claim.submitted', target: { type: 'fee_discount_claim', id: row.id }, summary: { after: { kind: v.kind, organisationId: v.organisationId } } });
    return { ...row, duplicate: false };
  });
};

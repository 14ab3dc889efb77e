import { z } from 'zod';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findOrganisation } from '../../persistence/repositories/organisations.repository.js';
import { upsertDebitAccount, type DebitAccountRow } from '../../persistence/repositories/payments.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { InvalidInput, NotFound } from '../errors.js';
import type { FeesContext } from './context.js';
import { isZenginKana } from './zengin.js';

const kana = (max: number) => z.string().trim().min(1).max(max).refine(isZenginKana);
export const debitAccountInput = z.object({
  payerOrganisationId: z.string().uuid().optional().or(z.literal('').transform(() => undefined)),
  bankCode: z.string().regex(/^\d{4}$/),
  bankNameKana: kana(15),
  branchCode: z.string().regex(/^\d{3}$/),
  branchNameKana: kana(15),
  accountType: z.enum(['1', '2', '9']),
  accountNumber: z.string().regex(/^\d{7}$/),
  holderNameKana: kana(30),
});

const MESSAGES: Record<string, { ja: string; en: string }> = {
  bankCode: { ja: '金融機関コードを4桁の数字で入力してください', en: 'Enter the 4-digit bank code' },
  bankNameKana: { ja: '金融機関名を半角・全角カナで入力してください（15文字以内）', en: 'Enter the bank name in katakana (15 characters or fewer)' },
  branchCode: { ja: '支店コードを3桁の数字で入力してください', en: 'Enter the 3-digit branch code' },
  branchNameKana: { ja: '支店名をカナで入力してください（15文字以内）', en: 'Enter the branch name in katakana (15 characters or fewer)' },
  accountType: { ja: '預金種目を選んでください', en: 'Choose the account type' },
  accountNumber: { ja: '口座番号を7桁の数字で入力してください', en: 'Enter the 7-digit account number' },
  holderNameKana: { ja: '口座名義をカナで入力してください（30文字以内）', en: 'Enter the account holder in katakana (30 characters or fewer)' },
  payerOrganisationId: { ja: '支払者は登録支援機関である必要があります（jaim-membership-faq Q2-5-12）', en: 'The payer must be a registered support organisation (jaim-membership-faq Q2-5-12)' },
};

/** Staff register the account a member's fees are debited from (from its 口座振替依頼書); a support organisation's account may be used (Q2-5-12). */
export const registerDebitAccount = async (ctx: FeesContext, organisationId: string, raw: unknown): Promise<DebitAccountRow> => {
  authorize(ctx.actor, 'fees.manage');
  const parsed = debitAccountInput.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'bankCode')))];
    throw new InvalidInput(fields.map((field) => ({ field, message: MESSAGES[field] ?? MESSAGES.bankCode! })));
  }
  const v = parsed.data;
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (!(await findOrganisation(tx, organisationId))) throw new NotFound('organisation');
    if (v.payerOrganisationId) {
      const payer = await findOrganisation(tx, v.payerOrganisationId);
      if (payer?.kind !== 'support_organisation') throw new InvalidInput([{ field: 'payerOrganisationId', message: MESSAGES.payerOrganisationId! }]);
    }
    const row = await upsertDebitAccount(
      tx,
      { organisationId, payerOrganisationId: v.payerOrganisationId ?? null, bankCode: v.bankCode, bankNameKana: v.bankNameKana, branchCode: v.branchCode, branchNameKana: v.branchNameKana, accountType: v.accountType, accountNumber: v.accountNumber, holderNameKana: v.holderNameKana, registeredBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null },
      at,
    );
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'fee_debit_account.registered',
      target: { type: 'organisation', id: organisationId },
      summary: { after: { bankCode: v.bankCode, branchCode: v.branchCode, accountNumberLast3: v.accountNumber.slice(-3), payerOrganisationId: v.payerOrganisationId ?? null } },
    });
    return row;
  });
};

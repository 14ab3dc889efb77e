import { cite, defineRule, msg } from '../core/index.js';
import { JAIM_FROM } from '../sme/q2-4.js';
import type { Yen } from './params.js';

// jaim-membership-faq Q3-1-4 (with Q1-2-3, Q3-1-5): no refund when a member withdraws during the fiscal year; the
// next year's fee is avoided by saying so at the renewal check that comes with the February billing.

export const noRefundOnWithdrawal = defineRule<{ readonly paidYen: Yen }, Yen>({
  id: 'jaim-fees/q3-1/no-refund',
  title: msg('年度途中の退会と返金', 'No refund on withdrawal during the year'),
  versions: [
    {
      period: JAIM_FROM,
      citation: cite('jaim-membership-faq', 'Q3-1-4'),
      also: [cite('jaim-membership-faq', 'Q1-2-3'), cite('jaim-membership-faq', 'Q3-1-5')],
      summary: msg('年度の途中で退会しても、納めた年会費は返金されない。', 'Withdrawing during the fiscal year brings no refund of the fee paid.'),
      evaluate: ({ paidYen }) => ({
        outcome: 0,
        message: msg(`年度途中の退会のため、納付済みの${paidYen}円は返金されません。`, `Withdrawal during the year: the ¥${paidYen} paid is not refunded.`),
        used: { paidYen, refundYen: 0 },
      }),
    },
  ],
});

export type NextYearFeeFacts = {
  /** The member told the secretariat it withdraws when asked at the renewal check (before the next year's fee is collected). */
  readonly withdrawalNotifiedAtRenewalCheck: boolean;
};

export const nextYearFeeOnWithdrawal = defineRule<NextYearFeeFacts, 'not-charged' | 'charged'>({
  id: 'jaim-fees/q3-1/next-year-fee',
  title: msg('退会と翌年度会費', 'Withdrawal and the next year\'s fee'),
  versions: [
    {
      period: JAIM_FROM,
      citation: cite('jaim-membership-faq', 'Q3-1-4'),
      also: [cite('jaim-membership-faq', 'Q2-5-8')],
      summary: msg(
        '翌年度の会費を請求する際（前年度の2月頃）に会員更新の確認があり、その時点で退会を申し出れば翌年度の会費はかからない。',
        'When next year\'s fee is collected (around February of the preceding year) the secretariat checks renewal; withdrawing at that point means no fee for the next year.',
      ),
      evaluate: ({ withdrawalNotifiedAtRenewalCheck }) =>
        withdrawalNotifiedAtRenewalCheck
          ? { outcome: 'not-charged', message: msg('更新確認の際に退会を申し出たため、翌年度の会費はかかりません。', 'Withdrawal was notified at the renewal check, so no fee is due for the next year.'), used: { withdrawalNotifiedAtRenewalCheck } }
          : {
              outcome: 'charged',
              message: msg('更新確認の際に退会の申出がないため、翌年度の会費がかかり、後で退会しても返金されません。', 'No withdrawal at the renewal check, so the next year\'s fee is due and a later withdrawal brings no refund.'),
              used: { withdrawalNotifiedAtRenewalCheck },
            },
    },
  ],
});

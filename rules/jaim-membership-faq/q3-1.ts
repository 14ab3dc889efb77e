import { NEEDS_REVIEW, type LegalDate, cite, defineRule, msg } from '../core/index.js';
import { SINCE_JAIM } from './instrument.js';

// Q3-1: there is no suspension or temporary withdrawal (Q3-1-1, Q3-1-2); fees are not refunded on withdrawal during the
// year (Q3-1-4, Q1-2-3, Q3-1-5); a member who says it is withdrawing when the secretariat checks renewal (with the
// February billing for the next year) pays no fee for the next year (Q3-1-4). Re-joining is a new application (Q3-1-2).

export const suspensionAvailable = defineRule<{ readonly request: 'suspend' | 'temporary_withdrawal' | 'withdraw' }, 'not_available' | 'withdrawal_possible'>({
  id: 'jaim-membership-faq/q3-1/no-suspension',
  title: msg('休会・一時退会', 'Suspension or temporary withdrawal'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q3-1-1'),
      also: [cite('jaim-membership-faq', 'Q3-1-2')],
      summary: msg('休会や一時的な退会の制度はない。退会はできるが、再入会は新規と同じ手続と審査による。', 'There is no suspension or temporary withdrawal; members may withdraw, and re-joining is a new application with full review.'),
      evaluate: ({ request }) =>
        request === 'withdraw'
          ? { outcome: 'withdrawal_possible', message: msg('退会はできます。再入会の際は新規申請と同じ審査が必要です。', 'Withdrawal is possible; re-joining needs a new application and review.'), used: { request } }
          : { outcome: 'not_available', message: msg('休会・一時退会の制度はありません。', 'There is no suspension or temporary withdrawal.'), used: { request } },
    },
  ],
});

export const refundOnWithdrawal = defineRule<{ readonly withdrawnOn: LegalDate }, 'no_refund'>({
  id: 'jaim-membership-faq/q3-1/no-refund',
  title: msg('年度途中の退会と会費', 'Fees on withdrawal during the year'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q3-1-4'),
      also: [cite('jaim-membership-faq', 'Q1-2-3'), cite('jaim-membership-faq', 'Q3-1-5')],
      summary: msg('年度の途中で退会しても、支払済みの会費は返金されない。', 'Fees already paid are not refunded when a member withdraws during the year.'),
      evaluate: ({ withdrawnOn }) => ({
        outcome: 'no_refund',
        message: msg('年度途中の退会でも会費は返金されません。', 'Fees are not refunded on withdrawal during the year.'),
        used: { withdrawnOn },
      }),
    },
  ],
});

export type NextYearFeeFacts = {
  readonly withdrawalNotifiedOn: LegalDate;
  /** The last day to answer the secretariat's renewal check for next year (around February); null if not yet announced. */
  readonly renewalCheckDeadline: LegalDate | null;
};

export const nextYearFeeOnWithdrawal = defineRule<NextYearFeeFacts, 'no_next_year_fee' | 'next_year_fee_due'>({
  id: 'jaim-membership-faq/q3-1/next-year-fee',
  title: msg('退会の申出と翌年度会費', 'Withdrawal notice and next year’s fee'),
  versions: [
    {
      period: SINCE_JAIM,
      citation: cite('jaim-membership-faq', 'Q3-1-4'),
      summary: msg(
        '翌年度会費の請求（前年度2月頃）の際に会員更新の確認があり、そのときに退会を申し出れば翌年度の会費はかからない。',
        'With the February billing for the next year the secretariat checks renewal; a member who withdraws then pays no fee for the next year.',
      ),
      evaluate: ({ withdrawalNotifiedOn, renewalCheckDeadline }) => {
        const used = { withdrawalNotifiedOn, renewalCheckDeadline };
        if (renewalCheckDeadline === null) {
          return {
            outcome: NEEDS_REVIEW,
            message: msg('更新確認の期限（2月頃）が定まっていないため、翌年度会費の要否は事務局が確認します。', 'The renewal-check deadline (around February) is not set; the secretariat decides on next year’s fee.'),
            used,
          };
        }
        return withdrawalNotifiedOn <= renewalCheckDeadline
          ? { outcome: 'no_next_year_fee', message: msg('更新確認までに退会を申し出たため、翌年度の会費はかかりません。', 'Withdrawal was notified by the renewal check, so no fee is due for next year.'), used }
          : { outcome: 'next_year_fee_due', message: msg('更新確認の後の申出のため、翌年度の会費がかかります（返金なし）。', 'Withdrawal came after the renewal check, so next year’s fee is due (no refund).'), used };
      },
    },
  ],
});

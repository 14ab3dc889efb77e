import { type Determination, type LegalDate, Evaluator, addDays, cite, determine, fiscalYearStart, formatCitation, maxDate, msg } from '../../../rules/core/index.js';
import { councilRenewalDetermination, councilWithdrawalDetermination } from '../../../rules/council-operating-rules/index.js';
import { nextYearFeeOnWithdrawal } from '../../../rules/jaim-fees/index.js';
import type { AnyDetermination } from '../../../rules/core/index.js';

// What the renewal check decides, as determinations with their traces (stored on the response).
//
// When membership ends (our choice, cited): membership runs by fiscal year (art.12(1): 毎年度 the secretariat asks;
// the year's fee is paid and never refunded, jaim-membership-faq Q3-1-4). So a member that does not renew keeps its
// membership — and its roster listing — to the end of the current fiscal year: the listing is closed from the first
// day of the fiscal year the check is for. If the deadline falls inside that year already (the council ran checks
// mid-year), membership is lost from the day after the deadline (art.12(2): not answering loses membership).

export const MEMBERSHIP_END_CITATIONS = [formatCitation(cite('council-operating-rules', '12', '1')), formatCitation(cite('council-operating-rules', '12', '2')), formatCitation(cite('jaim-membership-faq', 'Q3-1-4'))];

/** The first day the establishment is no longer a member (roster listings are half-open, so this is listed_until). */
export const membershipEndsOn = (fiscalYear: number, deadline: LegalDate): LegalDate => maxDate(fiscalYearStart(fiscalYear), addDays(deadline, 1));

type Roster = 'council' | 'jaim';

/** Answered "renew" on `on`: council art.12(1) (the council-renewal determination); for JAIM the fee for the year is due (Q3-1-4). */
export const renewDetermination = (roster: Roster, deadline: LegalDate, on: LegalDate, council: AnyDetermination = councilRenewalDetermination): Determination<unknown> => {
  if (roster === 'council') return determine(council, { category: 'iii', deadline, intentExpressedOn: on }, on);
  const e = new Evaluator(on);
  const fee = e.applyFull(nextYearFeeOnWithdrawal, { withdrawalNotifiedAtRenewalCheck: false });
  return { id: 'jaim-renewal', asOf: on, outcome: 'renewed', reasons: [msg('会員資格の更新の意思が示されました。', 'The member said it renews.'), fee.message], trace: e.steps };
};

/**
 * Answered "withdraw" on `on`, stating the SSW headcount: no withdrawal while SSW are employed (council-withdrawal,
 * art.13); for JAIM, declining at the check means no fee for the next year (Q3-1-4).
 */
export const withdrawDetermination = (roster: Roster, on: LegalDate, sswEmployed: number): Determination<unknown> => {
  const w = determine(councilWithdrawalDetermination, { notifiedOnPrescribedForm: true, sswEmployed }, on);
  if (w.outcome !== 'accept') return w;
  if (roster === 'council') return { ...w, id: 'renewal-withdrawal', outcome: 'withdrawn' };
  const e = new Evaluator(on);
  const fee = e.applyFull(nextYearFeeOnWithdrawal, { withdrawalNotifiedAtRenewalCheck: true });
  return { id: 'renewal-withdrawal', asOf: on, outcome: 'withdrawn', reasons: [...w.reasons, fee.message], trace: [...w.trace, ...e.steps] };
};

/**
 * No answer by the deadline, decided on `today` (after the deadline). Council: art.12(2), membership lapses. JAIM:
 * no withdrawal at the check, so the membership continues and the next year's fee is due (Q3-1-4).
 */
export const unansweredDetermination = (roster: Roster, deadline: LegalDate, today: LegalDate, council: AnyDetermination = councilRenewalDetermination): Determination<unknown> => {
  if (roster === 'council') return determine(council, { category: 'iii', deadline, intentExpressedOn: null }, today);
  const e = new Evaluator(today);
  const fee = e.applyFull(nextYearFeeOnWithdrawal, { withdrawalNotifiedAtRenewalCheck: false });
  return { id: 'jaim-renewal', asOf: today, outcome: 'renewed_by_default', reasons: [fee.message], trace: e.steps };
};

import { type LegalDate, addMonths, defineRule, minDate, msg } from '../core/index.js';
import { civilPeriodEnd } from '../core/index.js';
import { PLAN_PERIOD, req } from './instrument.js';
import { grantMonths, maxStayMonths, renewalLeadMonths, renewalsAllowed } from './parameters.js';

// The employee's stay: 6 months granted on entry, renewable once, 12 months in all; a renewal may be filed from
// 3 months before the expiry (guide, req.16). Periods run as the Civil Code counts them (the entry day itself
// is not counted): entry 2025-08-31 + 6 months expires 2026-02-28; entry 2025-04-01 + 6 months, 2025-10-01.

/** Last day of a stay of `months` months from the entry (landing) date. */
export const stayExpiry = (entryDate: LegalDate, months: number): LegalDate => civilPeriodEnd(entryDate, months);

/** When a renewal may be filed: from `leadMonths` months before the expiry through the expiry day (both inclusive). */
export const renewalWindow = (expiry: LegalDate, leadMonths = 3): { readonly opens: LegalDate; readonly closes: LegalDate } => ({
  opens: addMonths(expiry, -leadMonths),
  closes: expiry,
});

/** The expiry after `renewals` renewals, never beyond the total cap. */
export const expiryAfter = (entryDate: LegalDate, renewals: number, grant: number, cap: number): LegalDate => {
  let expiry = stayExpiry(entryDate, grant);
  for (let i = 0; i < renewals; i++) expiry = civilPeriodEnd(expiry, grant);
  return minDate(expiry, stayExpiry(entryDate, cap));
};

export type StayFacts = {
  readonly entryDate: LegalDate;
  /** Renewals already granted (0 or 1). */
  readonly renewalsGranted: number;
  /** The last day the employee is planned to stay. */
  readonly plannedEnd: LegalDate;
};

export const stayLimit = defineRule<StayFacts, 'within-limit' | 'exceeds-limit'>({
  id: 'manufacturing-activity-plan/stay/limit',
  title: msg('在留期間の上限（通算1年）', 'Stay limit (one year in all)'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(16),
      also: [req(26)],
      summary: msg(
        '入国時に6か月の在留期間が与えられ、満了前に1回更新でき、在留は通算1年までとなる。1年を超える在留はできない。',
        'Six months are granted on entry and may be renewed once before they run out, for one year in all; no stay beyond one year is possible.',
      ),
      evaluate: ({ entryDate, plannedEnd }, ctx) => {
        const cap = stayExpiry(entryDate, ctx.param(maxStayMonths));
        const used = { entryDate, plannedEnd, lastPossibleDay: cap };
        return plannedEnd <= cap
          ? { outcome: 'within-limit', message: msg(`在留予定（${plannedEnd}まで）は上限の${cap}以内です。`, `The planned stay (to ${plannedEnd}) is within the limit of ${cap}.`), used }
          : {
              outcome: 'exceeds-limit',
              message: msg(`在留予定（${plannedEnd}まで）は通算1年の上限（${cap}）を超えます。`, `The planned stay (to ${plannedEnd}) runs past the one-year limit (${cap}).`),
              used,
            };
      },
    },
  ],
});

export type RenewalOutcome = 'renewal-not-yet-open' | 'renewal-open' | 'no-renewal' | 'stay-ended';

export const renewal = defineRule<StayFacts, RenewalOutcome>({
  id: 'manufacturing-activity-plan/stay/renewal',
  title: msg('在留期間の更新申請期間', 'Renewal filing window'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(16),
      summary: msg(
        '在留期間の更新は、満了日の3か月前から満了日までに申請できる。更新は1回限りで、予定が現在の在留期間内に終わるなら更新は要しない。',
        'A renewal may be filed from 3 months before the expiry up to the expiry day; there is only one renewal, and none is needed if the stay ends within the current period.',
      ),
      evaluate: ({ entryDate, renewalsGranted, plannedEnd }, ctx) => {
        const grant = ctx.param(grantMonths);
        const cap = ctx.param(maxStayMonths);
        const allowed = ctx.param(renewalsAllowed);
        const lead = ctx.param(renewalLeadMonths);
        const expiry = expiryAfter(entryDate, renewalsGranted, grant, cap);
        const window = renewalWindow(expiry, lead);
        const asOf = ctx.asOf;
        const used = { entryDate, renewalsGranted, plannedEnd, expiry, window };
        if (asOf > expiry) {
          return { outcome: 'stay-ended', message: msg(`在留期間は${expiry}に満了しています。`, `The period of stay ended on ${expiry}.`), used };
        }
        if (renewalsGranted >= allowed) {
          return {
            outcome: 'no-renewal',
            message: msg(`更新は既に${renewalsGranted}回受けており、これ以上更新できません。在留期限は${expiry}です。`, `The one renewal has been used; the stay ends on ${expiry} and cannot be renewed again.`),
            used,
          };
        }
        if (plannedEnd <= expiry) {
          return {
            outcome: 'no-renewal',
            message: msg(`在留予定は現在の在留期限（${expiry}）までに終わるため、更新は不要です。`, `The stay ends by the current expiry (${expiry}), so no renewal is needed.`),
            used,
          };
        }
        if (asOf < window.opens) {
          return {
            outcome: 'renewal-not-yet-open',
            message: msg(`更新申請は${window.opens}から${window.closes}までにできます。`, `A renewal may be filed from ${window.opens} to ${window.closes}.`),
            used,
          };
        }
        return {
          outcome: 'renewal-open',
          message: msg(`更新申請の受付期間中です（${window.closes}まで）。`, `The renewal window is open (until ${window.closes}).`),
          used,
        };
      },
    },
  ],
});

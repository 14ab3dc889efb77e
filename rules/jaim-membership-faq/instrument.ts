import { legalDate, period } from '../core/index.js';

// 工業製品製造技能人材機構（JAIM）よくある質問. Dates the FAQ rests on (domain-data §0):
// - 2024-09-30 協議会決定第1号: add-on measures for JSIC 11 / 15 / 484 (carried over into JAIM entry requirements, Q2-1-4).
// - 2025-03-11 Cabinet decision revising the field's operating policy: JAIM created, membership required (Q2-1-1).
// - 2025-06-25 JAIM registered by METI as the field's 受入事業実施法人 (CONFIRMED). We take JAIM's membership rules to
//   be in force from this day: the council refuses applications filed from it (council art.10(4)(iii)).
//   Applications reportedly opened on 2025-07-01 (SECONDARY), which does not change the rules' period.
// - 2025-12-25 last day the council roster is accepted; 2025-12-26 only JAIM's roster (Q2-2-6, Q2-2-7).
export const JAIM_DATES = {
  councilDecisionNo1: legalDate('2024-09-30'),
  cabinetDecision: legalDate('2025-03-11'),
  jaimRegistered: legalDate('2025-06-25'),
  applicationsOpened: legalDate('2025-07-01'),
  transitionLastDay: legalDate('2025-12-25'),
  jaimRosterOnlyFrom: legalDate('2025-12-26'),
} as const;

/** JAIM's membership rules: from JAIM's registration. */
export const SINCE_JAIM = period('2025-06-25');
/** Membership required of SSW employers: from the Cabinet decision. */
export const SINCE_CABINET_DECISION = period('2025-03-11');

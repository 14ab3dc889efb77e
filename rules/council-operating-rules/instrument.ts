import { type AnyRule, type LegalDate, periodContains, period } from '../core/index.js';

// 製造業特定技能外国人材受入れ協議・連絡会 運営要領: enacted 2019-03-26, amended 2022-05-25, 2022-07-01,
// 2024-09-30 and 2025-05-26. The text we hold is the one as amended on 2025-05-26; provisions whose
// earlier wording we do not hold are in force from the amendment we can vouch for.
export const COUNCIL_RULES = {
  document: 'council-operating-rules',
  enacted: '2019-03-26',
  amendments: ['2022-05-25', '2022-07-01', '2024-09-30', '2025-05-26'],
  /** The version of the text in our seed. */
  textAsOf: '2025-05-26',
} as const;

/** The council roster stops counting for immigration filings after 2025-12-25 (jaim-membership-faq Q2-2-6, Q2-2-7). */
export const SINCE_ENACTMENT = period('2019-03-26');
/**
 * The industry add-on measures (textile, printing, packing) entered with the 2024-09-30 amendment, the day of
 * council decision No.1 (jaim-membership-faq Q2-1-4). Their wording before 2025-05-26 is not held.
 */
export const SINCE_ADD_ON_MEASURES = period('2024-09-30');
export const SINCE_2025_AMENDMENT = period('2025-05-26');
/** Versions that ended when category (v) was introduced by the 2025-05-26 amendment. */
export const ENACTMENT_TO_2025_AMENDMENT = period('2019-03-26', '2025-05-26');

/** Member categories of art.2(1): (i) METI, (ii) agencies concerned, (iii) SSW employers, (iv) supporting bodies, (v) 告示 art.4 registrant. */
export const CATEGORIES = ['i', 'ii', 'iii', 'iv', 'v'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories that join by notification under art.10(1). */
export type NotifyingCategory = 'iii' | 'iv';

/** True when some version of the rule covers the day: used to pass over provisions that did not exist yet. */
export const inForce = (rule: AnyRule, asOf: LegalDate): boolean => rule.versions.some((v) => periodContains(v.period, asOf));


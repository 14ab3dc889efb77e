import { Evaluator, NotInForce, type LegalDate } from '../../../rules/core/index.js';
import { rosterForFilings } from '../../../rules/jaim-membership-faq/index.js';

// Which roster immigration filings rest on, on a date: the rules library decides and cites (jaim-membership-faq
// Q2-2-6 until 2025-12-25, Q2-2-7 from 2025-12-26). Memoised per date: the answer for a date never changes.

export type ValidRoster = { roster: 'council' | 'jaim'; citation: string; message: { ja: string; en: string } };

const cache = new Map<string, ValidRoster>();

/** undefined before the council existed (no rule in force that day). */
export const validRosterFor = (date: LegalDate): ValidRoster | undefined => {
  let hit = cache.get(date);
  if (!hit) {
    const ev = new Evaluator(date);
    try {
      ev.applyFull(rosterForFilings, {});
    } catch (error) {
      if (error instanceof NotInForce) return undefined;
      throw error;
    }
    const step = ev.applyFull(rosterForFilings, {}); // a second, cheap application, kept for the message
    hit = { roster: step.outcome as 'council' | 'jaim', citation: ev.steps[0]?.citation ?? '', message: step.message };
    if (cache.size > 10_000) cache.clear();
    cache.set(date, hit);
  }
  return hit;
};

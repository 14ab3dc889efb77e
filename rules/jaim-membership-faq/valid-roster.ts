import { z } from 'zod';
import { NEEDS_REVIEW, defineDetermination, msg } from '../core/index.js';
import { type EstablishmentRoster, type RosterStanding, establishmentRoster, rosterForFilings } from './q2-2.js';

// Which roster proves an establishment's membership for immigration filings on a date (M9): the council roster until
// 2025-12-25, JAIM's supporting-member roster from 2025-12-26 (Q2-2-6, Q2-2-7).

export const validRosterFactsSchema = z.object({ onCouncilRoster: z.boolean(), onJaimRoster: z.boolean() });

export const validRosterDetermination = defineDetermination<RosterStanding, EstablishmentRoster>({
  id: 'valid-roster',
  title: msg('在留諸申請に有効な名簿', 'Roster valid for immigration filings'),
  description: msg(
    '指定日に、事業所の在留諸申請の根拠となる名簿（協議会・JAIM・なし）を判定する。',
    'Decides which roster (council, JAIM or none) an establishment’s immigration filings can rest on, on a given date.',
  ),
  facts: validRosterFactsSchema,
  outcomes: ['council', 'jaim', 'none', NEEDS_REVIEW],
  rules: [rosterForFilings, establishmentRoster],
  example: { asOf: '2025-12-26', facts: { onCouncilRoster: true, onJaimRoster: true } },
  decide: (facts, ev) => {
    ev.apply(rosterForFilings, {});
    const r = ev.applyFull(establishmentRoster, facts);
    return { outcome: r.outcome, reasons: [r.message] };
  },
});

import { z } from 'zod';
import { NEEDS_REVIEW, defineDetermination, msg, type Message } from '../../core/index.js';
import {
  addOnMeasuresTaken,
  categoryVJoinPath,
  declarationAndPledgeGiven,
  joinNotificationComplete,
  refusalAfterJaimRegistration,
  refusalCategoryIvUnsuitable,
  refusalNotManufacturing,
  refusalRecentlyExpelled,
} from '../art-010.js';
import { inForce } from '../instrument.js';
import { legalDateFact, triState } from './facts.js';

const establishment = z.object({
  /** Free label for screens and traces. */
  name: z.string().optional(),
  addressGiven: z.boolean(),
  jsicCodes: z.array(z.string().regex(/^\d{2,4}$/, 'JSIC code of 2–4 digits')),
  /** From the eligible-industries instrument for these codes. */
  inManufacturingField: triState,
  shippedInLastYear: triState,
  addOnMeasuresTaken: z.boolean().default(false),
});

export const councilJoinFacts = z.object({
  category: z.enum(['iii', 'iv', 'v']),
  applicant: z.object({
    nameGiven: z.boolean(),
    addressGiven: z.boolean(),
    isCorporation: z.boolean(),
    representativeGiven: z.boolean(),
  }),
  establishments: z.array(establishment),
  formItemsComplete: z.boolean(),
  declarations: z.object({ nonDisqualification: z.boolean() }),
  pledge: z.boolean(),
  lastExpulsion: z.object({ date: legalDateFact, ground: z.enum(['i', 'ii', 'iii', 'iv']) }).nullable().default(null),
  notificationDate: legalDateFact,
  /** Category (v) only: registered under art.4(1) of the additional-standards notice. */
  registeredUnderKokujiArt4: z.boolean().default(false),
});

export type CouncilJoinFacts = z.output<typeof councilJoinFacts>;
export type CouncilJoinOutcome = 'accept' | 'refuse' | 'incomplete';

const ACCEPT_REASONS: readonly Message[] = [msg('入会届出は要件を満たしており、拒否事由はありません。', 'The join notification meets the requirements and no refusal ground applies.')];

export const councilJoinDetermination = defineDetermination<CouncilJoinFacts, CouncilJoinOutcome>({
  id: 'council-join',
  title: msg('協議・連絡会への入会の可否', 'Joining the council'),
  description: msg(
    '入会届出（第10条）を審査し、受理・拒否・不備・要判断のいずれかを示します。届出日に存在しなかった規定（上乗せ措置、第5号の登録後の拒否）は適用しません。',
    'Screens a join notification under art.10 and says accept, refuse, incomplete or needs review. Provisions not yet in force on the day (add-on measures, refusal after the category (v) registration) are not applied.',
  ),
  facts: councilJoinFacts,
  outcomes: ['accept', 'refuse', 'incomplete', NEEDS_REVIEW],
  rules: [
    joinNotificationComplete,
    declarationAndPledgeGiven,
    addOnMeasuresTaken,
    refusalNotManufacturing,
    refusalRecentlyExpelled,
    refusalAfterJaimRegistration,
    refusalCategoryIvUnsuitable,
    categoryVJoinPath,
  ],
  example: {
    asOf: '2025-06-01',
    facts: {
      category: 'iii',
      applicant: { nameGiven: true, addressGiven: true, isCorporation: true, representativeGiven: true },
      establishments: [
        { name: '本社工場', addressGiven: true, jsicCodes: ['2464'], inManufacturingField: true, shippedInLastYear: true },
        { name: '第二工場', addressGiven: true, jsicCodes: ['1511'], inManufacturingField: true, shippedInLastYear: true, addOnMeasuresTaken: true },
      ],
      formItemsComplete: true,
      declarations: { nonDisqualification: true },
      pledge: true,
      lastExpulsion: null,
      notificationDate: '2025-06-01',
    },
  },
  decide: (facts, e) => {
    if (facts.category === 'v') {
      const step = e.applyFull(categoryVJoinPath, { category: 'v', registeredUnderKokujiArt4: facts.registeredUnderKokujiArt4 });
      return { outcome: step.outcome === 'member-by-registration' ? 'accept' : 'incomplete', reasons: [step.message] };
    }
    // Categories (iii) and (iv) join by notification (art.10(1)).
    const f = facts as CouncilJoinFacts & { readonly category: 'iii' | 'iv' };
    const refusals: Message[] = [];
    const gaps: Message[] = [];
    const reviews: Message[] = [];
    const note = (o: { outcome: unknown; message: Message }, bad: unknown, list: Message[]): void => {
      if (o.outcome === NEEDS_REVIEW) reviews.push(o.message);
      else if (o.outcome === bad) list.push(o.message);
    };
    note(e.applyFull(joinNotificationComplete, f), 'incomplete', gaps);
    if (f.category === 'iii') {
      note(
        e.applyFull(declarationAndPledgeGiven, { category: 'iii', nonDisqualificationDeclared: f.declarations.nonDisqualification, pledgeGiven: f.pledge }),
        'missing',
        gaps,
      );
      if (inForce(addOnMeasuresTaken, e.asOf)) note(e.applyFull(addOnMeasuresTaken, f), 'not-taken', gaps);
      note(e.applyFull(refusalNotManufacturing, f), 'refuse', refusals);
      note(e.applyFull(refusalRecentlyExpelled, f), 'refuse', refusals);
      if (inForce(refusalAfterJaimRegistration, e.asOf)) note(e.applyFull(refusalAfterJaimRegistration, f), 'refuse', refusals);
    } else {
      note(e.applyFull(refusalCategoryIvUnsuitable, f), 'refuse', refusals);
    }
    if (refusals.length > 0) return { outcome: 'refuse', reasons: refusals };
    if (gaps.length > 0) return { outcome: 'incomplete', reasons: gaps };
    if (reviews.length > 0) return { outcome: NEEDS_REVIEW, reasons: reviews };
    return { outcome: 'accept', reasons: ACCEPT_REASONS };
  },
});

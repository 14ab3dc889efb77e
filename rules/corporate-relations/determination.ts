import { z } from 'zod';
import { type Evaluator, type Message, NEEDS_REVIEW, defineDetermination, msg } from '../core/index.js';
import { type CorporateRelationFacts, affiliateTest, subsidiaryTest } from './art-008.js';

export type CorporateRelation = 'same-entity' | 'subsidiary' | 'affiliate' | 'none';

/** Largest vote count accepted: keeps every exact integer comparison (votes × 10,000) below 2^53. */
export const MAX_VOTES = 100_000_000_000;

const votes = z.number().int().min(0).max(MAX_VOTES);

export const corporateRelationFactsSchema = z
  .object({
    sameEntity: z.boolean().default(false),
    totalVotes: z.number().int().min(1).max(MAX_VOTES),
    votesHeldByA: votes,
    votesHeldByCloseParties: votes.default(0),
    subsidiaryIndicators: z
      .object({
        boardMajority: z.boolean().default(false),
        controlContract: z.boolean().default(false),
        majorityFinancing: z.boolean().default(false),
        otherControlFacts: z.boolean().default(false),
      })
      .default({ boardMajority: false, controlContract: false, majorityFinancing: false, otherControlFacts: false }),
    affiliateIndicators: z
      .object({
        officerAsDirector: z.boolean().default(false),
        significantFinancing: z.boolean().default(false),
        significantTechnology: z.boolean().default(false),
        significantTransactions: z.boolean().default(false),
        otherInfluenceFacts: z.boolean().default(false),
      })
      .default({ officerAsDirector: false, significantFinancing: false, significantTechnology: false, significantTransactions: false, otherInfluenceFacts: false }),
    jointControlContract: z.boolean().default(false),
  })
  .refine((f) => f.votesHeldByA + f.votesHeldByCloseParties <= f.totalVotes, {
    message: 'votes held by A and close parties exceed the total votes',
    path: ['votesHeldByCloseParties'],
  }) satisfies z.ZodType<CorporateRelationFacts, unknown>;

/**
 * The relation of B to A, applying the tests in order: same legal person, subsidiary, affiliate. A subsidiary
 * needing review makes the whole answer needs_review (even when B is at least an affiliate: the reasons say so).
 */
export const decideCorporateRelation = (facts: CorporateRelationFacts, e: Evaluator): { outcome: CorporateRelation | typeof NEEDS_REVIEW; reasons?: Message[] } => {
  if (facts.sameEntity) {
    return {
      outcome: 'same-entity',
      reasons: [msg('AとBは同一の法人であり、子会社・関連会社の判定は要しません。', 'A and B are the same legal person; no subsidiary or affiliate test is needed.')],
    };
  }
  const sub = e.applyFull(subsidiaryTest, facts);
  if (sub.outcome === 'subsidiary') return { outcome: 'subsidiary', reasons: [sub.message] };
  const aff = e.applyFull(affiliateTest, facts);
  if (sub.outcome === NEEDS_REVIEW) {
    const extra =
      aff.outcome === 'affiliate'
        ? msg('なお、子会社に当たらない場合でも関連会社には当たります。', 'If B is not a subsidiary, it is at least an affiliate.')
        : aff.message;
    return { outcome: NEEDS_REVIEW, reasons: [sub.message, extra] };
  }
  if (aff.outcome === 'affiliate') return { outcome: 'affiliate', reasons: [aff.message] };
  if (aff.outcome === NEEDS_REVIEW) return { outcome: NEEDS_REVIEW, reasons: [aff.message] };
  return { outcome: 'none', reasons: [sub.message, aff.message] };
};

export const corporateRelationDetermination = defineDetermination<CorporateRelationFacts, CorporateRelation>({
  id: 'corporate-relation',
  title: msg('子会社・関連会社の判定', 'Subsidiary / affiliate determination'),
  description: msg(
    '議決権の所有割合と支配・影響を示す事実から、会社Bが会社Aと同一法人か、Aの子会社か、関連会社か、いずれでもないかを判定する（財務諸表等規則第8条の要約による）。',
    'From voting shares and the control/influence indicators, decides whether company B is the same legal person as A, A\'s subsidiary, A\'s affiliate or none (per a summary of the Financial Statements Regulation art.8).',
  ),
  facts: corporateRelationFactsSchema,
  outcomes: ['same-entity', 'subsidiary', 'affiliate', 'none', NEEDS_REVIEW],
  rules: [subsidiaryTest, affiliateTest],
  example: {
    asOf: '2025-10-01',
    facts: {
      totalVotes: 1_000_000,
      votesHeldByA: 450_000,
      votesHeldByCloseParties: 0,
      subsidiaryIndicators: { boardMajority: true },
    },
  },
  decide: decideCorporateRelation,
});

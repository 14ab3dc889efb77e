import { z } from 'zod';
import { NEEDS_REVIEW, defineDetermination, msg } from '../../core/index.js';
import { expulsionCategoryIv, expulsionGroundsCategoryIii, expulsionGroundsCategoryV } from '../art-014.js';
import { triState } from './facts.js';

export const councilExpulsionFacts = z.discriminatedUnion('category', [
  z.object({
    category: z.literal('iii'),
    disqualifiedUnderOrdinance: z.boolean(),
    breachedArt3Para1: z.boolean(),
    joinedByFraud: z.boolean(),
    establishmentsInField: z.array(triState),
  }),
  z.object({ category: z.literal('iv'), unsuitableConductReported: z.boolean() }),
  z.object({ category: z.literal('v'), kokujiArt10Applies: z.boolean(), breachedArt3Para3: z.boolean(), joinedByFraud: z.boolean() }),
]);

export type CouncilExpulsionFacts = z.output<typeof councilExpulsionFacts>;
/** Expulsion is discretionary ("may expel"): the determination finds grounds, the co-chairs decide. */
export type CouncilExpulsionOutcome = 'grounds_found' | 'no_grounds';

export const councilExpulsionDetermination = defineDetermination<CouncilExpulsionFacts, CouncilExpulsionOutcome>({
  id: 'council-expulsion',
  title: msg('構成員の除名事由', 'Grounds for expelling a member'),
  description: msg(
    '第14条の除名事由が区分ごとにあるかを示します。除名するかどうかは主宰者の裁量です。',
    'Says whether an art.14 ground for expulsion exists for the member’s category; whether to expel remains the co-chairs’ decision.',
  ),
  facts: councilExpulsionFacts,
  outcomes: ['grounds_found', 'no_grounds', NEEDS_REVIEW],
  rules: [expulsionGroundsCategoryIii, expulsionCategoryIv, expulsionGroundsCategoryV],
  example: {
    asOf: '2025-06-01',
    facts: { category: 'iii', disqualifiedUnderOrdinance: false, breachedArt3Para1: false, joinedByFraud: false, establishmentsInField: [false, false] },
  },
  decide: (f, e) => {
    const step =
      f.category === 'iii'
        ? e.applyFull(expulsionGroundsCategoryIii, f)
        : f.category === 'iv'
          ? e.applyFull(expulsionCategoryIv, f)
          : e.applyFull(expulsionGroundsCategoryV, f);
    const outcome = step.outcome === NEEDS_REVIEW ? NEEDS_REVIEW : step.outcome === 'grounds' ? 'grounds_found' : 'no_grounds';
    return { outcome, reasons: [step.message] };
  },
});

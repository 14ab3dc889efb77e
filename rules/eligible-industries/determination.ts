import { z } from 'zod';
import { type DeterminationDefinition, type Message, NEEDS_REVIEW, defineDetermination, msg } from '../core/index.js';
import { jsicCoverage, makeJsicCoverageRule } from './coverage.js';
import { SEEDED_LISTS } from './lists.js';
import type { EligibleIndustryList, Track } from './types.js';

export const jsicEligibilityFacts = z.object({
  /** The JSIC codes the establishment performs (each 2–4 digits). */
  jsicCodes: z.array(z.string().regex(/^\d{2,4}$/, '2〜4桁の数字 / 2–4 digits')).min(1),
  track: z.enum(['ssw1', 'ssw2']).default('ssw1'),
});
export type JsicEligibilityFacts = { readonly jsicCodes: readonly string[]; readonly track: Track };
export type JsicEligibility = 'eligible' | 'not_eligible';

export const makeJsicEligibilityDetermination = (lists: readonly EligibleIndustryList[]): DeterminationDefinition<JsicEligibilityFacts, JsicEligibility> => {
  const rule = lists === SEEDED_LISTS ? jsicCoverage : makeJsicCoverageRule(lists);
  return defineDetermination<JsicEligibilityFacts, JsicEligibility>({
    id: 'jsic-eligibility',
    title: msg('対象産業（日本標準産業分類）の該当性', 'Eligible industry (JSIC) check'),
    description: msg(
      '事業所が行う産業の分類番号ごとに、その日の対象産業一覧に該当するかを判定する。いずれかが対象外なら対象外、すべて対象なら対象、それ以外は確認が必要。',
      'Checks each JSIC code the establishment performs against the list in force on the date: any code not eligible makes the answer "not eligible", all eligible makes it "eligible", otherwise review.',
    ),
    facts: jsicEligibilityFacts as unknown as z.ZodType<JsicEligibilityFacts>,
    outcomes: ['eligible', 'not_eligible', NEEDS_REVIEW],
    rules: [rule],
    example: { asOf: '2025-10-01', facts: { jsicCodes: ['2464', '15'], track: 'ssw1' } },
    decide: (facts, evaluator) => {
      const no: Message[] = [];
      const review: Message[] = [];
      const yes: Message[] = [];
      for (const code of facts.jsicCodes) {
        const r = evaluator.applyFull(rule, { code, track: facts.track });
        (r.outcome === 'eligible' ? yes : r.outcome === 'not_eligible' ? no : review).push(r.message);
      }
      if (no.length > 0) return { outcome: 'not_eligible', reasons: no };
      if (review.length > 0) return { outcome: NEEDS_REVIEW, reasons: review };
      return { outcome: 'eligible', reasons: yes };
    },
  });
};

export const jsicEligibilityDetermination = makeJsicEligibilityDetermination(SEEDED_LISTS);

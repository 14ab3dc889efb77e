import { msg, type Message } from '../../../rules/core/index.js';
import type { CouncilExpulsionFacts } from '../../../rules/council-operating-rules/index.js';

// The grounds a proposal may cite, per member category (council art.14(1)–(3)).

export const CATEGORY_GROUNDS = {
  iii: ['i', 'ii', 'iii', 'iv'],
  iv: ['conduct'],
  v: ['i', 'ii', 'iii'],
} as const;
export type ExpulsionCategoryCode = keyof typeof CATEGORY_GROUNDS;
export const isCategory = (v: unknown): v is ExpulsionCategoryCode => v === 'iii' || v === 'iv' || v === 'v';

export const GROUND_LABELS: Readonly<Record<ExpulsionCategoryCode, Readonly<Record<string, Message>>>> = {
  iii: {
    i: msg('第14条第1項第1号: 基準省令第2条第1項第4号イ〜ヲ（欠格事由）に該当', 'Art.14(1)(i): disqualified under the SSW standards ordinance art.2(1)(iv)'),
    ii: msg('第14条第1項第2号: 第3条第1項の義務に違反', 'Art.14(1)(ii): breach of the duties in art.3(1)'),
    iii: msg('第14条第1項第3号: 不正の手段により構成員となった', 'Art.14(1)(iii): became a member by fraud'),
    iv: msg('第14条第1項第4号: 届け出た全事業所で製造業分野の産業を行わなくなった', 'Art.14(1)(iv): no notified establishment carries on a manufacturing-field industry'),
  },
  iv: { conduct: msg('第14条第2項: 目的に照らし著しく適当でない行為', 'Art.14(2): conduct grossly unsuitable given the council’s purpose') },
  v: {
    i: msg('第14条第3項第1号: 上乗せ告示第10条に該当', 'Art.14(3)(i): notice art.10 applies'),
    ii: msg('第14条第3項第2号: 第3条第3項に違反', 'Art.14(3)(ii): breach of art.3(3)'),
    iii: msg('第14条第3項第3号: 不正の手段により構成員となった', 'Art.14(3)(iii): became a member by fraud'),
  },
};

/** The facts of the council-expulsion determination for the grounds the proposer cites. */
export const factsFor = (category: ExpulsionCategoryCode, grounds: readonly string[], establishments: number): CouncilExpulsionFacts => {
  const has = (g: string) => grounds.includes(g);
  if (category === 'iii')
    return {
      category,
      disqualifiedUnderOrdinance: has('i'),
      breachedArt3Para1: has('ii'),
      joinedByFraud: has('iii'),
      establishmentsInField: has('iv') ? Array.from({ length: Math.max(1, establishments) }, () => false) : [true],
    };
  if (category === 'iv') return { category, unsuitableConductReported: has('conduct') };
  return { category, kokujiArt10Applies: has('i'), breachedArt3Para3: has('ii'), joinedByFraud: has('iii') };
};

/** Art.10(4)(ii): only expulsions of category (iii) members for grounds (i)–(iii) block re-joining for a year. */
export const blockingGround = (category: ExpulsionCategoryCode, grounds: readonly string[]): 'i' | 'ii' | 'iii' | null =>
  category === 'iii' ? ((['i', 'ii', 'iii'] as const).find((g) => grounds.includes(g)) ?? null) : null;

/** The paragraph an expulsion is made under (for the report-to-MOJ rule, art.14(4)). */
export const paragraphOf = (category: ExpulsionCategoryCode): '14(1)' | '14(2)' | '14(3)' => (category === 'iii' ? '14(1)' : category === 'iv' ? '14(2)' : '14(3)');

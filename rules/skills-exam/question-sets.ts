import { cite, defineRule, msg, period } from '../core/index.js';
import { type Level, MIN_QUESTION_SETS } from './params.js';

// Question development: the expert committee of each exam category writes at least six question sets (パターン)
// for each level (FY2025 specification (ア) for level (i), (イ) for level (ii)).

export type QuestionSetFacts = {
  readonly level: Level;
  readonly category: string;
  /** Question sets approved by the committee for the category and level (distinct set codes, any version). */
  readonly approvedSets: number;
};

export const questionSetSufficiency = defineRule<QuestionSetFacts, 'sufficient' | 'insufficient'>({
  id: 'skills-exam/question-sets/sufficiency',
  title: msg('問題パターン数の充足', 'Enough question sets per category'),
  versions: [
    {
      period: period('2025-04-01', '2026-04-01'),
      citation: cite('support-project-spec', '(ア)'),
      also: [cite('support-project-spec', '(イ)')],
      summary: msg(
        '令和7年度事業では、試験区分ごとの有識者委員会が学科・実技の問題を6パターン以上用意する。',
        'In the FY2025 project, each exam category’s expert committee prepares at least six sets of questions.',
      ),
      evaluate: ({ level, category, approvedSets }, ctx) => {
        const min = ctx.param(MIN_QUESTION_SETS);
        const used = { level, category, approvedSets, minimum: min };
        return approvedSets >= min
          ? { outcome: 'sufficient', message: msg(`問題パターンは${approvedSets}件で、${min}件以上あります。`, `${approvedSets} question sets: at least ${min}.`), used }
          : { outcome: 'insufficient', message: msg(`問題パターンは${approvedSets}件で、${min}件に足りません。`, `${approvedSets} question sets: fewer than the ${min} required.`), used };
      },
    },
  ],
});

import { cite, defineRule, msg } from '../core/index.js';
import { EXAM_PARTS, type Level, PASS_MARKS, type Part, SSW_START } from './params.js';

// Pass/fail per part (学科・実技) against the dated pass mark, and the overall result: every part of the level's exam
// must pass. The legal date (asOf) is the exam day: the marks in force that day apply even if scoring is later.

const PART_LABEL: Readonly<Record<Part, { ja: string; en: string }>> = { written: { ja: '学科', en: 'written' }, practical: { ja: '実技', en: 'practical' } };

export type PartFacts = {
  readonly level: Level;
  readonly part: Part;
  /** Scaled score out of 100 (floor of the exact value, so it never rounds up across a mark). */
  readonly score: number;
};

export const partResult = defineRule<PartFacts, 'pass' | 'fail'>({
  id: 'skills-exam/results/part',
  title: msg('科目ごとの合否', 'Pass or fail per part'),
  versions: [
    {
      period: SSW_START,
      citation: cite('exam-implementation-guidelines', 'pass-criteria', undefined, undefined, 'secondary'),
      summary: msg(
        '学科・実技の各科目は、100点換算の得点が号ごとに定められた合格基準以上であれば合格となる。',
        'Each part passes when its score out of 100 is at or above the pass mark set for the level.',
      ),
      evaluate: ({ level, part, score }, ctx) => {
        const mark = ctx.param(PASS_MARKS[level])[part];
        const label = PART_LABEL[part];
        const used = { level, part, score, passMark: mark };
        return score >= mark
          ? { outcome: 'pass', message: msg(`${label.ja}は${score}点で、合格基準${mark}点以上のため合格です。`, `The ${label.en} part scored ${score}, at or above the pass mark of ${mark}: pass.`), used }
          : { outcome: 'fail', message: msg(`${label.ja}は${score}点で、合格基準${mark}点に達しないため不合格です。`, `The ${label.en} part scored ${score}, below the pass mark of ${mark}: fail.`), used };
      },
    },
  ],
});

export type PartOutcomes = Readonly<Partial<Record<Part, 'pass' | 'fail'>>>;
export type OverallFacts = { readonly level: Level; readonly parts: PartOutcomes };

export const overallResult = defineRule<OverallFacts, 'pass' | 'fail' | 'incomplete'>({
  id: 'skills-exam/results/overall',
  title: msg('試験全体の合否', 'Overall exam result'),
  versions: [
    {
      period: SSW_START,
      citation: cite('exam-implementation-guidelines', 'pass-criteria', undefined, undefined, 'secondary'),
      also: [cite('support-project-spec', '(ウ)')],
      summary: msg(
        'その号の試験を構成するすべての科目に合格したときに試験に合格する。一つでも不合格なら不合格、採点されていない科目があれば判定しない。',
        'The exam is passed when every part of the level’s exam is passed; one failed part fails it, and a part not yet scored leaves it undecided.',
      ),
      evaluate: ({ level, parts }, ctx) => {
        const required = ctx.param(EXAM_PARTS)[level];
        const failed = required.filter((p) => parts[p] === 'fail');
        const missing = required.filter((p) => parts[p] === undefined);
        const used = { level, parts, required };
        const names = (ps: readonly Part[], lang: 'ja' | 'en') => ps.map((p) => PART_LABEL[p][lang]).join(lang === 'ja' ? '・' : ', ');
        if (required.length === 0) {
          return { outcome: 'incomplete', message: msg('この日にこの号の試験は定められていません。', 'No exam is defined for this level on this date.'), used };
        }
        if (failed.length > 0) {
          return { outcome: 'fail', message: msg(`${names(failed, 'ja')}が不合格のため、試験は不合格です。`, `Failed part(s): ${names(failed, 'en')}. The exam is failed.`), used };
        }
        if (missing.length > 0) {
          return { outcome: 'incomplete', message: msg(`${names(missing, 'ja')}の採点がないため、合否を判定できません。`, `No score for: ${names(missing, 'en')}. The result cannot be decided yet.`), used };
        }
        return { outcome: 'pass', message: msg(`${names(required, 'ja')}のすべてに合格したため、試験に合格です。`, `Every part passed (${names(required, 'en')}). The exam is passed.`), used };
      },
    },
  ],
});

import { z } from 'zod';
import { type LegalDate, NEEDS_REVIEW, defineDetermination, isLegalDate, msg } from '../core/index.js';
import { candidateEligibility, examCategoryOffered } from './eligibility.js';
import type { EligibilityReason } from './messages.js';
import { LEVELS, type Part } from './params.js';
import { type PartOutcomes, overallResult, partResult } from './results.js';

const legalDateFact = z.custom<LegalDate>((v) => isLegalDate(v), { message: 'YYYY-MM-DD の暦日 / a calendar date YYYY-MM-DD' });
const level = z.enum(LEVELS);
const score = z.number().min(0).max(100);

export const examEligibilityFacts = z.object({
  level,
  /** Exam category id (same ids as the business categories). */
  category: z.string().min(1),
  birthDate: legalDateFact,
  /** ISO 3166-1 alpha-2, upper case. */
  nationality: z.string().regex(/^[A-Z]{2}$/),
});
export type ExamEligibilityFacts = z.output<typeof examEligibilityFacts>;

/** asOf is the exam day: age and categories are judged on that day. Reasons carry vi/id in `messages`. */
export const examEligibilityDetermination = defineDetermination<ExamEligibilityFacts, EligibilityReason>({
  id: 'exam-eligibility',
  title: msg('技能試験の受験資格', 'Eligibility to sit the skills exam'),
  description: msg(
    '受験日を基準日として、試験区分がその号にあること、国籍、受験日の年齢を確認します。理由は日本語・英語・ベトナム語・インドネシア語で示します。',
    'Checks on the exam day that the category exists at the level, the nationality and the age on that day. Reasons come in Japanese, English, Vietnamese and Indonesian.',
  ),
  facts: examEligibilityFacts,
  outcomes: ['eligible', 'under_minimum_age', 'japanese_national', 'category_not_offered', NEEDS_REVIEW],
  rules: [examCategoryOffered, candidateEligibility],
  example: { asOf: '2026-02-15', facts: { level: 'i', category: 'kikai_kinzoku', birthDate: '2008-02-15', nationality: 'VN' } },
  decide: (f, e) => {
    const offered = e.applyFull(examCategoryOffered, f);
    if (offered.outcome !== 'offered') return { outcome: 'category_not_offered', reasons: [offered.message] };
    const candidate = e.applyFull(candidateEligibility, f);
    return { outcome: candidate.outcome, reasons: [candidate.message] };
  },
});

export const examResultFacts = z.object({
  level,
  /** Scaled scores out of 100 per part; a part not yet scored is left out. */
  scores: z.object({ written: score.optional(), practical: score.optional() }),
});
export type ExamResultFacts = z.output<typeof examResultFacts>;

const PART_ORDER: readonly Part[] = ['written', 'practical'];

/** asOf is the exam day: the pass marks in force that day apply. */
export const examResultDetermination = defineDetermination<ExamResultFacts, 'pass' | 'fail' | 'incomplete'>({
  id: 'exam-result',
  title: msg('技能試験の合否', 'Skills exam result'),
  description: msg(
    '受験日の合格基準で学科・実技の各科目の合否を判定し、すべての科目に合格したときに合格とします。',
    'Judges each part against the pass marks in force on the exam day; the exam is passed when every part is passed.',
  ),
  facts: examResultFacts,
  outcomes: ['pass', 'fail', 'incomplete', NEEDS_REVIEW],
  rules: [partResult, overallResult],
  example: { asOf: '2026-02-15', facts: { level: 'i', scores: { written: 72, practical: 58 } } },
  decide: (f, e) => {
    const parts: Partial<Record<Part, 'pass' | 'fail'>> = {};
    for (const part of PART_ORDER) {
      const s = f.scores[part];
      if (s === undefined) continue;
      const r = e.apply(partResult, { level: f.level, part, score: s });
      if (r === 'pass' || r === 'fail') parts[part] = r;
    }
    const outcomes: PartOutcomes = parts;
    const overall = e.applyFull(overallResult, { level: f.level, parts: outcomes });
    const partMessages = e.steps.filter((s) => s.ruleId === partResult.id).map((s) => s.message);
    return { outcome: overall.outcome, reasons: [overall.message, ...partMessages] };
  },
});

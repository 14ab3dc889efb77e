import { type LegalDate, ageOn, cite, defineRule, msg, period } from '../core/index.js';
import { type EligibilityReason, eligibilityMessages } from './messages.js';
import { EXAM_CATEGORIES, EXCLUDED_NATIONALITIES, type Level, MINIMUM_AGE, SSW_START } from './params.js';

// Who may sit the exam (受験資格): old enough on the exam day — 17, or a higher age for some nationalities — and not a
// Japanese national. The legal date (asOf) of these rules is the exam day.

export type CandidateFacts = {
  readonly birthDate: LegalDate;
  /** ISO 3166-1 alpha-2 code of the nationality on the passport presented, upper case. */
  readonly nationality: string;
};

export type CandidateEligibility = Extract<EligibilityReason, 'eligible' | 'under_minimum_age' | 'japanese_national'>;

export const candidateEligibility = defineRule<CandidateFacts, CandidateEligibility>({
  id: 'skills-exam/eligibility/candidate',
  title: msg('受験資格（年齢・国籍）', 'Who may sit the exam (age, nationality)'),
  versions: [
    {
      period: SSW_START,
      citation: cite('exam-implementation-guidelines', 'eligibility', undefined, undefined, 'secondary'),
      summary: msg(
        '日本国籍を持たず、受験日に所定の年齢（原則17歳、国籍により18歳）に達している人が受験できる。',
        'A candidate must not be a Japanese national and must have reached the set age on the exam day (17 in general, 18 for some nationalities).',
      ),
      evaluate: ({ birthDate, nationality }, ctx) => {
        const examDate = ctx.asOf;
        const excluded = ctx.param(EXCLUDED_NATIONALITIES);
        if (excluded.includes(nationality)) {
          return { outcome: 'japanese_national', message: eligibilityMessages('japanese_national', { examDate }), used: { nationality } };
        }
        const rule = ctx.param(MINIMUM_AGE);
        const minimumAge = rule.byNationality[nationality] ?? rule.general;
        const age = ageOn(birthDate, examDate);
        const used = { birthDate, nationality, ageOnExamDay: age, minimumAge };
        return age >= minimumAge
          ? { outcome: 'eligible', message: eligibilityMessages('eligible', { examDate, minimumAge }), used }
          : { outcome: 'under_minimum_age', message: eligibilityMessages('under_minimum_age', { examDate, minimumAge }), used };
      },
    },
  ],
});

export type CategoryFacts = { readonly level: Level; readonly category: string };

export const examCategoryOffered = defineRule<CategoryFacts, 'offered' | 'category_not_offered'>({
  id: 'skills-exam/eligibility/category-offered',
  title: msg('試験区分と号の組合せ', 'Exam category offered at the level'),
  versions: [
    {
      period: period('2022-08-01'),
      citation: cite('exam-implementation-guidelines', 'categories', undefined, undefined, 'secondary'),
      also: [cite('support-project-spec', '(ア)'), cite('support-project-spec', '(イ)')],
      summary: msg(
        '試験は経済産業省が指定する試験区分ごとに行われ、2号は3区分に限られる。受験日にその号の区分として存在しない区分は申し込めない。',
        'Exams are held per exam category designated by METI; level (ii) has three categories. A category that does not exist at the level on the exam day cannot be applied for.',
      ),
      evaluate: ({ level, category }, ctx) => {
        const found = ctx.param(EXAM_CATEGORIES).find((c) => c.id === category);
        const offered = found !== undefined && found.levels.includes(level);
        const detail = { examDate: ctx.asOf, level, category: found ? found.name.ja : category };
        return offered
          ? { outcome: 'offered', message: msg(`${found.name.ja}区分の試験があります。`, `The ${found.name.en} category is examined at this level.`), used: { level, category } }
          : { outcome: 'category_not_offered', message: eligibilityMessages('category_not_offered', detail), used: { level, category } };
      },
    },
  ],
});

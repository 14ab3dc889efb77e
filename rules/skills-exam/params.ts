import { type Citation, type LegalDate, type Parameter, cite, defineParameter, legalDate, msg, period } from '../core/index.js';

// Dated reference data of the manufacturing skills exams (製造分野特定技能評価試験), domain-data §4.4 and §2.
// We do not hold the exam implementation guidelines (実施要領) themselves: every value taken from them comes from a
// secondary copy and is marked so. Revisions of the guidelines we know of: 2019-12, 2020-04, 2023-05, 2023-10, 2024-06;
// their wording is not held, so a value is in force from the earliest day we can vouch for.

export const LEVELS = ['i', 'ii'] as const;
/** 特定技能1号 ('i') and 2号 ('ii'). */
export type Level = (typeof LEVELS)[number];
export const PARTS = ['written', 'practical'] as const;
/** 学科 ('written') and 実技 ('practical'). */
export type Part = (typeof PARTS)[number];

const GUIDELINES = (article: string): Citation => cite('exam-implementation-guidelines', article, undefined, undefined, 'secondary');

/** The SSW system took effect on 2019-04-01: the first day any exam rule can apply. */
export const SSW_START = period('2019-04-01');
/**
 * SSW (ii) became available in the manufacturing field with the 2023 extension of (ii) to eleven fields. The day
 * (2023-08-31, the amended ordinance's effective day) is from general knowledge, not from domain-data: uncertain.
 */
export const LEVEL_II_FROM = legalDate('2023-08-31');

export type PassMarks = Readonly<Record<Part, number>>;

/** Pass marks out of 100 (a scaled score): a part passes when the score is at or above the mark. */
export const PASS_MARKS_LEVEL_I: Parameter<PassMarks> = defineParameter({
  id: 'skills-exam/pass-marks-level-i',
  description: msg('1号評価試験の合格基準（100点換算）', 'Pass marks of the level (i) exam (out of 100)'),
  unit: 'points',
  values: [
    {
      period: SSW_START,
      value: { written: 65, practical: 60 },
      citation: GUIDELINES('pass-criteria'),
      status: 'secondary',
      note: 'domain-data §4.4: 学科65点以上・実技60点以上（法務省掲載の令和3年度実施状況報告の写しによる）。溶接の実技はJIS Z 3801/3841で判定。開始日は制度施行日（推定）。',
    },
  ],
});

export const PASS_MARKS_LEVEL_II: Parameter<PassMarks> = defineParameter({
  id: 'skills-exam/pass-marks-level-ii',
  description: msg('2号評価試験の合格基準（正答率）', 'Pass marks of the level (ii) exam (percentage correct)'),
  unit: 'percent',
  values: [
    {
      period: period(LEVEL_II_FROM),
      value: { written: 60, practical: 60 },
      citation: GUIDELINES('pass-criteria'),
      status: 'secondary',
      note: 'domain-data §4.4: 正答率60%以上（visaoffice.jp、二次情報）。一つの数値しか示されていないため、各科目に同じ基準を当てる（推定）。開始日2023-08-31は未確認。',
    },
  ],
});

export const PASS_MARKS: Readonly<Record<Level, Parameter<PassMarks>>> = { i: PASS_MARKS_LEVEL_I, ii: PASS_MARKS_LEVEL_II };

/** Which parts make up the exam of each level; a candidate passes when every one of them passes. */
export const EXAM_PARTS: Parameter<Readonly<Record<Level, readonly Part[]>>> = defineParameter({
  id: 'skills-exam/exam-parts',
  description: msg('試験の構成（学科・実技）', 'Parts of the exam (written, practical)'),
  unit: 'list',
  values: [
    {
      period: period('2019-04-01', LEVEL_II_FROM),
      value: { i: ['written', 'practical'], ii: [] },
      citation: cite('support-project-spec', '(ア)', undefined, undefined, 'secondary'),
      status: 'secondary',
      note: '1号は学科と実技（仕様(ア)、domain-data §4.4）。2号試験はまだない。',
    },
    {
      period: period(LEVEL_II_FROM),
      value: { i: ['written', 'practical'], ii: ['practical'] },
      citation: cite('support-project-spec', '(イ)', undefined, undefined, 'inferred'),
      status: 'inferred',
      note: '仕様(イ)は2号について実技試験の問題作成のみを求めるため、2号は実技のみと推定。学科がある場合は運用者が更新する。',
    },
  ],
});

/** Minimum age on the exam day, with nationality-specific exceptions (ISO 3166-1 alpha-2). */
export type MinimumAge = { readonly general: number; readonly byNationality: Readonly<Record<string, number>> };

export const MINIMUM_AGE: Parameter<MinimumAge> = defineParameter({
  id: 'skills-exam/minimum-age',
  description: msg('受験日時点の最低年齢（国籍別の例外を含む）', 'Minimum age on the exam day (with nationality exceptions)'),
  unit: 'years',
  values: [
    {
      period: SSW_START,
      value: { general: 17, byNationality: { ID: 18 } },
      citation: GUIDELINES('eligibility'),
      status: 'secondary',
      note: 'domain-data §4.4: 受験日に17歳以上（インドネシア国籍は18歳以上）。SSW試験一覧の写し（194.91.2.45）による。開始日は推定。',
    },
  ],
});

/** Nationalities that may not sit the exam (Japanese nationals have no need of an SSW status). */
export const EXCLUDED_NATIONALITIES: Parameter<readonly string[]> = defineParameter({
  id: 'skills-exam/excluded-nationalities',
  description: msg('受験できない国籍', 'Nationalities that may not sit the exam'),
  unit: 'list',
  values: [{ period: SSW_START, value: ['JP'], citation: GUIDELINES('eligibility'), status: 'secondary', note: 'domain-data §4.4: 日本国籍を有する者は対象外。' }],
});

export type ExamCategory = {
  /** Same ids as the business categories of eligible-industries. */
  readonly id: string;
  readonly name: { readonly ja: string; readonly en: string };
  readonly levels: readonly Level[];
  /** First day the business category exists. */
  readonly since: LegalDate;
  /** How sure we are that exams for the category could be taken from `since`. */
  readonly sinceStatus: 'secondary' | 'uncertain';
  readonly note?: string;
};

const cat = (id: string, ja: string, en: string, levels: readonly Level[], since: string, sinceStatus: ExamCategory['sinceStatus'], note?: string): ExamCategory => ({
  id,
  name: { ja, en },
  levels,
  since: legalDate(since),
  sinceStatus,
  ...(note ? { note } : {}),
});

const UNCERTAIN_START = '2024-03-29の閣議決定で追加。この区分の試験が実際に始まった日は不明（未確認）。';
const consolidated = (levels: readonly Level[]): ExamCategory[] => [
  cat('kikai_kinzoku', '機械金属加工', 'Machining and metalworking', levels, '2022-08-01', 'uncertain', '2022年8月の区分統合（日付は月まで）。'),
  cat('denki_denshi', '電気電子機器組立て', 'Electrical and electronic equipment assembly', levels, '2022-08-01', 'uncertain', '2022年8月の区分統合（日付は月まで）。'),
  cat('kinzoku_hyomen', '金属表面処理', 'Metal surface treatment', levels, '2022-08-01', 'uncertain', '2022年8月の区分統合（日付は月まで）。'),
];
const ADDED_2024: readonly ExamCategory[] = [
  cat('shiki_danboru', '紙器・段ボール箱製造', 'Paper containers and corrugated boxes', ['i'], '2024-03-29', 'uncertain', UNCERTAIN_START),
  cat('concrete', 'コンクリート製品製造', 'Concrete products', ['i'], '2024-03-29', 'uncertain', UNCERTAIN_START),
  cat('rpf', 'RPF製造', 'RPF (refuse paper and plastic fuel)', ['i'], '2024-03-29', 'uncertain', UNCERTAIN_START),
  cat('toujiki', '陶磁器製品製造', 'Ceramic products', ['i'], '2024-03-29', 'uncertain', UNCERTAIN_START),
  cat('insatsu_seihon', '印刷・製本', 'Printing and bookbinding', ['i'], '2024-03-29', 'uncertain', UNCERTAIN_START),
  cat('boshoku', '紡織製品製造', 'Textile products', ['i'], '2024-03-29', 'uncertain', UNCERTAIN_START),
  cat('housei', '縫製', 'Sewing', ['i'], '2024-03-29', 'uncertain', UNCERTAIN_START),
];

/** Exam categories (one per business category since the 2022 consolidation). Before 2022-08-01: not modelled. */
export const EXAM_CATEGORIES: Parameter<readonly ExamCategory[]> = defineParameter({
  id: 'skills-exam/exam-categories',
  description: msg('試験区分（業務区分ごと）と対象の号', 'Exam categories (one per business category) and their levels'),
  unit: 'list',
  values: [
    {
      period: period('2022-08-01', LEVEL_II_FROM),
      value: consolidated(['i']),
      citation: GUIDELINES('categories'),
      status: 'uncertain',
      note: '3区分（domain-data §2.1）。2022年8月の統合日は月までしか分からない。',
    },
    {
      period: period(LEVEL_II_FROM, '2024-03-29'),
      value: consolidated(['i', 'ii']),
      citation: GUIDELINES('categories'),
      status: 'uncertain',
      note: '2号3区分（domain-data §2.2）。2号の開始日2023-08-31は未確認。',
    },
    {
      period: period('2024-03-29'),
      value: [...consolidated(['i', 'ii']), ...ADDED_2024],
      citation: GUIDELINES('categories'),
      status: 'uncertain',
      note: '1号10区分・2号3区分（domain-data §2.1, §2.2）。追加7区分の試験開始日は不明。',
    },
  ],
});

/** Minimum number of question sets (問題パターン) per exam category and level (FY2025 project specification). */
export const MIN_QUESTION_SETS: Parameter<number> = defineParameter({
  id: 'skills-exam/min-question-sets',
  description: msg('試験区分ごとに作成する問題パターンの最低数', 'Minimum question sets per exam category'),
  unit: 'count',
  values: [
    {
      period: period('2025-04-01', '2026-04-01'),
      value: 6,
      citation: cite('support-project-spec', '(ア)'),
      status: 'official',
      note: '令和7年度仕様(ア)(イ)：試験区分ごとに6パターン以上。翌年度の仕様は保有していない。',
    },
  ],
});

export const EXAM_PARAMETERS = [PASS_MARKS_LEVEL_I, PASS_MARKS_LEVEL_II, EXAM_PARTS, MINIMUM_AGE, EXCLUDED_NATIONALITIES, EXAM_CATEGORIES, MIN_QUESTION_SETS] as const;

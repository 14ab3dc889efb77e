import { defineInstrument, msg } from '../core/index.js';
import { examEligibilityDetermination, examResultDetermination } from './determinations.js';
import { candidateEligibility, examCategoryOffered } from './eligibility.js';
import { EXAM_PARAMETERS } from './params.js';
import { questionSetSufficiency } from './question-sets.js';
import { overallResult, partResult } from './results.js';

export * from './params.js';
export * from './messages.js';
export * from './eligibility.js';
export * from './results.js';
export * from './question-sets.js';
export * from './determinations.js';

export const instrument = defineInstrument({
  id: 'skills-exam',
  documents: ['exam-implementation-guidelines', 'support-project-spec'],
  title: msg('製造分野特定技能評価試験', 'Manufacturing skills exams (SSW i and ii)'),
  notFormalised: [
    msg(
      '試験実施要領そのものは保有していない。合格基準・受験資格・試験区分は二次情報（domain-data §4.4, §2）により、開始日は推定を含む。',
      'We do not hold the exam implementation guidelines: pass marks, eligibility and categories come from secondary sources (domain-data §4.4, §2), and their start dates are partly inferred.',
    ),
    msg(
      '2022年8月以前の19試験区分は扱わない。2024-03-29に追加された7区分の試験開始日は不明。2号の開始日（2023-08-31）は未確認。',
      'The 19 exam categories before August 2022 are not modelled. When exams for the seven categories added on 2024-03-29 began is unknown; the level (ii) start (2023-08-31) is unverified.',
    ),
    msg(
      '溶接の実技はJIS Z 3801/3841の基準で判定されるため、点数による判定の対象外。',
      'The welding practical is judged by JIS Z 3801/3841, not by a score; it is not formalised here.',
    ),
    msg(
      '2号の受験要件（ビジネス・キャリア検定3級、日本での3年以上の実務経験）は在留資格の要件で、この試験の受験資格としては扱わない。',
      'The level (ii) routes (Business Career test grade 3, three years of shop-floor experience in Japan) are status requirements, not exam eligibility, and are not modelled here.',
    ),
    msg(
      '日本国籍との重国籍者は、提示された旅券の国籍で判断し、重国籍の確認は人が行う。問題パターン数の要件は令和7年度仕様のみ保有。',
      'Dual nationals with Japanese nationality are judged by the passport presented; checking dual nationality is left to staff. The question-set minimum is held only for FY2025.',
    ),
  ],
  rules: [examCategoryOffered, candidateEligibility, partResult, overallResult, questionSetSufficiency],
  parameters: [...EXAM_PARAMETERS],
  determinations: [examEligibilityDetermination, examResultDetermination],
});

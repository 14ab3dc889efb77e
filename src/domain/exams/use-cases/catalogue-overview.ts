import { legalDate } from '../../../../rules/core/index.js';
import { questionSetSufficiency } from '../../../../rules/skills-exam/index.js';
import { countApprovedSetsByCategory, listExamCategories, type ExamCategoryRow } from '../../../persistence/repositories/exam-catalogue.repository.js';
import { authorize } from '../../access/policies.js';
import { applyRuleOrLatest } from './rule-helpers.js';
import { todayOf, type ExamContext } from './context.js';

export type CategoryOverview = ExamCategoryRow & {
  approvedSets: number;
  /** The FY's "≥ 6 approved question sets per category and level" rule, or null where no version of the rule is in force. */
  sufficiency: { outcome: string; message: { ja: string; en: string }; asOf: string; latest: boolean } | null;
  current: boolean;
};

/** Categories with their approved question sets checked against the minimum of the rules (as of today). */
export const catalogueOverview = async (ctx: ExamContext): Promise<CategoryOverview[]> => {
  authorize(ctx.actor, 'exam_catalogue.read');
  const today = todayOf(ctx);
  const [categories, counts] = await Promise.all([listExamCategories(ctx.db), countApprovedSetsByCategory(ctx.db)]);
  return categories.map((c) => {
    const approvedSets = counts.get(c.id) ?? 0;
    const sufficiency = applyRuleOrLatest(questionSetSufficiency, { level: c.level, category: c.code, approvedSets }, legalDate(today));
    return { ...c, approvedSets, sufficiency, current: c.effectiveFrom <= today && (c.effectiveTo === null || today < c.effectiveTo) };
  });
};

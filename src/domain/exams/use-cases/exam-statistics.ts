import { legalDate } from '../../../../rules/core/index.js';
import { authorize } from '../../access/policies.js';
import { listReleasedResultsForStatistics } from '../../../persistence/repositories/exam-statistics.repository.js';
import { aggregate, DIMENSIONS, renderStatisticsCsv, type Dimension, type GroupStats, type ResultRow } from '../statistics.js';
import type { UseCaseContext } from '../../accounts/context.js';

// Pass rates and score distributions of released results, by one dimension (or overall), for the staff dashboard and
// the CSV download. Groups under SUPPRESS_BELOW candidates keep their count but hide rates and distributions.

export const SUPPRESS_BELOW = 3;

export type StatisticsView = { by: Dimension; groups: GroupStats[]; overall: GroupStats | null; categoryNames: Record<string, { ja: string; en: string }> };

const dimensionOf = (value: unknown): Dimension => (DIMENSIONS as readonly string[]).includes(String(value)) ? (value as Dimension) : 'category';

const load = async (ctx: UseCaseContext) => {
  const source = await listReleasedResultsForStatistics(ctx.db);
  const rows: ResultRow[] = source.map((r) => ({
    category: r.category, level: r.level, country: r.country, region: r.region, gender: r.gender, birthDate: legalDate(r.birthDate), examDate: legalDate(r.examDate),
    experienceMonths: r.experienceMonths, passed: r.passed,
    scores: { ...(r.written === null ? {} : { written: r.written }), ...(r.practical === null ? {} : { practical: r.practical }) },
  }));
  const categoryNames = Object.fromEntries(source.map((r) => [r.category, { ja: r.categoryNameJa, en: r.categoryNameEn }]));
  return { rows, categoryNames };
};

export const examStatistics = async (ctx: UseCaseContext, raw: { by?: unknown }): Promise<StatisticsView> => {
  authorize(ctx.actor, 'exam_statistics.read');
  const by = dimensionOf(raw.by);
  const { rows, categoryNames } = await load(ctx);
  return { by, groups: aggregate(rows, [by], { suppressBelow: SUPPRESS_BELOW }), overall: aggregate(rows, [], { suppressBelow: SUPPRESS_BELOW })[0] ?? null, categoryNames };
};

export const examStatisticsCsv = async (ctx: UseCaseContext, raw: { by?: unknown }): Promise<string> => {
  authorize(ctx.actor, 'exam_statistics.read');
  const by = dimensionOf(raw.by);
  const { rows } = await load(ctx);
  return renderStatisticsCsv(aggregate(rows, [by], { suppressBelow: SUPPRESS_BELOW }), [by]);
};

import { findRenewalCycle, type RenewalCycleRow } from '../../persistence/repositories/renewals.repository.js';
import { countWageReportFiles, findWageReportView, listWageReportFiles, listWageReportsOfCycle, type WageEvidenceFile, type WageReportView } from '../../persistence/repositories/wage-reports.repository.js';
import { authorize } from '../access/policies.js';
import { NotFound } from '../errors.js';
import type { RenewalContext } from './context.js';

export const WAGE_REVIEW_FILTERS = ['needs_review', 'adequate', 'inadequate', 'all'] as const;
export type WageReviewFilter = (typeof WAGE_REVIEW_FILTERS)[number];

/** Staff: the wage-increase reports of a renewal cycle, filtered by adequacy (the queue is needs_review). */
export const listWageReportsForReview = async (
  ctx: RenewalContext,
  cycleId: string,
  filter: WageReviewFilter,
): Promise<{ cycle: RenewalCycleRow; reports: (WageReportView & { fileCount: number })[]; counts: Record<WageReviewFilter, number> }> => {
  authorize(ctx.actor, 'renewal.manage');
  const cycle = await findRenewalCycle(ctx.db, cycleId);
  if (!cycle) throw new NotFound('renewal_cycle');
  const all = await listWageReportsOfCycle(ctx.db, cycleId);
  const counts: Record<WageReviewFilter, number> = { needs_review: 0, adequate: 0, inadequate: 0, all: all.length };
  for (const r of all) counts[r.adequacy] += 1;
  const shown = filter === 'all' ? all : all.filter((r) => r.adequacy === filter);
  const files = await countWageReportFiles(ctx.db, shown.map((r) => r.id));
  return { cycle, reports: shown.map((r) => ({ ...r, fileCount: files.get(r.id) ?? 0 })), counts };
};

/** Staff: one report with its evidence files, for review. */
export const getWageReportForReview = async (ctx: RenewalContext, id: string): Promise<{ report: WageReportView; files: WageEvidenceFile[] }> => {
  authorize(ctx.actor, 'renewal.manage');
  const report = await findWageReportView(ctx.db, id);
  if (!report) throw new NotFound('wage_report');
  return { report, files: await listWageReportFiles(ctx.db, id) };
};

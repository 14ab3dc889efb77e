import { authorize } from '../access/policies.js';
import { NotFound } from '../errors.js';
import { findViolationReport, listAgencyReports, listViolationReports } from '../../persistence/repositories/violation-reports.repository.js';
import type { LifecycleContext } from '../membership-changes/lifecycle-common.js';

/** Violation records are seen only by named information handlers (support-project-spec 4①). */
export const listViolations = async (ctx: LifecycleContext) => {
  authorize(ctx.actor, 'violation_report.read');
  return listViolationReports(ctx.db);
};

export const getViolationReport = async (ctx: LifecycleContext, id: string) => {
  authorize(ctx.actor, 'violation_report.read');
  const report = await findViolationReport(ctx.db, id);
  if (!report) throw new NotFound('violation_report');
  return { report, agencyReports: await listAgencyReports(ctx.db, id) };
};

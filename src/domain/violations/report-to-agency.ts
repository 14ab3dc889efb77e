import { authorize } from '../access/policies.js';
import { actorUserId } from '../access/actor.js';
import { auditMeta } from '../accounts/context.js';
import { NotFound, type FieldProblem } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findViolationReport, insertAgencyReport, updateViolationReportGuarded } from '../../persistence/repositories/violation-reports.repository.js';
import { concurrentChange, dateField, fieldProblem, optionalText, textField, throwIfProblems, todayOf, type LifecycleContext } from '../membership-changes/lifecycle-common.js';
import { violationTransition } from './violation-report.states.js';

export const AGENCIES = ['moj', 'mhlw', 'npa', 'mofa'] as const;
type Agency = (typeof AGENCIES)[number];

/** Records that the violation was passed to an agency concerned (art.15 / art.2(1)(ii)): which, when, the reference. */
export const reportViolationToAgency = async (ctx: LifecycleContext, id: string, input: Record<string, unknown> & { lockVersion: number }): Promise<void> => {
  authorize(ctx.actor, 'violation_report.record');
  const problems: FieldProblem[] = [];
  const agency = (AGENCIES as readonly string[]).includes(String(input.agency)) ? (input.agency as Agency) : undefined;
  if (!agency) problems.push(fieldProblem('agency', '報告先の機関を選んでください', 'Select the agency'));
  const reportedOn = dateField(input.reportedOn, 'reportedOn', problems, { ja: '報告日', en: 'date of the report' });
  if (reportedOn && reportedOn > todayOf(ctx)) problems.push(fieldProblem('reportedOn', '報告日は今日以前の日付を入力してください', 'The report date cannot be in the future'));
  const reference = textField(input.reference, 'reference', problems, { ja: '文書番号・照会番号', en: 'reference' }, 200);
  throwIfProblems(problems);
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = await findViolationReport(tx, id);
    if (!before) throw new NotFound('violation_report');
    if (before.lockVersion !== input.lockVersion) throw concurrentChange('violation report');
    const status = violationTransition(before.status, 'inform_agency');
    if (!(await updateViolationReportGuarded(tx, id, input.lockVersion, { status }))) throw concurrentChange('violation report');
    const row = await insertAgencyReport(tx, { violationReportId: id, agency: agency!, reportedOn: reportedOn!, reference: reference!, note: optionalText(input.note, 2000), reportedBy: actorUserId(ctx.actor)!, createdAt: at });
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'violation_report.agency_informed', target: { type: 'violation_report', id }, summary: { before: { status: before.status }, after: { status, agency, reportedOn, reference, agencyReportId: row.id } } });
  });
};

/** Closes the record (nothing more to pass on). */
export const closeViolationReport = async (ctx: LifecycleContext, id: string, lockVersion: number): Promise<void> => {
  authorize(ctx.actor, 'violation_report.record');
  await ctx.db.transaction(async (tx) => {
    const before = await findViolationReport(tx, id);
    if (!before) throw new NotFound('violation_report');
    if (before.lockVersion !== lockVersion) throw concurrentChange('violation report');
    const status = violationTransition(before.status, 'close');
    if (!(await updateViolationReportGuarded(tx, id, lockVersion, { status, closedAt: ctx.clock.now(), closedBy: actorUserId(ctx.actor) ?? null }))) throw concurrentChange('violation report');
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'violation_report.closed', target: { type: 'violation_report', id }, summary: { before: { status: before.status }, after: { status } } });
  });
};

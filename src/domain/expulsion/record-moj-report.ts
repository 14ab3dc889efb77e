import { authorize } from '../access/policies.js';
import { actorUserId } from '../access/actor.js';
import { auditMeta } from '../accounts/context.js';
import { Conflict, NotFound, type FieldProblem } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findExpulsion, updateExpulsionGuarded } from '../../persistence/repositories/expulsions.repository.js';
import { concurrentChange, dateField, fieldProblem, textField, throwIfProblems, todayOf, type LifecycleContext } from '../membership-changes/lifecycle-common.js';

/** Records the report of an expulsion to the Ministry of Justice (art.14(4)): the date and the reference. */
export const recordMojReport = async (ctx: LifecycleContext, id: string, input: { lockVersion: number; reportedOn?: unknown; reference?: unknown }): Promise<void> => {
  authorize(ctx.actor, 'expulsion.approve');
  const problems: FieldProblem[] = [];
  const reportedOn = dateField(input.reportedOn, 'reportedOn', problems, { ja: '報告日', en: 'date of the report' });
  if (reportedOn && reportedOn > todayOf(ctx)) problems.push(fieldProblem('reportedOn', '報告日は今日以前の日付を入力してください', 'The report date cannot be in the future'));
  const reference = textField(input.reference, 'reference', problems, { ja: '報告の文書番号・照会番号', en: 'reference of the report' }, 200);
  throwIfProblems(problems);
  await ctx.db.transaction(async (tx) => {
    const before = await findExpulsion(tx, id);
    if (!before) throw new NotFound('expulsion');
    if (before.lockVersion !== input.lockVersion) throw concurrentChange('expulsion');
    if (before.status !== 'approved' || before.mojReportNecessary !== true || before.mojReportedOn)
      throw new Conflict('no report due', { ja: 'この除名には記録すべき法務省への報告がありません。', en: 'There is no report to the Ministry of Justice to record for this expulsion.' });
    if (reportedOn! < before.expelledOn!) throw new Conflict('report before expulsion', { ja: '報告日が除名日より前です。', en: 'The report date is before the expulsion.' });
    if (!(await updateExpulsionGuarded(tx, id, input.lockVersion, { mojReportedOn: reportedOn!, mojReference: reference!, mojRecordedBy: actorUserId(ctx.actor) ?? null })))
      throw concurrentChange('expulsion');
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'expulsion.moj_reported', target: { type: 'expulsion', id }, summary: { after: { reportedOn, reference } } });
  });
};

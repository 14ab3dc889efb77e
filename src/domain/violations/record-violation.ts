import { randomUUID } from 'node:crypto';
import { reportViolationToAgencies } from '../../../rules/council-operating-rules/index.js';
import { authorize } from '../access/policies.js';
import { actorUserId } from '../access/actor.js';
import { auditMeta } from '../accounts/context.js';
import { type FieldProblem } from '../errors.js';
import { claimOrFindFirst, idempotencyKeyOf } from '../idempotency/idempotency.js';
import { normaliseCorporateNumberInput } from '../membership/corporate-number.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { listEstablishmentsOf } from '../../persistence/repositories/establishments.repository.js';
import { findOrganisationByCorporateNumber } from '../../persistence/repositories/organisations.repository.js';
import { insertViolationReport } from '../../persistence/repositories/violation-reports.repository.js';
import { dateField, evaluateRules, fieldProblem, optionalText, textField, throwIfProblems, todayOf, type LifecycleContext } from '../membership-changes/lifecycle-common.js';
import { initialViolationState } from './violation-report.states.js';

export const VIOLATION_SOURCES = ['report', 'document_request', 'site_visit', 'consultation', 'other'] as const;
type Source = (typeof VIOLATION_SOURCES)[number];

/**
 * Staff record a suspected violation (council art.15: learned in reports, document requests, site visits or other
 * work). The art.15 determination (inform the agencies concerned) is stored with it. With the form's idempotency key,
 * a double submit or a retry returns the first record (`duplicate`) instead of recording the violation twice.
 */
export const recordViolation = async (ctx: LifecycleContext, input: Record<string, unknown>, idempotencyKey?: string): Promise<{ id: string; duplicate: boolean }> => {
  authorize(ctx.actor, 'violation_report.record');
  const recordedBy = actorUserId(ctx.actor);
  if (!recordedBy) throw new Error('violations are recorded by a person');
  const problems: FieldProblem[] = [];
  const subjectName = textField(input.subjectName, 'subjectName', problems, { ja: '事業所名', en: 'establishment name' }, 200);
  const facts = textField(input.facts, 'facts', problems, { ja: '事実の概要', en: 'facts' }, 8000);
  const source = (VIOLATION_SOURCES as readonly string[]).includes(String(input.source)) ? (input.source as Source) : undefined;
  if (!source) problems.push(fieldProblem('source', '把握した経緯を選んでください', 'Select how this came to light'));
  const observedOn = dateField(input.observedOn, 'observedOn', problems, { ja: '把握した日', en: 'date it came to light' });
  if (observedOn && observedOn > todayOf(ctx)) problems.push(fieldProblem('observedOn', '把握した日は今日以前の日付を入力してください', 'The date cannot be in the future'));
  const cnRaw = normaliseCorporateNumberInput(typeof input.corporateNumber === 'string' ? input.corporateNumber : '');
  let organisationId: string | null = null;
  let establishmentId: string | null = null;
  if (cnRaw) {
    const org = /^[0-9]{13}$/.test(cnRaw) ? await findOrganisationByCorporateNumber(ctx.db, cnRaw) : undefined;
    if (!org) problems.push(fieldProblem('corporateNumber', '登録されている法人番号（13桁）を入力するか、空欄にしてください', 'Enter a registered 13-digit corporate number, or leave it blank'));
    else {
      organisationId = org.id;
      establishmentId = (await listEstablishmentsOf(ctx.db, org.id)).find((e) => e.name === subjectName)?.id ?? null;
    }
  }
  throwIfProblems(problems);
  const today = todayOf(ctx);
  const determination = evaluateRules('council-violation-report', today, (e) => {
    const r = e.applyFull(reportViolationToAgencies, { violationFound: true });
    return { outcome: r.outcome, reasons: [r.message] };
  });
  const at = ctx.clock.now();
  const key = idempotencyKeyOf(idempotencyKey);
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const firstId = key ? await claimOrFindFirst(tx, { scope: `violation_report:${recordedBy}`, key, userId: recordedBy, resourceType: 'violation_report', resourceId: id, at }) : null;
    if (firstId) return { id: firstId, duplicate: true };
    const row = await insertViolationReport(tx, {
      id,
      organisationId,
      establishmentId,
      subjectName: subjectName!,
      facts: facts!,
      source: source!,
      sourceDetail: optionalText(input.sourceDetail, 500),
      observedOn: observedOn!,
      status: initialViolationState('record'),
      determination,
      recordedBy,
      recordedAt: at,
    });
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'violation_report.recorded', target: { type: 'violation_report', id: row.id }, summary: { after: { organisationId, source, observedOn } } });
    return { id: row.id, duplicate: false };
  });
};

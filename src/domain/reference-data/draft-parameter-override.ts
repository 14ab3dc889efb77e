import { authorize } from '../access/policies.js';
import { auditMeta, type UseCaseContext } from '../accounts/context.js';
import type { FieldProblem } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { insertParameterOverride } from '../../persistence/repositories/reference-data.repository.js';
import { findOverridableParameter, parseParameterValue } from './parameter-catalogue.js';
import { userIdOf } from './reference-change.js';
import { requireCertainty, requireDate, requireSourceNote, throwIfProblems } from './validation.js';

export type ParameterOverrideInput = { parameterId: unknown; effectiveFrom: unknown; value: unknown; certainty: unknown; sourceNote: unknown };

/** Saves a new value for a rules-library parameter as a draft, in force from its effective date once published. */
export const draftParameterOverride = async (ctx: UseCaseContext, input: ParameterOverrideInput): Promise<{ id: string }> => {
  authorize(ctx.actor, 'reference_data.manage');
  const loadedBy = userIdOf(ctx.actor);
  const problems: FieldProblem[] = [];
  const parameter = typeof input.parameterId === 'string' ? findOverridableParameter(input.parameterId) : undefined;
  if (!parameter) problems.push({ field: 'parameterId', message: { ja: '変更する値を選んでください', en: 'Choose the value to change' } });
  const effectiveFrom = requireDate(input.effectiveFrom, problems);
  let value: unknown;
  if (parameter) {
    const parsed = parseParameterValue(parameter, typeof input.value === 'string' ? input.value : '');
    if ('problem' in parsed) problems.push(parsed.problem);
    else value = parsed.value;
  }
  const certainty = requireCertainty(input.certainty, problems);
  const sourceNote = requireSourceNote(input.sourceNote, problems);
  throwIfProblems(problems);
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await insertParameterOverride(tx, { parameterId: parameter!.id, effectiveFrom: effectiveFrom!, value, certainty, sourceNote, loadedBy, loadedAt: at });
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'reference_data.drafted',
      target: { type: 'parameter_override', id: row.id },
      summary: { after: { parameterId: row.parameterId, effectiveFrom: row.effectiveFrom, value: row.value, certainty: row.certainty, sourceNote: row.sourceNote, status: row.status } },
    });
    return { id: row.id };
  });
};

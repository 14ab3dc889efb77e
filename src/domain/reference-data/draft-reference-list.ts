import { authorize } from '../access/policies.js';
import { auditMeta, type UseCaseContext } from '../accounts/context.js';
import { InvalidInput } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { insertReferenceList } from '../../persistence/repositories/reference-data.repository.js';
import { checkListInput, type ListInput } from './preview-reference-list.js';
import { userIdOf } from './reference-change.js';

/** Saves a previewed list as a draft (nothing changes for the determinations until another admin publishes it). */
export const draftReferenceList = async (ctx: UseCaseContext, input: ListInput): Promise<{ id: string; rowCount: number }> => {
  authorize(ctx.actor, 'reference_data.manage');
  const loadedBy = userIdOf(ctx.actor);
  const preview = await checkListInput(ctx, input);
  if (!preview.canSave || !preview.content) {
    const first = preview.errors[0];
    throw new InvalidInput([
      {
        field: 'csv',
        message: {
          ja: `CSVに${preview.errors.length}件の誤りがあります${first ? `（${first.line}行目：${first.message.ja}）` : ''}。直してから読み込んでください。`,
          en: `The CSV has ${preview.errors.length} error(s)${first ? ` (line ${first.line}: ${first.message.en})` : ''}. Fix the file and load it again.`,
        },
      },
    ]);
  }
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await insertReferenceList(tx, {
      kind: preview.kind,
      effectiveFrom: preview.effectiveFrom,
      content: preview.content,
      rawCsv: preview.csv,
      rowCount: preview.rowCount,
      certainty: preview.certainty,
      sourceNote: preview.sourceNote,
      loadedBy,
      loadedAt: at,
    });
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'reference_data.drafted',
      target: { type: 'reference_list', id: row.id },
      summary: { after: { kind: row.kind, effectiveFrom: row.effectiveFrom, rowCount: row.rowCount, certainty: row.certainty, sourceNote: row.sourceNote, status: row.status } },
    });
    return { id: row.id, rowCount: row.rowCount };
  });
};

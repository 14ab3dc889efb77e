import { msg } from '../../../rules/core/index.js';
import { authorize } from '../access/policies.js';
import { auditMeta, type UseCaseContext } from '../accounts/context.js';
import { DomainError } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import {
  bumpReferenceDataVersion,
  publishedListOn,
  publishedOverrideOn,
  publishedReferenceLists,
} from '../../persistence/repositories/reference-data.repository.js';
import { buildLists, invalidateRulesContext } from '../rules-context.js';
import type { ListKind } from './list-kinds.js';
import { applyChangeEvent, FourEyesRefused, loadChange, userIdOf, type ChangeRow, type ChangeTarget } from './reference-change.js';

/**
 * Publishes a reviewed change: from its effective date the determinations use it (earlier dates keep the data in
 * force then). A published change of the same list or parameter on the same date is superseded (kept as history).
 * Four eyes: the person who loaded the change may not publish it.
 */
export const publishReferenceChange = async (ctx: UseCaseContext, target: ChangeTarget, id: string, lockVersion: number): Promise<{ version: number }> => {
  authorize(ctx.actor, 'reference_data.manage');
  const publisher = userIdOf(ctx.actor);
  const at = ctx.clock.now();
  const meta = auditMeta(ctx);
  const result = await ctx.db.transaction(async (tx) => {
    const row = await loadChange(tx, target, id);
    if (row.loadedBy === publisher) throw new FourEyesRefused('publish');
    const previous: ChangeRow | undefined =
      row.target === 'list'
        ? await publishedListOn(tx, row.kind as ListKind, row.effectiveFrom).then((r) => (r ? { ...r, target: 'list' as const } : undefined))
        : await publishedOverrideOn(tx, row.parameterId, row.effectiveFrom).then((r) => (r ? { ...r, target: 'parameter' as const } : undefined));
    if (previous) {
      await applyChangeEvent(tx, previous, 'supersede', previous.lockVersion);
      await writeAuditEvent(tx, {
        ...meta,
        action: 'reference_data.superseded',
        target: { type: target === 'list' ? 'reference_list' : 'parameter_override', id: previous.id },
        summary: { before: { status: 'published' }, after: { status: 'superseded', supersededBy: row.id } },
      });
    }
    const after = await applyChangeEvent(tx, row, 'publish', lockVersion, { publishedBy: publisher, publishedAt: at });
    if (after.target === 'list' && after.kind === 'eligible-industries') {
      // The lists must still build: a list starting after this date would make the order impossible.
      const published = (await publishedReferenceLists(tx)).filter((r) => r.kind === 'eligible-industries');
      try {
        buildLists(published);
      } catch {
        throw new DomainError('conflict', 'list order', msg('この効力発生日より後に始まる一覧があるため公開できません。', 'A list already starts after this effective date, so this one cannot be published.'));
      }
    }
    const version = await bumpReferenceDataVersion(tx);
    await writeAuditEvent(tx, {
      ...meta,
      action: 'reference_data.published',
      target: { type: target === 'list' ? 'reference_list' : 'parameter_override', id },
      summary: {
        before: { status: row.status },
        after: {
          status: after.status,
          effectiveFrom: after.effectiveFrom,
          ...(after.target === 'list' ? { kind: after.kind } : { parameterId: after.parameterId, value: after.value }),
          certainty: after.certainty,
          referenceDataVersion: version,
          ...(previous ? { supersedes: previous.id } : {}),
        },
      },
    });
    return { version };
  });
  invalidateRulesContext();
  return result;
};

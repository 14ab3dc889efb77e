import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findMigrationBatch, updateMigrationBatchGuarded } from '../../persistence/repositories/council-migration.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { Conflict, NotFound } from '../errors.js';
import { batchTransition, type BatchState } from './batch.states.js';
import type { MigrationContext } from './context.js';

export const discardCouncilImport = async (ctx: MigrationContext, input: { batchId: string; lockVersion: number }): Promise<void> => {
  authorize(ctx.actor, 'council_migration.manage');
  const batch = await findMigrationBatch(ctx.db, input.batchId);
  if (!batch) throw new NotFound('council migration batch');
  const next = batchTransition(batch.status as BatchState, 'discard');
  await ctx.db.transaction(async (tx) => {
    const won = batch.lockVersion === input.lockVersion && (await updateMigrationBatchGuarded(tx, batch.id, { status: batch.status, lockVersion: batch.lockVersion }, { status: next }));
    if (!won) throw new Conflict('batch changed', { ja: 'この取込みは他の担当者が先に操作しました。', en: 'Someone else acted on this import first.' });
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'council_migration.discarded', target: { type: 'council_migration_batch', id: batch.id }, summary: { before: { status: batch.status }, after: { status: next } } });
  });
};

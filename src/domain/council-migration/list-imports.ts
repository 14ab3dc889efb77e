import { findMigrationBatch, listMigrationBatches, type BatchSummary } from '../../persistence/repositories/council-migration.repository.js';
import { authorize } from '../access/policies.js';
import { NotFound } from '../errors.js';
import type { DryRunReport } from './check-council-import.js';
import type { MigrationContext } from './context.js';

export const listCouncilImports = async (ctx: MigrationContext): Promise<BatchSummary[]> => {
  authorize(ctx.actor, 'council_migration.manage');
  return listMigrationBatches(ctx.db);
};

export const getCouncilImport = async (ctx: MigrationContext, id: string): Promise<BatchSummary & { report: DryRunReport & { duplicateCount?: number; applied?: Record<string, number> } }> => {
  authorize(ctx.actor, 'council_migration.manage');
  const batch = await findMigrationBatch(ctx.db, id);
  if (!batch) throw new NotFound('council migration batch');
  const { rawCsv: _raw, ...summary } = batch;
  return summary as BatchSummary & { report: DryRunReport };
};

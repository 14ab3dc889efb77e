import { findDebitImport, listDebitImports, type DebitImportMeta } from '../../persistence/repositories/debit-results.repository.js';
import { authorize } from '../access/policies.js';
import { NotFound } from '../errors.js';
import type { FeesContext } from './context.js';
import type { DebitReport } from './debit-result-report.js';

/** Staff: the direct-debit result files imported, newest first. */
export const listDebitResultImports = async (ctx: FeesContext): Promise<DebitImportMeta[]> => {
  authorize(ctx.actor, 'fees.manage');
  return listDebitImports(ctx.db);
};

/** Staff: one import with its report (the dry run while checked; what was recorded once applied). */
export const getDebitResultImport = async (ctx: FeesContext, id: string): Promise<DebitImportMeta & { report: DebitReport }> => {
  authorize(ctx.actor, 'fees.manage');
  const row = await findDebitImport(ctx.db, id);
  if (!row) throw new NotFound('fee_debit_import');
  const { content: _content, ...meta } = row;
  return { ...meta, report: row.report as DebitReport };
};

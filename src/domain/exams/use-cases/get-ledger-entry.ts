import { z } from 'zod';
import { authorize } from '../../access/policies.js';
import { NotFound } from '../../errors.js';
import { findLedgerRow, listLedgerCorrections, type LedgerCorrectionRow, type LedgerRow } from '../../../persistence/repositories/exam-ledger.repository.js';
import { findDetermination, listPartScoresOf, type PartScoreRow } from '../../../persistence/repositories/exam-scoring.repository.js';
import type { Determination } from '../../../../rules/core/index.js';
import type { UseCaseContext } from '../../accounts/context.js';

export type LedgerEntry = { row: LedgerRow; parts: PartScoreRow[]; determination: Determination<string> | null; corrections: LedgerCorrectionRow[] };

/** One candidate's ledger entry: scores per part with the answers, the determination with its trace, corrections. */
export const getLedgerEntry = async (ctx: UseCaseContext, registrationId: string): Promise<LedgerEntry> => {
  authorize(ctx.actor, 'exam_ledger.read');
  if (!z.uuid().safeParse(registrationId).success) throw new NotFound('ledger entry');
  const row = await findLedgerRow(ctx.db, registrationId);
  if (!row) throw new NotFound('ledger entry');
  const determination = row.determinationHash ? ((await findDetermination(ctx.db, row.determinationHash)) as Determination<string>) : null;
  return { row, parts: await listPartScoresOf(ctx.db, registrationId), determination, corrections: await listLedgerCorrections(ctx.db, registrationId) };
};

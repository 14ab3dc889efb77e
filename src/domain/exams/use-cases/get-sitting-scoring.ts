import { z } from 'zod';
import { authorize } from '../../access/policies.js';
import { NotFound } from '../../errors.js';
import { countResultsByStatus, findScoreImport, findScoringSitting, listScorableRegistrations, listScoreImports, type ScoreImportRow, type ScoringSitting } from '../../../persistence/repositories/exam-scoring.repository.js';
import type { UseCaseContext } from '../../accounts/context.js';

export type SittingScoring = {
  sitting: ScoringSitting;
  candidates: number;
  scored: number;
  results: { provisional: number; released: number };
  imports: Omit<ScoreImportRow, 'report'>[];
};

/** One sitting's scoring state: what it is scored against, imports so far, and the release. */
export const getSittingScoring = async (ctx: UseCaseContext, sittingId: string): Promise<SittingScoring> => {
  authorize(ctx.actor, 'exam_results.enter_practical');
  if (!z.uuid().safeParse(sittingId).success) throw new NotFound('exam sitting');
  const sitting = await findScoringSitting(ctx.db, sittingId);
  if (!sitting) throw new NotFound('exam sitting');
  const [registrations, results, imports] = [await listScorableRegistrations(ctx.db, sittingId), await countResultsByStatus(ctx.db, sittingId), await listScoreImports(ctx.db, sittingId)];
  return {
    sitting,
    candidates: registrations.length + results.released,
    scored: registrations.filter((r) => r.status === 'scored').length + results.released,
    results,
    imports,
  };
};

/** An import with its row report (the page an exam admin lands on after uploading). */
export const getScoreImport = async (ctx: UseCaseContext, importId: string): Promise<ScoreImportRow> => {
  authorize(ctx.actor, 'exam_results.import');
  if (!z.uuid().safeParse(importId).success) throw new NotFound('score import');
  const row = await findScoreImport(ctx.db, importId);
  if (!row) throw new NotFound('score import');
  return row;
};

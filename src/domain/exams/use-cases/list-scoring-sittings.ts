import { authorize } from '../../access/policies.js';
import { listSittingsForScoring, type SittingSummary } from '../../../persistence/repositories/exam-scoring.repository.js';
import type { UseCaseContext } from '../../accounts/context.js';

/** Sittings held or being scored, newest first, with candidate and scored counts (scoring screens). */
export const listScoringSittings = async (ctx: UseCaseContext): Promise<SittingSummary[]> => {
  authorize(ctx.actor, 'exam_results.enter_practical');
  return listSittingsForScoring(ctx.db);
};

import { z } from 'zod';
import { isLegalDate } from '../../../../rules/core/index.js';
import { authorize } from '../../access/policies.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { findScoringSitting, upsertReleaseDate } from '../../../persistence/repositories/exam-scoring.repository.js';
import { auditMeta } from '../results/context.js';
import type { UseCaseContext } from '../../accounts/context.js';

// The date a sitting's results are announced (合格発表日). The daily job releases them on that date; staff may also
// release by hand on or after it. The date cannot be before the exam day, nor changed once released.

const input = z.object({ sittingId: z.uuid(), releaseOn: z.string().trim() });

export const setReleaseDate = async (ctx: UseCaseContext, raw: z.input<typeof input>): Promise<{ sittingId: string; releaseOn: string }> => {
  authorize(ctx.actor, 'exam_results.release');
  const parsed = input.safeParse(raw);
  if (!parsed.success || !isLegalDate(parsed.data.releaseOn)) {
    throw new InvalidInput([{ field: 'releaseOn', message: { ja: '発表日を YYYY-MM-DD の形式で入力してください。', en: 'Enter the release date as YYYY-MM-DD.' } }]);
  }
  const { sittingId, releaseOn } = parsed.data;
  const sitting = await findScoringSitting(ctx.db, sittingId);
  if (!sitting) throw new NotFound('exam sitting');
  if (sitting.releasedAt) throw new Conflict('already released', { ja: 'この試験回の合否はすでに発表されています。', en: 'The results of this sitting have already been released.' });
  if (releaseOn < sitting.examDate) {
    throw new InvalidInput([{ field: 'releaseOn', message: { ja: `発表日は試験日（${sitting.examDate}）以降にしてください。`, en: `The release date must be on or after the exam day (${sitting.examDate}).` } }]);
  }
  await ctx.db.transaction(async (tx) => {
    await upsertReleaseDate(tx, { sittingId, releaseOn, setBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, setAt: ctx.clock.now() });
    await writeAuditEvent(tx, {
      action: 'exam_results.release_date_set', ...auditMeta(ctx), target: { type: 'exam_sitting', id: sittingId },
      summary: { before: { releaseOn: sitting.releaseOn }, after: { releaseOn } },
    });
  });
  return { sittingId, releaseOn };
};

import { z } from 'zod';
import { japanDateOf, legalDate } from '../../../../rules/core/index.js';
import { authorize } from '../../access/policies.js';
import { InvalidInput } from '../../errors.js';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { findScorableRegistration, findScoringSitting } from '../../../persistence/repositories/exam-scoring.repository.js';
import { scorePractical } from '../answer-key-scoring.js';
import { normaliseExamNumber } from '../exam-number.js';
import { auditMeta } from '../results/context.js';
import type { UseCaseContext } from '../../accounts/context.js';
import { applyPartScores, startScoring, type ApplyCounts } from './apply-part-scores.js';
import { assertScorable } from './import-cbt-results.js';

// An examiner enters the practical part per criterion (実技採点) for one checked-in candidate. The part score is the
// weighted share of points against the criteria of the set version the sitting froze; the result is re-decided.

const input = z.object({
  sittingId: z.uuid(),
  examNumber: z.string().trim().min(1).max(40),
  scores: z.record(z.string(), z.union([z.number(), z.string()])),
});
export type EnterPracticalInput = z.input<typeof input>;

export type EnterPracticalResult = { registrationId: string; score: number; outcome: ApplyCounts };

export const enterPracticalScores = async (ctx: UseCaseContext, raw: EnterPracticalInput): Promise<EnterPracticalResult> => {
  authorize(ctx.actor, 'exam_results.enter_practical');
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new InvalidInput([{ field: 'examNumber', message: { ja: '受験番号と各項目の点数を入力してください。', en: 'Enter the exam number and a score for each criterion.' } }]);
  const { sittingId } = parsed.data;
  const sitting = assertScorable(await findScoringSitting(ctx.db, sittingId), 'practical');
  const registration = await findScorableRegistration(ctx.db, sittingId, normaliseExamNumber(parsed.data.examNumber));
  if (!registration) {
    throw new InvalidInput([{ field: 'examNumber', message: { ja: 'この試験回で受付済みの受験番号ではありません。', en: 'This exam number was not checked in at this sitting.' } }]);
  }

  const problems: { field: string; message: { ja: string; en: string } }[] = [];
  const points: Record<string, number> = {};
  for (const c of sitting.practicalCriteria) {
    const rawValue = parsed.data.scores[c.id];
    const text = typeof rawValue === 'number' ? String(rawValue) : (rawValue ?? '').trim();
    const n = Number(text);
    if (text === '' || !/^\d+$/.test(text) || n > c.max) {
      problems.push({ field: `score_${c.id}`, message: { ja: `「${c.label}」は0から${c.max}までの整数で入力してください。`, en: `Enter a whole number from 0 to ${c.max} for "${c.label}".` } });
    } else points[c.id] = n;
  }
  if (problems.length > 0) throw new InvalidInput(problems);

  const s = scorePractical({ setCode: sitting.setCode, version: sitting.setVersion, criteria: sitting.practicalCriteria.map((c) => ({ id: c.id, weight: c.weight, maxPoints: c.max })) }, points);
  const now = ctx.clock.now();
  const scoredBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const today = japanDateOf(now);
  return ctx.db.transaction(async (tx) => {
    await startScoring(tx, sitting, today);
    const outcome = await applyPartScores(tx, { sittingId, level: sitting.level, examDate: legalDate(sitting.examDate), today, now, registrationStatuses: new Map([[registration.registrationId, registration.status]]) }, [
      {
        registrationId: registration.registrationId, part: 'practical', sittingId, setCode: sitting.setCode, setVersion: sitting.setVersion,
        points: s.points, maxPoints: s.maxPoints, score: s.score, correctCount: null, answersText: null, answersJson: JSON.stringify(points), importId: null, scoredBy, scoredAt: now,
      },
    ]);
    await writeAuditEvent(tx, {
      action: 'exam_scores.practical_entered', ...auditMeta(ctx), target: { type: 'exam_registration', id: registration.registrationId },
      summary: { after: { examNumber: registration.examNumber, criteria: points, score: s.score } },
    });
    return { registrationId: registration.registrationId, score: s.score, outcome };
  });
};


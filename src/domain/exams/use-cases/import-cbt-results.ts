import { createHash } from 'node:crypto';
import { z } from 'zod';
import { japanDateOf, legalDate } from '../../../../rules/core/index.js';
import { authorize } from '../../access/policies.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { findScoringSitting, insertScoreImport, listScorableRegistrations, type ScoringSitting } from '../../../persistence/repositories/exam-scoring.repository.js';
import { compileAnswerKey, scoreWritten } from '../answer-key-scoring.js';
import { importCbtResults, type ExpectedSitting, type RowReport } from '../cbt-import.js';
import { auditMeta } from '../results/context.js';
import type { UseCaseContext } from '../../accounts/context.js';
import { applyPartScores, startScoring } from './apply-part-scores.js';

// Import of the CBT provider's written-part result file for one sitting (support-project-spec (ウ)). All or nothing:
// cbt-import.ts checks every row against the sitting's checked-in candidates and the frozen question set; a file with
// any bad row is stored with its row report and nothing is applied. A good file is scored against the answer key of the
// set version the sitting froze, and the scores and results are written in one transaction (bulk statements).

const input = z.object({
  sittingId: z.uuid(),
  fileName: z.string().trim().min(1).max(200),
  encoding: z.enum(['utf-8', 'shift_jis']).default('utf-8'),
});

export type ImportCbtInput = z.input<typeof input> & { bytes: Uint8Array };

export type ImportCbtResult =
  | { ok: true; importId: string; applied: number; passed: number; failed: number; incomplete: number }
  | { ok: false; importId: string; rows: readonly RowReport[] };

const invalid = (field: string, ja: string, en: string) => new InvalidInput([{ field, message: { ja, en } }]);

export const assertScorable = (sitting: ScoringSitting | undefined, part: 'written' | 'practical'): ScoringSitting & { setCode: string; setVersion: number } => {
  if (!sitting) throw new NotFound('exam sitting');
  if (sitting.releasedAt) throw new Conflict('results already released', { ja: 'この試験回の合否はすでに発表されています。訂正は受験者台帳から行ってください。', en: 'The results of this sitting have been released. Use a ledger correction instead.' });
  if (sitting.setCode === null || sitting.setVersion === null) throw new Conflict('no question set', { ja: 'この試験回には問題セットが割り当てられていません。', en: 'No question set is assigned to this sitting.' });
  const has = part === 'written' ? sitting.hasWritten && sitting.answerKey.length > 0 : sitting.hasPractical && sitting.practicalCriteria.length > 0;
  if (!has) {
    throw part === 'written'
      ? new Conflict('no written part', { ja: 'この試験回には学科試験（解答キー）がありません。', en: 'This sitting has no written part (answer key).' })
      : new Conflict('no practical part', { ja: 'この試験回には実技試験（採点基準）がありません。', en: 'This sitting has no practical part (criteria).' });
  }
  return sitting as ScoringSitting & { setCode: string; setVersion: number };
};

export const importCbtResultsUseCase = async (ctx: UseCaseContext, raw: ImportCbtInput): Promise<ImportCbtResult> => {
  authorize(ctx.actor, 'exam_results.import');
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw invalid('sittingId', '試験回とファイルを指定してください。', 'Choose a sitting and a file.');
  if (!(raw.bytes instanceof Uint8Array) || raw.bytes.byteLength === 0) throw invalid('file', 'ファイルを選択してください。', 'Choose a file.');
  const { sittingId, fileName, encoding } = parsed.data;

  const sitting = assertScorable(await findScoringSitting(ctx.db, sittingId), 'written');
  const expected: ExpectedSitting = { setCode: sitting.setCode, setVersion: sitting.setVersion, questionCount: sitting.answerKey.length };
  const registrations = await listScorableRegistrations(ctx.db, sittingId);
  const candidates = new Map(registrations.map((r) => [r.examNumber, expected]));
  const idByExamNumber = new Map(registrations.map((r) => [r.examNumber, r.registrationId]));

  const checked = importCbtResults(raw.bytes, { encoding, candidates });
  const now = ctx.clock.now();
  const fileSha256 = createHash('sha256').update(raw.bytes).digest('hex');
  const importedBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;

  if (!checked.ok) {
    const rows = checked.rows;
    const importId = await ctx.db.transaction(async (tx) => {
      const { id } = await insertScoreImport(tx, {
        sittingId, part: 'written', fileName, fileSha256, encoding, status: 'rejected', rowCount: rows.length, appliedCount: 0,
        report: rows.map((r) => ({ line: r.line, errors: r.errors.map((e) => ({ code: e.code, ja: e.ja, en: e.en })) })), importedBy, importedAt: now,
      });
      await writeAuditEvent(tx, {
        action: 'exam_scores.import_rejected', ...auditMeta(ctx), target: { type: 'exam_score_import', id },
        summary: { after: { sittingId, fileName, fileSha256, badRows: rows.length } },
      });
      return id;
    });
    return { ok: false, importId, rows };
  }

  const key = compileAnswerKey({ setCode: sitting.setCode, version: sitting.setVersion, questions: sitting.answerKey });
  const examDate = legalDate(sitting.examDate);
  const statuses = new Map(registrations.map((r) => [r.registrationId, r.status]));
  const today = japanDateOf(now);
  return ctx.db.transaction(async (tx) => {
    await startScoring(tx, sitting, today);
    const { id: importId } = await insertScoreImport(tx, {
      sittingId, part: 'written', fileName, fileSha256, encoding, status: 'applied', rowCount: checked.records.length, appliedCount: checked.records.length, report: [], importedBy, importedAt: now,
    });
    const scores = checked.records.map((rec) => {
      const s = scoreWritten(key, { setCode: rec.setCode, setVersion: rec.setVersion, answers: rec.answers });
      return {
        registrationId: idByExamNumber.get(rec.examNumber)!,
        part: 'written' as const,
        sittingId,
        setCode: sitting.setCode,
        setVersion: sitting.setVersion,
        points: s.points,
        maxPoints: s.maxPoints,
        score: s.score,
        correctCount: s.correctCount,
        answersText: rec.answers.map((a) => a ?? '-').join(''),
        answersJson: null,
        importId,
        scoredBy: importedBy,
        scoredAt: now,
      };
    });
    const counts = await applyPartScores(tx, { sittingId, level: sitting.level, examDate, today, now, registrationStatuses: statuses }, scores);
    await writeAuditEvent(tx, {
      action: 'exam_scores.imported', ...auditMeta(ctx), target: { type: 'exam_score_import', id: importId },
      summary: { after: { sittingId, fileName, fileSha256, rows: scores.length, setCode: sitting.setCode, setVersion: sitting.setVersion, ...counts } },
    });
    return { ok: true as const, importId, applied: scores.length, ...counts };
  });
};

import { z } from 'zod';
import { isLegalDate, japanDateOf, legalDate } from '../../../../rules/core/index.js';
import { authorize } from '../../access/policies.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { findCertificateOfRegistration, updateCertificateStatus } from '../../../persistence/repositories/exam-certificates.repository.js';
import { findLedgerRow, insertLedgerCorrection, updateCandidateField } from '../../../persistence/repositories/exam-ledger.repository.js';
import { findResult, findScoringSitting, overridePartScore } from '../../../persistence/repositories/exam-scoring.repository.js';
import { certificateMachine, type ResultState } from '../results/exam-result.states.js';
import { auditMeta } from '../results/context.js';
import type { UseCaseContext } from '../../accounts/context.js';
import { redecideResults } from './apply-part-scores.js';

// A correction to the examinee ledger: a part score (the result is re-decided with its trace) or the candidate's name
// or date of birth. Every correction needs a reason and is kept with the values before and after, in the ledger and in
// the audit trail. When a released pass becomes a fail, its certificate is revoked with the same reason.

const FIELDS = ['written_score', 'practical_score', 'family_name', 'given_name', 'date_of_birth'] as const;
const input = z.object({ registrationId: z.uuid(), field: z.enum(FIELDS), value: z.string().trim().max(200), reason: z.string().trim().max(1000) });
export type CorrectLedgerInput = z.input<typeof input>;

const problem = (field: string, ja: string, en: string) => new InvalidInput([{ field, message: { ja, en } }]);

export const correctLedgerEntry = async (ctx: UseCaseContext, raw: CorrectLedgerInput): Promise<{ correctionId: string; outcome: string | null }> => {
  authorize(ctx.actor, 'exam_ledger.correct');
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw problem('field', '訂正する項目を選んでください。', 'Choose the field to correct.');
  const { registrationId, field, value, reason } = parsed.data;
  if (reason.length < 5) throw problem('reason', '訂正の理由を5文字以上で入力してください。', 'Give a reason for the correction (at least 5 characters).');
  const row = await findLedgerRow(ctx.db, registrationId);
  if (!row) throw new NotFound('ledger entry');
  const now = ctx.clock.now();
  const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;

  if (field === 'written_score' || field === 'practical_score') {
    if (!/^\d{1,3}$/.test(value) || Number(value) > 100) throw problem('value', '得点は0から100までの整数で入力してください。', 'Enter the score as a whole number from 0 to 100.');
    const part = field === 'written_score' ? 'written' : 'practical';
    const before = part === 'written' ? row.writtenScore : row.practicalScore;
    const sitting = await findScoringSitting(ctx.db, row.sittingId);
    if (!sitting) throw new NotFound('exam sitting');
    const result = await findResult(ctx.db, registrationId);
    return ctx.db.transaction(async (tx) => {
      if (!(await overridePartScore(tx, registrationId, part, Number(value), now))) {
        throw new Conflict('no score to correct', { ja: 'この科目はまだ採点されていません。', en: 'This part has not been scored yet.' });
      }
      const states = new Map<string, ResultState>(result ? [[registrationId, result.status]] : []);
      const today = japanDateOf(now);
      await redecideResults(tx, { sittingId: row.sittingId, level: sitting.level, examDate: legalDate(sitting.examDate), today, now, states, registrationStatuses: new Map([[registrationId, row.registrationStatus]]) }, [registrationId]);
      const after = await findResult(tx, registrationId);
      const { id } = await insertLedgerCorrection(tx, { registrationId, field, beforeValue: before, afterValue: Number(value), reason, correctedBy: by, correctedAt: now });
      await writeAuditEvent(tx, {
        action: 'exam_ledger.corrected', ...auditMeta(ctx), target: { type: 'exam_registration', id: registrationId }, reason,
        summary: { before: { [field]: before, outcome: result?.outcome ?? null }, after: { [field]: Number(value), outcome: after?.outcome ?? null } },
      });
      const certificate = await findCertificateOfRegistration(tx, registrationId);
      if (certificate && certificate.status === 'issued' && after?.outcome !== 'pass') {
        const to = certificateMachine.next(certificate.status, 'revoke', { reason });
        await updateCertificateStatus(tx, certificate.certificateNumber, { from: 'issued', to, revokedAt: now, revokedBy: by, reason });
        await writeAuditEvent(tx, {
          action: 'exam_certificate.revoked', ...auditMeta(ctx), target: { type: 'exam_certificate', id: certificate.id }, reason,
          summary: { before: { status: 'issued' }, after: { status: to, certificateNumber: certificate.certificateNumber, cause: 'ledger_correction' } },
        });
      }
      return { correctionId: id, outcome: after?.outcome ?? null };
    });
  }

  if (field === 'date_of_birth' && !isLegalDate(value)) throw problem('value', '生年月日を YYYY-MM-DD の形式で入力してください。', 'Enter the date of birth as YYYY-MM-DD.');
  if (field !== 'date_of_birth' && (field === 'family_name' ? value.length === 0 : false)) throw problem('value', '姓を入力してください。', 'Enter the family name.');
  const before = field === 'family_name' ? row.familyName : field === 'given_name' ? row.givenName : row.dateOfBirth;
  const after = field === 'date_of_birth' ? value : value.toUpperCase();
  return ctx.db.transaction(async (tx) => {
    await updateCandidateField(tx, row.candidateId, field, after);
    const { id } = await insertLedgerCorrection(tx, { registrationId, field, beforeValue: before, afterValue: after, reason, correctedBy: by, correctedAt: now });
    await writeAuditEvent(tx, {
      action: 'exam_ledger.corrected', ...auditMeta(ctx), target: { type: 'exam_registration', id: registrationId }, reason,
      summary: { before: { [field]: before }, after: { [field]: after } },
    });
    return { correctionId: id, outcome: row.outcome };
  });
};

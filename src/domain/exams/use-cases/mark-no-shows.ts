// Absence (欠席) after the exam: every candidate of a sitting who held an admission ticket but was never checked in
// is marked no_show in one action, through the registration machine, with one audit event naming them. Absent
// candidates are never scorable (scoring takes only checked-in registrations), so they get no result, no score and
// no certificate, and they stay out of the pass-rate statistics, which count released results only.
import { z } from 'zod';
import type { LegalDate } from '../../../../rules/core/index.js';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { listSittingRegistrations } from '../../../persistence/repositories/exam-registrations.repository.js';
import { updateRegistrationStatuses } from '../../../persistence/repositories/exam-scoring.repository.js';
import { findSitting, lockSitting } from '../../../persistence/repositories/exam-sittings.repository.js';
import { authorize } from '../../access/policies.js';
import { auditMeta } from '../../accounts/context.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { TransitionRefused } from '../machine.js';
import { registrationMachine } from '../registration.states.js';
import { todayOf, type ExamContext } from './context.js';

/** Sitting states after which nobody can still be checked in. */
const FINISHED_SITTING = ['scoring', 'results_released'];

export type NoShowWindow = { open: true } | { open: false; reason: { ja: string; en: string } };

/**
 * Marking is possible once the exam is over: the sitting was finished (scoring, or results released), or its exam day
 * has passed. On the exam day itself a late candidate may still be checked in, so the day alone is not enough.
 */
export const noShowWindow = (sitting: { status: string; examDate: string }, today: LegalDate): NoShowWindow => {
  if (sitting.status === 'cancelled' || sitting.status === 'planned' || sitting.status === 'registration_open') {
    return { open: false, reason: { ja: 'この試験回では欠席を記録できません。', en: 'Absence cannot be recorded for this sitting.' } };
  }
  if (FINISHED_SITTING.includes(sitting.status) || today > sitting.examDate) return { open: true };
  return { open: false, reason: { ja: '欠席は試験の終了後（試験回を終了するか、試験日の翌日以降）に記録できます。', en: 'Absence can be recorded once the exam is over (the sitting is finished, or from the day after the exam).' } };
};

export type NoShowResult = { marked: number; examNumbers: string[] };

export const markNoShows = async (ctx: ExamContext, sittingId: string, raw: { confirm?: unknown } = {}): Promise<NoShowResult> => {
  authorize(ctx.actor, 'exam_registrations.manage');
  const place = z.uuid().safeParse(sittingId).success ? await findSitting(ctx.db, sittingId) : undefined;
  if (!place) throw new NotFound('exam sitting');
  if (raw.confirm !== 'yes') {
    throw new InvalidInput([{ field: 'confirm', message: { ja: '受付されていない受験者を欠席にすることを確認してください。', en: 'Confirm that the candidates not checked in are to be marked absent.' } }]);
  }
  const today = todayOf(ctx);
  return ctx.db.transaction(async (tx) => {
    // Serialised with check-in and other markings of this sitting.
    await lockSitting(tx, place.sitting.id);
    const { sitting } = (await findSitting(tx, place.sitting.id))!;
    const window = noShowWindow(sitting, today);
    if (!window.open) throw new Conflict('no-show window closed', window.reason);
    const absent = (await listSittingRegistrations(tx, sitting.id)).filter((r) => r.registration.status === 'ticket_issued');
    if (absent.length === 0) throw new Conflict('nobody to mark', { ja: '欠席にする受験者（受験票発行済みで未受付）はいません。', en: 'There is nobody to mark absent (ticket issued but not checked in).' });
    try {
      for (const _r of absent) registrationMachine.next('ticket_issued', 'mark_no_show', { today, sittingDate: sitting.examDate as LegalDate });
    } catch (error) {
      if (error instanceof TransitionRefused) throw new Conflict(error.reason.en, error.reason);
      throw error;
    }
    const ids = absent.map((r) => r.registration.id);
    const moved = await updateRegistrationStatuses(tx, ids, 'ticket_issued', 'no_show');
    if (moved !== ids.length) throw new Conflict('changed', { ja: '受付状況が更新されました。画面を読み込み直してください。', en: 'Check-ins changed meanwhile. Reload the page.' });
    const examNumbers = absent.map((r) => r.registration.examNumber);
    await writeAuditEvent(tx, {
      action: 'exam_registration.marked_no_show',
      ...auditMeta(ctx),
      target: { type: 'exam_sitting', id: sitting.id },
      summary: { before: { status: 'ticket_issued' }, after: { status: 'no_show', count: ids.length, examNumbers, registrationIds: ids } },
    });
    return { marked: ids.length, examNumbers };
  });
};

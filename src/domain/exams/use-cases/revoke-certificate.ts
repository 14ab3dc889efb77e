import { z } from 'zod';
import { authorize } from '../../access/policies.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { findCertificate, updateCertificateStatus } from '../../../persistence/repositories/exam-certificates.repository.js';
import { TransitionRefused } from '../machine.js';
import { certificateMachine } from '../results/exam-result.states.js';
import { auditMeta } from '../results/context.js';
import type { UseCaseContext } from '../../accounts/context.js';

// Revocation of a pass certificate (e.g. misconduct found later), with its reason. Verification then says "revoked".

const input = z.object({ certificateNumber: z.string().trim().min(1).max(40), reason: z.string().max(1000) });

export const revokeCertificate = async (ctx: UseCaseContext, raw: z.input<typeof input>): Promise<{ certificateNumber: string }> => {
  authorize(ctx.actor, 'exam_certificates.manage');
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new InvalidInput([{ field: 'reason', message: { ja: '失効の理由を入力してください。', en: 'Give a reason for revoking.' } }]);
  const { certificateNumber } = parsed.data;
  const reason = parsed.data.reason.trim();
  const certificate = await findCertificate(ctx.db, certificateNumber);
  if (!certificate) throw new NotFound('certificate');
  let to;
  try {
    to = certificateMachine.next(certificate.status, 'revoke', { reason });
  } catch (error) {
    if (error instanceof TransitionRefused) throw new InvalidInput([{ field: 'reason', message: error.reason }]);
    throw error;
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const changed = await updateCertificateStatus(tx, certificateNumber, { from: certificate.status, to, revokedAt: now, revokedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, reason });
    if (!changed) throw new Conflict('certificate changed', { ja: '証明書の状態が変更されています。再読み込みしてください。', en: 'The certificate was changed by someone else. Reload and try again.' });
    await writeAuditEvent(tx, {
      action: 'exam_certificate.revoked', ...auditMeta(ctx), target: { type: 'exam_certificate', id: certificate.id },
      summary: { before: { status: certificate.status }, after: { status: to, certificateNumber } }, reason,
    });
  });
  return { certificateNumber };
};

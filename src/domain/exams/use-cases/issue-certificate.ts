import { z } from 'zod';
import { japanDateOf } from '../../../../rules/core/index.js';
import { authorize } from '../../access/policies.js';
import { Conflict, NotFound } from '../../errors.js';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { findCertificateOfRegistration, insertCertificates } from '../../../persistence/repositories/exam-certificates.repository.js';
import { findLedgerRow } from '../../../persistence/repositories/exam-ledger.repository.js';
import { getSigningKey } from '../../signing/signing-keys.js';
import { certificateToken } from '../certificate.js';
import { auditMeta, certificateNumberOf, type ExamResultsContext } from '../results/context.js';

// Issues the pass certificate of one candidate whose released result is a pass but who has none yet — typically after
// a ledger correction turned a released fail into a pass. (Certificates of a whole sitting are issued at release.)

export const issueCertificate = async (ctx: ExamResultsContext, raw: { registrationId: string }): Promise<{ certificateNumber: string }> => {
  authorize(ctx.actor, 'exam_certificates.manage');
  const { registrationId } = z.object({ registrationId: z.uuid() }).parse(raw);
  const row = await findLedgerRow(ctx.db, registrationId);
  if (!row) throw new NotFound('ledger entry');
  if (row.resultStatus !== 'released' || row.outcome !== 'pass') {
    throw new Conflict('not a released pass', { ja: '発表済みの合格者にのみ証明書を発行できます。', en: 'A certificate can only be issued for a released pass.' });
  }
  if (await findCertificateOfRegistration(ctx.db, registrationId)) {
    throw new Conflict('already issued', { ja: 'この受験者の証明書は発行済みです。', en: 'A certificate has already been issued for this candidate.' });
  }
  const now = ctx.clock.now();
  const passDate = japanDateOf(now);
  const key = await getSigningKey({ db: ctx.db, secret: ctx.signingSecret, clock: ctx.clock }, 'exam_certificate');
  const certificateNumber = certificateNumberOf(row.examNumber);
  const holder = { familyName: row.familyName, givenName: row.givenName, dateOfBirth: row.dateOfBirth, nationality: row.nationality, passportNumber: '' };
  const token = certificateToken({ certificateNumber, examNumber: row.examNumber, holder, category: { id: row.categoryCode, ja: row.categoryNameJa, en: row.categoryNameEn }, level: row.level, passDate, status: 'issued' }, key, now);
  await ctx.db.transaction(async (tx) => {
    const inserted = await insertCertificates(tx, [
      {
        certificateNumber, registrationId, examNumber: row.examNumber, holderFamilyName: row.familyName, holderGivenName: row.givenName, holderDateOfBirth: row.dateOfBirth,
        holderNationality: row.nationality, categoryCode: row.categoryCode, categoryNameJa: row.categoryNameJa, categoryNameEn: row.categoryNameEn, level: row.level,
        examDate: row.examDate, passDate, status: 'issued', signingKeyId: key.kid, token, issuedAt: now, issuedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      },
    ]);
    if (inserted !== 1) throw new Conflict('already issued', { ja: 'この受験者の証明書は発行済みです。', en: 'A certificate has already been issued for this candidate.' });
    await writeAuditEvent(tx, { action: 'exam_certificate.issued', ...auditMeta(ctx), target: { type: 'exam_registration', id: registrationId }, summary: { after: { certificateNumber, signingKeyId: key.kid } } });
  });
  return { certificateNumber };
};

import { z } from 'zod';
import { type LegalDate, japanDateOf, legalDate } from '../../../../rules/core/index.js';
import { authorize } from '../../access/policies.js';
import { Conflict, DomainError, NotFound } from '../../errors.js';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { insertCertificates, type NewCertificate } from '../../../persistence/repositories/exam-certificates.repository.js';
import {
  findScoringSitting,
  insertOutboxEmailsBulk,
  listDueReleases,
  listProvisionalResults,
  listScorableRegistrations,
  lockRelease,
  markReleased,
  markResultsReleased,
  updateRegistrationStatuses,
  updateSittingStatus,
} from '../../../persistence/repositories/exam-scoring.repository.js';
import { getSigningKey } from '../../signing/signing-keys.js';
import { certificateToken } from '../certificate.js';
import { resultMachine } from '../results/exam-result.states.js';
import { TransitionRefused } from '../machine.js';
import { registrationMachine } from '../registration.states.js';
import { sittingMachine, type SittingState } from '../sitting.states.js';
import { resultNoticeMail } from '../results/result-mail.js';
import { auditMeta, certificateNumberOf, verifyPageUrl, type ExamResultsContext } from '../results/context.js';

// Release of a sitting's results (合否発表) on its release date: every provisional result becomes released through
// the result machine, each passer gets a pass certificate (signed QR token), and every candidate is sent the notice in
// their language (outbox, same transaction). Refused before the date, twice, or while any candidate is unscored.

const input = z.object({ sittingId: z.uuid() });

export type ReleaseSummary = { sittingId: string; released: number; passed: number; certificates: number };

export const releaseResults = async (ctx: ExamResultsContext, raw: z.input<typeof input>): Promise<ReleaseSummary> => {
  if (ctx.actor.kind !== 'system') authorize(ctx.actor, 'exam_results.release');
  const { sittingId } = input.parse(raw);
  const sitting = await findScoringSitting(ctx.db, sittingId);
  if (!sitting) throw new NotFound('exam sitting');
  const now = ctx.clock.now();
  const today = japanDateOf(now);
  // Made (and audited) outside the release transaction on first use.
  const key = await getSigningKey({ db: ctx.db, secret: ctx.signingSecret, clock: ctx.clock }, 'exam_certificate');

  return ctx.db.transaction(async (tx) => {
    const release = await lockRelease(tx, sittingId);
    if (!release) throw new Conflict('no release date', { ja: '合否の発表日が設定されていません。', en: 'No results release date has been set.' });
    if (release.releasedAt) throw new Conflict('already released', { ja: 'この試験回の合否はすでに発表されています。', en: 'These results have already been released.' });
    const releaseOn = legalDate(release.releaseOn) as LegalDate;
    const results = await listProvisionalResults(tx, sittingId);
    const sat = await listScorableRegistrations(tx, sittingId);
    const incomplete = sat.filter((r) => r.status !== 'scored').length;
    if (incomplete > 0) {
      throw new Conflict(`${incomplete} candidates not fully scored`, {
        ja: `採点が終わっていない受験者が${incomplete}人います。すべての科目を採点してから発表してください。`,
        en: `${incomplete} candidates are not fully scored. Score every part before releasing.`,
      });
    }
    // Every row goes through its machine (the guards check the release date).
    const sittingDate = legalDate(sitting.examDate);
    let sittingTo: SittingState;
    try {
      sittingTo = sittingMachine.next(sitting.sittingStatus as SittingState, 'release_results', { today, sittingDate, allScored: true, releaseDate: releaseOn });
      for (const _r of results) {
        resultMachine.next('provisional', 'release', { today, releaseOn });
        registrationMachine.next('scored', 'release_result', { today, sittingDate, resultReleaseDate: releaseOn });
      }
    } catch (error) {
      if (error instanceof TransitionRefused) throw new Conflict(error.reason.en, error.reason);
      throw error;
    }

    const verifyUrl = verifyPageUrl(ctx.baseUrl);
    const certificates: NewCertificate[] = [];
    const mails: { toAddress: string; subject: string; textBody: string }[] = [];
    for (const r of results) {
      let certificateNumber: string | null = null;
      if (r.outcome === 'pass') {
        certificateNumber = certificateNumberOf(r.examNumber);
        const token = certificateToken(
          {
            certificateNumber,
            examNumber: r.examNumber,
            holder: { familyName: r.familyName, givenName: r.givenName, dateOfBirth: r.dateOfBirth, nationality: r.nationality, passportNumber: '' },
            category: { id: sitting.categoryCode, ja: sitting.categoryNameJa, en: sitting.categoryNameEn },
            level: sitting.level,
            passDate: today,
            status: 'issued',
          },
          key,
          now,
        );
        certificates.push({
          certificateNumber, registrationId: r.registrationId, examNumber: r.examNumber,
          holderFamilyName: r.familyName, holderGivenName: r.givenName, holderDateOfBirth: r.dateOfBirth, holderNationality: r.nationality,
          categoryCode: sitting.categoryCode, categoryNameJa: sitting.categoryNameJa, categoryNameEn: sitting.categoryNameEn, level: sitting.level,
          examDate: sitting.examDate, passDate: today, status: 'issued', signingKeyId: key.kid, token, issuedAt: now, issuedBy: null,
        });
      }
      const mail = resultNoticeMail(r.language, {
        name: `${r.familyName} ${r.givenName}`.trim(), examNumber: r.examNumber, category: { ja: sitting.categoryNameJa, en: sitting.categoryNameEn },
        examDate: sitting.examDate, outcome: r.outcome, writtenScore: r.writtenScore, practicalScore: r.practicalScore, certificateNumber, verifyUrl,
      });
      mails.push({ toAddress: r.email, subject: mail.subject, textBody: mail.text });
    }
    const issued = await insertCertificates(tx, certificates);
    await insertOutboxEmailsBulk(tx, mails, now);
    await markResultsReleased(tx, results.map((r) => r.registrationId), now);
    await updateRegistrationStatuses(tx, results.map((r) => r.registrationId), 'scored', 'result_released');
    await updateSittingStatus(tx, sittingId, sitting.sittingStatus, sittingTo);
    const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    await markReleased(tx, sittingId, now, by, results.length);
    await writeAuditEvent(tx, {
      action: 'exam_results.released', ...auditMeta(ctx), target: { type: 'exam_sitting', id: sittingId },
      summary: { after: { releaseOn, released: results.length, passed: certificates.length } },
    });
    if (issued > 0) {
      await writeAuditEvent(tx, {
        action: 'exam_certificate.issued', ...auditMeta(ctx), target: { type: 'exam_sitting', id: sittingId },
        summary: { after: { count: issued, signingKeyId: key.kid } },
      });
    }
    return { sittingId, released: results.length, passed: certificates.length, certificates: issued };
  });
};

/** The daily job: release every sitting whose date has come. One sitting's refusal does not stop the others. */
export const releaseDueResults = async (ctx: ExamResultsContext): Promise<{ released: ReleaseSummary[]; refused: { sittingId: string; reason: string }[] }> => {
  if (ctx.actor.kind !== 'system') authorize(ctx.actor, 'exam_results.release');
  const due = await listDueReleases(ctx.db, japanDateOf(ctx.clock.now()));
  const released: ReleaseSummary[] = [];
  const refused: { sittingId: string; reason: string }[] = [];
  for (const sittingId of due) {
    try {
      released.push(await releaseResults(ctx, { sittingId }));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refused.push({ sittingId, reason: error.message });
    }
  }
  return { released, refused };
};

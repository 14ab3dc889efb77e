import type { CandidateLanguage } from '../../../../rules/skills-exam/index.js';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import {
  findRegistration,
  findLiveRegistrationByPassport,
  insertCandidate,
  insertIdentityFlag,
  insertRegistration,
  lockApplication,
  nextExamSequence,
  nextWaitlistPosition,
  possibleDuplicateCandidates,
  updateApplication,
  type RegistrationRow,
} from '../../../persistence/repositories/exam-registrations.repository.js';
import { findSitting, lockSitting, seatsTaken } from '../../../persistence/repositories/exam-sittings.repository.js';
import { auditMeta } from '../../accounts/context.js';
import { Conflict } from '../../errors.js';
import { isIdempotencyKey } from '../../idempotency/idempotency.js';
import { queueMail } from '../../mail/outbox.js';
import { findDuplicateIdentities, nameKey, normalisePassport, type Registration } from '../duplicate-identity.js';
import { formatExamNumber } from '../exam-number.js';
import { REGISTRATION_INITIAL } from '../registration.states.js';
import { type ApplicationData, firstMissingStep } from './application-form.js';
import { registrationMail } from './candidate-mail.js';
import { hashToken, todayOf, type ExamContext } from './context.js';
import { checkEligibility } from './eligibility.js';
import { loadApplication } from './load-application.js';
import { assertRegistrationOpen, formatFee } from './registration-window.js';
import { payAndIssue } from './registration-status.js';

/** The candidate does not meet the exam-eligibility rules; `reason` is in the candidate's language. */
export class NotEligible extends Conflict {
  constructor(readonly outcome: string, readonly reason: string) {
    super(`not eligible: ${outcome}`, { ja: reason, en: reason });
    this.name = 'NotEligible';
  }
}

/** The same passport already holds a live registration for this sitting. */
export class DuplicateRegistration extends Conflict {
  constructor() {
    super('duplicate registration', {
      ja: 'この旅券で、この試験回にはすでに申し込まれています。',
      en: 'This passport is already registered for this sitting.',
    });
    this.name = 'DuplicateRegistration';
  }
}

export type SubmittedRegistration = { registration: RegistrationRow; replayed: boolean; flagged: number };

const isUniqueViolation = (e: unknown, constraint: string): boolean => {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const c = err.cause ?? err;
  return c.code === '23505' && (c.constraint === constraint || String((e as Error).message ?? '').includes(constraint));
};

/**
 * Sends the application: eligibility on the exam day (refused with the reason in the candidate's language), one live
 * registration per passport and sitting (refused), possible same-person-other-name registrations flagged for staff,
 * an exam number, a seat or a place on the waiting list. Idempotent: the application is sent once, and the same
 * idempotency key returns the first result.
 */
export const submitApplication = async (ctx: ExamContext, token: unknown, input: { idempotencyKey?: unknown }): Promise<SubmittedRegistration> => {
  const { application, data, place, hasPhoto } = await loadApplication(ctx, token);
  if (application.registrationId) {
    const existing = await findRegistration(ctx.db, application.registrationId);
    if (existing) return { registration: existing, replayed: true, flagged: 0 };
  }
  if (!application.emailVerifiedAt || !application.email) {
    throw new Conflict('email not verified', { ja: '先にメールアドレスを確認してください。', en: 'Confirm your email address first.' });
  }
  if (firstMissingStep(data, hasPhoto)) throw new Conflict('incomplete', { ja: '未回答の項目があります。', en: 'Some questions have not been answered.' });
  const d = data as Required<ApplicationData>;
  const lang = application.language as CandidateLanguage;
  const eligibility = checkEligibility({ level: place.category.level, category: place.category.code, examDate: place.sitting.examDate, dateOfBirth: d.dateOfBirth, nationality: d.nationality }, lang);
  if (eligibility.outcome !== 'eligible') throw new NotEligible(eligibility.outcome, eligibility.reason);
  const idempotencyKey = isIdempotencyKey(input.idempotencyKey) ? input.idempotencyKey : null;
  const passportKey = normalisePassport(d.nationality, d.passportNumber);
  const now = ctx.clock.now();
  const today = todayOf(ctx);

  try {
    return await ctx.db.transaction(async (tx) => {
      const locked = await lockApplication(tx, application.id);
      if (locked?.registrationId) {
        const existing = await findRegistration(tx, locked.registrationId);
        if (existing) return { registration: existing, replayed: true, flagged: 0 };
      }
      await lockSitting(tx, place.sitting.id);
      const sitting = (await findSitting(tx, place.sitting.id))!.sitting;
      assertRegistrationOpen(sitting, today);
      if (await findLiveRegistrationByPassport(tx, sitting.id, passportKey)) throw new DuplicateRegistration();

      const taken = (await seatsTaken(tx, [sitting.id])).get(sitting.id) ?? 0;
      const full = taken >= sitting.capacity;
      let status: RegistrationRow['status'] = full ? REGISTRATION_INITIAL[1]! : REGISTRATION_INITIAL[0]!;
      const c = { today, sittingDate: sitting.examDate };
      const free = sitting.feeAmount === 0;
      if (!full && free) status = payAndIssue(status, c);
      const sequence = await nextExamSequence(tx, place.category.level, Number(sitting.examDate.slice(0, 4)));
      const examNumber = formatExamNumber({ level: place.category.level, year: Number(sitting.examDate.slice(0, 4)), sequence });

      const candidate = await insertCandidate(tx, {
        familyName: d.familyName,
        givenName: d.givenName ?? '',
        dateOfBirth: d.dateOfBirth,
        nationality: d.nationality,
        passportNumber: d.passportNumber,
        passportKey,
        gender: d.gender ?? 'unknown',
        experienceMonths: d.experienceMonths ?? null,
        careerSummary: d.careerSummary || null,
        residenceCountry: d.residenceCountry || null,
        residenceRegion: d.residenceRegion || null,
        email: application.email!,
        language: lang,
        photo: locked?.photo ?? application.photo,
        photoSha256: locked?.photoSha256 ?? application.photoSha256,
        photoContentType: locked?.photoContentType ?? application.photoContentType,
      });
      const registration = await insertRegistration(tx, {
        sittingId: sitting.id,
        candidateId: candidate.id,
        examNumber,
        passportKey,
        status,
        feeAmount: sitting.feeAmount,
        feeCurrency: sitting.feeCurrency,
        waitlistPosition: full ? await nextWaitlistPosition(tx, sitting.id) : null,
        eligibility: { outcome: eligibility.outcome, asOf: eligibility.determination.asOf, reasons: eligibility.determination.reasons },
        accessTokenHash: hashToken(token as string),
        idempotencyKey,
        ...(free && !full ? { feePaidAt: now, feeReference: 'no-fee' } : {}),
      });
      await updateApplication(tx, application.id, { registrationId: registration.id });
      await writeAuditEvent(tx, {
        action: 'exam_registration.submitted',
        ...auditMeta(ctx),
        target: { type: 'exam_registration', id: registration.id },
        summary: { after: { examNumber, sittingId: sitting.id, status, waitlistPosition: registration.waitlistPosition } },
      });

      // Possible duplicates: the same person under another name (same passport elsewhere with a different name, or
      // same birth date and nationality with a similar name in this sitting). Flagged for staff, never merged.
      const others = await possibleDuplicateCandidates(tx, { sittingId: sitting.id, passportKey, dateOfBirth: d.dateOfBirth, nationality: d.nationality });
      const me: Registration = { id: registration.id, familyName: d.familyName, givenName: d.givenName ?? '', dateOfBirth: d.dateOfBirth, nationality: d.nationality, passportNumber: d.passportNumber };
      const pool: Registration[] = [me, ...others.filter((o) => o.registrationId !== registration.id).map((o) => ({ id: o.registrationId, familyName: o.candidate.familyName, givenName: o.candidate.givenName, dateOfBirth: o.candidate.dateOfBirth, nationality: o.candidate.nationality, passportNumber: o.candidate.passportNumber }))];
      const byId = new Map(pool.map((r) => [r.id, r]));
      let flagged = 0;
      for (const pair of findDuplicateIdentities(pool)) {
        if (pair.a !== registration.id && pair.b !== registration.id) continue;
        const other = byId.get(pair.a === registration.id ? pair.b : pair.a)!;
        const reasons = pair.reasons.filter((r) => r.code !== 'same_passport' || nameKey(other.familyName, other.givenName) !== nameKey(me.familyName, me.givenName));
        if (reasons.length === 0) continue;
        if (await insertIdentityFlag(tx, { registrationAId: pair.a, registrationBId: pair.b, reasons, createdAt: now })) {
          flagged += 1;
          await writeAuditEvent(tx, { action: 'exam_identity_flag.raised', ...auditMeta(ctx), target: { type: 'exam_registration', id: registration.id }, summary: { after: { other: other.id, reasons: reasons.map((r) => r.code) } } });
        }
      }

      await queueMail(
        tx,
        now,
        application.email!,
        registrationMail(lang, { examNumber, link: `${ctx.baseUrl ?? ''}/exams/registrations/${token as string}`, waitlisted: full, fee: formatFee(sitting.feeAmount, sitting.feeCurrency, lang) }),
      );
      return { registration, replayed: false, flagged };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'exam_registrations_live_passport_key')) throw new DuplicateRegistration();
    throw e;
  }
};

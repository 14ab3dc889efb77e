import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../../src/persistence/database.js';
import { createTestDatabase } from '../../helpers/test-database.js';
import { apply, createExamWorld, fillApplication, lastCodeFor, tinyPng, type ExamWorld } from './fixtures.js';
import { saveApplicationPhoto, saveApplicationStep } from '../../../src/domain/exams/use-cases/save-application-step.js';
import { submitApplication, NotEligible, DuplicateRegistration } from '../../../src/domain/exams/use-cases/submit-application.js';
import { startApplication } from '../../../src/domain/exams/use-cases/start-application.js';
import { sendEmailCode } from '../../../src/domain/exams/use-cases/send-email-code.js';
import { verifyEmailCode } from '../../../src/domain/exams/use-cases/verify-email-code.js';
import { ApplicationInputError } from '../../../src/domain/exams/use-cases/application-form.js';
import { cancelRegistration } from '../../../src/domain/exams/use-cases/cancel-registration.js';
import { rescheduleRegistration } from '../../../src/domain/exams/use-cases/reschedule-registration.js';
import { getCandidateRegistration } from '../../../src/domain/exams/use-cases/get-candidate-registration.js';
import { admissionTicketPdf } from '../../../src/domain/exams/use-cases/admission-ticket.js';
import { importPayments } from '../../../src/domain/exams/use-cases/import-payments.js';
import { isValidExamNumber } from '../../../src/domain/exams/exam-number.js';
import { Conflict } from '../../../src/domain/errors.js';

let database: Database;
let w: ExamWorld;

beforeEach(async () => {
  database = await createTestDatabase();
  w = await createExamWorld(database);
}, 60_000);
afterEach(async () => database?.close());

const statusOf = async (id: string) => rowsOf<{ status: string; waitlist_position: number | null }>(await database.db.execute(sql`SELECT status, waitlist_position FROM exam_registrations WHERE id = ${id}`))[0]!;

describe('candidate registration', () => {
  it('issues a valid exam number, is idempotent, and queues the confirmation mail', async () => {
    const token = await fillApplication(w);
    const first = await submitApplication(w.anon, token, { idempotencyKey: 'idem-key-0000000000001' });
    expect(isValidExamNumber(first.registration.examNumber)).toBe(true);
    expect(first.registration.examNumber.startsWith('SSW1-2025-')).toBe(true);
    expect(first.registration.status).toBe('applied');
    const again = await submitApplication(w.anon, token, { idempotencyKey: 'idem-key-0000000000001' });
    expect(again.replayed).toBe(true);
    expect(again.registration.id).toBe(first.registration.id);
    const n = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM exam_registrations`))[0]!.n;
    expect(Number(n)).toBe(1);
  });

  it('explains an eligibility failure in the candidate’s language (Vietnamese, Indonesian)', async () => {
    const young = await fillApplication(w, { language: 'vi', dateOfBirth: '2009-01-01' });
    await expect(submitApplication(w.anon, young, {})).rejects.toSatisfy((e) => e instanceof NotEligible && /17 tuổi/.test((e as NotEligible).reason));
    const indo = await fillApplication(w, { language: 'id', nationality: 'ID', dateOfBirth: '2008-03-01' });
    await expect(submitApplication(w.anon, indo, {})).rejects.toSatisfy((e) => e instanceof NotEligible && /18 tahun/.test((e as NotEligible).reason));
    const jp = await fillApplication(w, { language: 'en', nationality: 'JP' });
    await expect(submitApplication(w.anon, jp, {})).rejects.toSatisfy((e) => e instanceof NotEligible && (e as NotEligible).outcome === 'japanese_national');
  });

  it('shows the eligibility outcome right after the birth page', async () => {
    const { token } = await startApplication(w.anon, { sittingId: w.sittingId, language: 'id' });
    await sendEmailCode(w.anon, token, { email: 'x@example.com' });
    await verifyEmailCode(w.anon, token, { code: await lastCodeFor(database, 'x@example.com') });
    const r = await saveApplicationStep(w.anon, token, 'birth', { 'dateOfBirth-year': '2008', 'dateOfBirth-month': '12', 'dateOfBirth-day': '11', nationality: 'ID', gender: 'female' });
    expect(r.eligibility?.outcome).toBe('under_minimum_age');
    expect(r.eligibility?.reason).toContain('18 tahun');
  });

  it('refuses names not in Latin capitals, bad passports and bad photos', async () => {
    const { token } = await startApplication(w.anon, { sittingId: w.sittingId, language: 'en' });
    await sendEmailCode(w.anon, token, { email: 'y@example.com' });
    await expect(verifyEmailCode(w.anon, token, { code: '000000' === (await lastCodeFor(database, 'y@example.com')) ? '111111' : '000000' })).rejects.toBeInstanceOf(ApplicationInputError);
    await verifyEmailCode(w.anon, token, { code: await lastCodeFor(database, 'y@example.com') });
    await expect(saveApplicationStep(w.anon, token, 'name', { familyName: 'Nguyen', givenName: '' })).rejects.toSatisfy((e) => (e as ApplicationInputError).codes[0]?.code === 'latin_capitals');
    await expect(saveApplicationStep(w.anon, token, 'name', { familyName: 'グエン' })).rejects.toBeInstanceOf(ApplicationInputError);
    await expect(saveApplicationStep(w.anon, token, 'passport', { passportNumber: 'AB' })).rejects.toBeInstanceOf(ApplicationInputError);
    await expect(saveApplicationPhoto(w.anon, token, Buffer.from('GIF89a not a png'))).rejects.toSatisfy((e) => (e as ApplicationInputError).codes[0]?.code === 'photo_type');
    const big = Buffer.concat([tinyPng(), Buffer.alloc(2 * 1024 * 1024)]);
    await expect(saveApplicationPhoto(w.anon, token, big)).rejects.toSatisfy((e) => (e as ApplicationInputError).codes[0]?.code === 'photo_size');
    await expect(submitApplication(w.anon, token, {})).rejects.toBeInstanceOf(Conflict);
  });

  it('refuses the same passport twice in one sitting, and flags the same person under another name', async () => {
    await apply(w, { passportNumber: 'C1234567' });
    await expect(apply(w, { passportNumber: 'c 123-4567', familyName: 'TRAN' })).rejects.toBeInstanceOf(DuplicateRegistration);
    const other = await apply(w, { passportNumber: 'C7654321', familyName: 'NGUYEN', givenName: 'VAN ANH' });
    expect(other.flagged).toBe(1);
    const flags = rowsOf<{ reasons: { code: string }[] }>(await database.db.execute(sql`SELECT reasons FROM exam_identity_flags`));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.reasons[0]!.code).toBe('similar_name');
  });

  it('waitlists when full and promotes on cancellation, within the window', async () => {
    const small = await w.newSitting({ capacity: 1 });
    const a = await apply(w, {}, small);
    const b = await apply(w, { familyName: 'PHAM', dateOfBirth: '1999-01-01' }, small);
    expect((await statusOf(b.registration.id))).toEqual({ status: 'waitlisted', waitlist_position: 1 });
    const { promoted } = await cancelRegistration(w.anon, a.token, { reason: 'cannot travel' });
    expect(promoted).toEqual([b.registration.id]);
    expect((await statusOf(b.registration.id)).status).toBe('applied');
    expect((await statusOf(a.registration.id)).status).toBe('cancelled');
  });

  it('refuses cancelling and rescheduling after the deadlines', async () => {
    const r = await apply(w);
    w.clock.set('2025-11-26T01:00:00Z');
    await expect(cancelRegistration(w.anon, r.token)).rejects.toBeInstanceOf(Conflict);
    await expect(rescheduleRegistration(w.anon, r.token, { sittingId: w.sittingId })).rejects.toBeInstanceOf(Conflict);
  });

  it('refuses applications outside the registration window', async () => {
    w.clock.set('2025-11-11T01:00:00Z');
    await expect(startApplication(w.anon, { sittingId: w.sittingId, language: 'en' })).rejects.toBeInstanceOf(Conflict);
  });

  it('reschedules to another sitting carrying the paid fee', async () => {
    const r = await apply(w);
    const csv = `exam_number,amount,currency,paid_on,reference\n${r.registration.examNumber},8000,JPY,2025-09-30,BANK-1\n`;
    expect(await importPayments(w.admin, { fileName: 'p.csv', bytes: Buffer.from(csv) })).toMatchObject({ ok: true, applied: 1 });
    const later = await w.newSitting({ examDate: '2025-12-20' });
    const moved = await rescheduleRegistration(w.anon, r.token, { sittingId: later });
    expect((await statusOf(r.registration.id)).status).toBe('cancelled');
    expect((await statusOf(moved.registrationId)).status).toBe('ticket_issued');
    const view = await getCandidateRegistration(w.anon, moved.accessToken);
    expect(view.sitting.id).toBe(later);
  });
});

describe('payments import and admission ticket', () => {
  it('is all-or-nothing with a row report', async () => {
    const a = await apply(w);
    const b = await apply(w, { familyName: 'LE', dateOfBirth: '1998-02-02' });
    const bad = [
      'exam_number,amount,currency,paid_on,reference',
      `${a.registration.examNumber},8000,JPY,2025-09-30,REF-A`,
      `${b.registration.examNumber},7000,JPY,2025-09-30,REF-B`,
      'SSW1-2025-0000099-X,8000,JPY,2025-09-30,REF-C',
    ].join('\n');
    const r = await importPayments(w.admin, { fileName: 'bad.csv', bytes: Buffer.from(bad) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.rows.map((x) => x.line)).toEqual([3, 4]);
      expect(r.rows[0]!.problems.map((p) => p.code)).toContain('amount');
    }
    expect((await statusOf(a.registration.id)).status).toBe('applied');
    const good = bad.split('\n').slice(0, 2).join('\n') + `\n${b.registration.examNumber},8000,JPY,2025-09-30,REF-B\n`;
    expect(await importPayments(w.admin, { fileName: 'good.csv', bytes: Buffer.from(good) })).toMatchObject({ ok: true, applied: 2 });
    expect((await statusOf(a.registration.id)).status).toBe('ticket_issued');
    const again = await importPayments(w.admin, { fileName: 'good.csv', bytes: Buffer.from(good) });
    expect(again.ok).toBe(false);
  });

  it('issues an admission ticket PDF only once paid', async () => {
    const a = await apply(w);
    await expect(admissionTicketPdf(w.anon, a.token)).rejects.toBeInstanceOf(Conflict);
    await importPayments(w.admin, { fileName: 'p.csv', bytes: Buffer.from(`exam_number,amount,currency,paid_on,reference\n${a.registration.examNumber},8000,JPY,2025-09-30,R1\n`) });
    const { pdf } = await admissionTicketPdf(w.anon, a.token);
    expect(Buffer.from(pdf.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(200_000);
  });
});

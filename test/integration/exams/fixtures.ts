// Shared set-up for the exam integration tests: staff actors, a category with an approved question set, a venue and
// a sitting open for registration, and a candidate who applies through the use cases.
import type { Actor } from '../../../src/domain/access/actor.js';
import { createExamCategory } from '../../../src/domain/exams/use-cases/create-exam-category.js';
import { createQuestionSet, reviewQuestionSet } from '../../../src/domain/exams/use-cases/question-sets.js';
import { changeSittingStatus, createSitting, createVenue } from '../../../src/domain/exams/use-cases/sittings.js';
import { startApplication } from '../../../src/domain/exams/use-cases/start-application.js';
import { sendEmailCode } from '../../../src/domain/exams/use-cases/send-email-code.js';
import { verifyEmailCode } from '../../../src/domain/exams/use-cases/verify-email-code.js';
import { saveApplicationPhoto, saveApplicationStep } from '../../../src/domain/exams/use-cases/save-application-step.js';
import { submitApplication } from '../../../src/domain/exams/use-cases/submit-application.js';
import type { ExamContext } from '../../../src/domain/exams/use-cases/context.js';
import { ANONYMOUS } from '../../../src/domain/access/actor.js';
import type { Database } from '../../../src/persistence/database.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { sql } from 'drizzle-orm';
import { createOrganisations, makeUser } from '../accounts/helpers.js';
import { rgbPng } from '../../helpers/png.js';
import { fixedClock } from '../../helpers/test-app.js';

export const SECRET = 'test-signing-secret-0123456789abcdef0123';

export const staffActor = (
  userId: string,
  organisationId: string,
  role: 'exam_admin' | 'proctor' = 'exam_admin',
  who: { email: string; displayName: string } = { email: `${userId}@example.jp`, displayName: role },
): Actor => ({
  kind: 'user',
  userId,
  email: who.email,
  displayName: who.displayName,
  roles: [{ role, organisationId }],
  isInformationHandler: true,
  mfaVerified: true,
  actingFor: [],
});

/** A tiny valid PNG (1×1). */
export const tinyPng = (): Buffer => rgbPng(1, 1, () => [200, 120, 60]);

export type ExamCatalogue = { categoryId: string; questionSetId: string; venueId: string };

/** Machining and metalworking, level i: the category every exam test uses. */
const MACHINING = { code: 'kikai_kinzoku', level: 'i', nameJa: '機械金属加工', nameEn: 'Machining and metalworking', effectiveFrom: '2022-08-01', parts: ['written', 'practical'] };

/** The machining category, its question set KK1-A written by `admin` and approved by `reviewer` (four eyes), and a venue. */
export const createExamCatalogue = async (
  admin: ExamContext,
  reviewer: ExamContext,
  p: { answerKey: string; practicalCriteria?: string; venue: Record<string, unknown> },
): Promise<ExamCatalogue> => {
  const category = await createExamCategory(admin, MACHINING);
  const set = await createQuestionSet(admin, { categoryId: category.id, code: 'KK1-A', title: 'Set A', answerKey: p.answerKey, practicalCriteria: p.practicalCriteria });
  await reviewQuestionSet(admin, set.id, 'submit');
  await reviewQuestionSet(reviewer, set.id, 'approve');
  const venue = await createVenue(admin, p.venue);
  return { categoryId: category.id, questionSetId: set.id, venueId: venue.id };
};

export type SittingTerms = {
  examDate: string;
  startTime: string;
  registrationOpensOn: string;
  registrationClosesOn: string;
  rescheduleDeadline: string;
  cancelDeadline: string;
  feeAmount: string;
  feeCurrency: string;
  capacity: string;
};

/** A sitting of the catalogue's category at its venue, open for registration with its question set; returns its id. */
export const openSitting = async (admin: ExamContext, c: ExamCatalogue, terms: SittingTerms): Promise<string> => {
  const s = await createSitting(admin, { categoryId: c.categoryId, venueId: c.venueId, ...terms });
  await changeSittingStatus(admin, s.id, 'open_registration', { questionSetId: c.questionSetId });
  return s.id;
};

export type ExamWorld = {
  database: Database;
  clock: ReturnType<typeof fixedClock>;
  admin: ExamContext;
  reviewer: ExamContext;
  proctor: ExamContext;
  anon: ExamContext;
  categoryId: string;
  venueId: string;
  sittingId: string;
  questionSetId: string;
  orgs: Awaited<ReturnType<typeof createOrganisations>>;
  newSitting(p?: { capacity?: number; fee?: string; examDate?: string }): Promise<string>;
};

export const EXAM_DATE = '2025-12-10';

export const createExamWorld = async (database: Database, options: { capacity?: number; fee?: string } = {}): Promise<ExamWorld> => {
  const clock = fixedClock('2025-10-01T01:00:00Z');
  const orgs = await createOrganisations(database);
  const a = await makeUser(database, { isStaff: true, roles: [{ role: 'exam_admin', organisationId: orgs.secretariat }] });
  const b = await makeUser(database, { isStaff: true, roles: [{ role: 'exam_admin', organisationId: orgs.secretariat }] });
  const p = await makeUser(database, { isStaff: true, roles: [{ role: 'proctor', organisationId: orgs.secretariat }] });
  const base = { db: database.db, clock, baseUrl: 'http://localhost:3000', signingSecret: SECRET };
  const admin: ExamContext = { ...base, actor: staffActor(a.userId, orgs.secretariat) };
  const reviewer: ExamContext = { ...base, actor: staffActor(b.userId, orgs.secretariat) };
  const proctor: ExamContext = { ...base, actor: staffActor(p.userId, orgs.secretariat, 'proctor') };
  const anon: ExamContext = { ...base, actor: ANONYMOUS };
  const catalogue = await createExamCatalogue(admin, reviewer, {
    answerKey: 'A\nB 2\nC|D',
    practicalCriteria: 'safety; 安全; 2; 10',
    venue: { name: 'Hanoi Test Centre', country: 'VN', city: 'Hanoi', address: '1 Trang Tien', capacity: '100', equipment: ['cbt_terminals'] },
  });
  const newSitting = (o: { capacity?: number; fee?: string; examDate?: string } = {}) =>
    openSitting(admin, catalogue, {
      examDate: o.examDate ?? EXAM_DATE,
      startTime: '09:30',
      registrationOpensOn: '2025-09-01',
      registrationClosesOn: '2025-11-10',
      rescheduleDeadline: '2025-11-20',
      cancelDeadline: '2025-11-25',
      feeAmount: o.fee ?? '8000',
      feeCurrency: 'JPY',
      capacity: String(o.capacity ?? options.capacity ?? 30),
    });
  const sittingId = await newSitting({ ...(options.fee ? { fee: options.fee } : {}) });
  return { orgs, database, clock, admin, reviewer, proctor, anon, categoryId: catalogue.categoryId, venueId: catalogue.venueId, sittingId, questionSetId: catalogue.questionSetId, newSitting };
};

export type CandidateInput = { familyName?: string; givenName?: string; dateOfBirth?: string; nationality?: string; passportNumber?: string; language?: 'ja' | 'en' | 'vi' | 'id'; email?: string };

/** Reads the last code mailed to an address from the outbox. */
export const lastCodeFor = async (database: Database, email: string): Promise<string> => {
  const rows = rowsOf<{ text_body: string }>(await database.db.execute(sql`SELECT text_body FROM outbox_emails WHERE to_address = ${email} ORDER BY created_at DESC, id DESC LIMIT 1`));
  return /\b(\d{6})\b/.exec(rows[0]?.text_body ?? '')?.[1] ?? '';
};

/** Fills an application up to the check-answers page; returns its token. */
export const fillApplication = async (w: Pick<ExamWorld, 'anon' | 'database' | 'sittingId'>, c: CandidateInput = {}, sittingId = w.sittingId): Promise<string> => {
  const { token } = await startApplication(w.anon, { sittingId, language: c.language ?? 'en' });
  const email = c.email ?? `cand-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await sendEmailCode(w.anon, token, { email });
  await verifyEmailCode(w.anon, token, { code: await lastCodeFor(w.database, email) });
  await saveApplicationStep(w.anon, token, 'name', { familyName: c.familyName ?? 'NGUYEN', givenName: c.givenName ?? 'VAN AN' });
  const [y, m, d] = (c.dateOfBirth ?? '2000-05-01').split('-');
  await saveApplicationStep(w.anon, token, 'birth', { 'dateOfBirth-year': y, 'dateOfBirth-month': m, 'dateOfBirth-day': d, nationality: c.nationality ?? 'VN', gender: 'male' });
  await saveApplicationStep(w.anon, token, 'passport', { passportNumber: c.passportNumber ?? `C${Math.floor(Math.random() * 1e7)}` });
  await saveApplicationStep(w.anon, token, 'background', { experienceMonths: '24', residenceCountry: 'VN', residenceRegion: 'Hanoi' });
  await saveApplicationPhoto(w.anon, token, tinyPng());
  return token;
};

export const apply = async (w: Pick<ExamWorld, 'anon' | 'database' | 'sittingId'>, c: CandidateInput = {}, sittingId = w.sittingId) => {
  const token = await fillApplication(w, c, sittingId);
  const result = await submitApplication(w.anon, token, { idempotencyKey: `key-${token.slice(0, 20)}` });
  return { token, ...result };
};

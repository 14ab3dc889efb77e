// Candidates, application drafts, registrations, exam numbers, payment confirmations, identity flags and
// irregularity reports.
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, notInArray, or, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../database.js';
import {
  examApplications,
  examCandidates,
  examCategories,
  examIdentityFlags,
  examIrregularityReports,
  examPaymentConfirmations,
  examPaymentImports,
  examRegistrations,
  examSittings,
  examVenues,
  type ExamLevel,
  type RegistrationStatus,
} from '../schema/exams.js';

export type ApplicationRow = typeof examApplications.$inferSelect;
export type CandidateRow = typeof examCandidates.$inferSelect;
export type RegistrationRow = typeof examRegistrations.$inferSelect;

// Application drafts ---------------------------------------------------------------------------------

export const insertApplication = async (db: Db, row: typeof examApplications.$inferInsert): Promise<ApplicationRow> => (await db.insert(examApplications).values(row).returning())[0]!;
export const findApplicationByTokenHash = async (db: Db, tokenHash: string): Promise<ApplicationRow | undefined> =>
  (await db.select().from(examApplications).where(eq(examApplications.tokenHash, tokenHash)))[0];
export const updateApplication = async (db: Db, id: string, patch: Partial<typeof examApplications.$inferInsert>): Promise<ApplicationRow> =>
  (await db.update(examApplications).set(patch).where(eq(examApplications.id, id)).returning())[0]!;
/** Row lock so two submits of one application run one after the other. */
export const lockApplication = async (db: Db, id: string): Promise<ApplicationRow | undefined> =>
  (await db.select().from(examApplications).where(eq(examApplications.id, id)).for('update'))[0];

// Candidates and registrations -----------------------------------------------------------------------

export const insertCandidate = async (db: Db, row: typeof examCandidates.$inferInsert): Promise<CandidateRow> => (await db.insert(examCandidates).values(row).returning())[0]!;

/** Draws the next exam number sequence for a level and year (row-locked, gap-free within committed transactions). */
export const nextExamSequence = async (db: Db, level: ExamLevel, year: number): Promise<number> => {
  const rows = rowsOf<{ last_sequence: number }>(
    await db.execute(sql`INSERT INTO exam_number_counters (level, year, last_sequence) VALUES (${level}, ${year}, 1)
      ON CONFLICT (level, year) DO UPDATE SET last_sequence = exam_number_counters.last_sequence + 1
      RETURNING last_sequence`),
  );
  return Number(rows[0]!.last_sequence);
};

export const insertRegistration = async (db: Db, row: typeof examRegistrations.$inferInsert): Promise<RegistrationRow> => (await db.insert(examRegistrations).values(row).returning())[0]!;
export const findRegistration = async (db: Db, id: string): Promise<RegistrationRow | undefined> => (await db.select().from(examRegistrations).where(eq(examRegistrations.id, id)))[0];
export const findRegistrationByIdempotencyKey = async (db: Db, key: string): Promise<RegistrationRow | undefined> =>
  (await db.select().from(examRegistrations).where(eq(examRegistrations.idempotencyKey, key)))[0];
export const findRegistrationByAccessHash = async (db: Db, hash: string): Promise<RegistrationRow | undefined> =>
  (await db.select().from(examRegistrations).where(eq(examRegistrations.accessTokenHash, hash)))[0];
export const findRegistrationsByExamNumbers = (db: Db, numbers: string[]): Promise<RegistrationRow[]> =>
  numbers.length ? db.select().from(examRegistrations).where(inArray(examRegistrations.examNumber, numbers)) : Promise.resolve([]);

export const registrationDetail = async (db: Db, id: string) =>
  (
    await db
      .select({ registration: examRegistrations, candidate: examCandidates, sitting: examSittings, venue: examVenues, category: examCategories })
      .from(examRegistrations)
      .innerJoin(examCandidates, eq(examCandidates.id, examRegistrations.candidateId))
      .innerJoin(examSittings, eq(examSittings.id, examRegistrations.sittingId))
      .innerJoin(examVenues, eq(examVenues.id, examSittings.venueId))
      .innerJoin(examCategories, eq(examCategories.id, examSittings.categoryId))
      .where(eq(examRegistrations.id, id))
  )[0];
export type RegistrationDetail = NonNullable<Awaited<ReturnType<typeof registrationDetail>>>;

/** A live registration of this passport in this sitting (the partial unique index backs this up). */
export const findLiveRegistrationByPassport = async (db: Db, sittingId: string, passportKey: string): Promise<RegistrationRow | undefined> =>
  (
    await db
      .select()
      .from(examRegistrations)
      .where(and(eq(examRegistrations.sittingId, sittingId), eq(examRegistrations.passportKey, passportKey), ne(examRegistrations.status, 'cancelled')))
  )[0];

/** Candidates who could be the same person: same passport anywhere, or same birth date and nationality in the sitting. */
export const possibleDuplicateCandidates = (db: Db, p: { sittingId: string; passportKey: string; dateOfBirth: string; nationality: string }) =>
  db
    .select({ registrationId: examRegistrations.id, sittingId: examRegistrations.sittingId, candidate: examCandidates })
    .from(examRegistrations)
    .innerJoin(examCandidates, eq(examCandidates.id, examRegistrations.candidateId))
    .where(
      and(
        ne(examRegistrations.status, 'cancelled'),
        sql`(${examRegistrations.passportKey} = ${p.passportKey} OR (${examRegistrations.sittingId} = ${p.sittingId} AND ${examCandidates.dateOfBirth} = ${p.dateOfBirth} AND ${examCandidates.nationality} = ${p.nationality}))`,
      ),
    );

export const updateRegistration = async (db: Db, id: string, seenLockVersion: number, patch: Partial<typeof examRegistrations.$inferInsert> & { status?: RegistrationStatus }): Promise<boolean> =>
  (
    await db
      .update(examRegistrations)
      .set({ ...patch, lockVersion: seenLockVersion + 1 })
      .where(and(eq(examRegistrations.id, id), eq(examRegistrations.lockVersion, seenLockVersion)))
      .returning({ id: examRegistrations.id })
  ).length === 1;

export const nextWaitlistPosition = async (db: Db, sittingId: string): Promise<number> => {
  const rows = rowsOf<{ p: number | null }>(await db.execute(sql`SELECT max(waitlist_position)::int AS p FROM exam_registrations WHERE sitting_id = ${sittingId} AND status = 'waitlisted'`));
  return Number(rows[0]?.p ?? 0) + 1;
};
export const firstWaitlisted = async (db: Db, sittingId: string): Promise<RegistrationRow | undefined> =>
  (
    await db
      .select()
      .from(examRegistrations)
      .where(and(eq(examRegistrations.sittingId, sittingId), eq(examRegistrations.status, 'waitlisted')))
      .orderBy(asc(examRegistrations.waitlistPosition))
      .limit(1)
  )[0];

export const listSittingRegistrations = (db: Db, sittingId: string) =>
  db
    .select({ registration: examRegistrations, candidate: { id: examCandidates.id, familyName: examCandidates.familyName, givenName: examCandidates.givenName, nationality: examCandidates.nationality } })
    .from(examRegistrations)
    .innerJoin(examCandidates, eq(examCandidates.id, examRegistrations.candidateId))
    .where(eq(examRegistrations.sittingId, sittingId))
    .orderBy(asc(examRegistrations.examNumber));

export const countRegistrationsByStatus = async (db: Db, sittingId: string): Promise<Record<string, number>> => {
  const rows = await db
    .select({ status: examRegistrations.status, n: sql<number>`count(*)::int` })
    .from(examRegistrations)
    .where(eq(examRegistrations.sittingId, sittingId))
    .groupBy(examRegistrations.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
};

// Resending a candidate's links -----------------------------------------------------------------------

export type RegistrationForLinks = {
  registrationId: string;
  examNumber: string;
  status: RegistrationStatus;
  accessLinkSentAt: Date | null;
  examDate: string;
  categoryNameJa: string;
  categoryNameEn: string;
  level: ExamLevel;
  email: string;
  language: string;
};

/** Registrations made with an e-mail address (any case), not cancelled, with an exam day on or after `fromExamDate`; newest first. */
export const listRegistrationsByEmail = (db: Db, email: string, fromExamDate: string, limit = 20): Promise<RegistrationForLinks[]> =>
  db
    .select({
      registrationId: examRegistrations.id,
      examNumber: examRegistrations.examNumber,
      status: examRegistrations.status,
      accessLinkSentAt: examRegistrations.accessLinkSentAt,
      examDate: examSittings.examDate,
      categoryNameJa: examCategories.nameJa,
      categoryNameEn: examCategories.nameEn,
      level: examCategories.level,
      email: examCandidates.email,
      language: examCandidates.language,
    })
    .from(examRegistrations)
    .innerJoin(examCandidates, eq(examCandidates.id, examRegistrations.candidateId))
    .innerJoin(examSittings, eq(examSittings.id, examRegistrations.sittingId))
    .innerJoin(examCategories, eq(examCategories.id, examSittings.categoryId))
    // lower(email) so exam_candidates_email_idx is used.
    .where(and(sql`lower(${examCandidates.email}) = lower(${email})`, ne(examRegistrations.status, 'cancelled'), gte(examSittings.examDate, fromExamDate)))
    .orderBy(desc(examRegistrations.createdAt), asc(examRegistrations.examNumber))
    .limit(limit);

/** Replaces a registration's link token unless it was already replaced after `cooldownStart`: false when it was. */
export const reissueAccessToken = async (db: Db, id: string, accessTokenHash: string, at: Date, cooldownStart: Date): Promise<boolean> =>
  (
    await db
      .update(examRegistrations)
      .set({ accessTokenHash, accessLinkSentAt: at })
      .where(and(eq(examRegistrations.id, id), or(isNull(examRegistrations.accessLinkSentAt), lt(examRegistrations.accessLinkSentAt, cooldownStart))))
      .returning({ id: examRegistrations.id })
  ).length === 1;

// Payments ------------------------------------------------------------------------------------------

export const insertPaymentImport = async (db: Db, row: typeof examPaymentImports.$inferInsert) => (await db.insert(examPaymentImports).values(row).returning())[0]!;
export const insertPaymentConfirmations = async (db: Db, rows: (typeof examPaymentConfirmations.$inferInsert)[]) => {
  if (rows.length) await db.insert(examPaymentConfirmations).values(rows);
};
export const findExistingPaymentReferences = async (db: Db, refs: string[]): Promise<Set<string>> =>
  new Set(
    refs.length
      ? (await db.select({ r: examPaymentConfirmations.reference }).from(examPaymentConfirmations).where(inArray(examPaymentConfirmations.reference, refs))).map((x) => x.r)
      : [],
  );

// Identity flags and irregularities -----------------------------------------------------------------

export const insertIdentityFlag = async (db: Db, row: typeof examIdentityFlags.$inferInsert): Promise<boolean> =>
  (await db.insert(examIdentityFlags).values(row).onConflictDoNothing().returning({ id: examIdentityFlags.id })).length === 1;
export const listOpenIdentityFlags = (db: Db) => db.select().from(examIdentityFlags).where(eq(examIdentityFlags.status, 'open')).orderBy(asc(examIdentityFlags.createdAt));
export const findIdentityFlag = async (db: Db, id: string) => (await db.select().from(examIdentityFlags).where(eq(examIdentityFlags.id, id)))[0];
export const resolveIdentityFlag = async (db: Db, id: string, patch: { status: 'same_person' | 'different_people'; resolutionNote: string; resolvedBy: string; resolvedAt: Date }): Promise<boolean> =>
  (await db.update(examIdentityFlags).set(patch).where(and(eq(examIdentityFlags.id, id), eq(examIdentityFlags.status, 'open'))).returning({ id: examIdentityFlags.id })).length === 1;
export const candidatesOfRegistrations = (db: Db, ids: string[]) =>
  ids.length
    ? db
        .select({ registrationId: examRegistrations.id, examNumber: examRegistrations.examNumber, status: examRegistrations.status, candidate: examCandidates })
        .from(examRegistrations)
        .innerJoin(examCandidates, eq(examCandidates.id, examRegistrations.candidateId))
        .where(inArray(examRegistrations.id, ids))
    : Promise.resolve([]);

export const insertIrregularityReport = async (db: Db, row: typeof examIrregularityReports.$inferInsert) => (await db.insert(examIrregularityReports).values(row).returning())[0]!;
export const listIrregularityReports = (db: Db, sittingId: string) =>
  db.select().from(examIrregularityReports).where(eq(examIrregularityReports.sittingId, sittingId)).orderBy(asc(examIrregularityReports.reportedAt));

export const activeRegistrationsOfSitting = (db: Db, sittingId: string) =>
  db.select().from(examRegistrations).where(and(eq(examRegistrations.sittingId, sittingId), notInArray(examRegistrations.status, ['cancelled'])));


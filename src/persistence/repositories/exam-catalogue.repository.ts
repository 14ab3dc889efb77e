// Exam catalogue and question development: categories, committees (members, meetings, payments), question sets,
// sample questions.
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../database.js';
import {
  examCategories,
  examCommitteeMeetings,
  examCommitteeMembers,
  examCommitteePayments,
  examCommittees,
  examQuestionSets,
  examSampleQuestions,
  type QuestionSetStatus,
} from '../schema/exams.js';

export type ExamCategoryRow = typeof examCategories.$inferSelect;
export type QuestionSetRow = typeof examQuestionSets.$inferSelect;
export type CommitteeRow = typeof examCommittees.$inferSelect;
export type SampleQuestionRow = typeof examSampleQuestions.$inferSelect;

export const insertExamCategory = async (db: Db, row: typeof examCategories.$inferInsert): Promise<ExamCategoryRow> =>
  (await db.insert(examCategories).values(row).returning())[0]!;

export const listExamCategories = (db: Db): Promise<ExamCategoryRow[]> =>
  db.select().from(examCategories).orderBy(asc(examCategories.level), asc(examCategories.code), asc(examCategories.effectiveFrom));

export const findExamCategory = async (db: Db, id: string): Promise<ExamCategoryRow | undefined> =>
  (await db.select().from(examCategories).where(eq(examCategories.id, id)))[0];

/** Distinct set codes with an approved version, per category. */
export const countApprovedSetsByCategory = async (db: Db): Promise<Map<string, number>> => {
  const rows = await db
    .select({ categoryId: examQuestionSets.categoryId, n: sql<number>`count(DISTINCT ${examQuestionSets.code})::int` })
    .from(examQuestionSets)
    .where(eq(examQuestionSets.status, 'approved'))
    .groupBy(examQuestionSets.categoryId);
  return new Map(rows.map((r) => [r.categoryId, Number(r.n)]));
};

// Committees ---------------------------------------------------------------------------------------

export const insertCommittee = async (db: Db, row: typeof examCommittees.$inferInsert): Promise<CommitteeRow> => (await db.insert(examCommittees).values(row).returning())[0]!;
export const findCommittee = async (db: Db, id: string): Promise<CommitteeRow | undefined> => (await db.select().from(examCommittees).where(eq(examCommittees.id, id)))[0];
export const listCommittees = (db: Db) =>
  db
    .select({ committee: examCommittees, category: examCategories })
    .from(examCommittees)
    .innerJoin(examCategories, eq(examCategories.id, examCommittees.categoryId))
    .orderBy(desc(examCommittees.fiscalYear), asc(examCommittees.name));
export const insertCommitteeMember = async (db: Db, row: typeof examCommitteeMembers.$inferInsert) => (await db.insert(examCommitteeMembers).values(row).returning())[0]!;
export const listCommitteeMembers = (db: Db, committeeId: string) =>
  db.select().from(examCommitteeMembers).where(eq(examCommitteeMembers.committeeId, committeeId)).orderBy(asc(examCommitteeMembers.appointedOn), asc(examCommitteeMembers.name));
export const findCommitteeMember = async (db: Db, id: string) => (await db.select().from(examCommitteeMembers).where(eq(examCommitteeMembers.id, id)))[0];
export const insertCommitteeMeeting = async (db: Db, row: typeof examCommitteeMeetings.$inferInsert) => (await db.insert(examCommitteeMeetings).values(row).returning())[0]!;
export const findCommitteeMeeting = async (db: Db, id: string) => (await db.select().from(examCommitteeMeetings).where(eq(examCommitteeMeetings.id, id)))[0];
export const listCommitteeMeetings = (db: Db, committeeId: string) =>
  db.select().from(examCommitteeMeetings).where(eq(examCommitteeMeetings.committeeId, committeeId)).orderBy(asc(examCommitteeMeetings.heldOn));
export const insertCommitteePayment = async (db: Db, row: typeof examCommitteePayments.$inferInsert) => (await db.insert(examCommitteePayments).values(row).returning())[0]!;
export const findCommitteePayment = async (db: Db, id: string) => (await db.select().from(examCommitteePayments).where(eq(examCommitteePayments.id, id)))[0];
export const listCommitteePayments = async (db: Db, committeeId: string) =>
  db
    .select({ payment: examCommitteePayments, memberName: examCommitteeMembers.name, heldOn: examCommitteeMeetings.heldOn })
    .from(examCommitteePayments)
    .innerJoin(examCommitteeMeetings, eq(examCommitteeMeetings.id, examCommitteePayments.meetingId))
    .innerJoin(examCommitteeMembers, eq(examCommitteeMembers.id, examCommitteePayments.memberId))
    .where(eq(examCommitteeMeetings.committeeId, committeeId))
    .orderBy(asc(examCommitteeMeetings.heldOn), asc(examCommitteeMembers.name));

// Question sets -------------------------------------------------------------------------------------

export const latestQuestionSetVersion = async (db: Db, categoryId: string, code: string): Promise<number> => {
  const rows = rowsOf<{ v: number | null }>(
    await db.execute(sql`SELECT max(version)::int AS v FROM exam_question_sets WHERE category_id = ${categoryId} AND code = ${code}`),
  );
  return Number(rows[0]?.v ?? 0);
};
export const insertQuestionSet = async (db: Db, row: typeof examQuestionSets.$inferInsert): Promise<QuestionSetRow> => (await db.insert(examQuestionSets).values(row).returning())[0]!;
export const findQuestionSet = async (db: Db, id: string): Promise<QuestionSetRow | undefined> => (await db.select().from(examQuestionSets).where(eq(examQuestionSets.id, id)))[0];
export const listQuestionSets = (db: Db, categoryId?: string) =>
  db
    .select()
    .from(examQuestionSets)
    .where(categoryId ? eq(examQuestionSets.categoryId, categoryId) : undefined)
    .orderBy(asc(examQuestionSets.code), desc(examQuestionSets.version));
export const listApprovedQuestionSets = (db: Db, categoryId: string) =>
  db
    .select()
    .from(examQuestionSets)
    .where(and(eq(examQuestionSets.categoryId, categoryId), eq(examQuestionSets.status, 'approved')))
    .orderBy(asc(examQuestionSets.code), desc(examQuestionSets.version));

/** Optimistic: moves the set only if nobody changed it since it was read. */
export const updateQuestionSetStatus = async (
  db: Db,
  id: string,
  seenLockVersion: number,
  patch: { status: QuestionSetStatus; submittedAt?: Date | null; approvedBy?: string | null; approvedAt?: Date | null; reviewComment?: string | null; retiredAt?: Date | null },
): Promise<boolean> => {
  const rows = await db
    .update(examQuestionSets)
    .set({ ...patch, lockVersion: seenLockVersion + 1 })
    .where(and(eq(examQuestionSets.id, id), eq(examQuestionSets.lockVersion, seenLockVersion)))
    .returning({ id: examQuestionSets.id });
  return rows.length === 1;
};

// Sample questions ----------------------------------------------------------------------------------

export const insertSampleQuestion = async (db: Db, row: typeof examSampleQuestions.$inferInsert): Promise<SampleQuestionRow> => (await db.insert(examSampleQuestions).values(row).returning())[0]!;
export const findSampleQuestion = async (db: Db, id: string): Promise<SampleQuestionRow | undefined> => (await db.select().from(examSampleQuestions).where(eq(examSampleQuestions.id, id)))[0];
export const publishSampleQuestion = async (db: Db, id: string, by: string, at: Date): Promise<boolean> =>
  (await db.update(examSampleQuestions).set({ publishedAt: at, publishedBy: by }).where(eq(examSampleQuestions.id, id)).returning({ id: examSampleQuestions.id })).length === 1;
export const listSampleQuestions = (db: Db, onlyPublished: boolean) =>
  db
    .select({ sample: examSampleQuestions, category: examCategories })
    .from(examSampleQuestions)
    .innerJoin(examCategories, eq(examCategories.id, examSampleQuestions.categoryId))
    .where(onlyPublished ? isNotNull(examSampleQuestions.publishedAt) : undefined)
    .orderBy(asc(examCategories.code), asc(examCategories.level), asc(examSampleQuestions.createdAt));

export const findCategoriesByIds = (db: Db, ids: string[]) => (ids.length ? db.select().from(examCategories).where(inArray(examCategories.id, ids)) : Promise.resolve([]));

// Simple surveys (M12): one response per establishment, editable until the survey closes.
import { and, asc, desc, eq, inArray, lte, gte } from 'drizzle-orm';
import type { Db } from '../database.js';
import { establishments } from '../schema/organisations.js';
import { surveyResponses, surveys, type NoticeAudience, type SurveyAnswers, type SurveyQuestion, type SurveyStatus } from '../schema/comms.js';

export type { NoticeAudience, SurveyAnswers, SurveyQuestion, SurveyStatus } from '../schema/comms.js';

export type SurveyRow = typeof surveys.$inferSelect;
export type SurveyResponseRow = typeof surveyResponses.$inferSelect;

export async function insertSurvey(tx: Db, s: { id?: string; title: string; description: string; questions: SurveyQuestion[]; audience: NoticeAudience; opensOn: string; closesOn: string; status: SurveyStatus; createdBy: string | null; at: Date }): Promise<SurveyRow> {
  const { at, ...values } = s;
  const [row] = await tx.insert(surveys).values({ ...values, createdAt: at, updatedAt: at }).returning();
  if (!row) throw new Error('insert surveys returned no row');
  return row;
}

export async function findSurvey(db: Db, id: string): Promise<SurveyRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return (await db.select().from(surveys).where(eq(surveys.id, id)).limit(1))[0];
}

export async function listSurveys(db: Db): Promise<SurveyRow[]> {
  return db.select().from(surveys).orderBy(desc(surveys.createdAt)).limit(200);
}

export async function listPublishedSurveysOn(db: Db, today: string): Promise<SurveyRow[]> {
  return db.select().from(surveys).where(and(eq(surveys.status, 'published'), lte(surveys.opensOn, today), gte(surveys.closesOn, today))).orderBy(asc(surveys.closesOn));
}

export async function updateSurveyStatusGuarded(db: Db, id: string, seen: { status: SurveyStatus; lockVersion: number }, status: SurveyStatus): Promise<boolean> {
  const rows = await db
    .update(surveys)
    .set({ status, lockVersion: seen.lockVersion + 1 })
    .where(and(eq(surveys.id, id), eq(surveys.status, seen.status), eq(surveys.lockVersion, seen.lockVersion)))
    .returning({ id: surveys.id });
  return rows.length === 1;
}

export async function findResponse(db: Db, surveyId: string, establishmentId: string): Promise<SurveyResponseRow | undefined> {
  return (await db.select().from(surveyResponses).where(and(eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.establishmentId, establishmentId))).limit(1))[0];
}

/** Inserts the first response, or updates it when lock_version is still what the editor saw. False on a lost race. */
export async function saveResponse(
  db: Db,
  r: { surveyId: string; establishmentId: string; organisationId: string; answers: SurveyAnswers; submittedBy: string | null; at: Date },
  seenLockVersion: number | null,
): Promise<boolean> {
  if (seenLockVersion === null) {
    const rows = await db
      .insert(surveyResponses)
      .values({ surveyId: r.surveyId, establishmentId: r.establishmentId, organisationId: r.organisationId, answers: r.answers, submittedBy: r.submittedBy, createdAt: r.at, updatedAt: r.at })
      .onConflictDoNothing()
      .returning({ id: surveyResponses.id });
    return rows.length === 1;
  }
  const rows = await db
    .update(surveyResponses)
    .set({ answers: r.answers, submittedBy: r.submittedBy, lockVersion: seenLockVersion + 1 })
    .where(and(eq(surveyResponses.surveyId, r.surveyId), eq(surveyResponses.establishmentId, r.establishmentId), eq(surveyResponses.lockVersion, seenLockVersion)))
    .returning({ id: surveyResponses.id });
  return rows.length === 1;
}

export async function listResponses(db: Db, surveyId: string): Promise<(SurveyResponseRow & { establishmentName: string })[]> {
  return db
    .select({
      id: surveyResponses.id,
      surveyId: surveyResponses.surveyId,
      establishmentId: surveyResponses.establishmentId,
      organisationId: surveyResponses.organisationId,
      answers: surveyResponses.answers,
      submittedBy: surveyResponses.submittedBy,
      lockVersion: surveyResponses.lockVersion,
      createdAt: surveyResponses.createdAt,
      updatedAt: surveyResponses.updatedAt,
      establishmentName: establishments.name,
    })
    .from(surveyResponses)
    .innerJoin(establishments, eq(establishments.id, surveyResponses.establishmentId))
    .where(eq(surveyResponses.surveyId, surveyId))
    .orderBy(asc(establishments.name));
}

export async function establishmentsOfOrganisations(db: Db, organisationIds: readonly string[]): Promise<{ id: string; organisationId: string; name: string }[]> {
  if (organisationIds.length === 0) return [];
  return db.select({ id: establishments.id, organisationId: establishments.organisationId, name: establishments.name }).from(establishments).where(inArray(establishments.organisationId, [...organisationIds])).orderBy(asc(establishments.name));
}


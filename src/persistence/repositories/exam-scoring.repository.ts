// Scoring: what a sitting is scored against, score imports, part scores and results. Bulk writes use one statement per
// chunk with unnest() over array parameters (one parameter per column, not per value), so 100,000 rows are a few
// dozen round trips on PostgreSQL and on PGlite alike.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../database.js';
import { examCategories, examQuestionSets, examRegistrations, examSittings, type AnswerKeyJson, type PracticalCriterionJson } from '../schema/exams.js';
import {
  examPartScores,
  examResultReleases,
  examResults,
  examScoreImports,
  type ExamResultOutcome,
  type ExamResultStatus,
  type ImportReportRow,
  type StoredPart,
} from '../schema/exam-results.js';

export type ScoringSitting = {
  sittingId: string;
  sittingStatus: string;
  examDate: string;
  categoryId: string;
  categoryCode: string;
  categoryNameJa: string;
  categoryNameEn: string;
  level: 'i' | 'ii';
  hasWritten: boolean;
  hasPractical: boolean;
  venueId: string;
  questionSetId: string | null;
  setCode: string | null;
  setVersion: number | null;
  answerKey: AnswerKeyJson;
  practicalCriteria: PracticalCriterionJson;
  releaseOn: string | null;
  releasedAt: Date | null;
};

/** The sitting with its category and the question set version it froze (one query). */
export async function findScoringSitting(db: Db, sittingId: string): Promise<ScoringSitting | undefined> {
  const [row] = await db
    .select({
      sittingId: examSittings.id,
      sittingStatus: examSittings.status,
      examDate: examSittings.examDate,
      categoryId: examCategories.id,
      categoryCode: examCategories.code,
      categoryNameJa: examCategories.nameJa,
      categoryNameEn: examCategories.nameEn,
      level: examCategories.level,
      hasWritten: examCategories.hasWritten,
      hasPractical: examCategories.hasPractical,
      venueId: examSittings.venueId,
      questionSetId: examSittings.questionSetId,
      setCode: examQuestionSets.code,
      setVersion: examSittings.questionSetVersion,
      answerKey: examQuestionSets.answerKey,
      practicalCriteria: examQuestionSets.practicalCriteria,
      releaseOn: examResultReleases.releaseOn,
      releasedAt: examResultReleases.releasedAt,
    })
    .from(examSittings)
    .innerJoin(examCategories, eq(examCategories.id, examSittings.categoryId))
    .leftJoin(examQuestionSets, eq(examQuestionSets.id, examSittings.questionSetId))
    .leftJoin(examResultReleases, eq(examResultReleases.sittingId, examSittings.id))
    .where(eq(examSittings.id, sittingId))
    .limit(1);
  if (!row) return undefined;
  return { ...row, answerKey: row.answerKey ?? [], practicalCriteria: row.practicalCriteria ?? [] };
}

export type SittingSummary = { sittingId: string; examDate: string; categoryNameJa: string; categoryNameEn: string; level: 'i' | 'ii'; status: string; candidates: number; scored: number; releaseOn: string | null; releasedAt: Date | null };

/** Sittings for the scoring screens, newest first, with candidate and scored counts. */
export async function listSittingsForScoring(db: Db, limit = 50): Promise<SittingSummary[]> {
  const rows = rowsOf<{
    sitting_id: string;
    exam_date: string;
    name_ja: string;
    name_en: string;
    level: 'i' | 'ii';
    status: string;
    candidates: number;
    scored: number;
    release_on: string | null;
    released_at: string | Date | null;
  }>(
    await db.execute(sql`
      SELECT s.id AS sitting_id, s.exam_date::text AS exam_date, c.name_ja, c.name_en, c.level, s.status,
        (SELECT count(*)::int FROM exam_registrations r WHERE r.sitting_id = s.id AND r.status IN ('checked_in', 'scored', 'result_released')) AS candidates,
        (SELECT count(*)::int FROM exam_results x WHERE x.sitting_id = s.id) AS scored,
        rr.release_on::text AS release_on, rr.released_at
      FROM exam_sittings s
      JOIN exam_categories c ON c.id = s.category_id
      LEFT JOIN exam_result_releases rr ON rr.sitting_id = s.id
      WHERE s.status IN ('in_progress', 'scoring', 'results_released')
      ORDER BY s.exam_date DESC, s.id
      LIMIT ${limit}`),
  );
  return rows.map((r) => ({
    sittingId: r.sitting_id,
    examDate: r.exam_date,
    categoryNameJa: r.name_ja,
    categoryNameEn: r.name_en,
    level: r.level,
    status: r.status,
    candidates: Number(r.candidates),
    scored: Number(r.scored),
    releaseOn: r.release_on,
    releasedAt: r.released_at === null ? null : new Date(r.released_at),
  }));
}

export type ScorableRegistration = { registrationId: string; examNumber: string };

/** Candidates who sat the exam (checked in, or already scored): the only ones who can be scored. */
export const SCORABLE_REGISTRATION_STATUSES = ['checked_in', 'scored'] as const;

export async function listScorableRegistrations(db: Db, sittingId: string): Promise<(ScorableRegistration & { status: string })[]> {
  return db
    .select({ registrationId: examRegistrations.id, examNumber: examRegistrations.examNumber, status: examRegistrations.status })
    .from(examRegistrations)
    .where(and(eq(examRegistrations.sittingId, sittingId), inArray(examRegistrations.status, [...SCORABLE_REGISTRATION_STATUSES])));
}

export type ScorableCandidate = ScorableRegistration & { familyName: string; givenName: string };

export async function findScorableRegistration(db: Db, sittingId: string, examNumber: string): Promise<(ScorableRegistration & { status: string }) | undefined> {
  const [row] = await db
    .select({ registrationId: examRegistrations.id, examNumber: examRegistrations.examNumber, status: examRegistrations.status })
    .from(examRegistrations)
    .where(and(eq(examRegistrations.sittingId, sittingId), eq(examRegistrations.examNumber, examNumber), inArray(examRegistrations.status, [...SCORABLE_REGISTRATION_STATUSES])))
    .limit(1);
  return row;
}

export type NewScoreImport = {
  sittingId: string;
  part: StoredPart;
  fileName: string;
  fileSha256: string;
  encoding: 'utf-8' | 'shift_jis';
  status: 'applied' | 'rejected';
  rowCount: number;
  appliedCount: number;
  report: ImportReportRow[];
  importedBy: string | null;
  importedAt: Date;
};

export async function insertScoreImport(db: Db, row: NewScoreImport): Promise<{ id: string }> {
  const [inserted] = await db.insert(examScoreImports).values(row).returning({ id: examScoreImports.id });
  if (!inserted) throw new Error('insert exam_score_imports returned no row');
  return inserted;
}

export type ScoreImportRow = typeof examScoreImports.$inferSelect;

export async function findScoreImport(db: Db, id: string): Promise<ScoreImportRow | undefined> {
  const [row] = await db.select().from(examScoreImports).where(eq(examScoreImports.id, id)).limit(1);
  return row;
}

export async function listScoreImports(db: Db, sittingId: string, limit = 20): Promise<Omit<ScoreImportRow, 'report'>[]> {
  return db
    .select({
      id: examScoreImports.id,
      sittingId: examScoreImports.sittingId,
      part: examScoreImports.part,
      fileName: examScoreImports.fileName,
      fileSha256: examScoreImports.fileSha256,
      encoding: examScoreImports.encoding,
      status: examScoreImports.status,
      rowCount: examScoreImports.rowCount,
      appliedCount: examScoreImports.appliedCount,
      importedBy: examScoreImports.importedBy,
      importedAt: examScoreImports.importedAt,
    })
    .from(examScoreImports)
    .where(eq(examScoreImports.sittingId, sittingId))
    .orderBy(desc(examScoreImports.importedAt))
    .limit(limit);
}

export type PartScoreInput = {
  registrationId: string;
  part: StoredPart;
  sittingId: string;
  setCode: string;
  setVersion: number;
  points: number;
  maxPoints: number;
  score: number;
  correctCount: number | null;
  /**
   * Written answers as one character per question (a letter, or '-' for blank), stored as a jsonb array with null for
   * blanks; built in SQL, because a jsonb[] parameter of 100,000 sheets costs seconds to parse.
   */
  answersText: string | null;
  /** Or the answers as serialised JSON (practical: {criterion: points}). */
  answersJson: string | null;
  importId: string | null;
  scoredBy: string | null;
  scoredAt: Date;
};

const CHUNK = 5_000;

const chunks = <T>(rows: readonly T[], size = CHUNK): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
};

/** Inserts or replaces part scores (a re-import replaces the earlier score of the same part). */
export async function upsertPartScores(db: Db, rows: readonly PartScoreInput[]): Promise<void> {
  for (const c of chunks(rows)) {
    await db.execute(sql`
      INSERT INTO exam_part_scores (registration_id, part, sitting_id, set_code, set_version, points, max_points, score, correct_count, answers, import_id, scored_by, scored_at, corrected_at)
      SELECT registration_id, part, sitting_id, set_code, set_version, points, max_points, score, correct_count,
             COALESCE(answers_json, to_jsonb(array_replace(string_to_array(answers_text, NULL), '-', NULL))), import_id, scored_by, scored_at, NULL
      FROM unnest(
        ${sql.param(c.map((r) => r.registrationId))}::uuid[],
        ${sql.param(c.map((r) => r.part))}::text[],
        ${sql.param(c.map((r) => r.sittingId))}::uuid[],
        ${sql.param(c.map((r) => r.setCode))}::text[],
        ${sql.param(c.map((r) => r.setVersion))}::int[],
        ${sql.param(c.map((r) => r.points))}::float8[],
        ${sql.param(c.map((r) => r.maxPoints))}::int[],
        ${sql.param(c.map((r) => r.score))}::int[],
        ${sql.param(c.map((r) => r.correctCount))}::int[],
        ${sql.param(c.map((r) => r.answersText))}::text[],
        ${sql.param(c.map((r) => r.answersJson))}::jsonb[],
        ${sql.param(c.map((r) => r.importId))}::uuid[],
        ${sql.param(c.map((r) => r.scoredBy))}::uuid[],
        ${sql.param(c.map((r) => r.scoredAt.toISOString()))}::timestamptz[]
      ) AS t(registration_id, part, sitting_id, set_code, set_version, points, max_points, score, correct_count, answers_text, answers_json, import_id, scored_by, scored_at)
      ON CONFLICT (registration_id, part) DO UPDATE SET
        set_code = EXCLUDED.set_code, set_version = EXCLUDED.set_version, points = EXCLUDED.points, max_points = EXCLUDED.max_points,
        score = EXCLUDED.score, correct_count = EXCLUDED.correct_count, answers = EXCLUDED.answers, import_id = EXCLUDED.import_id,
        scored_by = EXCLUDED.scored_by, scored_at = EXCLUDED.scored_at, corrected_at = NULL`);
  }
}

export type PartScoreRow = typeof examPartScores.$inferSelect;

/** Scores per part of the given registrations (or of the whole sitting), for deciding results. */
export async function listPartScoreValues(db: Db, sittingId: string): Promise<Map<string, { written?: number; practical?: number }>> {
  const rows = await db
    .select({ registrationId: examPartScores.registrationId, part: examPartScores.part, score: examPartScores.score })
    .from(examPartScores)
    .where(eq(examPartScores.sittingId, sittingId));
  const out = new Map<string, { written?: number; practical?: number }>();
  for (const r of rows) {
    const entry = out.get(r.registrationId) ?? {};
    entry[r.part] = r.score;
    out.set(r.registrationId, entry);
  }
  return out;
}

export async function listPartScoresOf(db: Db, registrationId: string): Promise<PartScoreRow[]> {
  return db.select().from(examPartScores).where(eq(examPartScores.registrationId, registrationId)).orderBy(asc(examPartScores.part));
}

/** Overrides one part's score (a ledger correction); returns false when the part has no score yet. */
export async function overridePartScore(db: Db, registrationId: string, part: StoredPart, score: number, at: Date): Promise<boolean> {
  const updated = await db
    .update(examPartScores)
    .set({ score, correctedAt: at })
    .where(and(eq(examPartScores.registrationId, registrationId), eq(examPartScores.part, part)))
    .returning({ registrationId: examPartScores.registrationId });
  return updated.length > 0;
}

/** Stores each distinct determination once. */
export async function insertDeterminations(db: Db, rows: readonly { hash: string; json: string }[]): Promise<void> {
  for (const c of chunks(rows, 1_000)) {
    await db.execute(sql`
      INSERT INTO exam_result_determinations (hash, determination)
      SELECT * FROM unnest(${sql.param(c.map((r) => r.hash))}::text[], ${sql.param(c.map((r) => r.json))}::jsonb[])
      ON CONFLICT (hash) DO NOTHING`);
  }
}

export type ResultInput = {
  registrationId: string;
  sittingId: string;
  status: ExamResultStatus;
  outcome: ExamResultOutcome;
  writtenScore: number | null;
  practicalScore: number | null;
  writtenOutcome: 'pass' | 'fail' | null;
  practicalOutcome: 'pass' | 'fail' | null;
  determinationHash: string;
  decidedAt: Date;
};

/** Inserts or re-decides results. The status given is the one the result machine returned for each row. */
export async function upsertResults(db: Db, rows: readonly ResultInput[]): Promise<void> {
  for (const c of chunks(rows)) {
    await db.execute(sql`
      INSERT INTO exam_results (registration_id, sitting_id, status, outcome, written_score, practical_score, written_outcome, practical_outcome, determination_hash, decided_at, released_at)
      SELECT t.*, CASE WHEN t.status = 'released' THEN t.decided_at END FROM unnest(
        ${sql.param(c.map((r) => r.registrationId))}::uuid[],
        ${sql.param(c.map((r) => r.sittingId))}::uuid[],
        ${sql.param(c.map((r) => r.status))}::text[],
        ${sql.param(c.map((r) => r.outcome))}::text[],
        ${sql.param(c.map((r) => r.writtenScore))}::int[],
        ${sql.param(c.map((r) => r.practicalScore))}::int[],
        ${sql.param(c.map((r) => r.writtenOutcome))}::text[],
        ${sql.param(c.map((r) => r.practicalOutcome))}::text[],
        ${sql.param(c.map((r) => r.determinationHash))}::text[],
        ${sql.param(c.map((r) => r.decidedAt.toISOString()))}::timestamptz[]
      ) AS t(registration_id, sitting_id, status, outcome, written_score, practical_score, written_outcome, practical_outcome, determination_hash, decided_at)
      -- A re-decided released result keeps its release instant (released_at is not updated).
      ON CONFLICT (registration_id) DO UPDATE SET
        status = EXCLUDED.status, outcome = EXCLUDED.outcome, written_score = EXCLUDED.written_score, practical_score = EXCLUDED.practical_score,
        written_outcome = EXCLUDED.written_outcome, practical_outcome = EXCLUDED.practical_outcome,
        determination_hash = EXCLUDED.determination_hash, decided_at = EXCLUDED.decided_at, lock_version = exam_results.lock_version + 1`);
  }
}

export type ResultRow = typeof examResults.$inferSelect;

export async function findResult(db: Db, registrationId: string): Promise<ResultRow | undefined> {
  const [row] = await db.select().from(examResults).where(eq(examResults.registrationId, registrationId)).limit(1);
  return row;
}

export async function findDetermination(db: Db, hash: string): Promise<unknown> {
  const rows = rowsOf<{ determination: unknown }>(await db.execute(sql`SELECT determination FROM exam_result_determinations WHERE hash = ${hash}`));
  return rows[0]?.determination;
}

/** The statuses of the results of a sitting (for the release guard). */
export async function countResultsByStatus(db: Db, sittingId: string): Promise<Record<ExamResultStatus, number>> {
  const rows = await db
    .select({ status: examResults.status, n: sql<number>`count(*)::int` })
    .from(examResults)
    .where(eq(examResults.sittingId, sittingId))
    .groupBy(examResults.status);
  const out: Record<ExamResultStatus, number> = { provisional: 0, released: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export async function upsertReleaseDate(db: Db, row: { sittingId: string; releaseOn: string; setBy: string | null; setAt: Date }): Promise<void> {
  await db
    .insert(examResultReleases)
    .values(row)
    .onConflictDoUpdate({ target: examResultReleases.sittingId, set: { releaseOn: row.releaseOn, setBy: row.setBy, setAt: row.setAt } });
}

/** Locks the sitting's release row for the release transaction (two releases never run at once). */
export async function lockRelease(db: Db, sittingId: string): Promise<{ releaseOn: string; releasedAt: Date | null } | undefined> {
  const rows = rowsOf<{ release_on: string; released_at: string | Date | null }>(
    await db.execute(sql`SELECT release_on::text AS release_on, released_at FROM exam_result_releases WHERE sitting_id = ${sittingId} FOR UPDATE`),
  );
  const r = rows[0];
  return r ? { releaseOn: r.release_on, releasedAt: r.released_at === null ? null : new Date(r.released_at) } : undefined;
}

export async function markReleased(db: Db, sittingId: string, at: Date, by: string | null, count: number): Promise<void> {
  await db.update(examResultReleases).set({ releasedAt: at, releasedBy: by, releasedCount: count }).where(eq(examResultReleases.sittingId, sittingId));
}

/** Sittings whose release date has come and that are not released yet. */
export async function listDueReleases(db: Db, today: string): Promise<string[]> {
  const rows = rowsOf<{ sitting_id: string }>(
    await db.execute(sql`SELECT sitting_id FROM exam_result_releases WHERE released_at IS NULL AND release_on <= ${today}::date ORDER BY release_on, sitting_id`),
  );
  return rows.map((r) => r.sitting_id);
}

export type ReleaseCandidate = {
  registrationId: string;
  examNumber: string;
  outcome: ExamResultOutcome;
  writtenScore: number | null;
  practicalScore: number | null;
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  nationality: string;
  email: string;
  language: 'ja' | 'en' | 'vi' | 'id';
};

/** Provisional results of a sitting with what the notice and the certificate need. */
export async function listProvisionalResults(db: Db, sittingId: string): Promise<ReleaseCandidate[]> {
  const rows = rowsOf<{
    registration_id: string;
    exam_number: string;
    outcome: ExamResultOutcome;
    written_score: number | null;
    practical_score: number | null;
    family_name: string;
    given_name: string;
    date_of_birth: string;
    nationality: string;
    email: string;
    language: ReleaseCandidate['language'];
  }>(
    await db.execute(sql`
      SELECT x.registration_id, r.exam_number, x.outcome, x.written_score, x.practical_score,
             c.family_name, c.given_name, c.date_of_birth::text AS date_of_birth, c.nationality, c.email, c.language
      FROM exam_results x
      JOIN exam_registrations r ON r.id = x.registration_id
      JOIN exam_candidates c ON c.id = r.candidate_id
      WHERE x.sitting_id = ${sittingId} AND x.status = 'provisional'
      ORDER BY r.exam_number`),
  );
  return rows.map((r) => ({
    registrationId: r.registration_id,
    examNumber: r.exam_number,
    outcome: r.outcome,
    writtenScore: r.written_score,
    practicalScore: r.practical_score,
    familyName: r.family_name,
    givenName: r.given_name,
    dateOfBirth: r.date_of_birth,
    nationality: r.nationality,
    email: r.email,
    language: r.language,
  }));
}

/** Marks results released (and notified) in bulk. */
export async function markResultsReleased(db: Db, registrationIds: readonly string[], at: Date): Promise<void> {
  for (const c of chunks(registrationIds)) {
    await db
      .update(examResults)
      .set({ status: 'released', releasedAt: at, notifiedAt: at, lockVersion: sql`${examResults.lockVersion} + 1` })
      .where(and(inArray(examResults.registrationId, c), eq(examResults.status, 'provisional')));
  }
}

/** Queues many notices at once (one statement per chunk) in the release transaction. */
export async function insertOutboxEmailsBulk(db: Db, rows: readonly { toAddress: string; subject: string; textBody: string }[], at: Date): Promise<void> {
  for (const c of chunks(rows)) {
    await db.execute(sql`
      INSERT INTO outbox_emails (to_address, subject, text_body, created_at)
      SELECT to_address, subject, text_body, ${at.toISOString()}::timestamptz
      FROM unnest(${sql.param(c.map((r) => r.toAddress))}::text[], ${sql.param(c.map((r) => r.subject))}::text[], ${sql.param(c.map((r) => r.textBody))}::text[]) AS t(to_address, subject, text_body)`);
  }
}

/** Moves registrations from one status to the next (the registration machine decided `to`); returns how many moved. */
export async function updateRegistrationStatuses(db: Db, ids: readonly string[], from: string, to: string): Promise<number> {
  let moved = 0;
  for (const c of chunks(ids)) {
    const rows = rowsOf<{ id: string }>(
      await db.execute(sql`UPDATE exam_registrations SET status = ${to}, lock_version = lock_version + 1 WHERE id = ANY(${sql.param(c)}::uuid[]) AND status = ${from} RETURNING id`),
    );
    moved += rows.length;
  }
  return moved;
}

/** Moves a sitting from one status to the next (the sitting machine decided `to`). */
export async function updateSittingStatus(db: Db, sittingId: string, from: string, to: string): Promise<boolean> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`UPDATE exam_sittings SET status = ${to}, lock_version = lock_version + 1 WHERE id = ${sittingId} AND status = ${from} RETURNING id`),
  );
  return rows.length === 1;
}

/** Registration statuses of a sitting's scorable candidates. */
export async function registrationStatuses(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const c of chunks(ids)) {
    const rows = rowsOf<{ id: string; status: string }>(await db.execute(sql`SELECT id, status FROM exam_registrations WHERE id = ANY(${sql.param(c)}::uuid[])`));
    for (const r of rows) out.set(r.id, r.status);
  }
  return out;
}

// Seeding for exam-results tests and benchmarks only: a category, an approved question set, a venue, a sitting and
// checked-in candidates, written with bulk statements. Never called by the application.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { examCategories, examQuestionSets, examSittings, examVenues, type AnswerKeyJson, type PracticalCriterionJson } from '../schema/exams.js';
import { users } from '../schema/users.js';

export type SeedCandidate = {
  examNumber: string;
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  nationality: string;
  gender: 'female' | 'male' | 'other' | 'unknown';
  experienceMonths: number | null;
  residenceRegion: string | null;
  email: string;
  language: 'ja' | 'en' | 'vi' | 'id';
};

export type SeedSittingInput = {
  categoryCode: string;
  categoryNameJa: string;
  categoryNameEn: string;
  level: 'i' | 'ii';
  examDate: string;
  setCode: string;
  answerKey: AnswerKeyJson;
  practicalCriteria: PracticalCriterionJson;
  capacity: number;
  /** Re-use a category (several sittings of one category). */
  categoryId?: string;
};

export type SeededSitting = { sittingId: string; categoryId: string; questionSetId: string; authorId: string };

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedScoringSitting(db: Db, s: SeedSittingInput): Promise<SeededSitting> {
  const tag = randomBytes(4).toString('hex');
  const [author] = await db.insert(users).values({ email: `seed-${tag}@example.jp`, displayName: 'Seed author', isStaff: true }).returning({ id: users.id });
  const [approver] = await db.insert(users).values({ email: `seed-approver-${tag}@example.jp`, displayName: 'Seed approver', isStaff: true }).returning({ id: users.id });
  let categoryId = s.categoryId;
  if (!categoryId) {
    const [category] = await db
      .insert(examCategories)
      .values({ code: s.categoryCode, level: s.level, nameJa: s.categoryNameJa, nameEn: s.categoryNameEn, effectiveFrom: '2019-04-01', hasWritten: s.answerKey.length > 0, hasPractical: s.practicalCriteria.length > 0 })
      .returning({ id: examCategories.id });
    categoryId = category!.id;
  }
  const [set] = await db
    .insert(examQuestionSets)
    .values({
      categoryId, code: s.setCode, version: 1, title: `${s.setCode} seed`, status: 'approved', answerKey: s.answerKey, practicalCriteria: s.practicalCriteria,
      authorId: author!.id, approvedBy: approver!.id, approvedAt: new Date(`${s.examDate}T00:00:00Z`),
    })
    .returning({ id: examQuestionSets.id });
  const [venue] = await db.insert(examVenues).values({ name: `Seed venue ${tag}`, country: 'JP', city: 'Tokyo', address: 'Chiyoda-ku', capacity: s.capacity }).returning({ id: examVenues.id });
  const [sitting] = await db
    .insert(examSittings)
    .values({
      categoryId, venueId: venue!.id, examDate: s.examDate, registrationOpensOn: addDays(s.examDate, -60), registrationClosesOn: addDays(s.examDate, -14),
      rescheduleDeadline: addDays(s.examDate, -14), cancelDeadline: addDays(s.examDate, -14), feeAmount: 10_000, capacity: s.capacity,
      questionSetId: set!.id, questionSetVersion: 1, status: 'in_progress', scheduledAt: new Date(`${addDays(s.examDate, -60)}T00:00:00Z`),
    })
    .returning({ id: examSittings.id });
  return { sittingId: sitting!.id, categoryId, questionSetId: set!.id, authorId: author!.id };
}

/** Candidates and checked-in registrations, 5,000 per statement. Returns registration ids in input order. */
export async function seedCheckedInCandidates(db: Db, sittingId: string, candidates: readonly SeedCandidate[], checkedInAt: Date): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < candidates.length; i += 5_000) {
    const c = candidates.slice(i, i + 5_000);
    const passportKeys = c.map((x) => `${x.nationality}:P${x.examNumber.replace(/[^0-9A-Z]/g, '')}`);
    const result = await db.execute(sql`
      WITH cand AS (
        INSERT INTO exam_candidates (family_name, given_name, date_of_birth, nationality, passport_number, passport_key, gender, experience_months, residence_country, residence_region, email, language)
        SELECT family_name, given_name, date_of_birth, nationality, passport_key, passport_key, gender, experience_months, nationality, residence_region, email, language
        FROM unnest(
          ${sql.param(c.map((x) => x.familyName))}::text[], ${sql.param(c.map((x) => x.givenName))}::text[], ${sql.param(c.map((x) => x.dateOfBirth))}::date[],
          ${sql.param(c.map((x) => x.nationality))}::text[], ${sql.param(passportKeys)}::text[], ${sql.param(c.map((x) => x.gender))}::text[],
          ${sql.param(c.map((x) => x.experienceMonths))}::int[], ${sql.param(c.map((x) => x.residenceRegion))}::text[], ${sql.param(c.map((x) => x.email))}::text[],
          ${sql.param(c.map((x) => x.language))}::text[]
        ) WITH ORDINALITY AS t(family_name, given_name, date_of_birth, nationality, passport_key, gender, experience_months, residence_region, email, language, ord)
        ORDER BY ord
        RETURNING id, passport_key
      )
      INSERT INTO exam_registrations (sitting_id, candidate_id, exam_number, passport_key, status, fee_amount, fee_currency, fee_paid_at, checked_in_at, access_token_hash)
      SELECT ${sittingId}::uuid, cand.id, t.exam_number, cand.passport_key, 'checked_in', 10000, 'JPY', ${checkedInAt.toISOString()}::timestamptz, ${checkedInAt.toISOString()}::timestamptz,
             encode(sha256(convert_to(t.exam_number || ${sittingId}, 'UTF8')), 'hex')
      FROM unnest(${sql.param(c.map((x) => x.examNumber))}::text[], ${sql.param(passportKeys)}::text[]) AS t(exam_number, passport_key)
      JOIN cand ON cand.passport_key = t.passport_key
      RETURNING id, exam_number`);
    const rows = (result as unknown as { rows: { id: string; exam_number: string }[] }).rows;
    const byNumber = new Map(rows.map((r) => [r.exam_number, r.id]));
    for (const x of c) ids.push(byNumber.get(x.examNumber)!);
  }
  return ids;
}

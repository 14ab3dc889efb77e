// The examinee ledger (受験者台帳): every registration with candidate, sitting, set, scores, result and certificate, in
// one query; and the corrections made to it.
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../database.js';
import { examCandidates } from '../schema/exams.js';
import { examLedgerCorrections, type LedgerCorrectionField } from '../schema/exam-results.js';

export type LedgerRow = {
  registrationId: string;
  candidateId: string;
  examNumber: string;
  registrationStatus: string;
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  nationality: string;
  sittingId: string;
  examDate: string;
  categoryCode: string;
  categoryNameJa: string;
  categoryNameEn: string;
  level: 'i' | 'ii';
  setCode: string | null;
  setVersion: number | null;
  writtenScore: number | null;
  practicalScore: number | null;
  outcome: string | null;
  resultStatus: string | null;
  determinationHash: string | null;
  releasedAt: Date | null;
  certificateNumber: string | null;
  certificateStatus: string | null;
};

export type LedgerFilter = { q?: string; sittingId?: string; outcome?: string; registrationId?: string; limit: number; offset: number };

const whereOf = (f: LedgerFilter): SQL => {
  const parts: SQL[] = [sql`r.status <> 'cancelled'`];
  if (f.registrationId) parts.push(sql`r.id = ${f.registrationId}::uuid`);
  if (f.sittingId) parts.push(sql`r.sitting_id = ${f.sittingId}::uuid`);
  // Absent candidates (no_show) have no result either, but are a finding of their own, not "not yet scored".
  if (f.outcome === 'none') parts.push(sql`x.outcome IS NULL AND r.status <> 'no_show'`);
  else if (f.outcome === 'absent') parts.push(sql`r.status = 'no_show'`);
  else if (f.outcome) parts.push(sql`x.outcome = ${f.outcome}`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(sql`(r.exam_number ILIKE ${like} OR (c.family_name || ' ' || c.given_name) ILIKE ${like})`);
  }
  return sql.join(parts, sql` AND `);
};

type Raw = {
  registration_id: string;
  candidate_id: string;
  exam_number: string;
  registration_status: string;
  family_name: string;
  given_name: string;
  date_of_birth: string;
  nationality: string;
  sitting_id: string;
  exam_date: string;
  category_code: string;
  name_ja: string;
  name_en: string;
  level: 'i' | 'ii';
  set_code: string | null;
  set_version: number | null;
  written_score: number | null;
  practical_score: number | null;
  outcome: string | null;
  result_status: string | null;
  determination_hash: string | null;
  released_at: string | Date | null;
  certificate_number: string | null;
  certificate_status: string | null;
};

const toRow = (r: Raw): LedgerRow => ({
  registrationId: r.registration_id,
  candidateId: r.candidate_id,
  examNumber: r.exam_number,
  registrationStatus: r.registration_status,
  familyName: r.family_name,
  givenName: r.given_name,
  dateOfBirth: r.date_of_birth,
  nationality: r.nationality,
  sittingId: r.sitting_id,
  examDate: r.exam_date,
  categoryCode: r.category_code,
  categoryNameJa: r.name_ja,
  categoryNameEn: r.name_en,
  level: r.level,
  setCode: r.set_code,
  setVersion: r.set_version === null ? null : Number(r.set_version),
  writtenScore: r.written_score,
  practicalScore: r.practical_score,
  outcome: r.outcome,
  resultStatus: r.result_status,
  determinationHash: r.determination_hash,
  releasedAt: r.released_at === null ? null : new Date(r.released_at),
  certificateNumber: r.certificate_number,
  certificateStatus: r.certificate_status,
});

export async function searchLedger(db: Db, f: LedgerFilter): Promise<{ total: number; rows: LedgerRow[] }> {
  const where = whereOf(f);
  const rows = rowsOf<Raw & { total: number }>(
    await db.execute(sql`
      SELECT r.id AS registration_id, r.candidate_id, r.exam_number, r.status AS registration_status,
             c.family_name, c.given_name, c.date_of_birth::text AS date_of_birth, c.nationality,
             s.id AS sitting_id, s.exam_date::text AS exam_date, cat.code AS category_code, cat.name_ja, cat.name_en, cat.level,
             qs.code AS set_code, s.question_set_version AS set_version,
             x.written_score, x.practical_score, x.outcome, x.status AS result_status, x.determination_hash, x.released_at,
             cert.certificate_number, cert.status AS certificate_status,
             count(*) OVER ()::int AS total
      FROM exam_registrations r
      JOIN exam_candidates c ON c.id = r.candidate_id
      JOIN exam_sittings s ON s.id = r.sitting_id
      JOIN exam_categories cat ON cat.id = s.category_id
      LEFT JOIN exam_question_sets qs ON qs.id = s.question_set_id
      LEFT JOIN exam_results x ON x.registration_id = r.id
      LEFT JOIN exam_certificates cert ON cert.registration_id = r.id
      WHERE ${where}
      ORDER BY s.exam_date DESC, r.exam_number
      LIMIT ${f.limit} OFFSET ${f.offset}`),
  );
  return { total: Number(rows[0]?.total ?? 0), rows: rows.map(toRow) };
}

export async function findLedgerRow(db: Db, registrationId: string): Promise<LedgerRow | undefined> {
  return (await searchLedger(db, { registrationId, limit: 1, offset: 0 })).rows[0];
}

export type LedgerCorrectionRow = typeof examLedgerCorrections.$inferSelect;

export async function insertLedgerCorrection(
  db: Db,
  row: { registrationId: string; field: LedgerCorrectionField; beforeValue: unknown; afterValue: unknown; reason: string; correctedBy: string | null; correctedAt: Date },
): Promise<{ id: string }> {
  const [inserted] = await db.insert(examLedgerCorrections).values(row).returning({ id: examLedgerCorrections.id });
  if (!inserted) throw new Error('insert exam_ledger_corrections returned no row');
  return inserted;
}

export async function listLedgerCorrections(db: Db, registrationId: string): Promise<LedgerCorrectionRow[]> {
  return db.select().from(examLedgerCorrections).where(eq(examLedgerCorrections.registrationId, registrationId)).orderBy(asc(examLedgerCorrections.correctedAt));
}

/** Corrects the candidate's name or date of birth as recorded (the certificate keeps what it said when issued). */
export async function updateCandidateField(db: Db, candidateId: string, field: 'family_name' | 'given_name' | 'date_of_birth', value: string): Promise<void> {
  const set = field === 'family_name' ? { familyName: value } : field === 'given_name' ? { givenName: value } : { dateOfBirth: value };
  await db.update(examCandidates).set(set).where(eq(examCandidates.id, candidateId));
}

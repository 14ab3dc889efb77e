// Rows for skill-level statistics (support-project-spec (エ)): one per released result, with the dimensions the
// statistics group by. Only released results count (a provisional result is not yet a fact to publish).
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../database.js';

export type StatisticsSourceRow = {
  category: string;
  categoryNameJa: string;
  categoryNameEn: string;
  level: 'i' | 'ii';
  country: string;
  region: string | null;
  gender: 'female' | 'male' | 'other' | 'unknown';
  birthDate: string;
  examDate: string;
  experienceMonths: number | null;
  passed: boolean;
  written: number | null;
  practical: number | null;
};

export async function listReleasedResultsForStatistics(db: Db, filter: { from?: string; to?: string } = {}): Promise<StatisticsSourceRow[]> {
  const rows = rowsOf<{
    category: string; name_ja: string; name_en: string; level: 'i' | 'ii'; country: string; region: string | null; gender: StatisticsSourceRow['gender'];
    birth_date: string; exam_date: string; experience_months: number | null; outcome: string; written_score: number | null; practical_score: number | null;
  }>(
    await db.execute(sql`
      SELECT cat.code AS category, cat.name_ja, cat.name_en, cat.level, c.nationality AS country, c.residence_region AS region, c.gender,
             c.date_of_birth::text AS birth_date, s.exam_date::text AS exam_date, c.experience_months, x.outcome, x.written_score, x.practical_score
      FROM exam_results x
      JOIN exam_registrations r ON r.id = x.registration_id
      JOIN exam_candidates c ON c.id = r.candidate_id
      JOIN exam_sittings s ON s.id = x.sitting_id
      JOIN exam_categories cat ON cat.id = s.category_id
      WHERE x.status = 'released'
        ${filter.from ? sql`AND s.exam_date >= ${filter.from}::date` : sql``}
        ${filter.to ? sql`AND s.exam_date < ${filter.to}::date` : sql``}`),
  );
  return rows.map((r) => ({
    category: r.category, categoryNameJa: r.name_ja, categoryNameEn: r.name_en, level: r.level, country: r.country, region: r.region, gender: r.gender,
    birthDate: r.birth_date, examDate: r.exam_date, experienceMonths: r.experience_months === null ? null : Number(r.experience_months),
    passed: r.outcome === 'pass', written: r.written_score, practical: r.practical_score,
  }));
}

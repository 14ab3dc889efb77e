import { sql } from 'drizzle-orm';
import type { Actor } from '../src/domain/access/actor.js';
import { importCbtResultsUseCase } from '../src/domain/exams/use-cases/import-cbt-results.js';
import { rowsOf } from '../src/persistence/database.js';
import { openPostgresDatabase } from '../src/persistence/drivers/postgres.js';
import { seedCheckedInCandidates, seedScoringSitting } from '../src/persistence/repositories/exam-results-seed.repository.js';
import { createScratchPostgresDatabase } from '../test/helpers/test-database.js';
import { BENCH_KEY, syntheticCandidates, syntheticCbtCsv } from './exam-candidates.js';
import { type BenchResult, round } from './result.js';

const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * exam-scoring: import one CBT result file of 100,000 candidates (50 questions each) on PostgreSQL — validate every row,
 * score against the frozen answer key, write part scores, results (with the determination trace) and the ledger in one
 * transaction. Seeding the candidates is not timed. Target ≤ 30 s.
 */
export const benchExamScoring = async (count = Number(process.env.BENCH_EXAM_CANDIDATES ?? 100_000)): Promise<BenchResult[]> => {
  const scratch = await createScratchPostgresDatabase(PG_ADMIN);
  const database = await openPostgresDatabase({ databaseUrl: scratch.url, migrate: true });
  try {
    const sitting = await seedScoringSitting(database.db, {
      categoryCode: 'kikai_kinzoku', categoryNameJa: '機械金属加工', categoryNameEn: 'Machining and metalworking', level: 'i', examDate: '2026-02-15', setCode: 'KK1-01',
      answerKey: BENCH_KEY.map((correct) => ({ correct, weight: 1 })), practicalCriteria: [{ id: 'accuracy', label: '寸法精度', weight: 1, max: 10 }], capacity: count,
    });
    const candidates = syntheticCandidates(count);
    await seedCheckedInCandidates(database.db, sitting.sittingId, candidates, new Date('2026-02-15T01:00:00Z'));
    const file = syntheticCbtCsv(candidates.map((c) => c.examNumber), 'KK1-01');
    const actor: Actor = { kind: 'user', userId: sitting.authorId, email: 'bench@example.jp', displayName: 'bench', roles: [{ role: 'exam_admin', organisationId: sitting.authorId }], isInformationHandler: true, mfaVerified: true, actingFor: [] };

    const started = performance.now();
    const result = await importCbtResultsUseCase({ actor, db: database.db, clock: { now: () => new Date('2026-02-20T01:00:00Z') } }, { sittingId: sitting.sittingId, fileName: 'bench.csv', bytes: file });
    const seconds = (performance.now() - started) / 1000;
    if (!result.ok) throw new Error(`bench import was rejected: ${JSON.stringify(result.rows.slice(0, 3))}`);
    const [written] = rowsOf<{ scores: number; results: number }>(
      await database.db.execute(sql`SELECT (SELECT count(*)::int FROM exam_part_scores) AS scores, (SELECT count(*)::int FROM exam_results) AS results`),
    );
    if (Number(written?.scores) !== count || Number(written?.results) !== count) throw new Error(`expected ${count} scores and results, got ${JSON.stringify(written)}`);
    const note = `${count} candidates × ${BENCH_KEY.length} questions, ${(file.byteLength / 1e6).toFixed(1)} MB CSV; ${result.passed} pass / ${result.failed} fail / ${result.incomplete} incomplete (practical not yet scored)`;
    return [
      { name: 'exam-scoring.postgres.seconds', value: round(seconds, 2), unit: 's', baseline: 30, ratio: round(seconds / 30, 2), target: '≤ 30 s (ratio ≤ 1)', note },
      { name: 'exam-scoring.postgres.rows_per_s', value: Math.round(count / seconds), unit: 'rows/s', baseline: null, ratio: null, target: 'reported' },
    ];
  } finally {
    await database.close();
    await scratch.drop();
  }
};

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchExamScoring());
}

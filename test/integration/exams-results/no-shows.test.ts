// Absence (欠席): ticket holders never checked in are marked no_show together after the exam, audited; they cannot be
// scored, get no result, show as absent in the examinee ledger (search and CSV), and stay out of pass-rate
// denominators. On the embedded database and on PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/access/actor.js';
import { Forbidden } from '../../../src/domain/access/policies.js';
import { Conflict, InvalidInput } from '../../../src/domain/errors.js';
import { enterPracticalScores } from '../../../src/domain/exams/use-cases/enter-practical-scores.js';
import { examStatistics } from '../../../src/domain/exams/use-cases/exam-statistics.js';
import { importCbtResultsUseCase } from '../../../src/domain/exams/use-cases/import-cbt-results.js';
import { markNoShows } from '../../../src/domain/exams/use-cases/mark-no-shows.js';
import { releaseResults } from '../../../src/domain/exams/use-cases/release-results.js';
import { exportLedgerCsv, searchLedger } from '../../../src/domain/exams/use-cases/search-ledger.js';
import { setReleaseDate } from '../../../src/domain/exams/use-cases/set-release-date.js';
import { rowsOf, type Database } from '../../../src/persistence/database.js';
import { fixedClock } from '../../helpers/test-app.js';
import { createTestDatabase } from '../../helpers/test-database.js';
import { candidate, csv, EXAM_DATE, seedSitting, staffActor } from './fixtures.js';

describe('no-show marking after the exam', () => {
  let database: Database;
  let admin: Actor;
  let proctor: Actor;
  const clock = fixedClock(`${EXAM_DATE}T08:00:00Z`); // 17:00 in Japan on the exam day
  let sittingId: string;
  let ids: string[];
  // Two sat the exam (one passes, one fails); two held a ticket and never came.
  const people = [candidate(21), candidate(22), candidate(23, { language: 'en' }), candidate(24, { language: 'ja' })];
  const ctx = () => ({ actor: admin, db: database.db, clock, requestId: 'req-ns', ip: '127.0.0.1', signingSecret: 'x'.repeat(40), baseUrl: 'https://jinzai.example.jp' });
  const statusOf = async (id: string) => rowsOf<{ status: string }>(await database.db.execute(sql`SELECT status FROM exam_registrations WHERE id = ${id}::uuid`))[0]!.status;

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = await staffActor(database, ['exam_admin']);
    proctor = await staffActor(database, ['proctor']);
    ({ sittingId, registrationIds: ids } = await seedSitting(database, people));
    // The last two were issued tickets but never checked in.
    await database.db.execute(sql`UPDATE exam_registrations SET status = 'ticket_issued', checked_in_at = NULL WHERE id IN (${ids[2]!}::uuid, ${ids[3]!}::uuid)`);
  });
  afterAll(() => database?.close());

  it('is refused to a proctor, without confirmation, and on the exam day while the sitting is still in progress', async () => {
    await expect(markNoShows({ ...ctx(), actor: proctor }, sittingId, { confirm: 'yes' })).rejects.toBeInstanceOf(Forbidden);
    await expect(markNoShows(ctx(), sittingId, {})).rejects.toBeInstanceOf(InvalidInput);
    await expect(markNoShows(ctx(), sittingId, { confirm: 'yes' })).rejects.toMatchObject({ userMessage: { en: expect.stringMatching(/once the exam is over/) } });
    expect(await statusOf(ids[2]!)).toBe('ticket_issued');
  });

  it('from the day after, marks every ticket holder not checked in as absent in one action, with one audit event', async () => {
    clock.set(`2026-02-16T01:00:00Z`);
    const result = await markNoShows(ctx(), sittingId, { confirm: 'yes' });
    expect(result).toEqual({ marked: 2, examNumbers: [people[2]!.examNumber, people[3]!.examNumber] });
    expect(await Promise.all(ids.map(statusOf))).toEqual(['checked_in', 'checked_in', 'no_show', 'no_show']);
    const audit = rowsOf<{ target_type: string; target_id: string; summary: { after: { count: number; examNumbers: string[]; status: string } } }>(
      await database.db.execute(sql`SELECT target_type, target_id, summary FROM audit_events WHERE action = 'exam_registration.marked_no_show'`),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target_type: 'exam_sitting', target_id: sittingId, summary: { after: { status: 'no_show', count: 2, examNumbers: [people[2]!.examNumber, people[3]!.examNumber] } } });
    // Nothing left to mark: refused, nothing written.
    await expect(markNoShows(ctx(), sittingId, { confirm: 'yes' })).rejects.toBeInstanceOf(Conflict);
    expect(rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'exam_registration.marked_no_show'`))[0]!.n).toBe(1);
  });

  it('absent candidates cannot be scored: an import naming one is rejected and applies nothing', async () => {
    const bad = await importCbtResultsUseCase(ctx(), {
      sittingId,
      fileName: 'with-absent.csv',
      bytes: csv([
        [people[0]!.examNumber, 'KK1-03', '"A,B,C,D,A,B,C,D,A,B"'],
        [people[2]!.examNumber, 'KK1-03', '"A,B,C,D,A,B,C,D,A,B"'],
      ]),
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.rows.map((r) => r.line)).toEqual([3]);
    expect(rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM exam_results`))[0]!.n).toBe(0);
  });

  it('the present are scored and released; absent ones get no result; pass rates count only those who sat', async () => {
    const good = await importCbtResultsUseCase(ctx(), {
      sittingId,
      fileName: 'cbt.csv',
      bytes: csv([
        [people[0]!.examNumber, 'KK1-03', '"A,B,C,D,A,B,C,D,A,B"'], // 100
        [people[1]!.examNumber, 'KK1-03', 'ABCDAB----'], // 60 < 65: fail
      ]),
    });
    expect(good.ok).toBe(true);
    for (const p of people.slice(0, 2)) await enterPracticalScores(ctx(), { sittingId, examNumber: p.examNumber, scores: { accuracy: '9', safety: '5' } });
    await setReleaseDate(ctx(), { sittingId, releaseOn: '2026-03-01' });
    clock.set('2026-03-01T01:00:00Z');
    expect(await releaseResults(ctx(), { sittingId })).toMatchObject({ released: 2, passed: 1 });
    const results = rowsOf<{ registration_id: string }>(await database.db.execute(sql`SELECT registration_id FROM exam_results`));
    expect(results.map((r) => r.registration_id).sort()).toEqual([ids[0]!, ids[1]!].sort());
    expect(await Promise.all(ids.map(statusOf))).toEqual(['result_released', 'result_released', 'no_show', 'no_show']);

    const stats = await examStatistics(ctx(), { by: 'category' });
    expect(stats.overall).toMatchObject({ candidates: 2, passed: null }); // 2 < suppression threshold: count only
    expect(stats.groups).toEqual([expect.objectContaining({ candidates: 2 })]);
  });

  it('the examinee ledger lists absent candidates as absent, filterable, and writes `absent` in the CSV', async () => {
    const all = await searchLedger(ctx(), { sittingId });
    const byNumber = new Map(all.rows.map((r) => [r.examNumber, r]));
    expect(all.total).toBe(4);
    expect(byNumber.get(people[2]!.examNumber)).toMatchObject({ registrationStatus: 'no_show', outcome: null, writtenScore: null, practicalScore: null, certificateNumber: null });
    const absent = await searchLedger(ctx(), { sittingId, outcome: 'absent' });
    expect(absent.rows.map((r) => r.examNumber).sort()).toEqual([people[2]!.examNumber, people[3]!.examNumber]);
    expect((await searchLedger(ctx(), { sittingId, outcome: 'none' })).total).toBe(0);
    const text = (await exportLedgerCsv(ctx(), { sittingId })).toString('utf8');
    const line = text.split('\r\n').find((l) => l.startsWith(people[3]!.examNumber))!;
    expect(line.split(',')[11]).toBe('absent');
    expect(text.split('\r\n').find((l) => l.startsWith(people[0]!.examNumber))!.split(',')[11]).toBe('pass');
  });
});

// Scoring → release → certificate → verification → revocation, on the embedded database and on PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/access/actor.js';
import { Forbidden } from '../../../src/domain/access/policies.js';
import { Conflict, InvalidInput } from '../../../src/domain/errors.js';
import { correctLedgerEntry } from '../../../src/domain/exams/use-cases/correct-ledger-entry.js';
import { issueCertificate } from '../../../src/domain/exams/use-cases/issue-certificate.js';
import { enterPracticalScores } from '../../../src/domain/exams/use-cases/enter-practical-scores.js';
import { importCbtResultsUseCase } from '../../../src/domain/exams/use-cases/import-cbt-results.js';
import { releaseDueResults, releaseResults } from '../../../src/domain/exams/use-cases/release-results.js';
import { revokeCertificate } from '../../../src/domain/exams/use-cases/revoke-certificate.js';
import { setReleaseDate } from '../../../src/domain/exams/use-cases/set-release-date.js';
import { verifyCertificateByExamNumber, verifyCertificateByToken } from '../../../src/domain/exams/use-cases/verify-certificate.js';
import { rowsOf, type Database } from '../../../src/persistence/database.js';
import { findCertificate } from '../../../src/persistence/repositories/exam-certificates.repository.js';
import { fixedClock } from '../../helpers/test-app.js';
import { createTestDatabase } from '../../helpers/test-database.js';
import { candidate, csv, EXAM_DATE, seedSitting, staffActor } from './fixtures.js';

const count = async (database: Database, table: string): Promise<number> =>
  Number(rowsOf<{ n: number }>(await database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n);

describe('exam results: import, score, release, certify, verify', () => {
  let database: Database;
  let admin: Actor;
  let proctor: Actor;
  const clock = fixedClock(`${EXAM_DATE}T08:00:00Z`);
  let sittingId: string;
  const people = [candidate(1, { language: 'vi' }), candidate(2, { language: 'en', dateOfBirth: '1999-12-31' }), candidate(3, { language: 'ja' })];
  const ctx = () => ({ actor: admin, db: database.db, clock, requestId: 'req-1', ip: '127.0.0.1', signingSecret: 'x'.repeat(40), baseUrl: 'https://jinzai.example.jp' });

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = await staffActor(database, ['exam_admin']);
    proctor = await staffActor(database, ['proctor']);
    ({ sittingId } = await seedSitting(database, people));
  });
  afterAll(() => database?.close());

  it('refuses the import to anyone but an exam admin', async () => {
    await expect(importCbtResultsUseCase({ ...ctx(), actor: proctor }, { sittingId, fileName: 'x.csv', bytes: csv([]) })).rejects.toBeInstanceOf(Forbidden);
  });

  it('rejects a file with an unknown exam number and a malformed row, row by row, and applies nothing', async () => {
    const bytes = csv([
      [people[0]!.examNumber, 'KK1-03', '"A,B,C,D,A,B,C,D,A,B"'],
      ['SSW1-2026-0099999-X', 'KK1-03', '"A,B,C,D,A,B,C,D,A,B"'],
      [people[1]!.examNumber, 'KK1-03', '"A,B,C"'],
    ]);
    const result = await importCbtResultsUseCase(ctx(), { sittingId, fileName: 'bad.csv', bytes });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rows.map((r) => r.line)).toEqual([3, 4]);
    expect(result.rows[1]!.errors[0]!.code).toBe('answer_count');
    expect(await count(database, 'exam_part_scores')).toBe(0);
    expect(await count(database, 'exam_results')).toBe(0);
    const stored = rowsOf<{ status: string; report: unknown[] }>(await database.db.execute(sql`SELECT status, report FROM exam_score_imports WHERE id = ${result.importId}`));
    expect(stored[0]).toMatchObject({ status: 'rejected' });
    expect(stored[0]!.report).toHaveLength(2);
  });

  it('scores a good file against the frozen key and writes scores and results in one go', async () => {
    const bytes = csv([
      [people[0]!.examNumber, 'KK1-03', '"A,B,C,D,A,B,C,D,A,B"'], // 10/10
      [people[1]!.examNumber, 'KK1-03', '"A,B,C,D,A,B,C,,,"'], // 7/10 → 70
      [people[2]!.examNumber, 'KK1-03', 'ABCDAB----'], // 6/10 → 60 < 65
    ]);
    const result = await importCbtResultsUseCase(ctx(), { sittingId, fileName: 'cbt.csv', bytes });
    expect(result).toMatchObject({ ok: true, applied: 3, failed: 1, incomplete: 2 });
    const scores = rowsOf<{ score: number; correct_count: number }>(await database.db.execute(sql`SELECT score, correct_count FROM exam_part_scores WHERE part = 'written' ORDER BY score DESC`));
    expect(scores.map((s) => s.score)).toEqual([100, 70, 60]);
  });

  it('takes practical scores per criterion from an examiner (proctor) and decides the result with the trace', async () => {
    await expect(enterPracticalScores({ ...ctx(), actor: proctor }, { sittingId, examNumber: people[0]!.examNumber, scores: { accuracy: '11', safety: '5' } })).rejects.toBeInstanceOf(InvalidInput);
    const first = await enterPracticalScores({ ...ctx(), actor: proctor }, { sittingId, examNumber: people[0]!.examNumber, scores: { accuracy: '8', safety: '4' } });
    expect(first.score).toBe(80); // (2×8/10 + 1×4/5) / 3 = 0.8
    await enterPracticalScores(ctx(), { sittingId, examNumber: people[1]!.examNumber, scores: { accuracy: '5', safety: '2' } }); // (1+0.4)/3 → 46
    await enterPracticalScores(ctx(), { sittingId, examNumber: people[2]!.examNumber, scores: { accuracy: '10', safety: '5' } });
    const results = rowsOf<{ exam_number: string; outcome: string; written_outcome: string; practical_outcome: string; trace_steps: number }>(
      await database.db.execute(sql`
        SELECT r.exam_number, x.outcome, x.written_outcome, x.practical_outcome, jsonb_array_length(d.determination->'trace') AS trace_steps
        FROM exam_results x JOIN exam_registrations r ON r.id = x.registration_id JOIN exam_result_determinations d ON d.hash = x.determination_hash
        ORDER BY r.exam_number`),
    );
    expect(results.map((r) => [r.outcome, r.written_outcome, r.practical_outcome])).toEqual([
      ['pass', 'pass', 'pass'],
      ['fail', 'pass', 'fail'],
      ['fail', 'fail', 'pass'],
    ]);
    expect(results.every((r) => Number(r.trace_steps) === 3)).toBe(true);
  });

  it('releases only on the set date, with a certificate per passer and a notice in each language', async () => {
    await expect(releaseResults(ctx(), { sittingId })).rejects.toBeInstanceOf(Conflict); // no date yet
    await setReleaseDate(ctx(), { sittingId, releaseOn: '2026-03-01' });
    clock.set('2026-02-28T14:59:00Z'); // 23:59 in Japan on the day before
    expect((await releaseDueResults({ ...ctx(), actor: { kind: 'system', job: 'exam-results.release-due' } })).released).toEqual([]);
    await expect(releaseResults(ctx(), { sittingId })).rejects.toThrow(/release date/);
    clock.set('2026-02-28T15:00:00Z'); // 00:00 on 2026-03-01 in Japan
    const { released } = await releaseDueResults({ ...ctx(), actor: { kind: 'system', job: 'exam-results.release-due' } });
    expect(released).toEqual([{ sittingId, released: 3, passed: 1, certificates: 1 }]);
    await expect(releaseResults(ctx(), { sittingId })).rejects.toBeInstanceOf(Conflict); // not twice
    const mails = rowsOf<{ to_address: string; subject: string }>(await database.db.execute(sql`SELECT to_address, subject FROM outbox_emails ORDER BY to_address`));
    expect(mails.map((m) => m.to_address)).toEqual(['candidate1@example.vn', 'candidate2@example.vn', 'candidate3@example.vn']);
    expect(mails[0]!.subject).toContain('Thông báo kết quả');
    expect(mails[1]!.subject).toContain('Your result');
    expect(mails[2]!.subject).toContain('合否のお知らせ');
    const statuses = rowsOf<{ status: string }>(await database.db.execute(sql`SELECT DISTINCT status FROM exam_results`));
    expect(statuses).toEqual([{ status: 'released' }]);
    const audit = rowsOf<{ action: string }>(await database.db.execute(sql`SELECT action FROM audit_events WHERE action LIKE 'exam_%' ORDER BY seq`));
    expect(audit.map((a) => a.action)).toEqual([
      'exam_scores.import_rejected',
      'exam_scores.imported',
      'exam_scores.practical_entered',
      'exam_scores.practical_entered',
      'exam_scores.practical_entered',
      'exam_results.release_date_set',
      'exam_results.released',
      'exam_certificate.issued',
    ]);
  });

  it('verifies by exam number and date of birth, revealing only the public fields', async () => {
    const anonymous = { actor: { kind: 'anonymous' } as const, db: database.db, clock };
    const ok = await verifyCertificateByExamNumber(anonymous, { examNumber: people[0]!.examNumber.toLowerCase(), dateOfBirth: '2000-01-02' });
    expect(ok).toMatchObject({ valid: true, status: 'valid', publicFields: { certificateNumber: 'C1-2026-0000001', maskedName: 'N*** V. A. 1.', level: 'i', passDate: '2026-03-01' } });
    expect(JSON.stringify(ok)).not.toContain('2000-01-02');
    expect(await verifyCertificateByExamNumber(anonymous, { examNumber: people[0]!.examNumber, dateOfBirth: '2000-01-03' })).toMatchObject({ valid: false, status: 'not_found', publicFields: null });
    // A candidate who failed has no certificate: the same answer as a wrong date of birth.
    expect(await verifyCertificateByExamNumber(anonymous, { examNumber: people[1]!.examNumber, dateOfBirth: '1999-12-31' })).toMatchObject({ status: 'not_found' });
  });

  it('verifies the signed QR token; a tampered token is not found; revocation with a reason makes it revoked', async () => {
    const anonymous = { actor: { kind: 'anonymous' } as const, db: database.db, clock };
    const cert = await findCertificate(database.db, 'C1-2026-0000001');
    expect(await verifyCertificateByToken(anonymous, { token: cert!.token })).toMatchObject({ valid: true, status: 'valid' });
    const [body, sig] = cert!.token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), cn: 'C1-2026-0000002' })).toString('base64url')}.${sig}`;
    expect(await verifyCertificateByToken(anonymous, { token: forged })).toMatchObject({ status: 'not_found' });

    await expect(revokeCertificate(ctx(), { certificateNumber: 'C1-2026-0000001', reason: 'x' })).rejects.toBeInstanceOf(InvalidInput);
    await revokeCertificate(ctx(), { certificateNumber: 'C1-2026-0000001', reason: '不正行為が判明したため' });
    expect(await verifyCertificateByToken(anonymous, { token: cert!.token })).toMatchObject({ valid: false, status: 'revoked' });
    expect(await verifyCertificateByExamNumber(anonymous, { examNumber: people[0]!.examNumber, dateOfBirth: '2000-01-02' })).toMatchObject({ valid: false, status: 'revoked' });
    const audit = rowsOf<{ reason: string }>(await database.db.execute(sql`SELECT reason FROM audit_events WHERE action = 'exam_certificate.revoked'`));
    expect(audit).toEqual([{ reason: '不正行為が判明したため' }]);
  });

  it('a ledger correction re-decides a released result; a new pass gets its certificate, a new fail loses it', async () => {
    const [reg] = rowsOf<{ id: string }>(await database.db.execute(sql`SELECT id FROM exam_registrations WHERE exam_number = ${people[1]!.examNumber}`));
    const out = await correctLedgerEntry(ctx(), { registrationId: reg!.id, field: 'practical_score', value: '75', reason: '採点表の転記誤りの訂正' });
    expect(out.outcome).toBe('pass');
    const [result] = rowsOf<{ status: string; practical_score: number }>(await database.db.execute(sql`SELECT status, practical_score FROM exam_results WHERE registration_id = ${reg!.id}`));
    expect(result).toEqual({ status: 'released', practical_score: 75 });
    const [correction] = rowsOf<{ before_value: number; after_value: number; reason: string }>(await database.db.execute(sql`SELECT before_value, after_value, reason FROM exam_ledger_corrections`));
    expect(correction).toEqual({ before_value: 46, after_value: 75, reason: '採点表の転記誤りの訂正' });
    await expect(correctLedgerEntry(ctx(), { registrationId: reg!.id, field: 'practical_score', value: '75', reason: 'x' })).rejects.toBeInstanceOf(InvalidInput);
    // The released result is now a pass: its certificate is issued on its own, once.
    expect(await issueCertificate(ctx(), { registrationId: reg!.id })).toEqual({ certificateNumber: 'C1-2026-0000002' });
    await expect(issueCertificate(ctx(), { registrationId: reg!.id })).rejects.toBeInstanceOf(Conflict);
    const anonymous = { actor: { kind: 'anonymous' } as const, db: database.db, clock };
    expect(await verifyCertificateByExamNumber(anonymous, { examNumber: people[1]!.examNumber, dateOfBirth: '1999-12-31' })).toMatchObject({ status: 'valid' });
    // Correcting the score back to a fail revokes that certificate with the same reason.
    await correctLedgerEntry(ctx(), { registrationId: reg!.id, field: 'practical_score', value: '40', reason: '再確認の結果、元の点数が正しかった' });
    expect(await verifyCertificateByExamNumber(anonymous, { examNumber: people[1]!.examNumber, dateOfBirth: '1999-12-31' })).toMatchObject({ status: 'revoked' });
  });
});

// Irregularity reports at the venue are idempotent: the check-in page's report form carries a key, so a double tap, a
// retry or a browser refresh of the "reported" page records one report; the next form (a fresh key) records another.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportIrregularity } from '../../../src/domain/exams/use-cases/check-in.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { fixedClock } from '../../helpers/test-app.js';
import { clientFor, createMembershipTestApp, type MembershipTestApp } from '../membership/membership-test-app.js';
import { createExamWorld, type ExamWorld } from './fixtures.js';

let t: MembershipTestApp;
let w: ExamWorld;
let proctorId = '';

beforeAll(async () => {
  t = await createMembershipTestApp(fixedClock('2025-10-01T01:00:00Z'));
  w = await createExamWorld(t.database);
  proctorId = (w.proctor.actor as { userId: string }).userId;
}, 120_000);
afterAll(() => t?.close());

const keyIn = (html: string): string => /name="idempotencyKey" value="([^"]+)"/.exec(html)![1]!;
const reports = async () =>
  rowsOf<{ id: string }>(await t.database.db.execute(sql`SELECT id FROM exam_irregularity_reports WHERE sitting_id = ${w.sittingId} ORDER BY reported_at, id`)).map((r) => r.id);
const audits = async () =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'exam_irregularity.reported' AND target_id = ${w.sittingId}`))[0]!.n;

describe('irregularity report idempotency', () => {
  it('the same report form posted twice (at once and again) records one report; the use case returns it as a duplicate', async () => {
    const proctor = clientFor(t.app, proctorId);
    const url = `/staff/exams/sittings/${w.sittingId}/check-in`;
    const page = await proctor.get(url);
    expect(page.statusCode).toBe(200);
    const key = keyIn(page.body);
    const body = { kind: 'equipment', description: 'CBT端末3番が起動しない', idempotencyKey: key };
    const [a, b] = await Promise.all([proctor.post(`/staff/exams/sittings/${w.sittingId}/irregularities`, body), proctor.post(`/staff/exams/sittings/${w.sittingId}/irregularities`, body)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const again = await proctor.post(`/staff/exams/sittings/${w.sittingId}/irregularities`, body);
    expect(again.statusCode).toBe(200);
    const ids = await reports();
    expect(ids).toHaveLength(1);
    expect(await audits()).toBe(1);
    const viaDomain = await reportIrregularity(w.proctor, { sittingId: w.sittingId, kind: 'equipment', description: 'CBT端末3番が起動しない' }, key);
    expect(viaDomain).toEqual({ id: ids[0], duplicate: true });

    // The page shown after reporting draws a new key: the next irregularity is a new report.
    const key2 = keyIn(again.body);
    expect(key2).not.toBe(key);
    await proctor.post(`/staff/exams/sittings/${w.sittingId}/irregularities`, { kind: 'late_arrival', description: '受験者が20分遅刻', idempotencyKey: key2 });
    expect(await reports()).toHaveLength(2);
    expect(await audits()).toBe(2);
  });

  it('bad input re-renders with the same key and records nothing', async () => {
    const proctor = clientFor(t.app, proctorId);
    const before = (await reports()).length;
    const key = keyIn((await proctor.get(`/staff/exams/sittings/${w.sittingId}/check-in`)).body);
    const bad = await proctor.post(`/staff/exams/sittings/${w.sittingId}/irregularities`, { kind: 'other', description: '', idempotencyKey: key });
    expect(bad.statusCode).toBe(400);
    expect(keyIn(bad.body)).toBe(key);
    expect(await reports()).toHaveLength(before);
  });
});

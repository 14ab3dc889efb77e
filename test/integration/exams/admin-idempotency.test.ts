// Exam staff creates are idempotent: every create form carries a key, so a double submit (at once, or again later)
// creates one row with one audit event and redirects both requests to it; a form re-rendered after bad input keeps
// its key (nothing was created); a freshly loaded form draws a new key and creates a second record. Committee
// payments first: an honorarium must never be recorded (and so paid) twice.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCommitteeMember, createCommittee, getCommittee, recordCommitteeMeeting, recordCommitteePayment } from '../../../src/domain/exams/use-cases/committees.js';
import { createQuestionSet } from '../../../src/domain/exams/use-cases/question-sets.js';
import { createSampleQuestion } from '../../../src/domain/exams/use-cases/sample-questions.js';
import { createSitting, createVenue } from '../../../src/domain/exams/use-cases/sittings.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { fixedClock } from '../../helpers/test-app.js';
import { clientFor, createMembershipTestApp, type MembershipTestApp } from '../membership/membership-test-app.js';
import { createExamWorld, type ExamWorld } from './fixtures.js';

let t: MembershipTestApp;
let w: ExamWorld;
let adminId = '';
let committeeId = '';

beforeAll(async () => {
  t = await createMembershipTestApp(fixedClock('2025-10-01T01:00:00Z'));
  w = await createExamWorld(t.database);
  adminId = (w.admin.actor as { userId: string }).userId;
  committeeId = (await createCommittee(w.admin, { categoryId: w.categoryId, name: '機械金属加工 有識者委員会', fiscalYear: '2025' })).id;
}, 120_000);
afterAll(() => t?.close());

/** The key of the form posting to `action` (its hidden input follows the form's opening tag). */
const keyOf = (html: string, action: string): string => {
  const at = html.indexOf(`action="${action}"`);
  expect(at, `form ${action}`).toBeGreaterThan(-1);
  return /name="idempotencyKey" value="([^"]+)"/.exec(html.slice(at))![1]!;
};
const count = async (table: string): Promise<number> => rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;
const audits = async (action: string): Promise<number> =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = ${action}`))[0]!.n;
const paymentsOf = async (id: string): Promise<{ id: string; amount_yen: number }[]> =>
  rowsOf<{ id: string; amount_yen: number }>(
    await t.database.db.execute(sql`SELECT p.id, p.amount_yen FROM exam_committee_payments p JOIN exam_committee_meetings m ON m.id = p.meeting_id WHERE m.committee_id = ${id} ORDER BY p.created_at, p.id`),
  );

describe('committee payments are recorded once per form', () => {
  const setUp = async () => {
    const c = await createCommittee(w.admin, { categoryId: w.categoryId, name: '謝金テスト委員会', fiscalYear: '2025' });
    const member = await addCommitteeMember(w.admin, c.id, { name: '山田 太郎', affiliation: '大学', memberRole: 'chair', appointedOn: '2025-04-01' });
    const meeting = await recordCommitteeMeeting(w.admin, c.id, { heldOn: '2025-06-01', place: '東京', agenda: '問題案の検討' });
    return { id: c.id, page: `/staff/exams/committees/${c.id}`, action: `/staff/exams/committees/${c.id}/payments`, memberId: member.id, meetingId: meeting.id };
  };

  it('a double submit (at once and again) records one honorarium with one audit event; the use case returns it as a duplicate', async () => {
    const c = await setUp();
    const admin = clientFor(t.app, adminId);
    const key = keyOf((await admin.get(c.page)).body, c.action);
    const before = await audits('exam_committee.payment_recorded');
    const body = { meetingId: c.meetingId, memberId: c.memberId, kind: 'honorarium', amountYen: '15000', idempotencyKey: key };

    const [a, b] = await Promise.all([admin.post(c.action, body), admin.post(c.action, body)]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect((await admin.post(c.action, body)).statusCode).toBe(303);
    const payments = await paymentsOf(c.id);
    expect(payments).toEqual([{ id: payments[0]!.id, amount_yen: 15000 }]);
    expect(await audits('exam_committee.payment_recorded')).toBe(before + 1);

    const again = await recordCommitteePayment(w.admin, c.id, body, key);
    expect(again).toMatchObject({ id: payments[0]!.id, duplicate: true, amountYen: 15000 });
    expect((await getCommittee(w.admin, c.id)).totals).toEqual({ honorarium: 15000, expense: 0 });
    expect(await audits('exam_committee.payment_recorded')).toBe(before + 1);

    // The committee page shown after recording draws a new key: the next payment is a new one.
    const key2 = keyOf((await admin.get(c.page)).body, c.action);
    expect(key2).not.toBe(key);
    expect((await admin.post(c.action, { ...body, kind: 'expense', amountYen: '3200', idempotencyKey: key2 })).statusCode).toBe(303);
    expect((await paymentsOf(c.id)).map((p) => p.amount_yen)).toEqual([15000, 3200]);
    expect(await audits('exam_committee.payment_recorded')).toBe(before + 2);
    expect((await getCommittee(w.admin, c.id)).totals).toEqual({ honorarium: 15000, expense: 3200 });
  });

  it('bad input re-renders the payment form with its key and records nothing; the corrected submit then records one payment', async () => {
    const c = await setUp();
    const admin = clientFor(t.app, adminId);
    const key = keyOf((await admin.get(c.page)).body, c.action);
    const bad = await admin.post(c.action, { meetingId: c.meetingId, memberId: c.memberId, kind: 'expense', amountYen: '12.5', idempotencyKey: key });
    expect(bad.statusCode).toBe(400);
    expect(keyOf(bad.body, c.action)).toBe(key);
    // The page's other create forms were not submitted: they draw their own keys.
    expect(keyOf(bad.body, `/staff/exams/committees/${c.id}/members`)).not.toBe(key);
    expect(keyOf(bad.body, `/staff/exams/committees/${c.id}/meetings`)).not.toBe(key);
    expect(await paymentsOf(c.id)).toEqual([]);

    const body = { meetingId: c.meetingId, memberId: c.memberId, kind: 'expense', amountYen: '1250', idempotencyKey: key };
    expect((await admin.post(c.action, body)).statusCode).toBe(303);
    expect((await admin.post(c.action, body)).statusCode).toBe(303);
    expect((await paymentsOf(c.id)).map((p) => p.amount_yen)).toEqual([1250]);
  });

  it('without a key (an older caller) every call records a payment, as before', async () => {
    const c = await setUp();
    const body = { meetingId: c.meetingId, memberId: c.memberId, kind: 'honorarium', amountYen: '10000' };
    expect((await recordCommitteePayment(w.admin, c.id, body)).duplicate).toBe(false);
    expect((await recordCommitteePayment(w.admin, c.id, body, 'short')).duplicate).toBe(false);
    expect(await paymentsOf(c.id)).toHaveLength(2);
  });
});

type Case = {
  name: string;
  page: () => string;
  action: () => string;
  /** Another create form on the same page, which must keep a key of its own. */
  sibling?: () => string;
  table: string;
  audit: string;
  body: () => Record<string, string | string[]>;
  bad: Record<string, string>;
};

const SITTING = { examDate: '2026-02-01', startTime: '10:00', registrationOpensOn: '2025-12-01', registrationClosesOn: '2026-01-10', rescheduleDeadline: '2026-01-15', cancelDeadline: '2026-01-20', feeAmount: '8000', feeCurrency: 'JPY', capacity: '20' };

const CASES: Case[] = [
  {
    name: 'venue',
    page: () => '/staff/exams/sittings',
    action: () => '/staff/exams/venues',
    sibling: () => '/staff/exams/sittings',
    table: 'exam_venues',
    audit: 'exam_venue.created',
    body: () => ({ name: '東京試験センター', country: 'JP', city: '東京', address: '千代田区1-1', capacity: '50', equipment: ['cbt_terminals', 'locker'] }),
    bad: { capacity: '0' },
  },
  {
    name: 'sitting',
    page: () => '/staff/exams/sittings',
    action: () => '/staff/exams/sittings',
    sibling: () => '/staff/exams/venues',
    table: 'exam_sittings',
    audit: 'exam_sitting.created',
    body: () => ({ categoryId: w.categoryId, venueId: w.venueId, ...SITTING }),
    bad: { feeAmount: '80.5' },
  },
  {
    name: 'question set',
    page: () => '/staff/exams/question-sets',
    action: () => '/staff/exams/question-sets',
    table: 'exam_question_sets',
    audit: 'exam_question_set.created',
    body: () => ({ categoryId: w.categoryId, code: 'KK1-IDEM', title: '冪等性', answerKey: 'A\nB 2', practicalCriteria: '' }),
    bad: { code: 'not a code' },
  },
  {
    name: 'sample question',
    page: () => '/staff/exams/samples',
    action: () => '/staff/exams/samples',
    table: 'exam_sample_questions',
    audit: 'exam_sample_question.created',
    body: () => ({ categoryId: w.categoryId, part: 'written', questionJa: '安全靴の目的は？', choices: 'A 足を守る\nB 速く走る', answer: 'A' }),
    bad: { questionJa: '' },
  },
  {
    name: 'committee',
    page: () => '/staff/exams/committees',
    action: () => '/staff/exams/committees',
    table: 'exam_committees',
    audit: 'exam_committee.created',
    body: () => ({ categoryId: w.categoryId, name: '溶接 有識者委員会', fiscalYear: '2026' }),
    bad: { fiscalYear: '1900' },
  },
  {
    name: 'committee member',
    page: () => `/staff/exams/committees/${committeeId}`,
    action: () => `/staff/exams/committees/${committeeId}/members`,
    sibling: () => `/staff/exams/committees/${committeeId}/meetings`,
    table: 'exam_committee_members',
    audit: 'exam_committee.member_added',
    body: () => ({ name: '鈴木 花子', affiliation: '工業会', memberRole: 'member', appointedOn: '2025-04-01' }),
    bad: { appointedOn: '2025-02-30' },
  },
  {
    name: 'committee meeting',
    page: () => `/staff/exams/committees/${committeeId}`,
    action: () => `/staff/exams/committees/${committeeId}/meetings`,
    sibling: () => `/staff/exams/committees/${committeeId}/members`,
    table: 'exam_committee_meetings',
    audit: 'exam_committee.meeting_recorded',
    body: () => ({ heldOn: '2025-07-01', place: '大阪', agenda: '第2回' }),
    bad: { heldOn: 'next week' },
  },
];

describe('exam admin creates are made once per form', () => {
  for (const c of CASES) {
    it(`${c.name}: bad input keeps the key; a double submit creates one row and one audit event; a fresh form creates another`, async () => {
      const admin = clientFor(t.app, adminId);
      const rows = await count(c.table);
      const events = await audits(c.audit);
      const key = keyOf((await admin.get(c.page())).body, c.action());

      const bad = await admin.post(c.action(), { ...c.body(), ...c.bad, idempotencyKey: key });
      expect(bad.statusCode).toBe(400);
      expect(keyOf(bad.body, c.action())).toBe(key);
      if (c.sibling) expect(keyOf(bad.body, c.sibling())).not.toBe(key);
      expect(await count(c.table)).toBe(rows);

      const body = { ...c.body(), idempotencyKey: key };
      const [a, b] = await Promise.all([admin.post(c.action(), body), admin.post(c.action(), body)]);
      const again = await admin.post(c.action(), body);
      expect([a.statusCode, b.statusCode, again.statusCode]).toEqual([303, 303, 303]);
      expect(new Set([a.headers.location, b.headers.location, again.headers.location]).size).toBe(1);
      expect(await count(c.table)).toBe(rows + 1);
      expect(await audits(c.audit)).toBe(events + 1);

      const key2 = keyOf((await admin.get(c.page())).body, c.action());
      expect(key2).not.toBe(key);
      expect((await admin.post(c.action(), { ...c.body(), idempotencyKey: key2 })).statusCode).toBe(303);
      expect(await count(c.table)).toBe(rows + 2);
      expect(await audits(c.audit)).toBe(events + 2);
    });
  }

  it('the use cases return the first row as a duplicate for a key already used, with the same id', async () => {
    const key = 'exam-admin-idempotency-key-0001';
    const venue = await createVenue(w.admin, { name: '名古屋会場', country: 'JP', city: '名古屋', address: '中区1-1', capacity: '40' }, key);
    expect(await createVenue(w.admin, { name: '名古屋会場', country: 'JP', city: '名古屋', address: '中区1-1', capacity: '40' }, key)).toMatchObject({ id: venue.id, duplicate: true });
    const sitting = await createSitting(w.admin, { categoryId: w.categoryId, venueId: venue.id, ...SITTING }, key);
    expect(sitting.duplicate).toBe(false);
    expect(await createSitting(w.admin, { categoryId: w.categoryId, venueId: venue.id, ...SITTING }, key)).toMatchObject({ id: sitting.id, duplicate: true, examDate: SITTING.examDate });
    const set = await createQuestionSet(w.admin, { categoryId: w.categoryId, code: 'KK1-DUP', title: 'dup', answerKey: 'A' }, key);
    expect(await createQuestionSet(w.admin, { categoryId: w.categoryId, code: 'KK1-DUP', title: 'dup', answerKey: 'A' }, key)).toMatchObject({ id: set.id, duplicate: true, version: 1 });
    const sample = await createSampleQuestion(w.admin, { categoryId: w.categoryId, part: 'practical', questionJa: '保護具は？' }, key);
    expect(await createSampleQuestion(w.admin, { categoryId: w.categoryId, part: 'practical', questionJa: '保護具は？' }, key)).toMatchObject({ id: sample.id, duplicate: true });
    const committee = await createCommittee(w.admin, { categoryId: w.categoryId, name: '重複確認委員会', fiscalYear: '2025' }, key);
    expect(await createCommittee(w.admin, { categoryId: w.categoryId, name: '重複確認委員会', fiscalYear: '2025' }, key)).toMatchObject({ id: committee.id, duplicate: true });
    const member = await addCommitteeMember(w.admin, committee.id, { name: '佐藤 一郎', memberRole: 'member', appointedOn: '2025-04-01' }, key);
    expect(await addCommitteeMember(w.admin, committee.id, { name: '佐藤 一郎', memberRole: 'member', appointedOn: '2025-04-01' }, key)).toMatchObject({ id: member.id, duplicate: true });
    const meeting = await recordCommitteeMeeting(w.admin, committee.id, { heldOn: '2025-08-01' }, key);
    expect(await recordCommitteeMeeting(w.admin, committee.id, { heldOn: '2025-08-01' }, key)).toMatchObject({ id: meeting.id, duplicate: true });
    // One key used once per kind of record: each created exactly one, each with its own audit event.
    const created = rowsOf<{ action: string }>(
      await t.database.db.execute(sql`SELECT action FROM audit_events WHERE target_id IN (${venue.id}, ${sitting.id}, ${set.id}, ${sample.id}, ${committee.id}) ORDER BY seq`),
    ).map((r) => r.action);
    expect(created).toEqual(['exam_venue.created', 'exam_sitting.created', 'exam_question_set.created', 'exam_sample_question.created', 'exam_committee.created', 'exam_committee.member_added', 'exam_committee.meeting_recorded']);
  });
});

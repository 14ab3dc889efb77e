import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISQUALIFICATION_ITEMS } from '../../../rules/jaim-membership-faq/index.js';
import { provisionUser } from '../../../src/domain/accounts/provision-user.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { insertOrganisation } from '../../../src/persistence/repositories/organisations.repository.js';
import { fixedClock } from '../../helpers/test-app.js';
import { VALID_COMPANY, VALID_ESTABLISHMENT, clientFor, createMembershipTestApp, provisionCompanyUser, provisionReviewer, type MembershipTestApp } from './membership-test-app.js';

// The review API (M3/M4): the queue in order of receipt, one request with its determinations and citations, and the
// decisions, each guarded by lockVersion (two reviewers: one wins, the other gets 409 and nothing is overwritten) and
// safe to retry with an Idempotency-Key. After 2025-12-26, so approvals list on the JAIM roster.
const clock = fixedClock('2026-05-11T01:00:00Z');
const BASE = '/api/v1/review/join-requests';
let t: MembershipTestApp;
let applicantId = '';
let orgId = '';
let reviewerA = '';
let reviewerB = '';
/** Join requests by establishment name, submitted through the applicant API on different days. */
const requests: Record<string, string> = {};

const PAGES = {
  shipments: { shipments: 'yes' },
  documents: { documents: ['invoice'] },
  photos: { photos: ['product', 'plant'] },
  declarations: Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [`declaration_${i}`, 'no'])),
  pledges: { pledges: ['codeOfConduct', 'cooperationDuties'] },
};

const one = async <T>(q: ReturnType<typeof sql>): Promise<T> => rowsOf<T>(await t.database.db.execute(q))[0]!;
const all = async <T>(q: ReturnType<typeof sql>): Promise<T[]> => rowsOf<T>(await t.database.db.execute(q));

const api = (userId: string | undefined, method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method,
    url,
    headers: { ...(userId ? { 'x-test-user': userId } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
const detail = async (id: string, userId = reviewerA) => (await api(userId, 'GET', `${BASE}/${id}`)).json();
const fieldsOf = (res: LightMyRequestResponse): string[] => (res.json().errors ?? []).map((e: { field: string }) => e.field);

let submissions = 0;
const submitApplication = async (establishmentName: string): Promise<string> => {
  const est = await clientFor(t.app, applicantId).post(`/organisations/${orgId}/establishments/new`, { ...VALID_ESTABLISHMENT, name: establishmentName, jsicCodes: '2691' });
  expect(est.statusCode).toBe(303);
  const { id: establishmentId } = await one<{ id: string }>(sql`SELECT id FROM establishments WHERE organisation_id = ${orgId} AND name = ${establishmentName}`);
  const res = await api(applicantId, 'POST', '/api/v1/join-requests', { organisationId: orgId, establishmentId, pages: PAGES }, { 'idempotency-key': `review-api-submit-${++submissions}` });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
};

beforeAll(async () => {
  t = await createMembershipTestApp(clock);
  applicantId = (await provisionCompanyUser(t.database.db)).userId;
  const company = await clientFor(t.app, applicantId).post('/organisations/new', VALID_COMPANY);
  orgId = /\/organisations\/([0-9a-f-]{36})/.exec(company.headers.location as string)![1]!;
  reviewerA = (await provisionReviewer(t.database.db)).userId;
  reviewerB = (await provisionReviewer(t.database.db)).userId;
  // Received on different days: the queue is in order of receipt, with the days each has waited.
  clock.set('2026-05-07T01:00:00Z');
  requests.first = await submitApplication('第一工場');
  clock.set('2026-05-09T01:00:00Z');
  requests.second = await submitApplication('第二工場');
  requests.third = await submitApplication('第三工場');
  requests.fourth = await submitApplication('第四工場');
  clock.set('2026-05-11T01:00:00Z');
}, 60_000);
afterAll(() => t?.close());

describe('review API: queue and request', () => {
  it('lists open requests oldest first, with days waiting and e-Gov style status names in ja and en', async () => {
    const res = await api(reviewerA, 'GET', BASE);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; daysWaiting: number; receivedOn: string; status: string; statusLabel: { ja: string; en: string }; lockVersion: number; establishmentName: string }[];
    expect(items.map((i) => i.id)).toEqual([requests.first, requests.second, requests.third, requests.fourth]);
    expect(items[0]).toMatchObject({ receivedOn: '2026-05-07', daysWaiting: 4, status: 'submitted', statusLabel: { ja: '到達', en: 'Received' }, lockVersion: 0, establishmentName: '第一工場' });
    expect(items[1]).toMatchObject({ receivedOn: '2026-05-09', daysWaiting: 2 });
  });

  it('shows one request with its lockVersion, the determination with the provision of each step, and its history', async () => {
    const d = await detail(requests.first!);
    expect(d).toMatchObject({ id: requests.first, status: 'submitted', lockVersion: 0, organisation: { id: orgId }, establishment: { name: '第一工場', jsicCodes: ['2691'] } });
    expect(d.determination.trace.length).toBeGreaterThan(0);
    for (const step of d.determination.trace) expect(step.citation).toMatch(/\S/);
    expect(d.determination.outcomeLabel).toHaveProperty('en');
    expect(d.history).toHaveLength(1);
    expect(d.history[0]).toMatchObject({ event: 'submit', eventLabel: { en: 'Submitted (received)' } });
    expect(d.history[0].determination.trace.map((s: { citation: string }) => s.citation)).toEqual(d.determination.trace.map((s: { citation: string }) => s.citation));
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const unknown = '5f0c2f4e-8a7b-4c1d-9e2f-3a4b5c6d7e8f';
    const get = await api(reviewerA, 'GET', `${BASE}/${unknown}`);
    expect(get.statusCode).toBe(404);
    expect(get.headers['content-type']).toContain('application/problem+json');
    expect((await api(reviewerA, 'POST', `${BASE}/${unknown}/start-review`, { lockVersion: 0 })).statusCode).toBe(404);
    expect((await api(reviewerA, 'POST', `${BASE}/${unknown}/refusal`, { lockVersion: 0, grounds: ['not_operating'], message: '理由' })).statusCode).toBe(404);
    expect((await api(reviewerA, 'GET', `${BASE}/not-a-uuid`)).statusCode).toBe(400);
  });
});

describe('review API: who may use it', () => {
  it('refuses everyone but reviewers and administrators who are information handlers', async () => {
    const secretariat = await insertOrganisation(t.database.db, { kind: 'secretariat', name: '事務局', nameKana: null, corporateNumber: null, postalCode: null, prefecture: null, address: null, representativeName: null });
    const staff = async (role: 'observer' | 'secretariat_reviewer' | 'secretariat_admin', handler: boolean) =>
      (
        await provisionUser(t.database.db, {
          email: `${role}-${handler ? 'h' : 'n'}@jinzai.invalid`,
          password: 'correct horse battery staple',
          displayName: '職員',
          isStaff: true,
          roles: [{ role, organisationId: secretariat.id }],
          ...(handler ? { informationHandler: { department: '審査課' } } : {}),
        })
      ).userId;
    const observer = await staff('observer', true);
    const notHandler = await staff('secretariat_reviewer', false);
    const admin = await staff('secretariat_admin', true);
    const id = requests.fourth!;
    const calls: [('GET' | 'POST'), string, unknown?][] = [
      ['GET', BASE],
      ['GET', `${BASE}/${id}`],
      ['POST', `${BASE}/${id}/start-review`, { lockVersion: 0 }],
      ['POST', `${BASE}/${id}/correction-requests`, { lockVersion: 0, message: '補正してください' }],
      ['POST', `${BASE}/${id}/refusal`, { lockVersion: 0, grounds: ['not_operating'], message: '不承認' }],
      ['POST', `${BASE}/${id}/approval`, { lockVersion: 0 }],
    ];
    for (const [method, url, body] of calls) {
      expect((await api(applicantId, method, url, body)).statusCode, `${method} ${url} applicant`).toBe(403);
      expect((await api(observer, method, url, body)).statusCode, `${method} ${url} observer`).toBe(403);
      expect((await api(notHandler, method, url, body)).statusCode, `${method} ${url} reviewer not an information handler`).toBe(403);
      expect((await api(undefined, method, url, body)).statusCode, `${method} ${url} anonymous`).toBe(401);
    }
    const refused = await api(applicantId, 'POST', `${BASE}/${id}/approval`, { lockVersion: 0 });
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await detail(id)).status).toBe('submitted');
    expect((await api(admin, 'GET', BASE)).statusCode).toBe(200);
  });
});

describe('review API: bad input', () => {
  it('names the fields: lockVersion, message, grounds, Idempotency-Key', async () => {
    const id = requests.fourth!;
    const noLock = await api(reviewerA, 'POST', `${BASE}/${id}/start-review`, {});
    expect(noLock.statusCode).toBe(400);
    expect(noLock.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(noLock)).toContain('lockVersion');
    expect(fieldsOf(await api(reviewerA, 'POST', `${BASE}/${id}/start-review`, { lockVersion: '0' }))).toContain('lockVersion');
    expect(fieldsOf(await api(reviewerA, 'POST', `${BASE}/${id}/correction-requests`, { lockVersion: 0, message: '   ' }))).toContain('message');
    expect(fieldsOf(await api(reviewerA, 'POST', `${BASE}/${id}/correction-requests`, { lockVersion: 0, message: 'x'.repeat(2001) }))).toContain('message');
    expect(fieldsOf(await api(reviewerA, 'POST', `${BASE}/${id}/refusal`, { lockVersion: 0, grounds: [], message: '不承認' }))).toContain('grounds');
    const unknownGround = await api(reviewerA, 'POST', `${BASE}/${id}/refusal`, { lockVersion: 0, grounds: ['because'], message: '不承認' });
    expect(unknownGround.statusCode).toBe(400);
    expect(fieldsOf(unknownGround).some((f) => f.startsWith('grounds'))).toBe(true);
    const badKey = await api(reviewerA, 'POST', `${BASE}/${id}/start-review`, { lockVersion: 0 }, { 'idempotency-key': 'short' });
    expect(badKey.statusCode).toBe(400);
    expect(fieldsOf(badKey)).toContain('idempotency-key');
    const d = await detail(id);
    expect(d).toMatchObject({ status: 'submitted', lockVersion: 0 });
    expect(d.history).toHaveLength(1);
  });

  it('a decision the status does not allow is a 409 and changes nothing', async () => {
    const res = await api(reviewerA, 'POST', `${BASE}/${requests.fourth}/approval`, { lockVersion: 0 });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/\S/);
    expect((await detail(requests.fourth!)).status).toBe('submitted');
  });
});

describe('review API: happy path', () => {
  it('start → correction → the applicant resubmits → start → approve; the roster shows the establishment', async () => {
    const id = requests.first!;
    const started = await api(reviewerA, 'POST', `${BASE}/${id}/start-review`, { lockVersion: 0 });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ id, status: 'under_review', statusLabel: { ja: '審査中' }, lockVersion: 1, replayed: false });

    const corrected = await api(reviewerA, 'POST', `${BASE}/${id}/correction-requests`, { lockVersion: 1, message: '  直近1年以内の納品書を添付してください。  ' });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ status: 'correction_requested', statusLabel: { ja: '補正', en: 'Correction requested' }, lockVersion: 2 });
    const afterCorrection = await detail(id);
    expect(afterCorrection.correctionReason).toBe('直近1年以内の納品書を添付してください。');
    expect(afterCorrection.history.map((h: { event: string }) => h.event)).toEqual(['submit', 'start_review', 'request_correction']);
    const mail = await all<{ subject: string }>(sql`SELECT subject FROM outbox_emails WHERE subject LIKE '%補正%'`);
    expect(mail.length).toBe(1);
    const queue = (await api(reviewerA, 'GET', BASE)).json().items as { id: string; status: string }[];
    expect(queue.find((i) => i.id === id)?.status).toBe('correction_requested');

    const resubmit = await clientFor(t.app, applicantId).post(`/join-requests/${id}/resubmit`, { lockVersion: '2' });
    expect(resubmit.statusCode).toBe(303);
    const received = await detail(id);
    expect(received).toMatchObject({ status: 'submitted', statusLabel: { ja: '到達' }, lockVersion: 3 });

    expect((await api(reviewerA, 'POST', `${BASE}/${id}/start-review`, { lockVersion: 3 })).statusCode).toBe(200);
    const approved = await api(reviewerA, 'POST', `${BASE}/${id}/approval`, { lockVersion: 4 });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', statusLabel: { ja: '手続終了（承認）' }, lockVersion: 5, decidedAt: '2026-05-11T01:00:00.000Z' });
    expect((await detail(id)).history.map((h: { event: string }) => h.event)).toEqual(['submit', 'start_review', 'request_correction', 'resubmit', 'start_review', 'approve']);

    const roster = await t.app.inject({ method: 'GET', url: '/api/v1/roster?corporateNumber=7123456789012' });
    expect(roster.statusCode).toBe(200);
    expect(roster.json().items).toEqual([expect.objectContaining({ establishmentName: '第一工場', roster: 'jaim', listedFrom: '2026-05-11' })]);
    expect(((await api(reviewerA, 'GET', BASE)).json().items as { id: string }[]).map((i) => i.id)).not.toContain(id);
  });
});

describe('review API: refusal with grounds', () => {
  it('refuses citing the grounds; the request shows each ground with its provision', async () => {
    const id = requests.second!;
    expect((await api(reviewerA, 'POST', `${BASE}/${id}/start-review`, { lockVersion: 0 })).statusCode).toBe(200);
    const res = await api(reviewerA, 'POST', `${BASE}/${id}/refusal`, { lockVersion: 1, grounds: ['not_operating', 'not_manufacturing'], message: '工場の操業開始後に、改めて申請してください。' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'refused', statusLabel: { ja: '手続終了（不承認）', en: 'Completed (refused)' }, lockVersion: 2 });
    const d = await detail(id);
    expect(d.decisionReason).toBe('工場の操業開始後に、改めて申請してください。');
    expect(d.grounds.map((g: { id: string; citation: string }) => [g.id, g.citation])).toEqual([
      ['not_manufacturing', 'council-operating-rules art.10(4)(i)'],
      ['not_operating', 'jaim-membership-faq Q3-2-4'],
    ]);
    const refusal = d.history.at(-1);
    expect(refusal).toMatchObject({ event: 'refuse', message: '工場の操業開始後に、改めて申請してください。' });
    expect(refusal.grounds.map((g: { citation: string }) => g.citation)).toContain('jaim-membership-faq Q3-2-4');
    const audit = await one<{ summary: { after: { grounds: string[] } } }>(sql`SELECT summary FROM audit_events WHERE action = 'join_request.refused' AND target_id = ${id}`);
    expect(audit.summary.after.grounds).toContain('jaim-membership-faq Q3-2-4');
  });
});

describe('review API: two reviewers, one request', () => {
  it('deciding at once: one wins, the other gets 409 and nothing is overwritten', async () => {
    const id = requests.third!;
    expect((await api(reviewerA, 'POST', `${BASE}/${id}/start-review`, { lockVersion: 0 })).statusCode).toBe(200);
    const { lockVersion } = await detail(id, reviewerB);
    expect(lockVersion).toBe(1);
    const [approval, refusal] = await Promise.all([
      api(reviewerA, 'POST', `${BASE}/${id}/approval`, { lockVersion }),
      api(reviewerB, 'POST', `${BASE}/${id}/refusal`, { lockVersion, grounds: ['not_operating'], message: '不承認とします。' }),
    ]);
    expect([approval.statusCode, refusal.statusCode].sort()).toEqual([200, 409]);
    const loser = approval.statusCode === 409 ? approval : refusal;
    expect(loser.headers['content-type']).toContain('application/problem+json');
    expect(loser.json()).toMatchObject({ status: 409, detail: 'この申請は、他の担当者が先に更新しました。最新の内容を確認してから、もう一度操作してください。' });
    const winner = approval.statusCode === 200 ? 'approve' : 'refuse';
    const d = await detail(id);
    expect(d).toMatchObject({ status: winner === 'approve' ? 'approved' : 'refused', lockVersion: 2, decisionReason: winner === 'approve' ? null : '不承認とします。' });
    expect(d.history.map((h: { event: string }) => h.event)).toEqual(['submit', 'start_review', winner]);
    const decided = await all<{ action: string }>(sql`SELECT action FROM audit_events WHERE target_id = ${id} AND action IN ('join_request.approved', 'join_request.refused')`);
    expect(decided).toHaveLength(1);
    const listings = await all<{ id: string }>(sql`SELECT id FROM roster_entries WHERE join_request_id = ${id}`);
    expect(listings).toHaveLength(winner === 'approve' ? 1 : 0);
  });

  it('a stale lockVersion is refused in the caller’s language (ja by default, en on request)', async () => {
    const id = requests.fourth!;
    expect((await api(reviewerA, 'POST', `${BASE}/${id}/start-review`, { lockVersion: 0 })).statusCode).toBe(200);
    const stale = await api(reviewerB, 'POST', `${BASE}/${id}/correction-requests`, { lockVersion: 0, message: '補正してください' }, { 'accept-language': 'en' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ status: 409, title: expect.any(String), detail: 'Someone else updated this application first. Check the latest version and try again.' });
    const d = await detail(id);
    expect(d).toMatchObject({ status: 'under_review', lockVersion: 1, correctionReason: null });
  });
});

describe('review API: retries', () => {
  it('without a key a repeated decision is a 409; with the same Idempotency-Key it is answered once, replayed after', async () => {
    const id = requests.fourth!;
    const key = { 'idempotency-key': 'retry-correction-0001' };
    const body = { lockVersion: 1, message: '登記事項証明書を添付してください。' };
    const first = await api(reviewerA, 'POST', `${BASE}/${id}/correction-requests`, body, key);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'correction_requested', lockVersion: 2, replayed: false });
    const retry = await api(reviewerA, 'POST', `${BASE}/${id}/correction-requests`, body, key);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ status: 'correction_requested', lockVersion: 2, replayed: true });
    expect((await api(reviewerA, 'POST', `${BASE}/${id}/correction-requests`, body)).statusCode).toBe(409);
    const otherBody = await api(reviewerA, 'POST', `${BASE}/${id}/correction-requests`, { ...body, message: '別の内容' }, key);
    expect(otherBody.statusCode).toBe(400);
    expect(fieldsOf(otherBody)).toContain('Idempotency-Key');
    // Keys are the reviewer's own: the same key from another reviewer is a new decision (here a stale one).
    expect((await api(reviewerB, 'POST', `${BASE}/${id}/correction-requests`, body, key)).statusCode).toBe(409);
    const d = await detail(id);
    expect(d.history.filter((h: { event: string }) => h.event === 'request_correction')).toHaveLength(1);
    const notices = await all<{ id: string }>(sql`SELECT id FROM outbox_emails WHERE subject LIKE '%補正%'`);
    expect(notices).toHaveLength(2); // one for the happy path's request, one here
  });

  it('a failed decision does not use up its key', async () => {
    const id = requests.fourth!;
    const resubmit = await clientFor(t.app, applicantId).post(`/join-requests/${id}/resubmit`, { lockVersion: '2' });
    expect(resubmit.statusCode).toBe(303);
    const key = { 'idempotency-key': 'retry-start-review-0001' };
    expect((await api(reviewerA, 'POST', `${BASE}/${id}/start-review`, { lockVersion: 2 }, key)).statusCode).toBe(409);
    const ok = await api(reviewerA, 'POST', `${BASE}/${id}/start-review`, { lockVersion: 3 }, key);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'under_review', lockVersion: 4, replayed: false });
    const approvalKey = { 'idempotency-key': 'retry-approval-000001' };
    const approved = await api(reviewerA, 'POST', `${BASE}/${id}/approval`, { lockVersion: 4 }, approvalKey);
    const again = await api(reviewerA, 'POST', `${BASE}/${id}/approval`, { lockVersion: 4 }, approvalKey);
    expect([approved.json().replayed, again.json().replayed]).toEqual([false, true]);
    expect(again.json()).toMatchObject({ status: 'approved', lockVersion: 5 });
    expect(await all(sql`SELECT id FROM roster_entries WHERE join_request_id = ${id}`)).toHaveLength(1);
    expect(await all(sql`SELECT id FROM audit_events WHERE action = 'join_request.approved' AND target_id = ${id}`)).toHaveLength(1);
  });
});

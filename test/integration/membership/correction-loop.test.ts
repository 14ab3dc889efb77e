import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../../src/demo/load-demo-data.js';
import { createServices } from '../../../src/http/create-services.js';
import { testConfig } from '../../../src/config/env.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { findUserByEmail } from '../../../src/persistence/repositories/users.repository.js';
import { fixedClock } from '../../helpers/test-app.js';
import { clientFor, createMembershipTestApp, provisionCompanyUser, type MembershipTestApp } from './membership-test-app.js';

// The correction loop (補正 → 再提出 → 到達) and the JSON view of a request, over the demo data.
const clock = fixedClock('2026-11-20T03:00:00Z');
let t: MembershipTestApp;
let requestId = '';
let applicantId = '';

beforeAll(async () => {
  t = await createMembershipTestApp(clock);
  await loadDemoDataIfEmpty(t.database, createServices(testConfig(), t.database, { clock }));
  applicantId = (await findUserByEmail(t.database.db, 'shinshu@demo.jinzai.invalid'))!.id;
  requestId = rowsOf<{ id: string }>(await t.database.db.execute(sql`SELECT id FROM join_requests WHERE status = 'correction_requested'`))[0]!.id;
});
afterAll(() => t?.close());

describe('correction loop', () => {
  it('the applicant sees the correction notice and its mail', async () => {
    const page = await clientFor(t.app, applicantId).get(`/join-requests/${requestId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('補正');
    expect(page.body).toContain('直近1年以内の書類を添付してください');
    const mail = rowsOf<{ subject: string }>(await t.database.db.execute(sql`SELECT subject FROM outbox_emails WHERE to_address = 'shinshu@demo.jinzai.invalid'`));
    expect(mail.map((m) => m.subject)).toContain('【Jinzai】入会申請の補正のお願い');
  });

  it('the JSON API shows the status to its organisation, and refuses others', async () => {
    const mine = await t.app.inject({ method: 'GET', url: `/api/v1/join-requests/${requestId}`, headers: { 'x-test-user': applicantId } });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ status: 'correction_requested', statusLabel: { ja: '補正' } });
    const stranger = (await provisionCompanyUser(t.database.db)).userId;
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/join-requests/${requestId}`, headers: { 'x-test-user': stranger } });
    expect(other.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/join-requests/${requestId}` })).statusCode).toBe(401);
  });

  it('resubmitting returns it to the queue as 到達; a stale second resubmit conflicts', async () => {
    const applicant = clientFor(t.app, applicantId);
    const lockVersion = rowsOf<{ v: number }>(await t.database.db.execute(sql`SELECT lock_version AS v FROM join_requests WHERE id = ${requestId}`))[0]!.v;
    const res = await applicant.post(`/join-requests/${requestId}/resubmit`, { lockVersion: String(lockVersion) });
    expect(res.statusCode).toBe(303);
    const again = await applicant.post(`/join-requests/${requestId}/resubmit`, { lockVersion: String(lockVersion) });
    expect(again.statusCode).toBe(409);
    const status = rowsOf<{ status: string }>(await t.database.db.execute(sql`SELECT status FROM join_requests WHERE id = ${requestId}`))[0]!.status;
    expect(status).toBe('submitted');
  });

  it('a refusal needs a reason', async () => {
    const reviewerId = (await findUserByEmail(t.database.db, 'secretariat-reviewer@demo.jinzai.invalid'))!.id;
    const underReview = rowsOf<{ id: string; v: number }>(await t.database.db.execute(sql`SELECT id, lock_version AS v FROM join_requests WHERE status = 'under_review'`))[0]!;
    const res = await clientFor(t.app, reviewerId).post(`/staff/join-requests/${underReview.id}/refuse`, { lockVersion: String(underReview.v), reason: '  ' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#reason"');
  });
});

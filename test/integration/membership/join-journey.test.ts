import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../src/persistence/database.js';
import { fixedClock } from '../../helpers/test-app.js';
import { DISQUALIFICATION_ITEMS } from '../../../rules/jaim-membership-faq/index.js';
import { SAMPLE_PDF } from '../../../src/domain/uploads/fake-clamd.test-helper.js';
import { VALID_COMPANY, VALID_ESTABLISHMENT, clientFor, createMembershipTestApp, provisionCompanyUser, provisionReviewer, type MembershipTestApp } from './membership-test-app.js';

let t: MembershipTestApp;
const clock = fixedClock('2026-04-01T01:00:00Z');

beforeAll(async () => {
  t = await createMembershipTestApp(clock);
});
afterAll(() => t?.close());

const count = async (table: string): Promise<number> => Number(rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]?.n);

describe('membership: register, apply, review, list on the roster', () => {
  let orgId = '';
  let requestId = '';
  let reviewerId = '';
  let companyUserId = '';

  it('rejects a 法人番号 with a wrong check digit, naming the field', async () => {
    companyUserId = (await provisionCompanyUser(t.database.db)).userId;
    const user = clientFor(t.app, companyUserId);
    const res = await user.post('/organisations/new', { ...VALID_COMPANY, corporateNumber: '6123456789012', nameKana: 'とうかい' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#corporateNumber"');
    expect(res.body).toContain('検査用数字');
    expect(res.body).toContain('href="#nameKana"');
  });

  it('registers the company (full-width digits accepted) and makes the user its company_admin', async () => {
    const user = clientFor(t.app, companyUserId);
    const res = await user.post('/organisations/new', VALID_COMPANY);
    expect(res.statusCode).toBe(303);
    orgId = /\/organisations\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
    const page = await user.get(`/organisations/${orgId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('7123456789012');
    const audit = rowsOf<{ action: string }>(await t.database.db.execute(sql`SELECT action FROM audit_events WHERE target_id = ${orgId}`));
    expect(audit.map((a) => a.action)).toContain('organisation.registered');
  });

  it('refuses a second company with the same 法人番号', async () => {
    const other = clientFor(t.app, (await provisionCompanyUser(t.database.db)).userId);
    const res = await other.post('/organisations/new', { ...VALID_COMPANY, corporateNumber: '7123456789012' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('既に登録');
  });

  it('another user cannot see the company', async () => {
    const other = clientFor(t.app, (await provisionCompanyUser(t.database.db)).userId);
    expect((await other.get(`/organisations/${orgId}`)).statusCode).toBe(403);
  });

  it('registers an establishment', async () => {
    const user = clientFor(t.app, companyUserId);
    const bad = await user.post(`/organisations/${orgId}/establishments/new`, { ...VALID_ESTABLISHMENT, jsicCodes: '2a' });
    expect(bad.statusCode).toBe(400);
    const res = await user.post(`/organisations/${orgId}/establishments/new`, VALID_ESTABLISHMENT);
    expect(res.statusCode).toBe(303);
  });

  it('walks the join form one page at a time (only the pages relevant to the JSIC codes), saving a draft each step', async () => {
    const user = clientFor(t.app, companyUserId);
    const start = await user.get(`/organisations/${orgId}/join`);
    expect(start.headers.location).toBe(`/organisations/${orgId}/join/establishment`);
    const page = await user.get(`/organisations/${orgId}/join/establishment`);
    const estId = /name="establishmentId" type="radio" value="([0-9a-f-]{36})"/.exec(page.body)![1]!;
    expect((await user.post(`/organisations/${orgId}/join/establishment`, {})).statusCode).toBe(400);
    expect((await user.post(`/organisations/${orgId}/join/establishment`, { establishmentId: estId })).headers.location).toBe(`/organisations/${orgId}/join/categories`);
    expect(await count('drafts')).toBe(1);
    expect((await user.post(`/organisations/${orgId}/join/categories`, { categories: 'kikai_kinzoku' })).headers.location).toBe(`/organisations/${orgId}/join/shipments`);
    await user.post(`/organisations/${orgId}/join/shipments`, { shipments: 'yes' });
    await user.post(`/organisations/${orgId}/join/documents`, { documents: ['invoice', 'delivery_note'] });
    await user.post(`/organisations/${orgId}/join/amounts`, { amounts: 'shown', intraCompany: 'no' });
    // 2691/2592: no textile or association page; photos given, so no reasons page.
    expect((await user.post(`/organisations/${orgId}/join/photos`, { photos: ['product', 'plant'] })).headers.location).toBe(`/organisations/${orgId}/join/evidence`);
    const evidence = await user.get(`/organisations/${orgId}/join/evidence`);
    expect(evidence.body).toContain('sample_other.pdf');
    for (const kind of ['template_other', 'product_photo', 'plant_photo']) {
      const up = await user.upload(`/organisations/${orgId}/join/evidence/upload`, { kind }, { filename: `${kind}.pdf`, contentType: 'application/pdf', bytes: SAMPLE_PDF });
      expect(up.statusCode).toBe(303);
    }
    expect((await user.post(`/organisations/${orgId}/join/evidence`, {})).headers.location).toBe(`/organisations/${orgId}/join/declarations`);
    const partial = await user.post(`/organisations/${orgId}/join/declarations`, { declaration_i: 'no' });
    expect(partial.statusCode).toBe(400);
    expect(partial.body).toContain('href="#declaration_ro"');
    await user.post(`/organisations/${orgId}/join/declarations`, Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [`declaration_${i}`, 'no'])));
    const last = await user.post(`/organisations/${orgId}/join/pledges`, { pledges: ['codeOfConduct', 'cooperationDuties'] });
    expect(last.headers.location).toBe(`/organisations/${orgId}/join/check`);
  });

  it('shows the determination with citations before submitting, and a double submit creates one request', async () => {
    const user = clientFor(t.app, companyUserId);
    const check = await user.get(`/organisations/${orgId}/join/check`);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('jaim-membership-faq');
    expect(check.body).toContain('jaim-membership-faq Q2-3-7');
    expect(check.body).toMatch(/要件を満たしています|審査で判断します/);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(check.body)![1]!;
    const [a, b] = await Promise.all([
      user.post(`/organisations/${orgId}/join/submit`, { idempotencyKey: key }),
      user.post(`/organisations/${orgId}/join/submit`, { idempotencyKey: key }),
    ]);
    expect(a.statusCode).toBe(303);
    expect(b.statusCode).toBe(303);
    expect(a.headers.location).toBe(b.headers.location);
    const again = await user.post(`/organisations/${orgId}/join/submit`, { idempotencyKey: key });
    expect(again.headers.location).toBe(a.headers.location);
    expect(await count('join_requests')).toBe(1);
    requestId = /\/join-requests\/([0-9a-f-]{36})/.exec(a.headers.location as string)![1]!;
    const mine = await user.get(`/join-requests/${requestId}?submitted=1`);
    expect(mine.body).toContain('到達');
    const mail = rowsOf<{ subject: string }>(await t.database.db.execute(sql`SELECT subject FROM outbox_emails ORDER BY created_at`));
    expect(mail.map((m) => m.subject)).toContain('【Jinzai】入会申請を受け付けました（到達）');
  });

  it('a company user cannot reach the review queue; a reviewer sees the request with days waiting', async () => {
    expect((await clientFor(t.app, companyUserId).get('/staff/join-requests')).statusCode).toBe(403);
    reviewerId = (await provisionReviewer(t.database.db)).userId;
    clock.advance(3 * 86_400_000);
    const queue = await clientFor(t.app, reviewerId).get('/staff/join-requests');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('株式会社東海精機');
    expect(queue.body).toContain('3日');
  });

  it('two reviewers deciding at once: one wins, the other gets a conflict', async () => {
    const reviewer = clientFor(t.app, reviewerId);
    const detail = await reviewer.get(`/staff/join-requests/${requestId}`);
    expect(detail.body).toContain('jaim-membership-faq');
    expect((await reviewer.post(`/staff/join-requests/${requestId}/start-review`, { lockVersion: '0' })).statusCode).toBe(303);
    const other = clientFor(t.app, (await provisionReviewer(t.database.db, 'second@jinzai.invalid')).userId);
    const [x, y] = await Promise.all([
      reviewer.post(`/staff/join-requests/${requestId}/approve`, { lockVersion: '1' }),
      other.post(`/staff/join-requests/${requestId}/refuse`, { lockVersion: '1', grounds: 'not_manufacturing', reason: '要件を満たしていないため' }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([303, 409]);
    const loser = x.statusCode === 409 ? x : y;
    expect(loser.body).toContain('他の担当者が先に更新しました');
  });

  it('approval (when it won) lists the establishment on the JAIM roster from today, searchable by kana and 法人番号', async () => {
    const status = rowsOf<{ status: string }>(await t.database.db.execute(sql`SELECT status FROM join_requests WHERE id = ${requestId}`))[0]!.status;
    if (status !== 'approved') {
      expect(status).toBe('refused');
      return; // the refusal won the race: nothing is listed
    }
    const lookup = await t.app.inject({ method: 'GET', url: '/api/v1/roster/corporate-number/7123456789012' });
    expect(lookup.statusCode).toBe(200);
    const body = lookup.json();
    expect(body.listed).toBe(true);
    expect(body.validRoster.roster).toBe('jaim');
    expect(body.listings[0].listedFrom).toBe('2026-04-04');
    const before = await t.app.inject({ method: 'GET', url: '/api/v1/roster/corporate-number/7123456789012?asOf=2026-04-03' });
    expect(before.json().listed).toBe(false);
    const search = await t.app.inject({ method: 'GET', url: `/api/v1/roster?q=${encodeURIComponent('ほんしゃこうじょう')}` });
    expect(search.json().total).toBe(1);
    const page = await t.app.inject({ method: 'GET', url: `/roster?q=${encodeURIComponent('ﾄｳｶｲｾｲｷ')}` });
    expect(page.body).toContain('本社工場');
    const actions = rowsOf<{ action: string }>(await t.database.db.execute(sql`SELECT action FROM audit_events ORDER BY seq`)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['join_request.submitted', 'join_request.review_started', 'join_request.approved', 'roster.listed']));
  });

  it('the lookup refuses a 法人番号 with a bad check digit', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/roster/corporate-number/6123456789012' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('problem+json');
  });
});

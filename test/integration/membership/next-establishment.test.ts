import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISQUALIFICATION_ITEMS } from '../../../rules/jaim-membership-faq/index.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { fixedClock } from '../../helpers/test-app.js';
import { VALID_COMPANY, VALID_ESTABLISHMENT, clientFor, createMembershipTestApp, provisionCompanyUser, type MembershipTestApp } from './membership-test-app.js';

// A company with two establishments: after applying for the first, the applicant starts the second from the
// submitted request; the company's declarations and pledges carry over, the establishment questions do not, the
// first establishment cannot be chosen again while its application is in progress, and no draft is ever overwritten.
const clock = fixedClock('2026-06-01T01:00:00Z');
let t: MembershipTestApp;
let userId = '';
let orgId = '';
let firstEst = '';
let secondEst = '';
let firstRequest = '';

const base = () => `/organisations/${orgId}/join`;
const draft = async () => rowsOf<{ data: Record<string, unknown> }>(await t.database.db.execute(sql`SELECT data FROM drafts WHERE owner_user_id = ${userId} AND kind = 'join_request'`))[0]?.data;
const declarationsNo = Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [`declaration_${i}`, 'no']));

beforeAll(async () => {
  t = await createMembershipTestApp(clock);
  userId = (await provisionCompanyUser(t.database.db)).userId;
  const user = clientFor(t.app, userId);
  orgId = /\/organisations\/([0-9a-f-]{36})/.exec((await user.post('/organisations/new', VALID_COMPANY)).headers.location as string)![1]!;
  await user.post(`/organisations/${orgId}/establishments/new`, VALID_ESTABLISHMENT);
  await user.post(`/organisations/${orgId}/establishments/new`, { ...VALID_ESTABLISHMENT, name: '第二工場', nameKana: 'ダイニコウジョウ', address: '名古屋市港区1-1' });
  const ests = rowsOf<{ id: string; name: string }>(await t.database.db.execute(sql`SELECT id, name FROM establishments WHERE organisation_id = ${orgId}`));
  firstEst = ests.find((e) => e.name === '本社工場')!.id;
  secondEst = ests.find((e) => e.name === '第二工場')!.id;
});
afterAll(() => t?.close());

describe('applying for a second establishment of the same company', () => {
  it('submits the first establishment’s application', async () => {
    const user = clientFor(t.app, userId);
    await user.post(`${base()}/establishment`, { establishmentId: firstEst });
    await user.post(`${base()}/categories`, { categories: 'kikai_kinzoku' });
    await user.post(`${base()}/shipments`, { shipments: 'yes' });
    await user.post(`${base()}/documents`, { documents: ['invoice'] });
    await user.post(`${base()}/amounts`, { amounts: 'shown', intraCompany: 'no' });
    await user.post(`${base()}/photos`, { photos: ['product', 'plant'] });
    await user.post(`${base()}/declarations`, declarationsNo);
    expect((await user.post(`${base()}/pledges`, { pledges: ['codeOfConduct', 'cooperationDuties'] })).headers.location).toBe(`${base()}/check`);
    const check = await user.get(`${base()}/check`);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(check.body)![1]!;
    const submitted = await user.post(`${base()}/submit`, { idempotencyKey: key });
    firstRequest = /\/join-requests\/([0-9a-f-]{36})/.exec(submitted.headers.location as string)![1]!;
    const page = await user.get(`/join-requests/${firstRequest}`);
    expect(page.body).toContain(`action="/join-requests/${firstRequest}/next"`);
    expect(await draft()).toBeUndefined();
  });

  it('starts the next application with the company’s declarations and pledges only', async () => {
    const user = clientFor(t.app, userId);
    const res = await user.post(`/join-requests/${firstRequest}/next`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${base()}/establishment`);
    const d = (await draft())!;
    expect(d.pledges).toEqual(['codeOfConduct', 'cooperationDuties']);
    expect(Object.keys(d.declarations as object).sort()).toEqual([...DISQUALIFICATION_ITEMS].sort());
    for (const field of ['establishmentId', 'categories', 'shipments', 'documents', 'amounts', 'photos', 'evidence']) expect(d).not.toHaveProperty(field);
  });

  it('shows the first establishment as unavailable and refuses it with the reason, in the user’s language', async () => {
    const user = clientFor(t.app, userId);
    const page = await user.get(`${base()}/establishment`);
    expect(page.body).toMatch(new RegExp(`value="${firstEst}"[^>]*disabled`));
    expect(page.body).not.toMatch(new RegExp(`value="${secondEst}"[^>]*disabled`));
    expect(page.body).toContain('審査中の申請があるため選択できません');
    const refused = await user.post(`${base()}/establishment`, { establishmentId: firstEst });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('この事業所には審査中の入会申請があります');
    expect(refused.body).toContain('href="#establishmentId"');
    expect((await user.post(`${base()}/establishment`, { establishmentId: secondEst })).headers.location).toBe(`${base()}/categories`);
  });

  it('refuses to start yet another application over the unfinished draft, keeping it', async () => {
    const user = clientFor(t.app, userId);
    const before = await draft();
    const res = await user.post(`/join-requests/${firstRequest}/next`, {});
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('作成中の入会申請の下書きがあります');
    expect(await draft()).toEqual(before);
  });

  it('discards the draft after a confirmation page; the submitted request is untouched', async () => {
    const user = clientFor(t.app, userId);
    const confirm = await user.get(`${base()}/discard`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('第二工場');
    const res = await user.post(`${base()}/discard`, {});
    expect(res.headers.location).toBe(`/organisations/${orgId}`);
    expect(await draft()).toBeUndefined();
    const status = rowsOf<{ status: string }>(await t.database.db.execute(sql`SELECT status FROM join_requests WHERE id = ${firstRequest}`))[0]!.status;
    expect(status).toBe('submitted');
  });

  it('another company’s user can neither start from this request nor discard this company’s draft', async () => {
    const other = clientFor(t.app, (await provisionCompanyUser(t.database.db)).userId);
    expect((await other.get('/organisations/new')).body).toContain('name="_csrf"');
    expect((await other.post(`/join-requests/${firstRequest}/next`, {})).statusCode).toBe(403);
    expect((await other.post(`${base()}/discard`, {})).statusCode).toBe(403);
  });
});

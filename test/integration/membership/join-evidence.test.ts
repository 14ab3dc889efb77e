import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISQUALIFICATION_ITEMS } from '../../../rules/jaim-membership-faq/index.js';
import { createJoinRequest } from '../../../src/domain/membership/create-join-request.js';
import { corporateNumberFromBase } from '../../../src/domain/membership/corporate-number.js';
import { EICAR, SAMPLE_PDF, SAMPLE_PNG, startFakeClamd } from '../../../src/domain/uploads/fake-clamd.test-helper.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { insertRosterEntry } from '../../../src/persistence/repositories/roster.repository.js';
import { fixedClock } from '../../helpers/test-app.js';
import { VALID_COMPANY, VALID_ESTABLISHMENT, clientFor, createMembershipTestApp, provisionCompanyUser, provisionReviewer, type MembershipTestApp } from './membership-test-app.js';

// Evidence uploads (content, size, scanner), the correction loop with history, refusal grounds, approval closing
// the council listing, and the API's idempotent create. After 2025-12-26, so approvals list on the JAIM roster.
const clock = fixedClock('2026-05-11T01:00:00Z');
let t: MembershipTestApp;
let clamd: Awaited<ReturnType<typeof startFakeClamd>>;
let userId = '';
let orgId = '';
let estId = '';
let reviewerId = '';
let requestId = '';

const one = async <T>(q: ReturnType<typeof sql>): Promise<T> => rowsOf<T>(await t.database.db.execute(q))[0]!;
const draftOf = async () => (await one<{ data: Record<string, unknown> }>(sql`SELECT data FROM drafts WHERE owner_user_id = ${userId}`))?.data;
const base = () => `/organisations/${orgId}/join`;
const CORPORATE_NUMBER = corporateNumberFromBase('234567890123');

beforeAll(async () => {
  clamd = await startFakeClamd();
  t = await createMembershipTestApp(clock, { clamd: { host: '127.0.0.1', port: clamd.port } });
  userId = (await provisionCompanyUser(t.database.db, 'en')).userId;
  const user = clientFor(t.app, userId);
  orgId = /\/organisations\/([0-9a-f-]{36})/.exec((await user.post('/organisations/new', { ...VALID_COMPANY, corporateNumber: CORPORATE_NUMBER })).headers.location as string)![1]!;
  await user.post(`/organisations/${orgId}/establishments/new`, { ...VALID_ESTABLISHMENT, jsicCodes: '1511' });
  estId = (await one<{ id: string }>(sql`SELECT id FROM establishments WHERE organisation_id = ${orgId}`)).id;
  // The establishment was on the council roster (open listing) before JAIM's.
  const org = await one<{ name: string }>(sql`SELECT name FROM organisations WHERE id = ${orgId}`);
  await insertRosterEntry(t.database.db, {
    establishmentId: estId, organisationId: orgId, roster: 'council', listedFrom: '2024-06-03', establishmentName: '本社工場', establishmentNameKana: null,
    organisationName: org.name, corporateNumber: CORPORATE_NUMBER, prefecture: '23', address: null, jsicCodes: ['1511'], joinRequestId: null, searchText: 'ほんしゃこうじょう', createdAt: new Date('2024-06-03T00:00:00Z'),
  });
  reviewerId = (await provisionReviewer(t.database.db)).userId;
});
afterAll(async () => {
  await t?.close();
  await clamd?.close();
});

describe('join evidence: uploads are checked by content, size and scanner; the draft is kept', () => {
  it('fills the form; the printing (15) establishment gets the association page', async () => {
    const user = clientFor(t.app, userId);
    await user.post(`${base()}/establishment`, { establishmentId: estId });
    await user.post(`${base()}/categories`, { categories: 'insatsu_seihon' });
    await user.post(`${base()}/shipments`, { shipments: 'yes' });
    await user.post(`${base()}/documents`, { documents: ['delivery_note'] });
    await user.post(`${base()}/amounts`, { amounts: 'not_shown', intraCompany: 'yes' });
    expect((await user.post(`${base()}/photos`, { photos: ['product'] })).headers.location).toBe(`${base()}/reasons`);
    const reasons = await user.post(`${base()}/reasons`, { needsAmountReason: '1', needsPhotoReason: '1', noAmountReason: 'All output goes to head office' });
    expect(reasons.statusCode).toBe(400);
    expect(reasons.body).toContain('href="#photoReason"');
    expect((await user.post(`${base()}/reasons`, { needsAmountReason: '1', needsPhotoReason: '1', noAmountReason: 'All output goes to head office', photoReason: 'Customer contract', usageExplanation: 'Labels for cans' })).headers.location).toBe(`${base()}/association`);
    expect((await user.post(`${base()}/association`, { associationName: '全日本印刷工業組合連合会', associationHeldBy: 'establishment', associationEvidence: 'membership_certificate' })).headers.location).toBe(`${base()}/evidence`);
    expect((await draftOf()).noAmountReason).toBe('All output goes to head office');
  });

  it('refuses a file whose content is not PDF/JPEG/PNG, a mislabelled file, an oversized file and an infected file — each in the user’s language, keeping the draft', async () => {
    const user = clientFor(t.app, userId);
    const before = await draftOf();
    const url = `${base()}/evidence/upload`;
    const text = await user.upload(url, { kind: 'template_15' }, { filename: 'invoice.pdf', contentType: 'application/pdf', bytes: Buffer.from('just text, not a PDF') });
    expect(text.statusCode).toBe(400);
    expect(text.body).toContain('ファイルはPDF、JPEG、PNGのいずれかにしてください');
    expect(text.body).toContain('href="#file"');
    const mislabelled = await user.upload(url, { kind: 'template_15' }, { filename: 'invoice.pdf', contentType: 'application/pdf', bytes: SAMPLE_PNG });
    expect(mislabelled.statusCode).toBe(400);
    expect(mislabelled.body).toContain('ファイルの中身と拡張子（種類）が一致しません');
    const big = await user.upload(url, { kind: 'template_15' }, { filename: 'big.pdf', contentType: 'application/pdf', bytes: Buffer.concat([SAMPLE_PDF, Buffer.alloc(10 * 1024 * 1024)]) });
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('ファイルは10MB以下にしてください');
    const scannedBefore = clamd.scanned();
    const infected = await user.upload(url, { kind: 'template_15' }, { filename: 'eicar.pdf', contentType: 'application/pdf', bytes: Buffer.concat([SAMPLE_PDF, Buffer.from(EICAR)]) });
    expect(infected.statusCode).toBe(400);
    expect(infected.body).toContain('ウイルスが検出されたため');
    expect(clamd.scanned()).toBe(scannedBefore + 1);
    expect(await draftOf()).toEqual(before);
    expect(Number((await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM uploads`)).n)).toBe(0);
    const refused = rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'upload.refused'`))[0]!;
    // The oversized file is cut off while streaming, before the use case; the other three are audited.
    expect(Number(refused.n)).toBe(3);
  });

  it('stores an accepted file with its sha-256, scanned clean, downloadable by the applicant only', async () => {
    const user = clientFor(t.app, userId);
    expect((await user.upload(`${base()}/evidence/upload`, { kind: 'template_15' }, { filename: '納品書.pdf', contentType: 'application/pdf', bytes: SAMPLE_PDF })).statusCode).toBe(303);
    const row = await one<{ id: string; sha256: string; scan_status: string; content_type: string }>(sql`SELECT id, sha256, scan_status, content_type FROM uploads`);
    expect(row.scan_status).toBe('clean');
    expect(row.content_type).toBe('application/pdf');
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await user.get(`/uploads/${row.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['x-checksum-sha256']).toBe(row.sha256);
    expect(download.rawPayload.equals(SAMPLE_PDF)).toBe(true);
    const stranger = clientFor(t.app, (await provisionCompanyUser(t.database.db)).userId);
    expect((await stranger.get(`/uploads/${row.id}`)).statusCode).toBe(403);
  });

  it('check-your-answers links each failing rule to the page that fixes it, then submits', async () => {
    const user = clientFor(t.app, userId);
    await user.post(`${base()}/declarations`, Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [`declaration_${i}`, 'no'])));
    await user.post(`${base()}/pledges`, { pledges: ['codeOfConduct', 'cooperationDuties'] });
    const check = await user.get(`${base()}/check`);
    expect(check.statusCode).toBe(200);
    // No association certificate uploaded yet: the association rule fails and links to its page; the file is listed as missing.
    expect(check.body).toContain(`href="${base()}/association?change=1"`);
    expect(check.body).toContain(`href="${base()}/evidence?change=1"`);
    expect(check.body).toContain('jaim-membership-faq Q2-3-5');
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(check.body)![1]!;
    const res = await user.post(`${base()}/submit`, { idempotencyKey: key });
    requestId = /\/join-requests\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
  });
});

describe('review: correction loop with history, refusal grounds, approval closing the council listing', () => {
  it('the reviewer sees the determination and the evidence side by side, and asks for a correction', async () => {
    const reviewer = clientFor(t.app, reviewerId);
    const detail = await reviewer.get(`/staff/join-requests/${requestId}`);
    expect(detail.body).toContain('class="side-by-side"');
    expect(detail.body).toMatch(/href="\/uploads\/[0-9a-f-]{36}">納品書\.pdf/);
    await reviewer.post(`/staff/join-requests/${requestId}/start-review`, { lockVersion: '0' });
    const noGround = await reviewer.post(`/staff/join-requests/${requestId}/refuse`, { lockVersion: '1', reason: 'x' });
    expect(noGround.statusCode).toBe(400);
    expect(noGround.body).toContain('href="#grounds"');
    expect((await reviewer.post(`/staff/join-requests/${requestId}/request-correction`, { lockVersion: '1', correctionReason: '会員証の写しを添付してください' })).statusCode).toBe(303);
  });

  it('the applicant edits the application, uploads the certificate and resubmits; every step is in the history', async () => {
    const user = clientFor(t.app, userId);
    const page = await user.get(`/join-requests/${requestId}`);
    expect(page.body).toContain('会員証の写しを添付してください');
    expect((await user.post(`/join-requests/${requestId}/edit`, {})).headers.location).toBe(`${base()}/check`);
    expect((await draftOf()).correctingRequestId).toBe(requestId);
    expect((await user.upload(`${base()}/evidence/upload`, { kind: 'association_certificate' }, { filename: 'member.png', contentType: 'image/png', bytes: SAMPLE_PNG })).statusCode).toBe(303);
    const check = await user.get(`${base()}/check`);
    expect(check.body).toContain(`action="/join-requests/${requestId}/resubmit"`);
    const lockVersion = /name="lockVersion" value="(\d+)"/.exec(check.body)![1]!;
    expect((await user.post(`/join-requests/${requestId}/resubmit`, { lockVersion })).statusCode).toBe(303);
    const row = await one<{ status: string; answers: { evidence: { kind: string }[] } }>(sql`SELECT status, answers FROM join_requests WHERE id = ${requestId}`);
    expect(row.status).toBe('submitted');
    expect(row.answers.evidence.map((e) => e.kind)).toContain('association_certificate');
    const history = rowsOf<{ event: string; message: string | null; has_answers: boolean }>(
      await t.database.db.execute(sql`SELECT event, message, answers IS NOT NULL AS has_answers FROM join_request_history WHERE join_request_id = ${requestId} ORDER BY seq`),
    );
    expect(history.map((h) => h.event)).toEqual(['submit', 'start_review', 'request_correction', 'resubmit']);
    expect(history[2]!.message).toBe('会員証の写しを添付してください');
    expect(history[0]!.has_answers && history[3]!.has_answers).toBe(true);
    expect(await draftOf()).toBeUndefined();
    const after = await user.get(`/join-requests/${requestId}`);
    expect(after.body).toContain('補正の求め');
    expect(after.body).toContain('再提出（到達）');
  });

  it('approval lists the establishment on the JAIM roster and closes its council listing the day before', async () => {
    const reviewer = clientFor(t.app, reviewerId);
    const v = (await one<{ v: number }>(sql`SELECT lock_version AS v FROM join_requests WHERE id = ${requestId}`)).v;
    await reviewer.post(`/staff/join-requests/${requestId}/start-review`, { lockVersion: String(v) });
    expect((await reviewer.post(`/staff/join-requests/${requestId}/approve`, { lockVersion: String(v + 1) })).statusCode).toBe(303);
    const listings = rowsOf<{ roster: string; listed_from: string; listed_until: string | null }>(
      await t.database.db.execute(sql`SELECT roster, listed_from::text, listed_until::text FROM roster_entries WHERE establishment_id = ${estId} ORDER BY listed_from`),
    );
    expect(listings).toEqual([
      { roster: 'council', listed_from: '2024-06-03', listed_until: '2026-05-11' },
      { roster: 'jaim', listed_from: '2026-05-11', listed_until: null },
    ]);
    const actions = rowsOf<{ action: string }>(await t.database.db.execute(sql`SELECT action FROM audit_events ORDER BY seq`)).map((r) => r.action);
    expect(actions).toContain('roster.delisted');
  });
});

describe('API: create and submit idempotently; list own', () => {
  it('the same Idempotency-Key returns the first request; validation errors name the page fields', async () => {
    await t.database.db.execute(sql`UPDATE join_requests SET status = 'approved' WHERE id = ${requestId}`);
    const est2 = await clientFor(t.app, userId).post(`/organisations/${orgId}/establishments/new`, { ...VALID_ESTABLISHMENT, name: '第二工場', jsicCodes: '2691' });
    expect(est2.statusCode).toBe(303);
    const second = (await one<{ id: string }>(sql`SELECT id FROM establishments WHERE organisation_id = ${orgId} AND name = '第二工場'`)).id;
    const ctx = { actor: { kind: 'api_token' as const, tokenId: 'tok', organisationId: orgId, scopes: ['join_request:write'], actingFor: [] }, db: t.database.db, clock, baseUrl: 'http://localhost' };
    const pages = {
      shipments: { shipments: 'yes' },
      documents: { documents: ['invoice'] },
      photos: { photos: ['product', 'plant'] },
      declarations: Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [`declaration_${i}`, 'no'])),
      pledges: { pledges: ['codeOfConduct', 'cooperationDuties'] },
    };
    await expect(createJoinRequest(ctx, { organisationId: orgId, establishmentId: second, pages: { ...pages, declarations: {} }, idempotencyKey: 'api-key-0000000001' })).rejects.toMatchObject({
      fields: expect.arrayContaining([expect.objectContaining({ field: 'pages.declarations.declaration_i' })]),
    });
    const a = await createJoinRequest(ctx, { organisationId: orgId, establishmentId: second, pages, idempotencyKey: 'api-key-0000000002' });
    const b = await createJoinRequest(ctx, { organisationId: orgId, establishmentId: second, pages, idempotencyKey: 'api-key-0000000002' });
    expect(a.duplicate).toBe(false);
    expect(b).toEqual({ joinRequestId: a.joinRequestId, duplicate: true });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/join-requests', headers: { 'x-test-user': userId } });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(a.joinRequestId);
    const other = await t.app.inject({ method: 'GET', url: '/api/v1/join-requests', headers: { 'x-test-user': (await provisionCompanyUser(t.database.db)).userId } });
    expect(other.json().items).toEqual([]);
  });
});

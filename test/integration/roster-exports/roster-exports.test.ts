import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionUser } from '../../../src/domain/accounts/provision-user.js';
import { loadDemoDataIfEmpty } from '../../../src/demo/load-demo-data.js';
import { createServices } from '../../../src/http/create-services.js';
import { insertOrganisation } from '../../../src/persistence/repositories/organisations.repository.js';
import { rosterSnapshots } from '../../../src/persistence/schema/index.js';
import { fixedClock } from '../../helpers/test-app.js';
import { clientFor, createMembershipTestApp, type MembershipTestApp } from '../membership/membership-test-app.js';
import { testConfig } from '../../../src/config/env.js';
import { eq } from 'drizzle-orm';

// Exports and signed snapshots over the demo data (3 JAIM listings today, 1 council listing until 2025-12-26).
const clock = fixedClock('2026-11-20T03:00:00Z');
let t: MembershipTestApp;
let adminId: string;
let reviewerId: string;
beforeAll(async () => {
  t = await createMembershipTestApp(clock);
  await loadDemoDataIfEmpty(t.database, createServices(testConfig(), t.database, { clock }));
  const secretariat = await insertOrganisation(t.database.db, { kind: 'secretariat', name: '事務局', nameKana: null, corporateNumber: null, postalCode: null, prefecture: null, address: null, representativeName: null });
  const mk = (role: 'secretariat_admin' | 'secretariat_reviewer') =>
    provisionUser(t.database.db, { email: `${role}-${Date.now()}@jinzai.invalid`, password: 'correct horse battery staple', displayName: '事務局 太郎', isStaff: true, roles: [{ role, organisationId: secretariat.id }] });
  adminId = (await mk('secretariat_admin')).userId;
  reviewerId = (await mk('secretariat_reviewer')).userId;
});
afterAll(() => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('roster CSV and PDF as of a date', () => {
  it('CSV (UTF-8 with BOM) lists the roster of the day, with a header row', async () => {
    const res = await get('/roster/export.csv?asOf=2026-11-20');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('roster-2026-11-20.csv');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toContain('事業所名');
    expect(lines).toHaveLength(4);
  });
  it('CSV as of a past date holds the council listing; Shift_JIS decodes as cp932', async () => {
    const res = await get('/roster/export.csv?asOf=2025-12-25&encoding=sjis');
    expect(res.headers['content-type']).toContain('Shift_JIS');
    const text = iconv.decode(res.rawPayload, 'cp932');
    expect(text).toContain('高岡工場');
    expect(text).toContain('協議会');
  });
  it('PDF starts with %PDF and embeds a subset font; a bad date is a 400 page with the error', async () => {
    const pdf = await get('/roster/export.pdf?asOf=2025-12-25');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await get('/roster/export.csv?asOf=2025-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#asOf"');
  });
});

describe('signed roster snapshots', () => {
  let id = '';
  it('only the secretariat administrator may publish', async () => {
    const anon = clientFor(t.app);
    await anon.get('/roster/snapshots');
    expect([401, 403]).toContain((await anon.post('/roster/snapshots', { asOf: '2025-12-25' })).statusCode);
    const reviewer = clientFor(t.app, reviewerId);
    await reviewer.get('/roster/snapshots');
    expect((await reviewer.post('/roster/snapshots', { asOf: '2025-12-25' })).statusCode).toBe(403);
  });
  it('publishes, then the public page and API verify it', async () => {
    const admin = clientFor(t.app, adminId);
    const page = await admin.get('/roster/snapshots');
    expect(page.body).toContain('action="/roster/snapshots"');
    const res = await admin.post('/roster/snapshots', { asOf: '2025-12-25' });
    expect(res.statusCode).toBe(303);
    id = /\/roster\/snapshots\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
    const view = await get(`/roster/snapshots/${id}`);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('id="verification-result"');
    expect(view.body).toContain('tag--success');
    expect(view.body).toContain('jaim-membership-faq Q2-2-6');
    const api = (await get(`/api/v1/roster/snapshots/${id}`)).json();
    expect(api).toMatchObject({ verified: true, listingCount: 1, asOf: '2025-12-25', validRoster: { roster: 'council' } });
    const keys = (await get('/.well-known/jinzai-keys.json')).json() as { keys: { kid: string; use: string }[] };
    expect(keys.keys.some((k) => k.kid === api.kid && k.use === 'roster')).toBe(true);
  });
  it('the signed JSON verifies offline with the published key', async () => {
    const { createHash, createPublicKey, verify } = await import('node:crypto');
    const doc = (await get(`/roster/snapshots/${id}/signed.json`)).json() as { snapshot: Record<string, unknown>; sha256: string; signature: { kid: string; value: string } };
    const keys = (await get('/.well-known/jinzai-keys.json')).json() as { keys: { kid: string; x: string }[] };
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: keys.keys.find((k) => k.kid === doc.signature.kid)!.x }, format: 'jwk' });
    const sortKeys = (v: unknown): unknown => (Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])) : v);
    const canonical = JSON.stringify(sortKeys(doc.snapshot));
    expect(createHash('sha256').update(canonical).digest('hex')).toBe(doc.sha256);
    expect(verify(null, Buffer.from(canonical), key, Buffer.from(doc.signature.value, 'base64url'))).toBe(true);
  });
  it('a tampered snapshot is reported as not verified', async () => {
    const [row] = await t.database.db.select().from(rosterSnapshots).where(eq(rosterSnapshots.id, id));
    await t.database.db.update(rosterSnapshots).set({ content: row!.content.replace('高岡工場', '高岡工所') }).where(eq(rosterSnapshots.id, id));
    expect((await get(`/api/v1/roster/snapshots/${id}`)).json()).toMatchObject({ verified: false, checks: { hashMatches: false, signatureValid: false } });
    expect((await get(`/roster/snapshots/${id}`)).body).toContain('tag--error');
  });
  it('an unknown snapshot is a 404', async () => {
    expect((await get('/roster/snapshots/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

// The reference-data pages: the public page marks unverified and example data; the secretariat uploads a CSV,
// sees row-level errors in the preview, saves a draft, and another admin reviews and publishes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../helpers/test-app.js';
import { OFFICIAL_CSV, clientFor, createRefTestApp, provisionStaff, type RefTestApp } from './helpers.js';

const clock = fixedClock('2026-05-01T01:00:00Z');
let t: RefTestApp;
let alice: string;
let bob: string;
let company: string;

beforeAll(async () => {
  t = await createRefTestApp(clock);
  alice = (await provisionStaff(t.database.db)).userId;
  bob = (await provisionStaff(t.database.db)).userId;
  company = (await provisionStaff(t.database.db, 'company_admin')).userId;
});
afterAll(() => t?.close());

describe('public page /reference-data', () => {
  it('shows the lists in force today with unverified and example values visibly marked', async () => {
    const res = await clientFor(t.app).get('/reference-data');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('対象産業（日本標準産業分類）');
    expect(res.body).toContain('要確認 / Unverified');
    expect(res.body).toContain('例示 / Example');
    expect(res.body).toMatch(/1453[\s\S]*?要確認 \/ Unverified/);
    expect(res.body).toContain('未設定（審査で確認します）');
    const en = await t.app.inject({ method: 'GET', url: '/reference-data?lang=en', headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(200);
  });

  it('the JSON API gives the same data with markers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reference-data?on=2026-05-01' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { eligible: { entries: { code: string; marker: string }[] }; fees: { id: string; value: { marker: string } }[] };
    expect(body.eligible.entries.find((e) => e.code === '1453')!.marker).toBe('unverified');
    expect(body.fees.find((f) => f.id === 'jaim-fees/annual-fee-per-establishment')!.value.marker).toBe('example');
  });
});

describe('secretariat pages', () => {
  it('are closed to non-staff', async () => {
    expect((await clientFor(t.app, company).get('/staff/reference-data')).statusCode).toBe(403);
    expect((await clientFor(t.app).get('/staff/reference-data')).statusCode).toBe(302);
  });

  it('upload → preview with row errors; a good file → draft → reviewed and published by another admin', async () => {
    const a = clientFor(t.app, alice);
    const form = await a.get('/staff/reference-data/lists/new?kind=eligible-industries');
    expect(form.statusCode).toBe(200);

    const bad = await a.upload('/staff/reference-data/lists/preview', { kind: 'eligible-industries', effectiveFrom: '2025-10-01', sourceNote: '告示', certainty: 'official' }, { name: 'bad.csv', content: 'code,level,name,ssw1,ssw2\n15,中分類,印刷,yes,no\n9X,中分類,名,yes,no\n' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('3行目');
    expect(bad.body).not.toContain('下書きとして保存する</button>');

    const missing = await a.upload('/staff/reference-data/lists/preview', { kind: 'eligible-industries', effectiveFrom: '2025-13-01', sourceNote: '', certainty: 'official' }, { name: 'x.csv', content: OFFICIAL_CSV });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#effectiveFrom"');
    expect(missing.body).toContain('href="#sourceNote"');

    const good = await a.upload('/staff/reference-data/lists/preview', { kind: 'eligible-industries', effectiveFrom: '2025-10-01', sourceNote: '告示第127号', certainty: 'official' }, { name: 'ok.csv', content: OFFICIAL_CSV });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.body).toContain('電気めっき業');
    const csv = /name="csv" value="([^"]*)"/.exec(good.body)![1]!.replace(/&#10;/g, '\n').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const saved = await a.post('/staff/reference-data/lists', { kind: 'eligible-industries', effectiveFrom: '2025-10-01', sourceNote: '告示第127号', certainty: 'official', csv });
    expect(csv).toBe(OFFICIAL_CSV);
    expect(saved.statusCode).toBe(303);

    const overview = await a.get('/staff/reference-data');
    expect(overview.body).toContain('下書き');
    expect(overview.body).toContain('別の管理者が確認・公開します');
    const id = /\/staff\/reference-data\/list\/([0-9a-f-]{36})\/discard/.exec(overview.body)![1]!;
    expect(overview.body).not.toContain(`/staff/reference-data/list/${id}/review`);

    // Alice cannot review her own list even by posting directly.
    const self = await a.post(`/staff/reference-data/list/${id}/review`, { lockVersion: '1' });
    expect(self.statusCode).toBe(403);
    expect(self.body).toContain('別の管理者が確認してください');

    const b = clientFor(t.app, bob);
    await b.get('/staff/reference-data');
    expect((await b.post(`/staff/reference-data/list/${id}/review`, { lockVersion: '1' })).statusCode).toBe(303);
    expect((await b.post(`/staff/reference-data/list/${id}/publish`, { lockVersion: '2' })).statusCode).toBe(303);
    expect((await b.post(`/staff/reference-data/list/${id}/publish`, { lockVersion: '2' })).statusCode).toBe(409);

    const pub = await clientFor(t.app).get('/reference-data');
    expect(pub.body).toContain('運用者が読込み');
    expect(pub.body).toContain('電気めっき業');
  });

  it('sets a parameter value: validation errors, then a draft marked unverified', async () => {
    const a = clientFor(t.app, alice);
    const page = await a.get('/staff/reference-data/parameters/new?parameter=jaim-fees%2Fannual-fee-per-establishment');
    expect(page.statusCode).toBe(200);
    const bad = await a.post('/staff/reference-data/parameters', { parameterId: 'jaim-fees/annual-fee-per-establishment', value: 'abc', effectiveFrom: '2026-04-01', certainty: 'uncertain', sourceNote: '会費規程' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#value"');
    const ok = await a.post('/staff/reference-data/parameters', { parameterId: 'jaim-fees/annual-fee-per-establishment', value: '110000', effectiveFrom: '2026-04-01', certainty: 'uncertain', sourceNote: '会費規程（案）' });
    expect(ok.statusCode).toBe(303);
    const overview = await a.get('/staff/reference-data');
    expect(overview.body).toMatch(/110000[\s\S]*?要確認 \/ Unverified/);
  });
});

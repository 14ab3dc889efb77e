import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COMPANIES } from '../../../src/demo/demo-companies.js';
import { loadDemoDataIfEmpty } from '../../../src/demo/load-demo-data.js';
import { createServices } from '../../../src/http/create-services.js';
import { createTestApp, fixedClock, type TestApp } from '../../helpers/test-app.js';

// The public roster over the demo data (3 JAIM listings today, 1 council listing that lapsed on 2025-12-26).
const clock = fixedClock('2026-11-20T03:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
  await loadDemoDataIfEmpty(t.database, createServices(t.config, t.database, { clock }));
});
afterAll(() => t?.close());

const get = async (url: string) => t.app.inject({ method: 'GET', url });
const tokai = DEMO_COMPANIES.find((c) => c.key === 'tokai')!;
const hokuriku = DEMO_COMPANIES.find((c) => c.key === 'hokuriku')!;

describe('GET /api/v1/roster', () => {
  it('lists today’s roster and says JAIM is the valid one (Q2-2-7)', async () => {
    const body = (await get('/api/v1/roster')).json();
    expect(body.asOf).toBe('2026-11-20');
    expect(body.total).toBe(3);
    expect(body.validRoster).toMatchObject({ roster: 'jaim', citation: 'jaim-membership-faq Q2-2-7' });
  });
  it('as of a past date shows the council roster (Q2-2-6)', async () => {
    const body = (await get('/api/v1/roster?asOf=2025-12-25')).json();
    expect(body.items.map((i: { establishmentName: string }) => i.establishmentName)).toEqual(['高岡工場']);
    expect(body.validRoster.roster).toBe('council');
    expect((await get('/api/v1/roster?asOf=2025-12-26')).json().items.map((i: { establishmentName: string }) => i.establishmentName)).not.toContain('高岡工場');
  });
  it('filters by prefecture, JSIC prefix, 法人番号 and name in any width or script', async () => {
    expect((await get('/api/v1/roster?prefecture=27')).json().total).toBe(1);
    expect((await get('/api/v1/roster?jsic=259')).json().total).toBe(2);
    expect((await get(`/api/v1/roster?corporateNumber=${tokai.corporateNumber}`)).json().total).toBe(2);
    expect((await get(`/api/v1/roster?q=${encodeURIComponent('ﾄﾖﾊｼ')}`)).json().total).toBe(1);
    expect((await get(`/api/v1/roster?q=${encodeURIComponent('とうかいせいみつ')}`)).json().total).toBe(2);
    expect((await get(`/api/v1/roster?q=${encodeURIComponent('東海精密')}`)).json().total).toBe(2);
    expect((await get(`/api/v1/roster?q=${encodeURIComponent('%')}`)).json().total).toBe(0);
  });
  it('answers 400 problem+json for a bad date or prefecture', async () => {
    const res = await get('/api/v1/roster?asOf=2025-13-01&prefecture=99');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['asOf', 'prefecture']);
  });
});

describe('GET /api/v1/roster/corporate-number/:number', () => {
  it('returns both establishments of one company', async () => {
    const body = (await get(`/api/v1/roster/corporate-number/${tokai.corporateNumber}`)).json();
    expect(body.listed).toBe(true);
    expect(body.listings).toHaveLength(2);
  });
  it('knows a lapsed council listing by date', async () => {
    expect((await get(`/api/v1/roster/corporate-number/${hokuriku.corporateNumber}?asOf=2025-01-01`)).json().listed).toBe(true);
    expect((await get(`/api/v1/roster/corporate-number/${hokuriku.corporateNumber}`)).json().listed).toBe(false);
  });
  it('is documented in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/roster', '/api/v1/roster/corporate-number/{number}', '/api/v1/join-requests/{id}']));
  });
});

describe('/roster page', () => {
  it('pages, searches and explains the valid roster in both languages', async () => {
    const ja = await get('/roster?asOf=2025-12-20');
    expect(ja.statusCode).toBe(200);
    expect(ja.body).toContain('協議・連絡会の構成員名簿が有効');
    expect(ja.body).toContain('高岡工場');
    const en = await get('/roster?lang=en');
    expect(en.body).toContain('JAIM supporting-member roster');
    const bad = await get('/roster?asOf=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#asOf"');
    const before = await get('/roster?asOf=2019-01-01');
    expect(before.body).toContain('協議・連絡会の設置前');
  });
});

// The candidate's journey through the pages (app.inject): list → detail → apply → e-mail code → questions → check →
// submit → registration page; in English, with a Vietnamese language switch and the public keys document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { cookieHeader, cookieJar } from '../accounts/helpers.js';
import { createExamWorld, lastCodeFor, tinyPng, type ExamWorld } from './fixtures.js';

let t: TestApp;
let w: ExamWorld;

beforeAll(async () => {
  const { fixedClock } = await import('../../helpers/test-app.js');
  const clock = fixedClock('2025-10-01T01:00:00Z');
  t = await createTestApp({ clock });
  w = await createExamWorld(t.database);
  w.clock.set('2025-10-01T01:00:00Z');
}, 90_000);
afterAll(async () => t?.close());

const csrfFrom = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? decodeURIComponent(/_csrf=([^"&]+)/.exec(html)?.[1] ?? '');

describe('candidate pages', () => {
  it('lists sittings publicly in the chosen language', async () => {
    const en = await t.app.inject({ method: 'GET', url: '/exams?lang=en' });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Machining and metalworking');
    const vi = await t.app.inject({ method: 'GET', url: '/exams?lang=vi' });
    expect(vi.body).toContain('Lịch thi');
    expect(vi.body).toContain('lang="vi"');
    const id = await t.app.inject({ method: 'GET', url: `/exams/sittings/${w.sittingId}?lang=id` });
    expect(id.body).toContain('Daftar untuk ujian ini');
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/exams/sittings' });
    expect(api.statusCode).toBe(200);
    expect(api.json().items[0].fee).toEqual({ amount: 8000, currency: 'JPY' });
    const keys = await t.app.inject({ method: 'GET', url: '/.well-known/jinzai-keys.json' });
    expect(keys.statusCode).toBe(200);
    expect(keys.json()).toHaveProperty('keys');
  });

  it('registers a candidate in English and shows the exam number', async () => {
    const jar: Record<string, string> = { exam_lang: 'en' };
    let page = await t.app.inject({ method: 'GET', url: `/exams/sittings/${w.sittingId}`, headers: { cookie: cookieHeader(jar) } });
    cookieJar(jar, page);
    const post = async (url: string, form: Record<string, string>) => {
      const r = await t.app.inject({ method: 'POST', url, headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...form }).toString() });
      cookieJar(jar, r);
      return r;
    };
    const get = async (url: string) => {
      page = await t.app.inject({ method: 'GET', url, headers: { cookie: cookieHeader(jar) } });
      cookieJar(jar, page);
      return page;
    };
    let r = await post(`/exams/sittings/${w.sittingId}/apply`, {});
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/exams/apply/email');
    await get('/exams/apply/email');
    expect(page.body).toContain('Your email address');
    r = await post('/exams/apply/email', { email: 'not-an-email' });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('name@example.com');
    r = await post('/exams/apply/email', { email: 'an.candidate@example.com' });
    expect(r.headers.location).toBe('/exams/apply/code');
    await get('/exams/apply/code');
    r = await post('/exams/apply/code', { code: await lastCodeFor(t.database, 'an.candidate@example.com') });
    expect(r.headers.location).toBe('/exams/apply/name');
    await get('/exams/apply/name');
    expect(page.body).toContain('Latin capital letters');
    r = await post('/exams/apply/name', { familyName: 'Nguyen', givenName: 'Van An' });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('href="#familyName"');
    r = await post('/exams/apply/name', { familyName: 'NGUYEN', givenName: 'VAN AN' });
    expect(r.headers.location).toBe('/exams/apply/birth');
    await get('/exams/apply/birth');
    r = await post('/exams/apply/birth', { 'dateOfBirth-day': '1', 'dateOfBirth-month': '1', 'dateOfBirth-year': '2010', nationality: 'VN', gender: 'male' });
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('at least 17 years old');
    r = await post('/exams/apply/birth', { 'dateOfBirth-day': '27', 'dateOfBirth-month': '5', 'dateOfBirth-year': '2001', nationality: 'VN', gender: 'male' });
    expect(r.headers.location).toBe('/exams/apply/passport');
    await get('/exams/apply/passport');
    r = await post('/exams/apply/passport', { passportNumber: 'C1234567' });
    expect(r.headers.location).toBe('/exams/apply/background');
    await get('/exams/apply/background');
    r = await post('/exams/apply/background', { experienceMonths: '12', residenceCountry: 'VN', residenceRegion: 'Hanoi' });
    expect(r.headers.location).toBe('/exams/apply/photo');
    await get('/exams/apply/photo');
    const boundary = '----exam' + Math.random().toString(16).slice(2);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="me.png"\r\nContent-Type: image/png\r\n\r\n`),
      tinyPng(),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    r = await t.app.inject({ method: 'POST', url: `/exams/apply/photo?_csrf=${encodeURIComponent(csrfFrom(page.body))}`, headers: { cookie: cookieHeader(jar), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/exams/apply/check');
    await get('/exams/apply/check');
    expect(page.body).toContain('Check your answers');
    expect(page.body).toContain('NGUYEN VAN AN');
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)![1]!;
    r = await post('/exams/apply/submit', { idempotencyKey: key });
    expect(r.statusCode).toBe(303);
    const again = await post('/exams/apply/submit', { idempotencyKey: key });
    expect(again.headers.location?.split('?')[0]).toBe(r.headers.location?.split('?')[0]);
    await get(r.headers.location!);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/SSW1-2025-\d{7}-[0-9A-Z*]/);
    expect(page.body).toContain('Waiting for your fee');
  });
});

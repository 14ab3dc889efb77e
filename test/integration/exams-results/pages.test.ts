// The exam-results screens and API through HTTP (app.inject), on the embedded database and on PostgreSQL.
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../src/persistence/database.js';
import { createTestApp, fixedClock, type TestApp } from '../../helpers/test-app.js';
import { cookieHeader, createOrganisations, csrfFor, form, makeUser, signIn, TOTP_SECRET } from '../accounts/helpers.js';
import { candidate, EXAM_DATE, seedSitting } from './fixtures.js';

const multipart = (fields: Record<string, string>, file: { name: string; content: string }) => {
  const boundary = '----jinzai-test-boundary';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n`);
  return { payload: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
};

describe('exam results over HTTP', () => {
  const clock = fixedClock(`${EXAM_DATE}T08:00:00Z`);
  let t: TestApp;
  let admin: Record<string, string>;
  let observer: Record<string, string>;
  let signInBoth: () => Promise<void>;
  let sittingId: string;
  let registrationIds: string[];
  const people = [candidate(11, { language: 'en' }), candidate(12, { language: 'id', familyName: 'SANTOSO' }), candidate(13, { language: 'ja' })];

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const orgs = await createOrganisations(t.database);
    ({ sittingId, registrationIds } = await seedSitting(t.database, people));
    const adminEmail = (await makeUser(t.database, { isStaff: true, roles: [{ role: 'exam_admin', organisationId: orgs.secretariat }], informationHandler: { department: '試験課' }, totpSecret: TOTP_SECRET })).email;
    const observerEmail = (await makeUser(t.database, { isStaff: true, roles: [{ role: 'observer', organisationId: orgs.secretariat }], informationHandler: { department: '試験課' }, totpSecret: TOTP_SECRET })).email;
    signInBoth = async () => {
      clock.advance(30_000);
      admin = await signIn(t.app, adminEmail, { clock, totpSecret: TOTP_SECRET });
      clock.advance(30_000);
      observer = await signIn(t.app, observerEmail, { clock, totpSecret: TOTP_SECRET });
    };
    await signInBoth();
  }, 60_000);
  afterAll(() => t?.close());

  const get = (url: string, jar = admin) => t.app.inject({ method: 'GET', url, headers: { cookie: cookieHeader(jar) } });
  const post = async (url: string, values: Record<string, string>, jar = admin, csrfPage = '/staff/exams/results') =>
    t.app.inject({ method: 'POST', url, ...form(jar, { _csrf: await csrfFor(t.app, jar, csrfPage), ...values }) });
  const upload = async (content: string) => {
    const csrf = await csrfFor(t.app, admin, `/staff/exams/results/${sittingId}`);
    const body = multipart({ encoding: 'utf-8' }, { name: 'cbt.csv', content });
    return t.app.inject({ method: 'POST', url: `/staff/exams/results/${sittingId}/import?_csrf=${encodeURIComponent(csrf)}`, headers: { cookie: cookieHeader(admin), 'content-type': body.contentType }, payload: body.payload });
  };

  it('lists the sitting and shows the import form to the exam admin', async () => {
    const list = await get('/staff/exams/results');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/staff/exams/results/${sittingId}`);
    const page = await get(`/staff/exams/results/${sittingId}`);
    expect(page.body).toContain('enctype="multipart/form-data"');
  });

  it('rejects a bad upload with a row report, then applies a good one', async () => {
    const bad = await upload(`exam_number,set_code,answers\r\n${people[0]!.examNumber},KK1-03,ABCDABCDAB\r\nNOT-A-NUMBER,KK1-03,ABCDABCDAB\r\n`);
    expect(bad.statusCode).toBe(303);
    const report = await get(bad.headers.location!);
    expect(report.body).toContain('data-import-report');
    expect(report.body).toMatch(/<td>3<\/td>/);
    expect(Number(rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM exam_part_scores`))[0]!.n)).toBe(0);

    const good = await upload(`exam_number,set_code,answers\r\n${people[0]!.examNumber},KK1-03,ABCDABCDAB\r\n${people[1]!.examNumber},KK1-03,ABCDABCDAA\r\n${people[2]!.examNumber},KK1-03,AAAAAAAAAA\r\n`);
    const applied = await get(good.headers.location!);
    expect(applied.body).toContain('notice--success');
  });

  it('takes practical scores per criterion, with errors linked to the fields', async () => {
    const url = `/staff/exams/results/${sittingId}/practical`;
    const invalid = await post(url, { examNumber: people[0]!.examNumber, score_accuracy: '12', score_safety: '' }, admin, url);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('href="#score_accuracy"');
    for (const p of people) expect((await post(url, { examNumber: p.examNumber, score_accuracy: '9', score_safety: '4' }, admin, url)).statusCode).toBe(200);
  });

  it('sets the release date, refuses an early release, releases on the day', async () => {
    const setDate = await post(`/staff/exams/results/${sittingId}/release-date`, { releaseOn: '2026-03-01' }, admin, `/staff/exams/results/${sittingId}`);
    expect(setDate.statusCode).toBe(200);
    const early = await post(`/staff/exams/results/${sittingId}/release`, {}, admin, `/staff/exams/results/${sittingId}`);
    expect(early.statusCode).toBe(409);
    clock.set('2026-03-01T01:00:00Z');
    await signInBoth(); // a fortnight later: the earlier sessions have expired
    const released = await post(`/staff/exams/results/${sittingId}/release`, {}, admin, `/staff/exams/results/${sittingId}`);
    expect(released.statusCode).toBe(200);
    expect(released.body).toContain('notice--success');
  });

  it('searches the ledger and exports it as UTF-8 with BOM and as Shift_JIS', async () => {
    const page = await get(`/staff/exams/ledger?q=${encodeURIComponent('SANTOSO')}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(people[1]!.examNumber);
    expect(page.body).not.toContain(people[0]!.examNumber);
    const csv = await get('/staff/exams/ledger.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.body.split('\r\n').length).toBe(5);
    const sjis = await get('/staff/exams/ledger.csv?encoding=shift_jis');
    expect(iconv.decode(sjis.rawPayload, 'cp932')).toContain(people[2]!.examNumber);
  });

  it('corrects a score only with a reason, re-decides and audits before/after; an observer may read but not correct', async () => {
    const reg = registrationIds[2]!; // AAAAAAAAAA → 30 written: fail
    const url = `/staff/exams/ledger/${reg}/corrections`;
    const noReason = await post(url, { field: 'written_score', value: '70', reason: '' }, admin, `/staff/exams/ledger/${reg}`);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('href="#reason"');
    const ok = await post(url, { field: 'written_score', value: '70', reason: 'CBT事業者の採点誤りの訂正' }, admin, `/staff/exams/ledger/${reg}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('data-corrections');
    const audit = rowsOf<{ reason: string; summary: { before: { written_score: number }; after: { written_score: number; outcome: string } } }>(
      await t.database.db.execute(sql`SELECT reason, summary FROM audit_events WHERE action = 'exam_ledger.corrected'`),
    );
    expect(audit[0]).toMatchObject({ reason: 'CBT事業者の採点誤りの訂正', summary: { before: { written_score: 30 }, after: { written_score: 70, outcome: 'pass' } } });
    expect((await get(`/staff/exams/ledger/${reg}`, observer)).statusCode).toBe(200);
    const denied = await post(url, { field: 'written_score', value: '10', reason: 'observer tries' }, observer, `/staff/exams/ledger/${reg}`);
    expect(denied.statusCode).toBe(403);
  });

  it('lists certificates and serves the PDF', async () => {
    const list = await get('/staff/exams/certificates');
    expect(list.body).toContain('C1-2026-0000011');
    const pdf = await get('/staff/exams/certificates/C1-2026-0000011/pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('verifies publicly through the API (both ways) and the page, without personal data', async () => {
    const api = await t.app.inject({ method: 'GET', url: `/api/v1/certificates/verify?examNumber=${people[0]!.examNumber}&dateOfBirth=2000-01-02` });
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ valid: true, status: 'valid', publicFields: { certificateNumber: 'C1-2026-0000011' } });
    expect(api.body).not.toContain('2000-01-02');
    const wrong = await t.app.inject({ method: 'GET', url: `/api/v1/certificates/verify?examNumber=${people[0]!.examNumber}&dateOfBirth=2000-01-03` });
    expect(wrong.json()).toEqual({ valid: false, status: 'not_found', publicFields: null });
    const [cert] = rowsOf<{ token: string }>(await t.database.db.execute(sql`SELECT token FROM exam_certificates WHERE certificate_number = 'C1-2026-0000011'`));
    const byToken = await t.app.inject({ method: 'POST', url: '/api/v1/certificates/verify-token', payload: { token: cert!.token } });
    expect(byToken.json()).toMatchObject({ valid: true });
    const page = await t.app.inject({ method: 'GET', url: `/certificates/verify?token=${encodeURIComponent(cert!.token)}&lang=en` });
    expect(page.body).toContain('This certificate is valid.');
    expect(page.body).not.toContain('2000-01-02');
    const jar: Record<string, string> = {};
    const csrf = await csrfFor(t.app, jar, '/certificates/verify');
    const posted = await t.app.inject({ method: 'POST', url: '/certificates/verify', ...form(jar, { _csrf: csrf, examNumber: people[0]!.examNumber, dateOfBirth: '2000-01-02' }) });
    expect(posted.body).toContain('data-certificate="C1-2026-0000011"');
  });

  it('revokes a certificate with a reason; the public check then says revoked', async () => {
    const url = '/staff/exams/certificates/C1-2026-0000011/revoke';
    expect((await post(url, { reason: '' }, admin, url)).statusCode).toBe(400);
    expect((await post(url, { reason: '替え玉受験が判明したため' }, admin, url)).statusCode).toBe(200);
    const api = await t.app.inject({ method: 'GET', url: `/api/v1/certificates/verify?examNumber=${people[0]!.examNumber}&dateOfBirth=2000-01-02` });
    expect(api.json()).toMatchObject({ valid: false, status: 'revoked' });
  });

  it('shows statistics as an SVG chart with a table, and as CSV, to observers', async () => {
    const page = await get('/staff/exams/statistics?by=country', observer);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg role="img"');
    expect(page.body).toContain('<title id="pass-svg-title">');
    expect(page.body).toContain('data-statistics');
    expect(page.body).not.toMatch(/style=/);
    const csv = await get('/staff/exams/statistics.csv?by=gender', observer);
    expect(csv.body.split('\r\n')[0]).toMatch(/^\uFEFFgender,candidates,passed,pass_rate/);
  });
});

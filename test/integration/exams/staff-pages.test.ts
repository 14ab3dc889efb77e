// Staff screens through the app (app.inject) with signed-in staff (MFA): every page renders, the question review
// refuses the author, the payments import reports rows, and check-in via the page records attendance or refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../src/persistence/database.js';
import { createTestApp, fixedClock, type TestApp } from '../../helpers/test-app.js';
import { cookieHeader, cookieJar, makeUser, signIn, TOTP_SECRET } from '../accounts/helpers.js';
import { apply, createExamWorld, EXAM_DATE, type ExamWorld } from './fixtures.js';
import { signTicketToken } from '../../../src/domain/exams/use-cases/admission-ticket.js';

const clock = fixedClock('2025-10-01T01:00:00Z');
let t: TestApp;
let w: ExamWorld;
let admin: Record<string, string>;
let proctor: Record<string, string>;
let proctorEmail: string;

const csrfFrom = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? decodeURIComponent(/_csrf=([^"&]+)/.exec(html)?.[1] ?? '');

beforeAll(async () => {
  t = await createTestApp({ clock, config: { signingKeySecret: 'test-signing-secret-0123456789abcdef0123' } });
  w = await createExamWorld(t.database);
  const orgs = w.orgs;
  const a = await makeUser(t.database, { isStaff: true, roles: [{ role: 'exam_admin', organisationId: orgs.secretariat }], informationHandler: { department: '試験課' }, totpSecret: TOTP_SECRET });
  admin = await signIn(t.app, a.email, { clock, totpSecret: TOTP_SECRET });
  clock.advance(30_000);
  const p = await makeUser(t.database, { isStaff: true, roles: [{ role: 'proctor', organisationId: orgs.secretariat }], totpSecret: TOTP_SECRET });
  proctorEmail = p.email;
  proctor = await signIn(t.app, p.email, { clock, totpSecret: TOTP_SECRET });
}, 120_000);
afterAll(async () => t?.close());

const get = (jar: Record<string, string>, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookieHeader(jar) } });
const post = async (jar: Record<string, string>, url: string, csrfPage: string, form: Record<string, string>) => {
  const page = await get(jar, csrfPage);
  cookieJar(jar, page);
  const r = await t.app.inject({ method: 'POST', url, headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...form }).toString() });
  cookieJar(jar, r);
  return r;
};

describe('exam staff pages', () => {
  it('renders every staff screen for an exam admin and refuses a proctor on admin screens', async () => {
    for (const url of ['/staff/exams', '/staff/exams/question-sets', `/staff/exams/question-sets/${w.questionSetId}`, '/staff/exams/committees', '/staff/exams/samples', '/staff/exams/sittings', `/staff/exams/sittings/${w.sittingId}`, '/staff/exams/payments', '/staff/exams/identity-flags', '/staff/exams/check-in']) {
      const r = await get(admin, url);
      expect({ url, status: r.statusCode }).toEqual({ url, status: 200 });
    }
    expect((await get(proctor, '/staff/exams/sittings')).statusCode).toBe(403);
    expect((await get(proctor, '/staff/exams/check-in')).statusCode).toBe(200);
    const overview = await get(admin, '/staff/exams');
    expect(overview.body).toContain('6件に足りません');
  });

  it('creates a question set and refuses its author approving it', async () => {
    const r = await post(admin, '/staff/exams/question-sets', '/staff/exams/question-sets', { categoryId: w.categoryId, code: 'KK1-Q', title: 'Q', answerKey: 'A\nB 2', practicalCriteria: '' });
    expect(r.statusCode).toBe(303);
    const id = r.headers.location!.split('/').pop()!;
    expect((await post(admin, `/staff/exams/question-sets/${id}/submit`, `/staff/exams/question-sets/${id}`, {})).statusCode).toBe(303);
    const refused = await post(admin, `/staff/exams/question-sets/${id}/approve`, `/staff/exams/question-sets/${id}`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('作成者は自分の問題セットを承認できません');
  });

  it('imports payments all-or-nothing and checks a candidate in on the exam day', async () => {
    const c = await apply(w);
    const page = await get(admin, '/staff/exams/payments');
    cookieJar(admin, page);
    const upload = async (csv: string) => {
      const boundary = '----pay' + Math.random().toString(16).slice(2);
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pay.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
      return t.app.inject({ method: 'POST', url: `/staff/exams/payments?_csrf=${encodeURIComponent(csrfFrom(page.body))}`, headers: { cookie: cookieHeader(admin), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    };
    const bad = await upload(`exam_number,amount,currency,paid_on,reference\n${c.registration.examNumber},1,JPY,2025-09-30,X1\n`);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('受験料と一致しません');
    const good = await upload(`exam_number,amount,currency,paid_on,reference\n${c.registration.examNumber},8000,JPY,2025-09-30,X1\n`);
    expect(good.statusCode).toBe(200);
    expect(good.body).toContain('1件の入金を取り込み');

    const ticket = await signTicketToken({ ...w.anon, signingSecret: 'test-signing-secret-0123456789abcdef0123' }, { registrationId: c.registration.id, sittingId: w.sittingId, examNumber: c.registration.examNumber, examDate: EXAM_DATE });
    clock.set(`${EXAM_DATE}T00:10:00Z`);
    proctor = await signIn(t.app, proctorEmail, { clock, totpSecret: TOTP_SECRET }); // a new day, a new session
    const checkInUrl = `/staff/exams/sittings/${w.sittingId}/check-in`;
    const forged = await post(proctor, checkInUrl, checkInUrl, { token: `${ticket.split('.')[0]}.${'A'.repeat(86)}` });
    expect(forged.statusCode).toBe(422);
    const shown = await post(proctor, checkInUrl, checkInUrl, { token: ticket });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain(c.registration.examNumber);
    expect(shown.body).toContain('data:image/png;base64,');
    const done = await post(proctor, `${checkInUrl}/confirm`, checkInUrl, { token: ticket, identityConfirmed: 'yes' });
    expect(done.statusCode).toBe(303);
    const row = rowsOf<{ status: string }>(await t.database.db.execute(sql`SELECT status FROM exam_registrations WHERE id = ${c.registration.id}`))[0]!;
    expect(row.status).toBe('checked_in');
  });
});

// "Resend my registration links" through the pages: the same neutral answer whether or not the address is known,
// fresh links by e-mail (old ones stop working), a cooldown per registration, and the route's rate limit.
// On the embedded database and on PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../src/persistence/database.js';
import { createTestApp, fixedClock, type TestApp } from '../../helpers/test-app.js';
import { cookieHeader, cookieJar } from '../accounts/helpers.js';
import { apply, createExamWorld, type ExamWorld } from './fixtures.js';
import { resendRegistrationLinks } from '../../../src/domain/exams/use-cases/resend-registration-links.js';

const clock = fixedClock('2025-10-01T01:00:00Z');
let t: TestApp;
let w: ExamWorld;

const EMAIL = 'Tran.Thi.Lan@example.vn';
let first: Awaited<ReturnType<typeof apply>>;
let second: Awaited<ReturnType<typeof apply>>;
let other: Awaited<ReturnType<typeof apply>>;

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await createExamWorld(t.database);
  first = await apply(w, { email: EMAIL, language: 'en', familyName: 'TRAN', givenName: 'THI LAN' });
  const later = await w.newSitting({ examDate: '2025-12-20' });
  w.clock.advance(60_000); // the second application is the newer one: its language (vi) is the mail's
  second = await apply(w, { email: EMAIL.toLowerCase(), language: 'vi', familyName: 'TRAN', givenName: 'THI LAN', passportNumber: 'C7654321' }, later);
  other = await apply(w, { email: 'someone.else@example.vn' });
}, 120_000);
afterAll(async () => t?.close());

const mailsTo = async (address: string) =>
  rowsOf<{ subject: string; text_body: string }>(await t.database.db.execute(sql`SELECT subject, text_body FROM outbox_emails WHERE lower(to_address) = lower(${address}) AND subject NOT LIKE '%(%' ORDER BY created_at, id`));
const linksIn = (text: string): string[] => [...text.matchAll(/\/exams\/registrations\/([A-Za-z0-9_-]{43})/g)].map((m) => m[1]!);
const status = async (token: string) => (await t.app.inject({ method: 'GET', url: `/exams/registrations/${token}` })).statusCode;

/** Posts the form as a browser would (CSRF token from the page); `lang` picks the page language. */
const request = async (email: string, lang = 'en') => {
  const jar: Record<string, string> = {};
  const page = await t.app.inject({ method: 'GET', url: `/exams/resend-links?lang=${lang}` });
  expect(page.statusCode).toBe(200);
  cookieJar(jar, page);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  return t.app.inject({ method: 'POST', url: '/exams/resend-links', headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, email }).toString() });
};
/** The page without what legitimately differs between two responses (CSRF tokens). */
const neutral = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, '').replace(/nonce="[^"]+"/g, '');

describe('resend my registration links', () => {
  it('the form is linked from the exam dates and asks for the e-mail address, in the candidate’s language', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/exams?lang=en' })).body).toContain('href="/exams/resend-links"');
    const vi = await t.app.inject({ method: 'GET', url: '/exams/resend-links?lang=vi' });
    expect(vi.body).toContain('Nhận lại liên kết đơn đăng ký');
    expect(vi.body).toMatch(/<input[^>]+id="email"[^>]+type="email"/);
  });

  it('refuses a malformed address with the error named on the field', async () => {
    const bad = await request('not-an-address');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#email"');
    expect(bad.body).toContain('Enter an email address like name@example.com.');
  });

  it('answers an unknown address exactly as a known one, and mails only the known one', async () => {
    const unknown = await request('nobody.registered@example.vn');
    const known = await request(EMAIL.toUpperCase());
    expect(unknown.statusCode).toBe(200);
    expect(known.statusCode).toBe(200);
    expect(neutral(known.body)).toBe(neutral(unknown.body));
    expect(known.body).toContain('If there are exam applications made with this address');
    expect(await mailsTo('nobody.registered@example.vn')).toEqual([]);

    const mails = (await mailsTo(EMAIL)).filter((m) => m.subject === 'Liên kết đến đơn đăng ký thi của bạn');
    expect(mails).toHaveLength(1); // in Vietnamese: the language of the latest application
    const text = mails[0]!.text_body;
    expect(text).toContain(first.registration.examNumber);
    expect(text).toContain(second.registration.examNumber);
    expect(text).not.toContain(other.registration.examNumber);
    const links = linksIn(text);
    expect(links).toHaveLength(2);
    // New links open the registrations; the old ones (from the application) no longer do; others are untouched.
    for (const token of links) expect(await status(token)).toBe(200);
    expect(await status(first.token)).toBe(404);
    expect(await status(second.token)).toBe(404);
    expect(await status(other.token)).toBe(200);
    const audit = rowsOf<{ target_id: string; ip: string | null }>(await t.database.db.execute(sql`SELECT target_id, ip FROM audit_events WHERE action = 'exam_registration.links_resent' ORDER BY seq`));
    expect(audit.map((a) => a.target_id).sort()).toEqual([first.registration.id, second.registration.id].sort());
    expect(audit.every((a) => a.ip)).toBe(true);
  });

  it('within the cooldown a repeat gets the same answer but no new mail, and the links keep working', async () => {
    const before = (await mailsTo(EMAIL)).length;
    const links = linksIn((await mailsTo(EMAIL)).at(-1)!.text_body);
    clock.advance(5 * 60_000);
    const again = await request(EMAIL);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('If there are exam applications made with this address');
    expect((await mailsTo(EMAIL)).length).toBe(before);
    for (const token of links) expect(await status(token)).toBe(200);
    clock.advance(11 * 60_000); // past the 15-minute cooldown
    await request(EMAIL);
    expect((await mailsTo(EMAIL)).length).toBe(before + 1);
  });

  it('leaves cancelled registrations out', async () => {
    await t.database.db.execute(sql`UPDATE exam_registrations SET status = 'cancelled' WHERE id = ${first.registration.id}::uuid`);
    clock.advance(16 * 60_000);
    await resendRegistrationLinks({ ...w.anon, clock }, { email: EMAIL });
    const text = (await mailsTo(EMAIL)).at(-1)!.text_body;
    expect(text).toContain(second.registration.examNumber);
    expect(text).not.toContain(first.registration.examNumber);
  });

  it('is rate-limited per client like the other public forms', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await request(`flood${i}@example.vn`)).statusCode);
    expect(codes).toContain(429);
    expect(codes.filter((c) => c !== 429).every((c) => c === 200)).toBe(true);
  });
});

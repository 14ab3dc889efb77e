// The exam journey end to end in a real browser: a candidate registers in English → a proctor checks them in on the
// exam day → the exam admin records a second candidate, who never came, as absent, imports the CBT results, enters
// the practical scores and sets the release date → results are released on that date → an anonymous visitor verifies
// the certificate (exam number + date of birth, and the QR token). The server runs with a controllable clock so the
// journey can move from registration to release. Every page is scanned with axe and saved under
// test-results/exams-journey/.
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config/env.js';
import { ANONYMOUS } from '../../src/domain/access/actor.js';
import { generateTotpSecret, totpCode } from '../../src/domain/accounts/totp.js';
import { signTicketToken } from '../../src/domain/exams/use-cases/admission-ticket.js';
import type { ExamContext } from '../../src/domain/exams/use-cases/context.js';
import { importPayments } from '../../src/domain/exams/use-cases/import-payments.js';
import { changeSittingStatus } from '../../src/domain/exams/use-cases/sittings.js';
import { buildApp } from '../../src/http/app.js';
import { createServices } from '../../src/http/create-services.js';
import { rowsOf, type Database } from '../../src/persistence/database.js';
import { Journey, launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { photoPng } from '../helpers/png.js';
import { fixedClock } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-database.js';
import { apply } from '../integration/exams/fixtures.js';
import { insertExamBody, openHanoiSitting, provisionExamStaff, type ExamStaffLogin } from './support/exam-setup.js';
import { signIn } from './support/sign-in.js';

const clock = fixedClock('2026-01-10T01:00:00Z');
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let url: string;
let browser: TestBrowser;
let sittingId: string;
let admin: ExamContext;
let anon: ExamContext;
let examAdminLogin: ExamStaffLogin;
let proctorLogin: ExamStaffLogin;

/** Signs in on the server's fixed clock: a fresh TOTP step each time, as a person would wait for the next code. */
const signInAs = (page: Page, login: ExamStaffLogin, next: string): Promise<void> =>
  signIn(page, url, login, next, {
    code: (secret) => {
      clock.advance(30_000);
      return totpCode(secret, clock.now());
    },
  });

beforeAll(async () => {
  database = await createTestDatabase();
  const config = testConfig({ logLevel: 'silent' });
  app = await buildApp({ config, database, services: createServices(config, database, { clock }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  const db = database.db;
  const org = await insertExamBody(db);
  const staff = (email: string, role: 'exam_admin' | 'proctor') =>
    provisionExamStaff(db, org.id, { email, role, password: `e2e-${role}-password-2026`, totpSecret: generateTotpSecret(), informationHandler: { department: '試験課' } });
  const base = { db, clock, baseUrl: url, signingSecret: config.signingKeySecret };
  const examAdmin = await staff('exam-admin@journey.jinzai.invalid', 'exam_admin');
  examAdminLogin = examAdmin.login;
  admin = { ...base, actor: examAdmin.actor };
  anon = { ...base, actor: ANONYMOUS };
  const reviewer: ExamContext = { ...base, actor: (await staff('exam-reviewer@journey.jinzai.invalid', 'exam_admin')).actor };
  proctorLogin = (await staff('proctor@journey.jinzai.invalid', 'proctor')).login;
  sittingId = await openHanoiSitting(admin, reviewer, {
    answerKey: 'A\nB\nC\nD',
    practicalCriteria: 'accuracy; 寸法精度; 2; 10\nsafety; 安全作業; 1; 5',
    dates: { examDate: '2026-02-15', registrationOpensOn: '2026-01-01', registrationClosesOn: '2026-02-01', rescheduleDeadline: '2026-02-05', cancelDeadline: '2026-02-05' },
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

describe('journey: register → check in → import → release → verify', () => {
  it('ends with an anonymous visitor verifying the certificate, every page passing axe', async () => {
    const journey = new Journey('exams-journey');

    // 1. The candidate registers in English.
    const candidate = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await candidate.goto(`${url}/exams/sittings/${sittingId}?lang=en`);
    await journey.check(candidate, 'sitting');
    await candidate.click(`form[action="/exams/sittings/${sittingId}/apply"] button[type="submit"]`);
    await candidate.waitForURL(/\/exams\/apply\/email$/);
    await candidate.fill('#email', 'an.nguyen@example.com');
    await candidate.click('form[action="/exams/apply/email"] button[type="submit"]');
    await candidate.waitForURL(/\/exams\/apply\/code$/);
    const mail = rowsOf<{ text_body: string }>(await database.db.execute(sql`SELECT text_body FROM outbox_emails WHERE to_address = 'an.nguyen@example.com' ORDER BY created_at DESC LIMIT 1`));
    await candidate.fill('#code', /\b(\d{6})\b/.exec(mail[0]!.text_body)![1]!);
    await candidate.click('form[action="/exams/apply/code"] button[type="submit"]');
    await candidate.waitForURL(/\/exams\/apply\/name$/);
    await candidate.fill('#familyName', 'NGUYEN');
    await candidate.fill('#givenName', 'VAN AN');
    await candidate.click('form[action="/exams/apply/name"] button[type="submit"]');
    await candidate.waitForURL(/\/exams\/apply\/birth$/);
    await candidate.fill('#dateOfBirth', '27');
    await candidate.fill('#dateOfBirth-month', '5');
    await candidate.fill('#dateOfBirth-year', '2001');
    await candidate.selectOption('#nationality', 'VN');
    await candidate.check('input[name="gender"][value="male"]');
    await candidate.click('form[action="/exams/apply/birth"] button[type="submit"]');
    await candidate.waitForURL(/\/exams\/apply\/passport$/);
    await candidate.fill('#passportNumber', 'C1234567');
    await candidate.click('form[action="/exams/apply/passport"] button[type="submit"]');
    await candidate.waitForURL(/\/exams\/apply\/background$/);
    await candidate.fill('#experienceMonths', '30');
    await candidate.selectOption('#residenceCountry', 'VN');
    await candidate.fill('#residenceRegion', 'Hanoi');
    await candidate.click('form[action="/exams/apply/background"] button[type="submit"]');
    await candidate.waitForURL(/\/exams\/apply\/photo$/);
    await candidate.setInputFiles('#photo', { name: 'photo.png', mimeType: 'image/png', buffer: photoPng() });
    await candidate.click('form[enctype="multipart/form-data"] button[type="submit"]');
    await candidate.waitForURL(/\/exams\/apply\/check$/);
    await journey.check(candidate, 'check-answers');
    await candidate.click('form[action="/exams/apply/submit"] button[type="submit"]');
    await candidate.waitForURL(/\/exams\/registrations\//);
    await journey.check(candidate, 'registered');
    const examNumber = (await candidate.textContent('.panel .exam-number'))!.trim();
    expect(examNumber).toMatch(/^SSW1-2026-\d{7}-[0-9A-Z*]$/);
    const paid = await importPayments(admin, { fileName: 'agent.csv', bytes: Buffer.from(`exam_number,amount,currency,paid_on,reference\n${examNumber},8000,JPY,2026-01-10,AGENT-0001\n`) });
    expect(paid.ok).toBe(true);
    // A second candidate registers and pays too, but does not come on the exam day (recorded absent in step 3).
    const absentee = await apply({ anon, database, sittingId }, { givenName: 'BINH', email: 'binh.tran@example.com', passportNumber: 'C7654321' });
    const absenteePaid = await importPayments(admin, { fileName: 'agent-2.csv', bytes: Buffer.from(`exam_number,amount,currency,paid_on,reference\n${absentee.registration.examNumber},8000,JPY,2026-01-10,AGENT-0002\n`) });
    expect(absenteePaid.ok).toBe(true);

    // 2. On the exam day the proctor checks the candidate in with the ticket's QR token.
    clock.set('2026-02-15T00:30:00Z'); // 09:30 in Japan
    await changeSittingStatus(admin, sittingId, 'close_registration');
    await changeSittingStatus(admin, sittingId, 'start');
    const registrationId = rowsOf<{ id: string }>(await database.db.execute(sql`SELECT id FROM exam_registrations WHERE exam_number = ${examNumber}`))[0]!.id;
    const ticket = await signTicketToken(admin, { registrationId, sittingId, examNumber, examDate: '2026-02-15' });
    const tablet = await (await browser.browser.newContext({ locale: 'ja-JP', viewport: { width: 1024, height: 768 } })).newPage();
    await signInAs(tablet, proctorLogin, `/staff/exams/sittings/${sittingId}/check-in`);
    await tablet.fill('#token', ticket);
    await tablet.click('form[data-exam-checkin] button[type="submit"]');
    await journey.check(tablet, 'check-in-candidate');
    await tablet.check('#identityConfirmed');
    await tablet.click(`form[action="/staff/exams/sittings/${sittingId}/check-in/confirm"] button[type="submit"]`);
    await journey.check(tablet, 'checked-in');
    expect(rowsOf<{ status: string }>(await database.db.execute(sql`SELECT status FROM exam_registrations WHERE id = ${registrationId}`))[0]!.status).toBe('checked_in');

    // 3. After the exam the exam admin records the candidate who never checked in as absent (confirming first),
    //    imports the CBT results (a bad file first), enters the practical scores and sets the release date.
    clock.set('2026-02-20T01:00:00Z');
    const staff = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
    await signInAs(staff, examAdminLogin, `/staff/exams/sittings/${sittingId}`);
    await journey.check(staff, 'sitting-absence');
    const noShowForm = `form[action="/staff/exams/sittings/${sittingId}/no-shows"]`;
    expect(await staff.locator(`${noShowForm} [aria-invalid="true"], ${noShowForm} .field--error, #confirm-error`).count()).toBe(0); // not marked wrong before sending
    await staff.click(`${noShowForm} button[type="submit"]`);
    await staff.waitForSelector('.error-summary');
    await journey.check(staff, 'sitting-absence-errors');
    expect(await staff.getAttribute('.error-summary a', 'href')).toBe('#confirm');
    expect(await staff.getAttribute('#confirm', 'aria-describedby')).toBe('confirm-error');
    expect(await staff.getAttribute('#confirm', 'aria-invalid')).toBe('true');
    await staff.check('#confirm');
    await staff.click(`${noShowForm} button[type="submit"]`);
    await staff.waitForURL(/\?marked=1$/);
    await journey.check(staff, 'sitting-absence-marked');
    expect(await staff.textContent('main')).toContain('1人を欠席として記録しました');
    expect(rowsOf<{ status: string }>(await database.db.execute(sql`SELECT status FROM exam_registrations WHERE id = ${absentee.registration.id}`))[0]!.status).toBe('no_show');
    await staff.goto(`${url}/staff/exams/results`);
    await journey.check(staff, 'sittings');
    await staff.click(`a[href="/staff/exams/results/${sittingId}"]`);
    await journey.check(staff, 'sitting-scoring');
    await staff.setInputFiles('#file', { name: 'cbt-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`exam_number,set_code,answers\r\n${examNumber},KK1-A,"A,B"\r\nSSW1-2026-0999999-X,KK1-A,"A,B,C,D"\r\n`) });
    await staff.click('form[enctype="multipart/form-data"] button[type="submit"]');
    await staff.waitForURL(/\/staff\/exams\/results\/imports\//);
    await journey.check(staff, 'import-rejected');
    expect(await staff.locator('[data-import-report] tbody tr').count()).toBe(2);
    await staff.goto(`${url}/staff/exams/results/${sittingId}`);
    await staff.setInputFiles('#file', { name: 'cbt.csv', mimeType: 'text/csv', buffer: Buffer.from(`exam_number,set_code,answers\r\n${examNumber},KK1-A,"A,B,C,A"\r\n`) });
    await staff.click('form[enctype="multipart/form-data"] button[type="submit"]');
    await staff.waitForURL(/\/staff\/exams\/results\/imports\//);
    await journey.check(staff, 'import-applied');
    await staff.goto(`${url}/staff/exams/results/${sittingId}/practical`);
    await staff.fill('#examNumber', examNumber);
    await staff.fill('#score_accuracy', '8');
    await staff.fill('#score_safety', '4');
    await staff.click(`form[action="/staff/exams/results/${sittingId}/practical"] button[type="submit"]`);
    await journey.check(staff, 'practical-saved');
    await staff.goto(`${url}/staff/exams/results/${sittingId}`);
    await staff.fill('#releaseOn', '2026-03-01');
    await staff.click(`form[action="/staff/exams/results/${sittingId}/release-date"] button[type="submit"]`);
    await journey.check(staff, 'release-date-set');

    // 4. On the release date the results are released (certificate issued, notice in English).
    clock.set('2026-03-01T01:00:00Z');
    const staff2 = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
    await signInAs(staff2, examAdminLogin, `/staff/exams/results/${sittingId}`);
    await staff2.click(`form[action="/staff/exams/results/${sittingId}/release"] button[type="submit"]`);
    await journey.check(staff2, 'released');
    expect(await staff2.textContent('main')).toContain('合格 1人');
    const notice = rowsOf<{ subject: string }>(await database.db.execute(sql`SELECT subject FROM outbox_emails WHERE to_address = 'an.nguyen@example.com' ORDER BY created_at DESC LIMIT 1`));
    expect(notice[0]!.subject).toContain('Your result');
    await staff2.goto(`${url}/staff/exams/ledger?q=${examNumber}`);
    await journey.check(staff2, 'ledger');
    await staff2.goto(`${url}/staff/exams/certificates`);
    await journey.check(staff2, 'certificates');
    await staff2.goto(`${url}/staff/exams/statistics?by=country`);
    await journey.check(staff2, 'statistics');

    // 5. An anonymous visitor verifies the certificate with the exam number and date of birth, then with the QR.
    const visitor = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await visitor.goto(`${url}/certificates/verify?lang=en`);
    await journey.check(visitor, 'verify-form');
    await visitor.click('form[action="/certificates/verify"] button[type="submit"]');
    await journey.check(visitor, 'verify-errors');
    await visitor.fill('#examNumber', examNumber);
    await visitor.fill('#dateOfBirth', '2001-05-27');
    await visitor.click('form[action="/certificates/verify"] button[type="submit"]');
    await journey.check(visitor, 'verify-valid');
    expect(await visitor.textContent('main')).toContain('This certificate is valid.');
    expect(await visitor.textContent('main')).toContain('N*** V. A.');
    expect(await visitor.textContent('main')).not.toContain('2001-05-27');
    const token = rowsOf<{ token: string }>(await database.db.execute(sql`SELECT token FROM exam_certificates WHERE exam_number = ${examNumber}`))[0]!.token;
    await visitor.goto(`${url}/certificates/verify?lang=en&token=${encodeURIComponent(token)}`);
    await journey.check(visitor, 'verify-qr');
    expect(await visitor.textContent('main')).toContain('This certificate is valid.');
  }, 240_000);
});

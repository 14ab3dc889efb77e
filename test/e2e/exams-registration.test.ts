// A candidate abroad registers for a skills exam in English in a real browser, and gets an admission ticket:
// public exam dates → sitting → e-mail and code → name as in the passport → birth date and nationality → passport →
// background → photo upload → check answers → submit → exam number; the fee is then confirmed by the payments import
// and the ticket PDF (with its signed QR token) is issued. Every page is scanned with axe and saved as a screenshot
// under test-results/exams/.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, japanDateOf } from '../../rules/core/index.js';
import { testConfig } from '../../src/config/env.js';
import { generateTotpSecret } from '../../src/domain/accounts/totp.js';
import { signTicketToken } from '../../src/domain/exams/use-cases/admission-ticket.js';
import type { ExamContext } from '../../src/domain/exams/use-cases/context.js';
import { importPayments } from '../../src/domain/exams/use-cases/import-payments.js';
import { rowsOf } from '../../src/persistence/database.js';
import { Journey } from '../helpers/browser.js';
import { photoPng } from '../helpers/png.js';
import { insertExamBody, openHanoiSitting, provisionExamStaff, type ExamStaffLogin } from './support/exam-setup.js';
import { useJourneyServer } from './support/journey-server.js';
import { signIn } from './support/sign-in.js';

const e2e = useJourneyServer();
let sittingId: string;
let admin: ExamContext;
let proctorLogin: ExamStaffLogin;

beforeAll(async () => {
  const db = e2e.server.database.db;
  const org = await insertExamBody(db);
  const staff = async (email: string) => (await provisionExamStaff(db, org.id, { email, role: 'exam_admin', password: 'e2e-exam-admin-2026' })).actor;
  const base = { db, clock: { now: () => new Date() }, baseUrl: e2e.server.url, signingSecret: testConfig().signingKeySecret };
  admin = { ...base, actor: await staff('exam-admin@e2e.jinzai.invalid') };
  const reviewer: ExamContext = { ...base, actor: await staff('exam-reviewer@e2e.jinzai.invalid') };
  proctorLogin = (
    await provisionExamStaff(db, org.id, { email: 'proctor@e2e.jinzai.invalid', role: 'proctor', password: 'e2e-proctor-password-2026', displayName: '試験監督 一郎', totpSecret: generateTotpSecret() })
  ).login;
  const today = japanDateOf(new Date());
  sittingId = await openHanoiSitting(admin, reviewer, {
    answerKey: 'A\nB\nC',
    dates: { examDate: addDays(today, 45), registrationOpensOn: addDays(today, -5), registrationClosesOn: addDays(today, 20), rescheduleDeadline: addDays(today, 25), cancelDeadline: addDays(today, 30) },
  });
}, 120_000);

describe('journey: a candidate registers for a skills exam in English', () => {
  it('gets an exam number and an admission ticket, every page passing axe', async () => {
    const journey = new Journey('exams');
    const page = await (await e2e.browser.newContext({ locale: 'en-GB' })).newPage();

    await page.goto(`${e2e.server.url}/exams?lang=en`);
    await journey.check(page, 'exam-dates');
    await page.click(`a[href="/exams/sittings/${sittingId}"]`);
    await journey.check(page, 'sitting');
    await page.click(`form[action="/exams/sittings/${sittingId}/apply"] button[type="submit"]`);
    await page.waitForURL(/\/exams\/apply\/email$/);
    await journey.check(page, 'email');
    await page.fill('#email', 'an.nguyen@example.com');
    await page.click('form[action="/exams/apply/email"] button[type="submit"]');
    await page.waitForURL(/\/exams\/apply\/code$/);
    await journey.check(page, 'code');
    const mail = rowsOf<{ text_body: string }>(await e2e.server.database.db.execute(sql`SELECT text_body FROM outbox_emails WHERE to_address = 'an.nguyen@example.com' ORDER BY created_at DESC LIMIT 1`));
    const code = /\b(\d{6})\b/.exec(mail[0]!.text_body)![1]!;
    await page.fill('#code', code);
    await page.click('form[action="/exams/apply/code"] button[type="submit"]');
    await page.waitForURL(/\/exams\/apply\/name$/);
    await journey.check(page, 'name');
    await page.fill('#familyName', 'Nguyen');
    await page.click('form[action="/exams/apply/name"] button[type="submit"]');
    await journey.check(page, 'name-error');
    expect(await page.textContent('.error-summary')).toContain('Latin capital letters');
    await page.fill('#familyName', 'NGUYEN');
    await page.fill('#givenName', 'VAN AN');
    await page.click('form[action="/exams/apply/name"] button[type="submit"]');
    await page.waitForURL(/\/exams\/apply\/birth$/);
    await journey.check(page, 'birth');
    await page.fill('#dateOfBirth', '27');
    await page.fill('#dateOfBirth-month', '5');
    await page.fill('#dateOfBirth-year', '2001');
    await page.selectOption('#nationality', 'VN');
    await page.check('input[name="gender"][value="male"]');
    await page.click('form[action="/exams/apply/birth"] button[type="submit"]');
    await page.waitForURL(/\/exams\/apply\/passport$/);
    await journey.check(page, 'passport');
    await page.fill('#passportNumber', 'C1234567');
    await page.click('form[action="/exams/apply/passport"] button[type="submit"]');
    await page.waitForURL(/\/exams\/apply\/background$/);
    await journey.check(page, 'background');
    await page.fill('#experienceMonths', '30');
    await page.selectOption('#residenceCountry', 'VN');
    await page.fill('#residenceRegion', 'Hanoi');
    await page.click('form[action="/exams/apply/background"] button[type="submit"]');
    await page.waitForURL(/\/exams\/apply\/photo$/);
    await journey.check(page, 'photo');
    await page.setInputFiles('#photo', { name: 'photo.png', mimeType: 'image/png', buffer: photoPng() });
    await page.click('form[enctype="multipart/form-data"] button[type="submit"]');
    await page.waitForURL(/\/exams\/apply\/check$/);
    await journey.check(page, 'check-answers');
    expect(await page.textContent('main')).toContain('NGUYEN VAN AN');
    await page.click('form[action="/exams/apply/submit"] button[type="submit"]');
    await page.waitForURL(/\/exams\/registrations\//);
    await journey.check(page, 'registered');
    const examNumber = (await page.textContent('.panel .exam-number'))!.trim();
    expect(examNumber).toMatch(/^SSW1-\d{4}-\d{7}-[0-9A-Z*]$/);
    expect(await page.textContent('main')).toContain('Waiting for your fee');

    // The fee arrives: the payment agent's confirmations are imported, which issues the ticket.
    const paidOn = japanDateOf(new Date());
    const result = await importPayments(admin, { fileName: 'agent.csv', bytes: Buffer.from(`exam_number,amount,currency,paid_on,reference\n${examNumber},8000,JPY,${paidOn},AGENT-0001\n`) });
    expect(result.ok).toBe(true);
    await page.reload();
    await journey.check(page, 'ticket-issued');
    expect(await page.textContent('main')).toContain('Admission ticket issued');
    const href = await page.getAttribute('a[href$="/ticket.pdf"]', 'href');
    const pdf = await page.request.get(`${e2e.server.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    writeFileSync(join(journey.dir, 'admission-ticket.pdf'), bytes);

    // The ticket's QR token verifies against the published key.
    const keys = await page.request.get(`${e2e.server.url}/.well-known/jinzai-keys.json`);
    expect((await keys.json()).keys.some((k: { use: string }) => k.use === 'exam_ticket')).toBe(true);

    // A proctor reads the ticket at check-in (on a tablet-sized screen): photo, name, date of birth, passport digits.
    const registrationId = rowsOf<{ id: string }>(await e2e.server.database.db.execute(sql`SELECT id FROM exam_registrations WHERE exam_number = ${examNumber}`))[0]!.id;
    const ticket = await signTicketToken(admin, { registrationId, sittingId, examNumber, examDate: rowsOf<{ d: string }>(await e2e.server.database.db.execute(sql`SELECT exam_date::text AS d FROM exam_sittings WHERE id = ${sittingId}`))[0]!.d });
    const tablet = await (await e2e.browser.browser.newContext({ locale: 'ja-JP', viewport: { width: 1024, height: 768 } })).newPage();
    await signIn(tablet, e2e.server.url, proctorLogin, '/staff/exams/check-in');
    await journey.check(tablet, 'check-in-choose');
    await tablet.click(`a[href="/staff/exams/sittings/${sittingId}/check-in"]`);
    await journey.check(tablet, 'check-in');
    await tablet.fill('#token', ticket);
    await tablet.click('form[data-exam-checkin] button[type="submit"]');
    await journey.check(tablet, 'check-in-candidate');
    expect(await tablet.textContent('main')).toContain('NGUYEN VAN AN');
    expect(await tablet.textContent('main')).toContain('…4567');
    await tablet.fill('#token', `${ticket.split('.')[0]}.${'A'.repeat(86)}`);
    await tablet.click('form[data-exam-checkin] button[type="submit"]');
    await journey.check(tablet, 'check-in-forged');
    expect(await tablet.textContent('main')).toContain('署名が正しくない');

    // The same pages in Vietnamese and Indonesian for the candidate.
    await page.goto(`${e2e.server.url}/exams?lang=vi`);
    await journey.check(page, 'exam-dates-vi');
    await page.goto(`${e2e.server.url}/exams/sittings/${sittingId}?lang=id`);
    await journey.check(page, 'sitting-id');
    await page.goto(`${e2e.server.url}/exams/samples?lang=en`);
    await journey.check(page, 'samples');
  }, 180_000);
});

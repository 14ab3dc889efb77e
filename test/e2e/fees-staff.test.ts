// Journey "staff fees" (M10, M6) in a real browser, every page scanned with axe: the secretariat issues an invoice by
// searching the company and choosing the establishment (with the error summary first), imports the bank's
// direct-debit result file (dry run, then apply), sees the failed debit with its reason on the arrears list, and
// reviews the wage-increase report a member made with its evidence file (the member's form scanned too).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, fiscalYearOf, japanDateOf } from '../../rules/core/index.js';
import { customerNumber } from '../../src/domain/fees/billing.js';
import { registerDebitAccount } from '../../src/domain/fees/debit-accounts.js';
import { exportDebitFile } from '../../src/domain/fees/export-debit-file.js';
import { issueInvoice } from '../../src/domain/fees/issue-invoice.js';
import { answerRenewal } from '../../src/domain/renewal/answer-renewal.js';
import { openRenewalCycle } from '../../src/domain/renewal/open-renewal-cycle.js';
import { SAMPLE_PDF } from '../../src/domain/uploads/fake-clamd.test-helper.js';
import { rowsOf } from '../../src/persistence/database.js';
import { insertEstablishment } from '../../src/persistence/repositories/establishments.repository.js';
import { insertOrganisation } from '../../src/persistence/repositories/organisations.repository.js';
import { Journey } from '../helpers/browser.js';
import { bankResultFile } from '../integration/fees/debit-result-file.js';
import { listedCompany, memberActor, staffActor } from '../integration/renewal/fixtures.js';
import { useJourneyServer } from './support/journey-server.js';
import { signIn } from './support/sign-in.js';
import { provisionStaff, type StaffLogin } from './test-server.js';

/** The password `memberActor` gives every member it provisions. */
const MEMBER_PASSWORD = 'correct horse battery staple';

const e2e = useJourneyServer();
let admin: StaffLogin;

beforeAll(async () => {
  admin = await provisionStaff(e2e.server, 'secretariat_admin', 'fees-admin@e2e.jinzai.invalid');
});

describe('journey: staff fees', () => {
  it('issue by search, debit results dry run and apply, arrears with the reason, wage-report review', async () => {
    const journey = new Journey('staff-fees');
    const db = e2e.server.database.db;
    const today = japanDateOf(new Date());
    const fy = fiscalYearOf(today);
    const ctx = { db, clock: { now: () => new Date() }, baseUrl: e2e.server.url, actor: await staffActor(db) };

    // Data: a company to invoice by search; two listed establishments with direct-debit invoices and an account.
    const company = await insertOrganisation(db, { kind: 'accepting_company', name: '株式会社E2E請求', nameKana: 'カブシキガイシャイーツーイーセイキュウ', corporateNumber: null, postalCode: null, prefecture: '13', address: null, representativeName: null });
    await insertEstablishment(db, { organisationId: company.id, name: 'E2E請求工場', nameKana: null, postalCode: null, prefecture: '13', address: '千代田区', jsicCodes: ['2691'] });
    const listed = await listedCompany(db, { roster: 'jaim', listedFrom: '2025-12-26', establishments: ['E2E振替工場', 'E2E残高不足工場'], name: '株式会社E2E振替' });
    const invoices = [];
    for (const e of listed.establishments) invoices.push(await issueInvoice(ctx, { establishmentId: e.id, fiscalYear: fy, firstYear: false }));
    await registerDebitAccount(ctx, listed.company.id, { bankCode: '0005', bankNameKana: 'ミツビシユーエフジェイ', branchCode: '123', branchNameKana: 'ナゴヤ', accountType: '1', accountNumber: '7654321', holderNameKana: 'カ）イーツーイー' });
    const request = (await exportDebitFile(ctx, { fiscalYear: fy, debitDate: today })).bytes;
    const short = customerNumber(fy, invoices[1]!.serial);
    const dir = mkdtempSync(join(tmpdir(), 'jinzai-e2e-debit-'));
    const resultPath = join(dir, 'FURIKAE_KEKKA.txt');
    writeFileSync(resultPath, bankResultFile(request, (c) => ({ code: c === short ? '1' : '0' })));
    const badPath = join(dir, 'not-zengin.csv');
    writeFileSync(badPath, 'a,b\r\n1,2\r\n');

    const page = await (await e2e.browser.newContext()).newPage();
    await signIn(page, e2e.server.url, admin, '/staff/fees', { scan: { journey, login: 'login' } });
    await journey.check(page, 'staff-fees');

    // 1. Issue an invoice: search (GET), choose the company, submit empty → error summary, then issue.
    await page.fill('#q', 'いーつーいーせいきゅう');
    await page.click('form[role="search"] button[type="submit"]');
    await page.waitForSelector('a:has-text("この会社に請求する")');
    await journey.check(page, 'search-results');
    await page.click('a:has-text("この会社に請求する")');
    await page.waitForSelector('input[name="establishmentId"]');
    expect(await page.inputValue('#fiscalYear')).toBe(String(fy));
    await page.fill('#fiscalYear', '');
    await page.click('form[action^="/staff/fees/invoices"] button[type="submit"]');
    await page.waitForSelector('.error-summary');
    await journey.check(page, 'issue-errors');
    await page.check('input[name="establishmentId"]');
    await page.fill('#fiscalYear', String(fy));
    await page.check('input[name="firstYear"][value="true"]');
    await page.click('form[action^="/staff/fees/invoices"] button[type="submit"]');
    await page.waitForURL(/\/staff\/fees\/invoices\/[0-9a-f-]{36}$/);
    await journey.check(page, 'invoice-issued');

    // 2. Direct-debit results: a wrong file is refused; the bank's file shows the dry run; apply.
    await page.goto(`${e2e.server.url}/staff/fees/debit-results`);
    await journey.check(page, 'debit-results');
    await page.setInputFiles('#file', badPath);
    await page.click('form[enctype="multipart/form-data"] button[type="submit"]');
    await page.waitForSelector('.error-summary');
    await journey.check(page, 'debit-results-error');
    await page.setInputFiles('#file', resultPath);
    await page.click('form[enctype="multipart/form-data"] button[type="submit"]');
    await page.waitForURL(/\/staff\/fees\/debit-results\/[0-9a-f-]{36}$/);
    await page.waitForSelector('text=資金不足');
    await journey.check(page, 'debit-dry-run');
    await page.click('form[action$="/apply"] button[type="submit"]');
    await page.waitForURL(/\?done=apply$/);
    await journey.check(page, 'debit-applied');
    await page.goto(`${e2e.server.url}/staff/fees/arrears`);
    await page.waitForSelector('text=E2E残高不足工場');
    await journey.check(page, 'arrears-with-reason');
    expect(await page.textContent('main')).toContain('資金不足');

    // 3. Wage-increase report: the member, having renewed, reports in the browser with an evidence file (an empty
    //    report first shows the error summary); staff review it from the renewal cycle page.
    const cycle = await openRenewalCycle(ctx, { fiscalYear: fy + 1, roster: 'jaim', deadline: addDays(today, 30) });
    const member = await memberActor(db, listed.company.id);
    const memberCtx = { db, clock: { now: () => new Date() }, baseUrl: e2e.server.url, actor: member.actor };
    const responseId = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM renewal_responses WHERE cycle_id = ${cycle.cycle.id} AND establishment_id = ${listed.establishments[0]!.id}`))[0]!.id;
    await answerRenewal(memberCtx, responseId, { decision: 'renew', lockVersion: '0' });
    const memberPage = await (await e2e.browser.newContext()).newPage();
    const wageForm = `form[action^="/renewal/${responseId}/wage-report?"]`;
    await signIn(memberPage, e2e.server.url, { email: member.email, password: MEMBER_PASSWORD }, `/renewal/${responseId}`, { scan: { journey, login: 'member-login' } });
    await journey.check(memberPage, 'wage-report-form');
    expect(await memberPage.locator(`${wageForm} [aria-invalid="true"], ${wageForm} .field--error`).count()).toBe(0); // no field marked wrong before sending
    await memberPage.click(`${wageForm} button[type="submit"]`);
    await memberPage.waitForSelector('.error-summary');
    await journey.check(memberPage, 'wage-report-form-errors');
    expect(await memberPage.getAttribute('.error-summary a', 'href')).toBe('#evidenceText');
    expect(await memberPage.locator(`${wageForm} [aria-invalid="true"]`).evaluateAll((fields) => fields.map((f) => f.id))).toEqual(['evidenceText']);
    await memberPage.fill('#increasePercent', '2.8');
    await memberPage.fill('#evidenceText', '賃金台帳（前年同月比）');
    await memberPage.setInputFiles('#file', { name: 'chingin.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    await memberPage.click(`${wageForm} button[type="submit"]`);
    await memberPage.waitForURL(/\?done=wage$/);
    await journey.check(memberPage, 'wage-report-submitted');
    expect(await memberPage.textContent('main')).toContain('chingin.pdf');
    await page.goto(`${e2e.server.url}/staff/renewal/${cycle.cycle.id}`);
    await journey.check(page, 'renewal-cycle');
    await page.click(`a[href="/staff/renewal/${cycle.cycle.id}/wage-reports"]`);
    await page.waitForSelector('a:has-text("E2E振替工場")');
    await journey.check(page, 'wage-reports');
    await page.click('a:has-text("E2E振替工場")');
    await page.waitForSelector('a:has-text("chingin.pdf")');
    await journey.check(page, 'wage-report');
    await page.click('form[action^="/staff/renewal/wage-reports/"] button[type="submit"]');
    await page.waitForSelector('.error-summary');
    await journey.check(page, 'wage-report-errors');
    await page.check('input[name="adequacy"][value="adequate"]');
    await page.fill('#note', '賃金台帳で2.8%の引上げを確認');
    await page.click('form[action^="/staff/renewal/wage-reports/"] button[type="submit"]');
    await page.waitForURL(/\?done=1$/);
    await journey.check(page, 'wage-report-reviewed');
  });
});

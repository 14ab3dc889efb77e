// The first vertical slice end to end in a real browser: a company signs up, verifies its address through the mail
// the staff outbox shows, registers, applies; a reviewer approves; anyone finds the establishment on the roster.
// Every page visited is scanned with axe (any violation fails) and saved as a screenshot.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Journey } from '../helpers/browser.js';
import { rowsOf } from '../../src/persistence/database.js';
import { useJourneyServer } from './support/journey-server.js';
import { signIn } from './support/sign-in.js';
import { provisionCompanyReadyToSubmit, provisionStaff, type StaffLogin } from './test-server.js';

const e2e = useJourneyServer();
let admin: StaffLogin;
let reviewer: StaffLogin;

beforeAll(async () => {
  admin = await provisionStaff(e2e.server, 'secretariat_admin', 'admin@e2e.jinzai.invalid');
  reviewer = await provisionStaff(e2e.server, 'secretariat_reviewer', 'reviewer@e2e.jinzai.invalid');
});

const COMPANY = {
  email: 'tanaka@tokai-seimitsu.example.jp',
  password: 'Tokai-Seimitsu-2026!',
  name: '株式会社東海精密テスト',
  kana: 'カブシキガイシャトウカイセイミツテスト',
  corporateNumber: '7123456789012',
};

const signInStaff = (page: Page, journey: Journey, who: StaffLogin, next: string): Promise<void> =>
  signIn(page, e2e.server.url, who, next, { scan: { journey, login: 'staff-login', totp: 'staff-totp' } });

describe('journey: a company joins and appears on the public roster', () => {
  it('runs from sign-up to the roster, every page passing axe', async () => {
    const journey = new Journey('company-joins');
    const company = await (await e2e.browser.newContext()).newPage();

    // 1. Sign up.
    await company.goto(`${e2e.server.url}/`);
    await journey.check(company, 'home');
    await company.goto(`${e2e.server.url}/signup`);
    await journey.check(company, 'signup');
    await company.fill('#displayName', '田中 一郎');
    await company.fill('#email', COMPANY.email);
    await company.fill('#password', COMPANY.password);
    await company.click('form[action="/signup"] button[type="submit"]');
    await company.waitForLoadState('domcontentloaded');
    await journey.check(company, 'check-email');

    // 2. A secretariat admin (TOTP) reads the verification mail in the staff outbox.
    const staff = await (await e2e.browser.newContext()).newPage();
    await signInStaff(staff, journey, admin, '/staff/outbox');
    await staff.goto(`${e2e.server.url}/staff/outbox?to=${encodeURIComponent(COMPANY.email)}`);
    await journey.check(staff, 'staff-outbox');
    await staff.click(`table a[href^="/staff/outbox/"]`);
    await staff.waitForURL(/\/staff\/outbox\/[0-9a-f-]+/);
    await journey.check(staff, 'staff-outbox-mail');
    const mailBody = await staff.textContent('pre');
    const link = /https?:\/\/[^\s]+\/verify-email\?token=[^\s]+/.exec(mailBody ?? '')?.[0];
    expect(link, 'verification link in the mail').toBeDefined();
    const verifyUrl = new URL(link!);

    // 3. The company user verifies and signs in.
    await company.goto(`${e2e.server.url}${verifyUrl.pathname}${verifyUrl.search}`);
    await company.waitForURL(/\/login/);
    await journey.check(company, 'login-verified');
    await company.fill('#email', COMPANY.email);
    await company.fill('#password', COMPANY.password);
    await company.click('form[action="/login"] button[type="submit"]');
    await company.waitForURL(/\/dashboard/);
    await journey.check(company, 'dashboard');

    // 4. Registers the company: a wrong check digit first, then the right number.
    await company.goto(`${e2e.server.url}/organisations/new`);
    await journey.check(company, 'organisation-new');
    await company.fill('#name', COMPANY.name);
    await company.fill('#nameKana', COMPANY.kana);
    await company.fill('#corporateNumber', '6123456789012');
    await company.fill('#postalCode', '448-0001');
    await company.selectOption('#prefecture', '23');
    await company.fill('#address', '刈谷市井ケ谷町桜島12-4');
    await company.fill('#representativeName', '田中 一郎');
    await company.click('form[action="/organisations/new"] button[type="submit"]');
    await company.waitForSelector('.error-summary');
    await journey.check(company, 'organisation-new-error');
    await company.fill('#corporateNumber', COMPANY.corporateNumber);
    await company.click('form[action="/organisations/new"] button[type="submit"]');
    await company.waitForURL(/\/organisations\/[0-9a-f-]{36}\?registered=1/);
    await journey.check(company, 'organisation');
    const orgPath = new URL(company.url()).pathname;

    // 5. One establishment.
    await company.click(`a[href="${orgPath}/establishments/new"]`);
    await company.waitForURL(/establishments\/new/);
    await journey.check(company, 'establishment-new');
    await company.fill('#name', '刈谷テスト工場');
    await company.fill('#nameKana', 'カリヤテストコウジョウ');
    await company.fill('#postalCode', '4480001');
    await company.fill('#address', '刈谷市井ケ谷町桜島12-5');
    await company.fill('#jsicCodes', '2691');
    await company.click('form button[type="submit"].button');
    await company.waitForURL(/\?establishment=1/);
    await journey.check(company, 'organisation-with-establishment');

    // 6. The join application, one question per page (only those relevant to JSIC 2691), evidence uploads
    //    (checked by content), then check your answers with the determination.
    const next = async (to: RegExp) => {
      await company.click('main form button[type="submit"].button:not(.button--secondary)');
      await company.waitForURL(to);
    };
    await company.click(`a[href="${orgPath}/join"]`);
    await company.waitForURL(/\/join\/establishment/);
    await journey.check(company, 'join-establishment');
    await company.check('#establishmentId');
    await next(/\/join\/categories/);
    await journey.check(company, 'join-categories');
    await company.check('#categories');
    await next(/\/join\/shipments/);
    await journey.check(company, 'join-shipments');
    await company.check('#shipments');
    await next(/\/join\/documents/);
    await journey.check(company, 'join-documents');
    await company.check('#documents');
    await next(/\/join\/amounts/);
    await journey.check(company, 'join-amounts');
    await company.check('#amounts');
    await company.check('#intraCompany-2');
    await next(/\/join\/photos/);
    await journey.check(company, 'join-photos');
    await company.check('#photos');
    await company.check('#photos-2');
    await next(/\/join\/evidence/);
    await journey.check(company, 'join-evidence');
    // A text file named .pdf is refused by its content; the draft is kept.
    await company.setInputFiles('#file', { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not really a pdf') });
    await company.click('form[enctype="multipart/form-data"] button[type="submit"]');
    await company.waitForSelector('.error-summary');
    await journey.check(company, 'join-evidence-refused');
    expect(await company.textContent('.error-summary')).toContain('PDF、JPEG、PNG');
    for (const name of ['invoice.pdf', 'product.pdf', 'plant.pdf']) {
      await company.setInputFiles('#file', { name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
      await company.click('form[enctype="multipart/form-data"] button[type="submit"]');
      await company.waitForURL(/\/join\/evidence$/);
    }
    await journey.check(company, 'join-evidence-uploaded');
    await company.click(`form[action="${orgPath}/join/evidence"] button[type="submit"]`);
    await company.waitForURL(/\/join\/declarations/);
    await company.click('main form button[type="submit"]'); // nothing answered: the error summary
    await company.waitForSelector('.error-summary');
    await journey.check(company, 'join-declarations-error');
    for (const item of ['i', 'ro', 'ha', 'ni', 'ho', 'he', 'to', 'chi', 'ri', 'nu', 'ru', 'wo', 'wa']) await company.check(`#declaration_${item}`);
    await next(/\/join\/pledges/);
    await journey.check(company, 'join-pledges');
    await company.check('#pledges');
    await company.check('#pledges-2');
    await next(/\/join\/check/);
    await company.click('details.details summary');
    await journey.check(company, 'join-check');
    expect(await company.textContent('.determination')).toContain('jaim-membership-faq');
    await company.click(`form[action="${orgPath}/join/submit"] button[type="submit"]`);
    await company.waitForURL(/\/join-requests\/[0-9a-f-]{36}\?submitted=1/);
    await journey.check(company, 'join-submitted');
    expect(await company.textContent('main')).toContain('到達');
    const requestPath = new URL(company.url()).pathname;

    // 7. A reviewer (TOTP) finds it in the queue, sees determination and evidence side by side, asks for a correction.
    const review = await (await e2e.browser.newContext()).newPage();
    await signInStaff(review, journey, reviewer, '/staff/join-requests');
    await journey.check(review, 'review-queue');
    await review.click(`table a[href^="/staff/join-requests/"]`);
    await review.waitForURL(/\/staff\/join-requests\/[0-9a-f-]{36}$/);
    await journey.check(review, 'review-detail');
    expect(await review.textContent('.side-by-side')).toContain('invoice.pdf');
    await review.click('form[action$="/start-review"] button');
    await review.waitForURL(/done=start-review/);
    await journey.check(review, 'review-under-review');
    await review.fill('#correctionReason', '納品書の日付が読み取れません。鮮明な写しを添付してください。');
    await review.click('form[action$="/request-correction"] button');
    await review.waitForURL(/done=request-correction/);
    await journey.check(review, 'review-correction-requested');

    // The applicant reads the notice, edits the application and resubmits; the history shows each step.
    await company.goto(`${e2e.server.url}${requestPath}`);
    await journey.check(company, 'join-correction-notice');
    expect(await company.textContent('main')).toContain('鮮明な写しを添付してください');
    await company.click(`form[action="${requestPath}/edit"] button`);
    await company.waitForURL(/\/join\/check/);
    await journey.check(company, 'join-correcting-check');
    await company.click(`a[href="${orgPath}/join/documents?change=1"]`);
    await company.waitForURL(/\/join\/documents\?change=1/);
    await company.check('#documents-2');
    await next(/\/join\/check/);
    await company.click(`form[action="${requestPath}/resubmit"] button[type="submit"]`);
    await company.waitForURL((url) => url.pathname === requestPath);
    await journey.check(company, 'join-resubmitted');
    expect(await company.textContent('main')).toContain('再提出（到達）');

    // The reviewer reviews the resubmission and approves it.
    await review.goto(`${e2e.server.url}/staff${requestPath}`);
    await review.click('form[action$="/start-review"] button');
    await review.waitForURL(/done=start-review/);
    await review.click('form[action$="/approve"] button');
    await review.waitForURL(/done=approve/);
    await journey.check(review, 'review-approved');
    expect(await review.textContent('main')).toContain('手続終了（承認）');
    expect(await review.textContent('main')).toContain('補正の求め');

    // 8. An anonymous visitor finds the establishment by name (half-width kana), by 法人番号, and through the API.
    const visitor = await (await e2e.browser.newContext()).newPage();
    await visitor.goto(`${e2e.server.url}/roster`);
    await journey.check(visitor, 'roster');
    await visitor.fill('#q', 'ｶﾘﾔﾃｽﾄ');
    await visitor.click('form[action="/roster"] button[type="submit"]');
    await visitor.waitForURL(/\/roster\?q=/);
    await journey.check(visitor, 'roster-by-name');
    expect(await visitor.textContent('table')).toContain('刈谷テスト工場');
    await visitor.goto(`${e2e.server.url}/roster`);
    await visitor.fill('#corporateNumber', COMPANY.corporateNumber);
    await visitor.click('form[action="/roster"] button[type="submit"]');
    await visitor.waitForURL(/corporateNumber=/);
    await journey.check(visitor, 'roster-by-corporate-number');
    expect(await visitor.textContent('table')).toContain(COMPANY.name);
    const api = await visitor.request.get(`${e2e.server.url}/api/v1/roster/corporate-number/${COMPANY.corporateNumber}`);
    expect(api.status()).toBe(200);
    const body = await api.json();
    expect(body.listed).toBe(true);
    expect(body.listings[0].establishmentName).toBe('刈谷テスト工場');
    const search = await visitor.request.get(`${e2e.server.url}/api/v1/roster?q=${encodeURIComponent('かりやてすと')}`);
    expect((await search.json()).total).toBe(1);
  });
});

describe('double submission', () => {
  it('a double-clicked (and replayed) join form creates exactly one request', async () => {
    const journey = new Journey('double-submit');
    const email = 'double@e2e.jinzai.invalid';
    const password = 'Double-Submit-2026!';
    const { organisationId } = await provisionCompanyReadyToSubmit(e2e.server, { email, password, corporateNumber: '4011001098993', name: '株式会社二重送信テスト' });
    const page = await (await e2e.browser.newContext()).newPage();
    await signIn(page, e2e.server.url, { email, password }, `/organisations/${organisationId}/join/check`);
    await journey.check(page, 'join-check');
    const form = `form[action="/organisations/${organisationId}/join/submit"]`;
    // Two more POSTs of the very same form (same idempotency key) racing the double click.
    const replay = page.evaluate(`(async () => {
      const f = document.querySelector('${form}');
      const body = new URLSearchParams(new FormData(f));
      const send = () => fetch(f.action, { method: 'POST', body, redirect: 'manual' }).then((r) => r.status);
      return Promise.all([send(), send()]);
    })()`);
    await page.dblclick(`${form} button[type="submit"]`);
    await replay;
    await page.waitForURL(/\/join-requests\/[0-9a-f-]{36}/);
    await journey.check(page, 'join-submitted');
    const rows = rowsOf<{ n: number }>(await e2e.server.database.db.execute(sql`SELECT count(*)::int AS n FROM join_requests WHERE organisation_id = ${organisationId}`));
    expect(Number(rows[0]?.n)).toBe(1);
  });
});

describe('language', () => {
  it('switches between Japanese and English, both passing axe', async () => {
    const journey = new Journey('language-switch');
    const page = await (await e2e.browser.newContext()).newPage();
    await page.goto(`${e2e.server.url}/roster`);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await page.textContent('h1')).toBe('会員名簿');
    await journey.check(page, 'roster-ja');
    await page.click('header a[hreflang="en"]');
    await page.waitForFunction("document.documentElement.lang === 'en'");
    expect(await page.textContent('h1')).toBe('Member roster');
    await journey.check(page, 'roster-en');
    await page.goto(`${e2e.server.url}/roster?asOf=2025-12-20`); // the choice sticks
    expect(await page.textContent('main')).toContain('council member roster');
    await journey.check(page, 'roster-en-council-date');
    await page.click('header a[hreflang="ja"]');
    await page.waitForFunction("document.documentElement.lang === 'ja'");
    expect(await page.textContent('h1')).toBe('会員名簿');
  });
});

// Membership lifecycle journeys in a real browser, every page scanned with axe:
//   1. a member's withdrawal is refused while SSW workers are employed (council art.13(2)), then accepted at 0;
//   2. an expulsion proposed by one member of staff and approved by another (self-approval refused on screen).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Journey } from '../helpers/browser.js';
import { listedCompany, type ListedCompany } from '../integration/membership-lifecycle/fixtures.js';
import { useJourneyServer } from './support/journey-server.js';
import { signIn } from './support/sign-in.js';
import { provisionStaff, type StaffLogin } from './test-server.js';

const e2e = useJourneyServer();
let reviewer: StaffLogin;
let admin: StaffLogin;

beforeAll(async () => {
  reviewer = await provisionStaff(e2e.server, 'secretariat_reviewer', 'lifecycle-reviewer@e2e.jinzai.invalid');
  admin = await provisionStaff(e2e.server, 'secretariat_admin', 'lifecycle-admin@e2e.jinzai.invalid');
});

const signInMember = (page: Page, journey: Journey, c: ListedCompany, next: string): Promise<void> =>
  signIn(page, e2e.server.url, c, next, { scan: { journey, login: 'member-login' } });

const signInStaff = (page: Page, journey: Journey, who: StaffLogin, next: string): Promise<void> =>
  signIn(page, e2e.server.url, who, next, { scan: { journey, login: 'staff-login', totp: 'staff-totp' } });

const isoDaysFromNow = (days: number): string => new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('journey: withdrawal refused while SSW are employed', () => {
  it('shows the refusal with art.13(2), then accepts the notice at 0 workers; every page passes axe', async () => {
    const journey = new Journey('withdrawal-refused');
    const c = await listedCompany(e2e.server.database.db, { establishments: ['本社工場'], listedFrom: '2026-01-10' });
    const page = await (await e2e.browser.newContext()).newPage();
    await signInMember(page, journey, c, `/organisations/${c.organisationId}/lifecycle`);
    await journey.check(page, 'lifecycle-overview');
    await page.click(`a[href="/organisations/${c.organisationId}/withdrawal"]`);
    await page.waitForURL(/\/withdrawal$/);
    await journey.check(page, 'withdrawal-form');
    await page.check('#scope'); // the whole membership
    await page.fill(`#ssw-${c.establishmentIds[0]}`, '3');
    await page.fill('#effectiveFrom', isoDaysFromNow(30));
    await page.click('form[action$="/withdrawal"] button[type="submit"]');
    await page.waitForLoadState('domcontentloaded');
    await journey.check(page, 'withdrawal-barred');
    expect(await page.textContent('h1')).toContain('退会を届け出ることはできません');
    expect(await page.textContent('main')).toContain('council-operating-rules art.13(2)');
    expect(await page.locator('form[action$="/withdrawal/submit"]').count()).toBe(0);

    await page.goto(`${e2e.server.url}/organisations/${c.organisationId}/withdrawal`);
    await page.check('#scope');
    await page.fill(`#ssw-${c.establishmentIds[0]}`, '0');
    await page.fill('#effectiveFrom', isoDaysFromNow(30));
    await page.click('form[action$="/withdrawal"] button[type="submit"]');
    await page.waitForLoadState('domcontentloaded');
    await journey.check(page, 'withdrawal-check');
    expect(await page.textContent('main')).toContain('Q3-1-4');
    await page.click('form[action$="/withdrawal/submit"] button[type="submit"]');
    await page.waitForURL(/\/withdrawals\/[0-9a-f-]+$/);
    await journey.check(page, 'withdrawal-accepted');
    expect(await page.textContent('main')).toContain('名簿への掲載を終了します');
  });
});

describe('journey: expulsion by two staff', () => {
  it('one proposes with grounds and evidence, cannot approve it, another approves and records the MOJ report', async () => {
    const journey = new Journey('expulsion-two-staff');
    const c = await listedCompany(e2e.server.database.db, { establishments: ['第二工場'] });
    const a = await (await e2e.browser.newContext()).newPage();
    await signInStaff(a, journey, reviewer, '/staff/lifecycle');
    await journey.check(a, 'staff-lifecycle');
    await a.click('a[href="/staff/expulsions"]');
    await a.waitForURL(/\/staff\/expulsions$/);
    await journey.check(a, 'expulsions');
    await a.click('a[href="/staff/expulsions/new"]');
    await a.waitForURL(/\/staff\/expulsions\/new$/);
    await journey.check(a, 'expulsion-new');
    await a.fill('#corporateNumber', c.corporateNumber);
    await a.check('#category'); // category (iii)
    await a.check('input[name="grounds"][value="iii"]');
    await a.fill('#evidence-iii', '虚偽の出荷証明書により入会（調査報告 第7号）');
    await a.click('form[action="/staff/expulsions/new"] button[type="submit"]');
    await a.waitForURL(/\/staff\/expulsions\/[0-9a-f-]+\?done=propose/);
    await journey.check(a, 'expulsion-proposed');
    expect(await a.textContent('main')).toContain('別の職員が行います');
    expect(await a.locator('form[action$="/approve"]').count()).toBe(0);

    const b = await (await e2e.browser.newContext()).newPage();
    const detail = new URL(a.url()).pathname;
    await signInStaff(b, journey, admin, detail);
    await journey.check(b, 'expulsion-to-approve');
    await b.check('#mojJudgement');
    await b.fill('#mojReason', '不正の手段による入会であり、受入れの適正確保のため報告が特に必要');
    await b.click('form[action$="/approve"] button[type="submit"]');
    await b.waitForURL(/done=approve/);
    await journey.check(b, 'expulsion-approved');
    expect(await b.textContent('main')).toContain('第10条第4項第2号');
    await b.fill('#reportedOn', isoDaysFromNow(0));
    await b.fill('#reference', '法務省報告 第2026-7号');
    await b.click('form[action$="/moj-report"] button[type="submit"]');
    await b.waitForURL(/done=moj-report/);
    await journey.check(b, 'expulsion-moj-reported');
    expect(await b.textContent('main')).toContain('法務省報告 第2026-7号');
  });
});

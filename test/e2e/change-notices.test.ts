// Journey (M5): a member notifies the relocation of a listed establishment, the secretariat reviews and applies it,
// and the public roster shows the change from its effective date — the old name up to the day before, the new name
// with the old one beside it (JAIM FAQ Q3-2-3) from that day. Every page is scanned with axe.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { corporateNumberFromBase } from '../../src/domain/membership/corporate-number.js';
import { Journey } from '../helpers/browser.js';
import { listedCompany } from '../integration/membership-lifecycle/fixtures.js';
import { useJourneyServer } from './support/journey-server.js';
import { currentTotp, provisionStaff, type StaffLogin } from './test-server.js';

const e2e = useJourneyServer();
let reviewer: StaffLogin;

beforeAll(async () => {
  reviewer = await provisionStaff(e2e.server, 'secretariat_reviewer', 'changes-reviewer@e2e.jinzai.invalid');
});

/** A Japan date `days` from today (the server's clock is the real one). */
const japanDate = (days: number): string => new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

const submitAndWait = async (page: Page, formSelector: string, url: RegExp | ((u: URL) => boolean)) => {
  await Promise.all([page.waitForURL(url), page.click(`${formSelector} button[type="submit"]`)]);
};

describe('journey: a change notice from filing to the roster', () => {
  it('member files a relocation, staff apply it, the roster shows it from the effective date; every page passes axe', async () => {
    const journey = new Journey('change-notices');
    const corporateNumber = corporateNumberFromBase('400000000123');
    const c = await listedCompany(e2e.server.database.db, { establishments: ['本社工場'], listedFrom: '2026-01-10', corporateNumber });
    const effective = japanDate(7);
    const dayBefore = japanDate(6);

    // The member files the notice: kind → details → check → submitted (到達).
    const member = await (await e2e.browser.newContext()).newPage();
    const lifecycle = `/organisations/${c.organisationId}/lifecycle`;
    await member.goto(`${e2e.server.url}/login?next=${encodeURIComponent(lifecycle)}`);
    await journey.check(member, 'member-login');
    await member.fill('#email', c.email);
    await member.fill('#password', c.password);
    await submitAndWait(member, 'form[action="/login"]', (u) => u.pathname === lifecycle);
    await journey.check(member, 'lifecycle-overview');
    await Promise.all([member.waitForURL(/\/changes\/new$/), member.click(`a[href="/organisations/${c.organisationId}/changes/new"]`)]);
    await journey.check(member, 'change-kind');
    await member.check('input[name="kind"][value="relocation"]');
    await submitAndWait(member, `form[action="/organisations/${c.organisationId}/changes/new"]`, /\/changes\/new\/relocation$/);
    await journey.check(member, 'change-details');
    await member.selectOption('#establishmentId', c.establishmentIds[0]!);
    await member.fill('#newName', '豊田新工場');
    await member.fill('#newPostalCode', '471-0001');
    await member.selectOption('#newPrefecture', '23');
    await member.fill('#newAddress', '豊田市元町1-1');
    await member.fill('#effectiveFrom', effective);
    await member.click(`form[action="/organisations/${c.organisationId}/changes/new/relocation"] button[type="submit"]`);
    await member.waitForSelector(`form[action="/organisations/${c.organisationId}/changes/submit"]`);
    await journey.check(member, 'change-check');
    expect(await member.textContent('main')).toContain('jaim-membership-faq Q3-2-2');
    await submitAndWait(member, `form[action="/organisations/${c.organisationId}/changes/submit"]`, /\/change-notices\/[0-9a-f-]{36}$/);
    await journey.check(member, 'change-submitted');
    expect(await member.textContent('main')).toContain('到達');
    const noticePath = new URL(member.url()).pathname;
    const noticeId = noticePath.split('/').pop()!;

    // The secretariat reviews it from the queue and applies it from the effective date.
    const staff = await (await e2e.browser.newContext()).newPage();
    await staff.goto(`${e2e.server.url}/login?next=${encodeURIComponent('/staff/lifecycle')}`);
    await journey.check(staff, 'staff-login');
    await staff.fill('#email', reviewer.email);
    await staff.fill('#password', reviewer.password);
    await submitAndWait(staff, 'form[action="/login"]', /\/login\/totp/);
    await journey.check(staff, 'staff-totp');
    await staff.fill('#code', currentTotp(reviewer.totpSecret));
    await submitAndWait(staff, 'form[action="/login/totp"]', (u) => u.pathname === '/staff/lifecycle');
    await journey.check(staff, 'staff-lifecycle');
    await Promise.all([staff.waitForURL(/\/staff\/change-notices$/), staff.click('a[href="/staff/change-notices"]')]);
    await journey.check(staff, 'change-queue');
    await Promise.all([staff.waitForURL((u) => u.pathname === `/staff/change-notices/${noticeId}`), staff.click(`a[href="/staff/change-notices/${noticeId}"]`)]);
    await journey.check(staff, 'change-review');
    expect(await staff.textContent('main')).toContain('豊田新工場');
    await submitAndWait(staff, `form[action="/staff/change-notices/${noticeId}/apply"]`, /done=apply/);
    await journey.check(staff, 'change-applied');
    expect(await staff.textContent('main')).toContain('手続終了（反映）');

    // The member sees the decision.
    await member.goto(`${e2e.server.url}${noticePath}`);
    await journey.check(member, 'change-decided');
    expect(await member.textContent('main')).toContain('手続終了（反映）');

    // Anyone checks the roster as of either side of the effective date.
    const visitor = await (await e2e.browser.newContext()).newPage();
    await visitor.goto(`${e2e.server.url}/roster?corporateNumber=${corporateNumber}&asOf=${dayBefore}`);
    await journey.check(visitor, 'roster-day-before');
    let results = await visitor.textContent('main table');
    expect(results).toContain('本社工場');
    expect(results).not.toContain('豊田新工場');
    await visitor.fill('#asOf', effective);
    await Promise.all([visitor.waitForURL((u) => u.searchParams.get('asOf') === effective), visitor.click('form[action="/roster"] button[type="submit"]')]);
    await journey.check(visitor, 'roster-effective-date');
    results = await visitor.textContent('main table');
    expect(results).toContain('豊田新工場');
    expect(results).toContain('旧名称：本社工場');
    expect(results).toContain('豊田市元町1-1');
  });
});

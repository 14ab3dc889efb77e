// Journey: an anonymous user verifies the roster as of a date. They search the public roster as of a past date
// (before the JAIM roster took over), see that the council roster was the valid one that day (with its citation),
// then open the signed snapshot the secretariat published for that date and see its signature verified.
// Every page is scanned with axe (any violation fails) and saved as a screenshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config/env.js';
import { publishRosterSnapshot } from '../../src/domain/roster-snapshots/publish-snapshot.js';
import { searchTextFor } from '../../src/domain/roster/search-text.js';
import { insertEstablishment } from '../../src/persistence/repositories/establishments.repository.js';
import { insertOrganisation } from '../../src/persistence/repositories/organisations.repository.js';
import { insertRosterEntry } from '../../src/persistence/repositories/roster.repository.js';
import { Journey, launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { provisionStaff, resetSecretariat, startE2eServer, type E2eServer } from './test-server.js';

let server: E2eServer;
let browser: TestBrowser;
const CN = '7123456789012';

beforeAll(async () => {
  resetSecretariat();
  server = await startE2eServer();
  browser = await launchBrowser();
  const db = server.database.db;
  const admin = await provisionStaff(server, 'secretariat_admin', 'snapshot-admin@e2e.jinzai.invalid');
  const org = await insertOrganisation(db, { kind: 'accepting_company', name: '株式会社東海精機', nameKana: 'カブシキガイシャトウカイセイキ', corporateNumber: CN, postalCode: null, prefecture: '23', address: '名古屋市中区1-1', representativeName: null });
  const est = await insertEstablishment(db, { organisationId: org.id, name: '本社工場', nameKana: 'ホンシャコウジョウ', postalCode: null, prefecture: '23', address: '名古屋市中区1-1', jsicCodes: ['2592'] });
  const base = { establishmentId: est.id, organisationId: org.id, establishmentName: est.name, establishmentNameKana: est.nameKana, organisationName: org.name, corporateNumber: CN, prefecture: '23', address: est.address, jsicCodes: ['2592'], joinRequestId: null, searchText: searchTextFor([est.name, est.nameKana, org.name, org.nameKana]) };
  await insertRosterEntry(db, { ...base, roster: 'council', listedFrom: '2024-04-01', listedUntil: '2025-12-26' });
  await insertRosterEntry(db, { ...base, roster: 'jaim', listedFrom: '2026-02-01' });
  await publishRosterSnapshot(
    {
      actor: { kind: 'user', userId: admin.userId, email: admin.email, displayName: '管理 一郎', roles: [{ role: 'secretariat_admin', organisationId: '00000000-0000-4000-8000-000000000000' }], isInformationHandler: true, mfaVerified: true, actingFor: [] },
      db,
      clock: { now: () => new Date() },
      signingSecret: testConfig().signingKeySecret,
    },
    { asOf: '2025-12-20' },
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('journey: an anonymous user verifies the roster as of a date', () => {
  it('searches a past date, sees the valid roster, and sees a signed snapshot verified', async () => {
    const journey = new Journey('roster-asof');
    const page = await (await browser.newContext()).newPage();

    await page.goto(`${server.url}/roster`);
    await journey.check(page, 'roster');
    await page.fill('#corporateNumber', CN);
    await page.fill('#asOf', '2025-12-20');
    await page.click('form[action="/roster"] button[type="submit"]');
    await page.waitForURL(/asOf=2025-12-20/);
    await journey.check(page, 'roster-asof-past');
    const body = await page.textContent('main');
    expect(body).toContain('本社工場');
    expect(body).toContain('協議・連絡会の構成員名簿が有効');
    expect(body).toContain('jaim-membership-faq Q2-2-6');

    // Between the council roster closing and the JAIM listing starting, the establishment was on no valid roster.
    await page.goto(`${server.url}/roster?corporateNumber=${CN}&asOf=2026-01-15`);
    await journey.check(page, 'roster-asof-gap');
    expect(await page.textContent('main')).toContain('JAIM');
    expect(await page.locator('table tbody tr').count()).toBe(0);

    await page.goto(`${server.url}/roster/snapshots`);
    await journey.check(page, 'snapshots');
    await page.click('table a');
    await page.waitForURL(/\/roster\/snapshots\/[0-9a-f-]{36}$/);
    await journey.check(page, 'snapshot-verified');
    expect(await page.textContent('#verification-result')).toContain('署名を確認しました');

    const signed = await page.request.get(`${page.url()}/signed.json`);
    expect(signed.ok()).toBe(true);
    expect(((await signed.json()) as { snapshot: { asOf: string } }).snapshot.asOf).toBe('2025-12-20');

    await page.goto(`${server.url}/roster/export`);
    await journey.check(page, 'export');
  });
});

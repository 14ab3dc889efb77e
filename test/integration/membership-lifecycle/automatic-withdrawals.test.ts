// M11: the staff screen listing what the scheduled job "withdraw council members not migrated by the deadline"
// (jaim-membership-faq Q2-2-3) did — who, which establishment, when, the provision — filtered by the day (Japan time)
// it was recorded and by outcome. Read-only, for the migration staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalDate } from '../../../rules/core/index.js';
import { withdrawUnmigratedCouncilMembers } from '../../../src/domain/council-migration/withdraw-unmigrated.js';
import { corporateNumberFromBase } from '../../../src/domain/membership/corporate-number.js';
import { insertEstablishment } from '../../../src/persistence/repositories/establishments.repository.js';
import { insertOrganisation } from '../../../src/persistence/repositories/organisations.repository.js';
import { insertRosterEntry } from '../../../src/persistence/repositories/roster.repository.js';
import { fixedClock } from '../../helpers/test-app.js';
import { clientFor, createMembershipTestApp, type MembershipTestApp } from '../membership/membership-test-app.js';
import { secretariatStaff } from './fixtures.js';

const clock = fixedClock('2025-12-27T01:00:00Z'); // 2025-12-27 10:00 in Japan
let t: MembershipTestApp;
let staff: { a: string; b: string };
let n = 0;
const URL_BASE = '/staff/council-migration/automatic-withdrawals';

/** A company with one establishment on the council roster (and, optionally, already on JAIM's). */
const councilMember = async (name: string, opts: { jaimFrom?: string } = {}) => {
  n += 1;
  const corporateNumber = corporateNumberFromBase(`61${String(Date.now()).slice(-6)}${String(n).padStart(4, '0')}`);
  const org = await insertOrganisation(t.database.db, { kind: 'accepting_company', name, nameKana: null, corporateNumber, postalCode: null, prefecture: '23', address: null, representativeName: null });
  const est = await insertEstablishment(t.database.db, { organisationId: org.id, name: `${name} 本社工場`, nameKana: null, postalCode: null, prefecture: '23', address: '名古屋市1-1', jsicCodes: ['2592'] });
  const listing = { establishmentId: est.id, organisationId: org.id, establishmentName: est.name, establishmentNameKana: null, organisationName: name, corporateNumber, prefecture: '23', address: '名古屋市1-1', jsicCodes: ['2592'], joinRequestId: null, searchText: name };
  await insertRosterEntry(t.database.db, { ...listing, roster: 'council', listedFrom: '2024-04-01' });
  if (opts.jaimFrom) await insertRosterEntry(t.database.db, { ...listing, roster: 'jaim', listedFrom: opts.jaimFrom });
  return { corporateNumber, establishmentId: est.id };
};

const runJob = (asOf: string) => withdrawUnmigratedCouncilMembers({ actor: { kind: 'system', job: 'council.auto_withdraw' }, db: t.database.db, clock }, legalDate(asOf));
const countOf = (html: string): number => Number(/id="withdrawal-count">(\d+)/.exec(html)![1]);

let notMigrated: { corporateNumber: string; establishmentId: string };
let migrated: { corporateNumber: string; establishmentId: string };
let late: { corporateNumber: string; establishmentId: string };

beforeAll(async () => {
  t = await createMembershipTestApp(clock);
  staff = await secretariatStaff(t.database.db);
  notMigrated = await councilMember('未移行工業株式会社');
  migrated = await councilMember('移行済精機株式会社', { jaimFrom: '2025-11-01' });
  expect(await runJob('2025-12-27')).toMatchObject({ withdrawn: 2 });
  // A council listing imported late is withdrawn by the run just after midnight in Japan on 2026-01-05.
  late = await councilMember('遅延登録株式会社');
  clock.set('2026-01-04T15:30:00Z');
  expect(await runJob('2026-01-05')).toMatchObject({ withdrawn: 1 });
});
afterAll(() => t?.close());

describe('automatic withdrawals screen (M11, Q2-2-3)', () => {
  it('lists who was withdrawn, which establishment, when, and the provision applied; linked from the migration page', async () => {
    const admin = clientFor(t.app, staff.b);
    expect((await admin.get('/staff/council-migration')).body).toContain(`href="${URL_BASE}"`);
    const page = await admin.get(URL_BASE);
    expect(page.statusCode).toBe(200);
    expect(countOf(page.body)).toBe(3);
    const row = /<tr data-withdrawal="([^"]+)">([\s\S]*?)<\/tr>/g;
    const rows = new Map([...page.body.matchAll(row)].map((m) => [m[1]!, m[2]!]));
    const withdrawn = rows.get(notMigrated.establishmentId)!;
    expect(withdrawn).toContain('未移行工業株式会社');
    expect(withdrawn).toContain(notMigrated.corporateNumber);
    expect(withdrawn).toContain('未移行工業株式会社 本社工場');
    expect(withdrawn).toContain('2024-04-01 から 2025-12-26 の前日まで');
    expect(withdrawn).toContain('jaim-membership-faq Q2-2-3');
    expect(withdrawn).toContain('協議会から自動的に退会となりました');
    expect(withdrawn).toContain('期限までに移行せず退会');
    expect(withdrawn).toContain('2025/12/27 10:00');
    expect(rows.get(migrated.establishmentId)).toContain('JAIM へ移行済み');
    expect(rows.get(migrated.establishmentId)).toContain('2025-11-01 の前日まで');
    // Newest first.
    expect([...rows.keys()][0]).toBe(late.establishmentId);
    // Read-only: the page content has no form that posts (the layout's sign-out form aside).
    expect(/<main[\s\S]*<\/main>/.exec(page.body)![0]).not.toMatch(/<form[^>]*method="post"/);
  });

  it('filters by the day recorded in Japan time and by outcome', async () => {
    const admin = clientFor(t.app, staff.b);
    expect(countOf((await admin.get(`${URL_BASE}?from=2025-12-27&to=2025-12-27`)).body)).toBe(2);
    // Recorded 2026-01-04 15:30 UTC = 2026-01-05 00:30 in Japan: the 5th, not the 4th.
    expect(countOf((await admin.get(`${URL_BASE}?to=2026-01-04`)).body)).toBe(2);
    const fifth = await admin.get(`${URL_BASE}?from=2026-01-05`);
    expect(countOf(fifth.body)).toBe(1);
    expect(fifth.body).toContain('遅延登録株式会社');
    const onlyMigrated = await admin.get(`${URL_BASE}?outcome=migrated`);
    expect(countOf(onlyMigrated.body)).toBe(1);
    expect(onlyMigrated.body).toContain('移行済精機株式会社');
    expect(countOf((await admin.get(`${URL_BASE}?from=2026-02-01`)).body)).toBe(0);
  });

  it('bad filters get field messages', async () => {
    const admin = clientFor(t.app, staff.b);
    const bad = await admin.get(`${URL_BASE}?from=2026-13-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#from"');
    const reversed = await admin.get(`${URL_BASE}?from=2026-01-05&to=2025-12-27`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('href="#to"');
    expect((await admin.get(`${URL_BASE}?outcome=other`)).statusCode).toBe(400);
  });

  it('only migration staff (secretariat admin, information handler) may see it', async () => {
    expect((await clientFor(t.app, staff.a).get(URL_BASE)).statusCode).toBe(403);
    expect([302, 303, 401, 403]).toContain((await t.app.inject({ method: 'GET', url: URL_BASE })).statusCode);
  });
});

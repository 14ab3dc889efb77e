// Journey "renewal lapse" (M6) in a real browser, every page scanned with axe: the secretariat opens the council
// renewal check; the member answers for one establishment (check your answer) and not the other; the scheduled lapse
// job runs the day after the deadline (fixed clock); the staff page shows the lapse with its citation (art.12(2)) and
// the public roster no longer lists the silent establishment from that day.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, japanDateOf } from '../../rules/core/index.js';
import { provisionUser } from '../../src/domain/accounts/provision-user.js';
import { renewalJobHandlers, RENEWAL_LAPSE_JOB } from '../../src/domain/renewal/jobs.js';
import { enqueue, processDueJobs } from '../../src/jobs/queue.js';
import { rowsOf } from '../../src/persistence/database.js';
import { Journey } from '../helpers/browser.js';
import { fixedClock } from '../helpers/test-app.js';
import { listedCompany } from '../integration/renewal/fixtures.js';
import { useJourneyServer } from './support/journey-server.js';
import { signIn } from './support/sign-in.js';
import { provisionStaff, type StaffLogin } from './test-server.js';

const e2e = useJourneyServer();
let admin: StaffLogin;

beforeAll(async () => {
  admin = await provisionStaff(e2e.server, 'secretariat_admin', 'renewal-admin@e2e.jinzai.invalid');
});

describe('journey: renewal lapse', () => {
  it('opens the check, the member renews one establishment, the job lapses the other, the roster reflects it', async () => {
    const journey = new Journey('renewal-lapse');
    const db = e2e.server.database.db;
    const today = japanDateOf(new Date());
    const { company } = await listedCompany(db, { roster: 'council', listedFrom: '2025-04-01', establishments: ['更新テスト第一工場', '更新テスト第二工場'], name: '株式会社更新テスト' });
    const password = 'Renewal-Member-2026!';
    await provisionUser(db, { email: 'member@renewal.e2e.invalid', password, displayName: '更新 太郎', isStaff: false, emailVerified: true, roles: [{ role: 'company_admin', organisationId: company.id }] });

    // 1. The secretariat opens the council renewal check with today as the deadline.
    const staff = await (await e2e.browser.newContext()).newPage();
    await signIn(staff, e2e.server.url, admin, '/staff/renewal', { scan: { journey, login: 'login' } });
    await journey.check(staff, 'staff-renewal');
    await staff.fill('#fiscalYear', String(Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0)));
    await staff.check('input[name="roster"][value="council"]');
    await staff.fill('#deadline', today);
    await staff.click('form[action="/staff/renewal"] button[type="submit"]');
    await staff.waitForURL(/\/staff\/renewal\/[0-9a-f-]{36}\?opened=/);
    await journey.check(staff, 'staff-cycle-opened');
    const cyclePath = new URL(staff.url()).pathname;

    // 2. The member answers "renew" for the first establishment, through check-your-answers; an empty answer shows the error summary.
    const member = await (await e2e.browser.newContext()).newPage();
    await signIn(member, e2e.server.url, { email: 'member@renewal.e2e.invalid', password }, '/renewal', { scan: { journey, login: 'login' } });
    await journey.check(member, 'member-renewals');
    await member.click('a:has-text("更新テスト第一工場")');
    await journey.check(member, 'member-answer');
    await member.click('form[action$="/check"] button[type="submit"]');
    await member.waitForSelector('.error-summary');
    await journey.check(member, 'member-answer-error');
    await member.check('input[name="decision"][value="renew"]');
    await member.click('form[action$="/check"] button[type="submit"]');
    await member.waitForSelector('text=回答内容の確認');
    await journey.check(member, 'member-check-answer');
    await member.click('button:has-text("この内容で回答する")');
    await member.waitForURL(/done=1/);
    await journey.check(member, 'member-answered');

    // 3. The day after the deadline the scheduled lapse job runs (a fixed clock stands in for the scheduler).
    const clock = fixedClock(`${addDays(today, 1)}T00:30:00+09:00`);
    await enqueue(db, RENEWAL_LAPSE_JOB, {}, { runAt: clock.now() });
    await processDueJobs({ database: e2e.server.database, handlers: renewalJobHandlers(clock), logger: { info: () => {}, warn: () => {}, error: () => {} }, clock: () => clock.now() });
    const statuses = rowsOf<{ name: string; status: string }>(
      await db.execute(sql`SELECT e.name, r.status FROM renewal_responses r JOIN establishments e ON e.id = r.establishment_id WHERE r.organisation_id = ${company.id} ORDER BY e.name`),
    );
    expect(statuses).toEqual([
      { name: '更新テスト第一工場', status: 'renewed' },
      { name: '更新テスト第二工場', status: 'lapsed' },
    ]);

    // 4. Staff see the lapse with its grounds; the public roster lists the establishment today, not from tomorrow.
    await staff.goto(`${e2e.server.url}${cyclePath}`);
    await journey.check(staff, 'staff-cycle-after-lapse');
    const main = (await staff.textContent('main')) ?? '';
    expect(main).toContain('資格喪失（未回答）');
    expect(main).toContain('council-operating-rules art.12');
    const visitor = await (await e2e.browser.newContext()).newPage();
    await visitor.goto(`${e2e.server.url}/roster?corporateNumber=${company.corporateNumber}&asOf=${today}`);
    await journey.check(visitor, 'roster-today');
    expect(await visitor.textContent('main')).toContain('更新テスト第二工場');
    await visitor.goto(`${e2e.server.url}/roster?corporateNumber=${company.corporateNumber}&asOf=${addDays(today, 1)}`);
    await journey.check(visitor, 'roster-after-lapse');
    const after = (await visitor.textContent('main')) ?? '';
    expect(after).toContain('更新テスト第一工場');
    expect(after).not.toContain('更新テスト第二工場');
  });
});

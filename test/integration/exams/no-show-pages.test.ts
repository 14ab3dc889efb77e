// Absence (欠席) on the sitting admin page: shown but refused while check-in is still possible on the exam day, then
// one confirmed action marks every ticket holder not checked in; the examinee ledger shows them as absent.
// On the embedded database and on PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTicketToken } from '../../../src/domain/exams/use-cases/admission-ticket.js';
import { recordCheckIn } from '../../../src/domain/exams/use-cases/check-in.js';
import { changeSittingStatus } from '../../../src/domain/exams/use-cases/sittings.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { createTestApp, fixedClock, type TestApp } from '../../helpers/test-app.js';
import { cookieHeader, cookieJar, makeUser, signIn, TOTP_SECRET } from '../accounts/helpers.js';
import { apply, createExamWorld, EXAM_DATE, type ExamWorld } from './fixtures.js';

const clock = fixedClock('2025-10-01T01:00:00Z');
let t: TestApp;
let w: ExamWorld;
let adminEmail: string;
let proctorEmail: string;
let admin: Record<string, string>;
let people: Awaited<ReturnType<typeof apply>>[];

const csrfFrom = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
const get = (jar: Record<string, string>, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookieHeader(jar) } });
const post = async (jar: Record<string, string>, url: string, csrfPage: string, form: Record<string, string>) => {
  const page = await get(jar, csrfPage);
  cookieJar(jar, page);
  return t.app.inject({ method: 'POST', url, headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...form }).toString() });
};
const statuses = async () =>
  rowsOf<{ exam_number: string; status: string }>(await t.database.db.execute(sql`SELECT exam_number, status FROM exam_registrations WHERE sitting_id = ${w.sittingId}::uuid ORDER BY exam_number`)).map((r) => r.status);
const at = (iso: string) => {
  clock.set(iso);
  w.clock.set(iso);
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  w = await createExamWorld(t.database, { fee: '0' }); // no fee: tickets are issued on application
  people = [];
  for (const name of ['AN', 'BINH', 'CUONG']) people.push(await apply(w, { givenName: name }));
  await changeSittingStatus(w.admin, w.sittingId, 'close_registration');
  adminEmail = (await makeUser(t.database, { isStaff: true, roles: [{ role: 'exam_admin', organisationId: w.orgs.secretariat }], informationHandler: { department: '試験課' }, totpSecret: TOTP_SECRET })).email;
  proctorEmail = (await makeUser(t.database, { isStaff: true, roles: [{ role: 'proctor', organisationId: w.orgs.secretariat }], totpSecret: TOTP_SECRET })).email;
}, 120_000);
afterAll(async () => t?.close());

describe('marking absences on the sitting admin page', () => {
  it('on the exam day, with one candidate checked in, shows who is pending but refuses to mark them yet', async () => {
    expect(await statuses()).toEqual(['ticket_issued', 'ticket_issued', 'ticket_issued']);
    at(`${EXAM_DATE}T00:30:00Z`);
    const ticket = await signTicketToken(w.anon, { registrationId: people[0]!.registration.id, sittingId: w.sittingId, examNumber: people[0]!.registration.examNumber, examDate: EXAM_DATE });
    await recordCheckIn(w.proctor, { sittingId: w.sittingId, token: ticket, identityConfirmed: 'yes' });
    admin = await signIn(t.app, adminEmail, { clock, totpSecret: TOTP_SECRET });
    const url = `/staff/exams/sittings/${w.sittingId}`;
    const page = await get(admin, url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('受付されていない受験者が2人います');
    expect(page.body).toContain('試験の終了後');
    expect(page.body).not.toContain(`action="${url}/no-shows"`);
    const early = await post(admin, `${url}/no-shows`, url, { confirm: 'yes' });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('欠席は試験の終了後');
    expect(await statuses()).toEqual(['checked_in', 'ticket_issued', 'ticket_issued']);
  });

  it('the next day: refused to a proctor, asks for confirmation, then marks both in one action', async () => {
    at('2025-12-11T00:30:00Z');
    admin = await signIn(t.app, adminEmail, { clock, totpSecret: TOTP_SECRET });
    clock.advance(31_000);
    const proctor = await signIn(t.app, proctorEmail, { clock, totpSecret: TOTP_SECRET });
    const url = `/staff/exams/sittings/${w.sittingId}`;
    expect((await post(proctor, `${url}/no-shows`, `/staff/exams/sittings/${w.sittingId}/check-in`, { confirm: 'yes' })).statusCode).toBe(403);

    const page = await get(admin, url);
    expect(page.body).toContain(`action="${url}/no-shows"`);
    const unconfirmed = await post(admin, `${url}/no-shows`, url, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('href="#confirm"');
    expect(await statuses()).toEqual(['checked_in', 'ticket_issued', 'ticket_issued']);

    const done = await post(admin, `${url}/no-shows`, url, { confirm: 'yes' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${url}?marked=2`);
    expect(await statuses()).toEqual(['checked_in', 'no_show', 'no_show']);
    const after = await get(admin, done.headers.location!);
    expect(after.body).toContain('2人を欠席として記録しました');
    expect(after.body).toContain('欠席にする受験者（受験票発行済みで未受付）はいません');
    const audit = rowsOf<{ actor_user_id: string | null; summary: { after: { count: number } } }>(
      await t.database.db.execute(sql`SELECT actor_user_id, summary FROM audit_events WHERE action = 'exam_registration.marked_no_show'`),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary.after.count).toBe(2);
    expect(audit[0]!.actor_user_id).not.toBeNull();
  });

  it('the examinee ledger shows them as absent, and the absent filter finds exactly them', async () => {
    const ledger = await get(admin, `/staff/exams/ledger?sittingId=${w.sittingId}`);
    expect(ledger.statusCode).toBe(200);
    expect(ledger.body.match(/data-absent/g)).toHaveLength(2);
    const absent = await get(admin, `/staff/exams/ledger?sittingId=${w.sittingId}&outcome=absent`);
    expect(absent.body).toContain(people[1]!.registration.examNumber);
    expect(absent.body).toContain(people[2]!.registration.examNumber);
    expect(absent.body).not.toContain(people[0]!.registration.examNumber);
    const entry = await get(admin, `/staff/exams/ledger/${people[1]!.registration.id}`);
    expect(entry.body).toContain('欠席');
  });
});

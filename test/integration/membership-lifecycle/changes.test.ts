// M5 change notices: check → submit → apply from the effective date (dated roster rows, never overwritten), refusals
// by rule (adding a JSIC class, a plant not yet operating), side-by-side names for relocations, concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../helpers/test-app.js';
import { clientFor, createMembershipTestApp, type MembershipTestApp } from '../membership/membership-test-app.js';
import { auditActions, idFromLocation, listedCompany, listingsOf, mailTo, secretariatStaff, type ListedCompany } from './fixtures.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { sql } from 'drizzle-orm';
import { buildUserActor } from '../../../src/domain/accounts/build-actor.js';
import { submitChangeNotice } from '../../../src/domain/membership-changes/submit-change-notice.js';
import { findUserById } from '../../../src/persistence/repositories/users.repository.js';
import { applyDueMasterUpdates } from '../../../src/domain/membership-changes/apply-due-master-updates.js';

const clock = fixedClock('2026-06-01T03:00:00Z'); // 2026-06-01 in Japan
let t: MembershipTestApp;
let staff: { a: string; b: string };

beforeAll(async () => {
  t = await createMembershipTestApp(clock);
  staff = await secretariatStaff(t.database.db);
});
afterAll(() => t?.close());

const submitChange = async (c: ListedCompany, kind: string, form: Record<string, string>) => {
  const member = clientFor(t.app, c.adminId);
  const check = await member.post(`/organisations/${c.organisationId}/changes/new/${kind}`, form);
  return { member, check };
};

const lockOf = async (id: string): Promise<number> =>
  rowsOf<{ v: number }>(await t.database.db.execute(sql`SELECT lock_version AS v FROM change_notices WHERE id = ${id}`))[0]!.v;

describe('change notices (M5)', () => {
  it('a name change is checked, submitted, and applied from its effective date as a new dated roster row', async () => {
    const c = await listedCompany(t.database.db);
    const est = c.establishmentIds[0]!;
    const { member, check } = await submitChange(c, 'establishment_name', { establishmentId: est, newName: '第一工場', effectiveFrom: '2026-07-01' });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('council-operating-rules art.11(1)');
    const submitted = await member.post(`/organisations/${c.organisationId}/changes/submit`, { kind: 'establishment_name', establishmentId: est, newName: '第一工場', effectiveFrom: '2026-07-01' });
    expect(submitted.statusCode).toBe(303);
    const id = idFromLocation(submitted.headers.location);
    expect((await member.get(`/change-notices/${id}`)).body).toContain('到達');

    const reviewer = clientFor(t.app, staff.a);
    expect((await reviewer.get('/staff/change-notices')).body).toContain(id);
    const applied = await reviewer.post(`/staff/change-notices/${id}/apply`, { lockVersion: String(await lockOf(id)) });
    expect(applied.statusCode).toBe(303);

    const rows = await listingsOf(t.database.db, est);
    expect(rows.map((r) => [r.establishment_name, r.listed_from, r.listed_until])).toEqual([
      ['本社工場', '2026-01-10', '2026-07-01'], // old row: last listed day 2026-06-30
      ['第一工場', '2026-07-01', null],
    ]);
    expect(await auditActions(t.database.db, id)).toEqual(['membership_change.submitted', 'membership_change.applied']);
    expect(await mailTo(t.database.db, c.adminId)).toContain('【Jinzai】変更の届出を反映しました');
    // The establishment record follows on the effective date (a future date here: not yet).
    const est1 = rowsOf<{ name: string }>(await t.database.db.execute(sql`SELECT name FROM establishments WHERE id = ${est}`))[0]!;
    expect(est1.name).toBe('本社工場');
  });

  it('a double submit from the check page files one notice (same key → same notice), also when the use case is called again with the key', async () => {
    const c = await listedCompany(t.database.db);
    const est = c.establishmentIds[0]!;
    const form = { establishmentId: est, newName: '南工場', effectiveFrom: '2026-08-01' };
    const { member, check } = await submitChange(c, 'establishment_name', form);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(check.body)![1]!;
    const body = { kind: 'establishment_name', ...form, idempotencyKey: key };
    const [a, b] = await Promise.all([member.post(`/organisations/${c.organisationId}/changes/submit`, body), member.post(`/organisations/${c.organisationId}/changes/submit`, body)]);
    expect(a.statusCode).toBe(303);
    expect(b.headers.location).toBe(a.headers.location);
    const again = await member.post(`/organisations/${c.organisationId}/changes/submit`, body);
    expect(again.headers.location).toBe(a.headers.location);
    const count = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM change_notices WHERE establishment_id = ${est}`))[0]!.n;
    expect(await count()).toBe(1);
    expect(await auditActions(t.database.db, idFromLocation(a.headers.location))).toEqual(['membership_change.submitted']);
    // A new render of the check page carries a new key: a deliberate second notice is filed.
    const second = await submitChange(c, 'establishment_name', form);
    const key2 = /name="idempotencyKey" value="([^"]+)"/.exec(second.check.body)![1]!;
    expect(key2).not.toBe(key);
    const user = await findUserById(t.database.db, c.adminId);
    const viaDomain = await submitChangeNotice({ actor: await buildUserActor(t.database.db, user!, true), db: t.database.db, clock, baseUrl: 'http://x' }, c.organisationId, { kind: 'establishment_name', ...form }, key);
    expect(viaDomain).toMatchObject({ id: idFromLocation(a.headers.location), duplicate: true });
    expect(await count()).toBe(1);
  });

  it('an effective date not after the current listing is refused on the field', async () => {
    const c = await listedCompany(t.database.db);
    const { check } = await submitChange(c, 'address', { establishmentId: c.establishmentIds[0]!, newPrefecture: '13', newAddress: '千代田区1-1', effectiveFrom: '2026-01-10' });
    expect(check.statusCode).toBe(400);
    expect(check.body).toContain('href="#effectiveFrom"');
  });

  it('adding a JSIC class is refused and the member is told to start a new application (Q3-2-1)', async () => {
    const c = await listedCompany(t.database.db);
    const { check } = await submitChange(c, 'jsic_addition', { establishmentId: c.establishmentIds[0]!, jsicCode: '2422' });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('jaim-membership-faq Q3-2-1');
    expect(check.body).toContain(`/organisations/${c.organisationId}/join`);
    expect(check.body).not.toContain('/changes/submit');
    // Submitted anyway (API or a stale form), it is stored refused with the determination.
    const actor = await buildUserActor(t.database.db, (await findUserById(t.database.db, c.adminId))!, true);
    const r = await submitChangeNotice({ actor, db: t.database.db, clock, baseUrl: 'http://x' }, c.organisationId, { kind: 'jsic_addition', establishmentId: c.establishmentIds[0], jsicCode: '2422' });
    expect(r.status).toBe('refused');
    expect(r.determination.trace.map((s) => s.citation)).toContain('jaim-membership-faq Q3-2-1');
  });

  it('a plant not yet operating is refused with the reason (Q3-2-4), stored refused and audited', async () => {
    const c = await listedCompany(t.database.db);
    const member = clientFor(t.app, c.adminId);
    const res = await member.post(`/organisations/${c.organisationId}/changes/submit`, { kind: 'new_establishment', newName: '新工場', operating: 'no', shipmentsInLastYear: 'no' });
    expect(res.statusCode).toBe(303);
    const id = idFromLocation(res.headers.location);
    const page = await member.get(`/change-notices/${id}`);
    expect(page.body).toContain('jaim-membership-faq Q3-2-4');
    expect(page.body).toContain('稼働していない工場は申請できません');
    expect(await auditActions(t.database.db, id)).toEqual(['membership_change.submitted', 'membership_change.refused']);
  });

  it('a relocation lists old and new names side by side until a follow-up notice with evidence closes the period', async () => {
    const c = await listedCompany(t.database.db);
    const est = c.establishmentIds[0]!;
    const member = clientFor(t.app, c.adminId);
    const first = await member.post(`/organisations/${c.organisationId}/changes/submit`, { kind: 'relocation', establishmentId: est, newName: '新本社工場', newPrefecture: '23', newAddress: '豊田市1-1', effectiveFrom: '2026-06-10' });
    const relocationId = idFromLocation(first.headers.location);
    const reviewer = clientFor(t.app, staff.a);
    expect((await reviewer.post(`/staff/change-notices/${relocationId}/apply`, { lockVersion: String(await lockOf(relocationId)) })).statusCode).toBe(303);
    let rows = await listingsOf(t.database.db, est);
    expect(rows.at(-1)).toMatchObject({ establishment_name: '新本社工場', previous_name: '本社工場', listed_from: '2026-06-10', listed_until: null });
    expect((await member.get(`/organisations/${c.organisationId}/lifecycle`)).body).toContain(`follows=${relocationId}`);

    clock.set('2026-07-01T03:00:00Z');
    const noEvidence = await member.post(`/organisations/${c.organisationId}/changes/new/operating_confirmed`, { followsNoticeId: relocationId, effectiveFrom: '2026-06-20' });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.body).toContain('href="#evidence"');
    const follow = await member.post(`/organisations/${c.organisationId}/changes/submit`, { kind: 'operating_confirmed', followsNoticeId: relocationId, effectiveFrom: '2026-06-20', evidence: '新工場での出荷伝票（6月分）' });
    const followId = idFromLocation(follow.headers.location);
    expect((await reviewer.post(`/staff/change-notices/${followId}/apply`, { lockVersion: String(await lockOf(followId)) })).statusCode).toBe(303);
    rows = await listingsOf(t.database.db, est);
    expect(rows.map((r) => [r.establishment_name, r.previous_name, r.listed_from, r.listed_until])).toEqual([
      ['本社工場', null, '2026-01-10', '2026-06-10'],
      ['新本社工場', '本社工場', '2026-06-10', '2026-06-20'],
      ['新本社工場', null, '2026-06-20', null],
    ]);
    // Both effective dates have passed: the daily job brings the establishment record up to date.
    expect(await applyDueMasterUpdates({ actor: { kind: 'system', job: 'test' }, db: t.database.db, clock })).toMatchObject({ applied: expect.any(Number) });
    const e = rowsOf<{ name: string; address: string }>(await t.database.db.execute(sql`SELECT name, address FROM establishments WHERE id = ${est}`))[0]!;
    expect(e).toEqual({ name: '新本社工場', address: '豊田市1-1' });
    clock.set('2026-06-01T03:00:00Z');
  });

  it('refusing needs a reason; a stale decision conflicts and changes nothing', async () => {
    const c = await listedCompany(t.database.db);
    const member = clientFor(t.app, c.adminId);
    const res = await member.post(`/organisations/${c.organisationId}/changes/submit`, { kind: 'representative', newRepresentative: '新代表 二郎', effectiveFrom: '2026-06-15' });
    const id = idFromLocation(res.headers.location);
    const reviewer = clientFor(t.app, staff.a);
    const v = String(await lockOf(id));
    const noReason = await reviewer.post(`/staff/change-notices/${id}/refuse`, { lockVersion: v, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('href="#reason"');
    expect((await reviewer.post(`/staff/change-notices/${id}/apply`, { lockVersion: v })).statusCode).toBe(303);
    const stale = await clientFor(t.app, staff.b).post(`/staff/change-notices/${id}/refuse`, { lockVersion: v, reason: '重複' });
    expect(stale.statusCode).toBe(409);
    const status = rowsOf<{ status: string }>(await t.database.db.execute(sql`SELECT status FROM change_notices WHERE id = ${id}`))[0]!.status;
    expect(status).toBe('applied');
  });

  it('members of other companies and anonymous visitors cannot notify or read', async () => {
    const c = await listedCompany(t.database.db);
    const other = await listedCompany(t.database.db);
    expect((await clientFor(t.app, other.adminId).get(`/organisations/${c.organisationId}/lifecycle`)).statusCode).toBe(403);
    const res = await clientFor(t.app, other.adminId).post(`/organisations/${c.organisationId}/changes/submit`, { kind: 'representative', newRepresentative: 'x', effectiveFrom: '2026-06-15' });
    expect(res.statusCode).toBe(403);
  });
});

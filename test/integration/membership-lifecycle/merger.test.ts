// M5 mergers (JAIM FAQ Q3-2-2): the establishment moves to the surviving or new company, found or registered by its
// 法人番号. The roster row from the effective date carries the new company's name and 法人番号 with the former company
// name beside it until the new company operates; the as-of view answers for each side of the effective date.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDueMasterUpdates } from '../../../src/domain/membership-changes/apply-due-master-updates.js';
import { corporateNumberFromBase } from '../../../src/domain/membership/corporate-number.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { insertOrganisation } from '../../../src/persistence/repositories/organisations.repository.js';
import { fixedClock } from '../../helpers/test-app.js';
import { clientFor, createMembershipTestApp, type MembershipTestApp } from '../membership/membership-test-app.js';
import { auditActions, idFromLocation, listedCompany, secretariatStaff, type ListedCompany } from './fixtures.js';

const clock = fixedClock('2026-06-01T03:00:00Z'); // 2026-06-01 in Japan
let t: MembershipTestApp;
let staff: { a: string; b: string };
let seq = 0;
/** Valid 法人番号 (check digit computed), distinct per test run. */
const newCorporateNumber = () => corporateNumberFromBase(`5${String(Date.now()).slice(-7)}${String(++seq).padStart(4, '0')}`);

beforeAll(async () => {
  t = await createMembershipTestApp(clock);
  staff = await secretariatStaff(t.database.db);
});
afterAll(() => t?.close());

type Row = { organisation_id: string; organisation_name: string; corporate_number: string | null; previous_name: string | null; listed_from: string; listed_until: string | null };
const rowsOfEstablishment = async (establishmentId: string): Promise<Row[]> =>
  rowsOf<Row>(
    await t.database.db.execute(sql`SELECT organisation_id, organisation_name, corporate_number, previous_name, listed_from::text AS listed_from, listed_until::text AS listed_until
      FROM roster_entries WHERE establishment_id = ${establishmentId} ORDER BY listed_from`),
  );
const organisationOf = async (establishmentId: string): Promise<string> =>
  rowsOf<{ id: string }>(await t.database.db.execute(sql`SELECT organisation_id AS id FROM establishments WHERE id = ${establishmentId}`))[0]!.id;
const lockOf = async (id: string): Promise<number> => rowsOf<{ v: number }>(await t.database.db.execute(sql`SELECT lock_version AS v FROM change_notices WHERE id = ${id}`))[0]!.v;
const lookup = async (cn: string, asOf: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/roster/corporate-number/${cn}?asOf=${asOf}` })).json();

const submitMerger = async (c: ListedCompany, form: Record<string, string>) => {
  const member = clientFor(t.app, c.adminId);
  const res = await member.post(`/organisations/${c.organisationId}/changes/submit`, { kind: 'merger', establishmentId: c.establishmentIds[0]!, ...form });
  expect(res.statusCode).toBe(303);
  return { member, id: idFromLocation(res.headers.location) };
};

const apply = async (id: string) => {
  const res = await clientFor(t.app, staff.a).post(`/staff/change-notices/${id}/apply`, { lockVersion: String(await lockOf(id)) });
  expect(res.statusCode).toBe(303);
};

describe('merger change notices (M5, Q3-2-2)', () => {
  it('into a company not yet registered: registers it, lists both names from the effective date, moves the establishment on that date', async () => {
    clock.set('2026-06-01T03:00:00Z');
    const c = await listedCompany(t.database.db, { corporateNumber: newCorporateNumber() });
    const est = c.establishmentIds[0]!;
    const oldName = (await rowsOfEstablishment(est))[0]!.organisation_name;
    const cn = newCorporateNumber();
    const { member, id } = await submitMerger(c, { newCompanyName: '新生精機株式会社', newCorporateNumber: cn, effectiveFrom: '2026-07-01' });

    const review = await clientFor(t.app, staff.a).get(`/staff/change-notices/${id}`);
    expect(review.body).toContain('新生精機株式会社');
    expect(review.body).toContain('まだ登録されていない法人です');
    await apply(id);

    const created = rowsOf<{ id: string; kind: string; name: string }>(await t.database.db.execute(sql`SELECT id, kind, name FROM organisations WHERE corporate_number = ${cn}`));
    expect(created).toEqual([{ id: expect.any(String), kind: 'accepting_company', name: '新生精機株式会社' }]);
    const newOrg = created[0]!.id;
    expect(await auditActions(t.database.db, newOrg)).toEqual(['organisation.registered']);
    expect(await auditActions(t.database.db, id)).toEqual(['membership_change.submitted', 'membership_change.applied']);

    expect(await rowsOfEstablishment(est)).toEqual([
      { organisation_id: c.organisationId, organisation_name: oldName, corporate_number: c.corporateNumber, previous_name: null, listed_from: '2026-01-10', listed_until: '2026-07-01' },
      { organisation_id: newOrg, organisation_name: '新生精機株式会社', corporate_number: cn, previous_name: oldName, listed_from: '2026-07-01', listed_until: null },
    ]);
    // The effective date has not come: the establishment still belongs to the old company.
    expect(await organisationOf(est)).toBe(c.organisationId);

    // The as-of view on each side of the effective date, by either 法人番号.
    expect(await lookup(c.corporateNumber, '2026-06-30')).toMatchObject({ listed: true, listings: [{ organisationName: oldName, previousName: null }] });
    expect(await lookup(c.corporateNumber, '2026-07-01')).toMatchObject({ listed: false });
    expect(await lookup(cn, '2026-06-30')).toMatchObject({ listed: false });
    expect(await lookup(cn, '2026-07-01')).toMatchObject({ listed: true, listings: [{ organisationName: '新生精機株式会社', corporateNumber: cn, previousName: oldName }] });
    const page = await t.app.inject({ method: 'GET', url: `/roster?corporateNumber=${cn}&asOf=2026-07-01` });
    expect(page.body).toContain(`旧名称：${oldName}`);
    expect(page.body).toContain('新生精機株式会社');

    // On the effective date the daily job moves the establishment, audited with both companies.
    clock.set('2026-07-01T03:00:00Z');
    expect((await applyDueMasterUpdates({ actor: { kind: 'system', job: 'test' }, db: t.database.db, clock })).applied).toBeGreaterThanOrEqual(1);
    expect(await organisationOf(est)).toBe(newOrg);
    const moved = rowsOf<{ summary: { before: { organisationId: string }; after: { organisationId: string; changeNoticeId: string } } }>(
      await t.database.db.execute(sql`SELECT summary FROM audit_events WHERE action = 'establishment.moved' AND target_id = ${est}`),
    );
    expect(moved.map((m) => m.summary)).toEqual([{ before: { organisationId: c.organisationId }, after: { organisationId: newOrg, changeNoticeId: id } }]);

    // Once the new company operates, the follow-up notice ends the side-by-side listing.
    clock.set('2026-07-10T03:00:00Z');
    const follow = await member.post(`/organisations/${c.organisationId}/changes/submit`, { kind: 'operating_confirmed', followsNoticeId: id, effectiveFrom: '2026-07-08', evidence: '新会社名での出荷伝票（7月分）' });
    expect(follow.statusCode).toBe(303);
    await apply(idFromLocation(follow.headers.location));
    expect((await rowsOfEstablishment(est)).map((r) => [r.organisation_id, r.organisation_name, r.previous_name, r.listed_from, r.listed_until])).toEqual([
      [c.organisationId, oldName, null, '2026-01-10', '2026-07-01'],
      [newOrg, '新生精機株式会社', oldName, '2026-07-01', '2026-07-08'],
      [newOrg, '新生精機株式会社', null, '2026-07-08', null],
    ]);
    expect(await lookup(cn, '2026-07-08')).toMatchObject({ listed: true, listings: [{ organisationName: '新生精機株式会社', previousName: null }] });
  });

  it('into a registered surviving company, already operating: found by 法人番号, no side-by-side, moved at once when the date has passed', async () => {
    clock.set('2026-06-01T03:00:00Z');
    const c = await listedCompany(t.database.db, { corporateNumber: newCorporateNumber() });
    const est = c.establishmentIds[0]!;
    const cn = newCorporateNumber();
    const surviving = await insertOrganisation(t.database.db, { kind: 'accepting_company', name: '存続工業株式会社', nameKana: null, corporateNumber: cn, postalCode: null, prefecture: '23', address: null, representativeName: null });
    const { id } = await submitMerger(c, { newCompanyName: '存続工業（株）', newCorporateNumber: cn, operatingFrom: '2026-05-01', effectiveFrom: '2026-05-20' });
    expect((await clientFor(t.app, staff.a).get(`/staff/change-notices/${id}`)).body).toContain('登録済みの法人です');
    await apply(id);

    expect(rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM organisations WHERE corporate_number = ${cn}`))[0]!.n).toBe(1);
    expect((await rowsOfEstablishment(est)).at(-1)).toEqual({
      organisation_id: surviving.id,
      organisation_name: '存続工業株式会社', // the registered name
      corporate_number: cn,
      previous_name: null, // operating already: no side-by-side period
      listed_from: '2026-05-20',
      listed_until: null,
    });
    expect(await organisationOf(est)).toBe(surviving.id);
    expect(await auditActions(t.database.db, est)).toContain('establishment.moved');
    // The member sees the decision; the establishment is no longer among the old company's listings.
    const overview = await clientFor(t.app, c.adminId).get(`/organisations/${c.organisationId}/lifecycle`);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).not.toContain('存続工業株式会社 本社工場');
  });

  it('refuses on the field a 法人番号 that is the company’s own or has a wrong check digit', async () => {
    const c = await listedCompany(t.database.db, { corporateNumber: newCorporateNumber() });
    const member = clientFor(t.app, c.adminId);
    const own = await member.post(`/organisations/${c.organisationId}/changes/new/merger`, { establishmentId: c.establishmentIds[0]!, newCompanyName: '同じ株式会社', newCorporateNumber: c.corporateNumber, effectiveFrom: '2026-07-01' });
    expect(own.statusCode).toBe(400);
    expect(own.body).toContain('href="#newCorporateNumber"');
    expect(own.body).toContain('法人名の変更');
    const wrong = `${(Number(c.corporateNumber[0]) % 9) + 1}${c.corporateNumber.slice(1)}`;
    const bad = await member.post(`/organisations/${c.organisationId}/changes/new/merger`, { establishmentId: c.establishmentIds[0]!, newCompanyName: '新株式会社', newCorporateNumber: wrong, effectiveFrom: '2026-07-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('検査用数字');
  });

  it('a merger into an organisation that is not an accepting company is refused when applied, and nothing changes', async () => {
    clock.set('2026-06-01T03:00:00Z');
    const c = await listedCompany(t.database.db, { corporateNumber: newCorporateNumber() });
    const cn = newCorporateNumber();
    const { id } = await submitMerger(c, { newCompanyName: '新会社', newCorporateNumber: cn, effectiveFrom: '2026-07-01' });
    // Registered as an association after the notice was filed.
    await insertOrganisation(t.database.db, { kind: 'industry_association', name: '工業会', nameKana: null, corporateNumber: cn, postalCode: null, prefecture: null, address: null, representativeName: null });
    const res = await clientFor(t.app, staff.a).post(`/staff/change-notices/${id}/apply`, { lockVersion: String(await lockOf(id)) });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('受入れ事業者以外');
    expect(rowsOf<{ status: string }>(await t.database.db.execute(sql`SELECT status FROM change_notices WHERE id = ${id}`))[0]!.status).toBe('submitted');
    expect(await rowsOfEstablishment(c.establishmentIds[0]!)).toHaveLength(1);
  });
});

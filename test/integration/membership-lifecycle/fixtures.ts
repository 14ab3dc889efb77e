// A company listed on the roster, its admin, and two secretariat staff (both named information handlers).
import { sql } from 'drizzle-orm';
import { provisionUser } from '../../../src/domain/accounts/provision-user.js';
import { rowsOf, type Database } from '../../../src/persistence/database.js';
import { insertEstablishment } from '../../../src/persistence/repositories/establishments.repository.js';
import { insertOrganisation } from '../../../src/persistence/repositories/organisations.repository.js';
import { insertRosterEntry } from '../../../src/persistence/repositories/roster.repository.js';

let n = 0;
const PASSWORD = 'correct horse battery staple';

export type ListedCompany = { organisationId: string; establishmentIds: string[]; adminId: string; corporateNumber: string; email: string; password: string };

export const listedCompany = async (db: Database['db'], opts: { establishments?: string[]; listedFrom?: string; corporateNumber?: string } = {}): Promise<ListedCompany> => {
  n += 1;
  const corporateNumber = opts.corporateNumber ?? `9${String(Date.now()).slice(-8)}${String(n).padStart(4, '0')}`;
  const org = await insertOrganisation(db, {
    kind: 'accepting_company',
    name: `株式会社ライフ${n}`,
    nameKana: 'ライフ',
    corporateNumber,
    postalCode: '460-0001',
    prefecture: '23',
    address: '名古屋市中区1-1',
    representativeName: '代表 一郎',
  });
  const establishmentIds: string[] = [];
  for (const name of opts.establishments ?? ['本社工場']) {
    const est = await insertEstablishment(db, { organisationId: org.id, name, nameKana: null, postalCode: '460-0001', prefecture: '23', address: '名古屋市中区1-1', jsicCodes: ['2691'] });
    establishmentIds.push(est.id);
    await insertRosterEntry(db, {
      establishmentId: est.id,
      organisationId: org.id,
      roster: 'jaim',
      listedFrom: opts.listedFrom ?? '2026-01-10',
      establishmentName: name,
      establishmentNameKana: null,
      organisationName: org.name,
      corporateNumber,
      prefecture: '23',
      address: '名古屋市中区1-1',
      jsicCodes: ['2691'],
      joinRequestId: null,
      searchText: name,
    });
  }
  const email = `life-admin${n}-${Date.now()}@example.jp`;
  const { userId } = await provisionUser(db, {
    email,
    password: PASSWORD,
    displayName: '会員 管理者',
    isStaff: false,
    roles: [{ role: 'company_admin', organisationId: org.id }],
  });
  return { organisationId: org.id, establishmentIds, adminId: userId, corporateNumber, email, password: PASSWORD };
};

export const secretariatStaff = async (db: Database['db']): Promise<{ a: string; b: string }> => {
  n += 1;
  const secretariat = await insertOrganisation(db, { kind: 'secretariat', name: '事務局', nameKana: null, corporateNumber: null, postalCode: null, prefecture: null, address: null, representativeName: null });
  const make = async (label: string, role: 'secretariat_reviewer' | 'secretariat_admin') =>
    (
      await provisionUser(db, {
        email: `staff-${label}${n}-${Date.now()}@jinzai.invalid`,
        password: PASSWORD,
        displayName: `職員 ${label}`,
        isStaff: true,
        roles: [{ role, organisationId: secretariat.id }],
        informationHandler: { department: '事務局' },
      })
    ).userId;
  return { a: await make('A', 'secretariat_reviewer'), b: await make('B', 'secretariat_admin') };
};

export type ListingRow = { id: string; establishment_name: string; organisation_name: string; previous_name: string | null; listed_from: string; listed_until: string | null; address: string | null };

/** Every roster row of an establishment, oldest first (dates as YYYY-MM-DD on both drivers). */
export const listingsOf = async (db: Database['db'], establishmentId: string): Promise<ListingRow[]> =>
  rowsOf<ListingRow>(
    await db.execute(sql`SELECT id, establishment_name, organisation_name, previous_name, listed_from::text AS listed_from, listed_until::text AS listed_until, address
      FROM roster_entries WHERE establishment_id = ${establishmentId} ORDER BY listed_from, created_at`),
  );

export const auditActions = async (db: Database['db'], targetId: string): Promise<string[]> =>
  rowsOf<{ action: string }>(await db.execute(sql`SELECT action FROM audit_events WHERE target_id = ${targetId} ORDER BY seq`)).map((r) => r.action);

export const mailTo = async (db: Database['db'], userId: string): Promise<string[]> =>
  rowsOf<{ subject: string }>(await db.execute(sql`SELECT o.subject FROM outbox_emails o JOIN users u ON lower(u.email) = lower(o.to_address) WHERE u.id = ${userId} ORDER BY o.created_at`)).map((r) => r.subject);

export const idFromLocation = (location: unknown): string => /([0-9a-f-]{36})/.exec(String(location))![1]!;

// Members listed on a roster, staff and member actors, for the renewal and fee tests (built through repositories).
import type { Actor } from '../../../src/domain/access/actor.js';
import { buildUserActor } from '../../../src/domain/accounts/build-actor.js';
import { provisionUser } from '../../../src/domain/accounts/provision-user.js';
import { searchTextFor } from '../../../src/domain/roster/search-text.js';
import type { Database } from '../../../src/persistence/database.js';
import { insertEstablishment } from '../../../src/persistence/repositories/establishments.repository.js';
import { insertOrganisation } from '../../../src/persistence/repositories/organisations.repository.js';
import { insertRosterEntry } from '../../../src/persistence/repositories/roster.repository.js';

let n = 0;
const org = (db: Database['db'], kind: 'accepting_company' | 'secretariat' | 'support_organisation', name: string, corporateNumber: string | null) =>
  insertOrganisation(db, { kind, name, nameKana: null, corporateNumber, postalCode: null, prefecture: '23', address: null, representativeName: null });

export const staffActor = async (db: Database['db'], role: 'secretariat_admin' | 'secretariat_reviewer' = 'secretariat_admin'): Promise<Actor & { kind: 'user' }> => {
  const secretariat = await org(db, 'secretariat', '事務局', null);
  const email = `staff${++n}-${Math.random().toString(36).slice(2, 7)}@jinzai.invalid`;
  const { userId } = await provisionUser(db, { email, password: 'correct horse battery staple', displayName: '事務局 職員', isStaff: true, roles: [{ role, organisationId: secretariat.id }], informationHandler: { department: '事務局' } });
  return (await buildUserActor(db, { id: userId, email, displayName: '事務局 職員' }, true)) as Actor & { kind: 'user' };
};

export const memberActor = async (db: Database['db'], organisationId: string, role: 'company_admin' | 'support_org_member' = 'company_admin', locale: 'ja' | 'en' = 'ja') => {
  const email = `member${++n}-${Math.random().toString(36).slice(2, 7)}@example.jp`;
  const { userId } = await provisionUser(db, { email, password: 'correct horse battery staple', displayName: '会員 太郎', locale, isStaff: false, roles: [{ role, organisationId }] });
  return { actor: (await buildUserActor(db, { id: userId, email, displayName: '会員 太郎' }, false)) as Actor & { kind: 'user' }, email, userId };
};

/** A company with establishments listed on `roster` from `listedFrom`. */
export const listedCompany = async (db: Database['db'], opts: { roster: 'council' | 'jaim'; listedFrom: string; establishments: string[]; name?: string }) => {
  const corporateNumber = String(7_000_000_000_000 + Math.floor(Math.random() * 999_999_999_999)).slice(0, 13);
  const company = await org(db, 'accepting_company', opts.name ?? `株式会社テスト${++n}`, corporateNumber);
  const ests = [];
  for (const name of opts.establishments) {
    const est = await insertEstablishment(db, { organisationId: company.id, name, nameKana: null, postalCode: null, prefecture: '23', address: '名古屋市', jsicCodes: ['2422'] });
    const entry = await insertRosterEntry(db, {
      establishmentId: est.id,
      organisationId: company.id,
      roster: opts.roster,
      listedFrom: opts.listedFrom,
      establishmentName: est.name,
      establishmentNameKana: null,
      organisationName: company.name,
      corporateNumber,
      prefecture: '23',
      address: '名古屋市',
      jsicCodes: ['2422'],
      joinRequestId: null,
      searchText: searchTextFor([est.name, company.name]),
    });
    ests.push({ ...est, rosterEntryId: entry.id });
  }
  return { company, establishments: ests };
};

export const supportOrganisation = (db: Database['db']) => org(db, 'support_organisation', '登録支援機関テスト', null);

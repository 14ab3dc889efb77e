import { addDays, japanDateOf } from '../../rules/core/index.js';
import type { Actor, Role, StaffRole } from '../domain/access/actor.js';
import { STAFF_ROLES } from '../domain/access/actor.js';
import { buildUserActor } from '../domain/accounts/build-actor.js';
import { provisionUser } from '../domain/accounts/provision-user.js';
import { approveJoinRequest } from '../domain/membership/approve-join-request.js';
import type { MembershipContext } from '../domain/membership/context.js';
import { JOIN_STEPS, type JoinAnswers } from '../domain/membership/join-form.js';
import { refuseJoinRequest } from '../domain/membership/refuse-join-request.js';
import { registerEstablishment } from '../domain/membership/register-establishment.js';
import { registerOrganisation } from '../domain/membership/register-organisation.js';
import { requestJoinCorrection } from '../domain/membership/request-join-correction.js';
import { saveJoinStep } from '../domain/membership/save-join-step.js';
import { startReview } from '../domain/membership/start-review.js';
import { submitJoinRequest } from '../domain/membership/submit-join-request.js';
import { searchTextFor } from '../domain/roster/search-text.js';
import type { AppServices } from '../http/services.js';
import type { Database } from '../persistence/database.js';
import { insertDelegation } from '../persistence/repositories/delegations.repository.js';
import { findJoinRequest } from '../persistence/repositories/join-requests.repository.js';
import { countOrganisations, findOrganisation, insertOrganisation } from '../persistence/repositories/organisations.repository.js';
import { insertRosterEntry } from '../persistence/repositories/roster.repository.js';
import { listEstablishmentsOf } from '../persistence/repositories/establishments.repository.js';
import { findUserById } from '../persistence/repositories/users.repository.js';
import { DEMO_COMPANIES } from './demo-companies.js';

// Demo data for a first start on an empty embedded database (development only; config.demoData is false in
// production and the config refuses DEMO_DATA=true there). Built through the real use cases, so the audit trail,
// the drafts, the determinations and the mail outbox look exactly as they would after real use.

export type DemoLogin = { email: string; password: string; role: string; totpSecret?: string };

export const DEMO_PASSWORD = 'demo-password-2026';
/** Fixed, printed with the logins, so a developer can add it to an authenticator app. Demo only. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const STAFF_NAMES: Record<StaffRole, string> = {
  secretariat_reviewer: '審査 花子',
  secretariat_admin: '管理 一郎',
  observer: '経産 監子',
  exam_admin: '試験 進',
  proctor: '監督 守',
  desk_operator: '窓口 明美',
  coordinator: '調整 大輔',
};
const HANDLER_ROLES: readonly StaffRole[] = ['secretariat_reviewer', 'secretariat_admin', 'observer'];

const ANSWERS: Required<JoinAnswers> = {
  establishmentId: '',
  shipments: 'yes',
  documents: ['invoice', 'delivery_note'],
  photos: ['product', 'plant'],
  declaration: 'none_apply',
  pledges: ['codeOfConduct', 'cooperationDuties'],
};

export const loadDemoDataIfEmpty = async (database: Database, services: AppServices, options: { baseUrl?: string } = {}): Promise<DemoLogin[] | null> => {
  if (process.env.NODE_ENV === 'production') throw new Error('demo data is never loaded in production');
  const db = database.db;
  if ((await countOrganisations(db)) > 0) return null;

  const now = services.clock.now();
  const today = japanDateOf(now);
  const at = (daysAgo: number, hour = 10): Date => new Date(Date.parse(`${addDays(today, -daysAgo)}T${String(hour - 9).padStart(2, '0')}:00:00Z`));
  const baseUrl = options.baseUrl ?? 'http://localhost:3000';
  const logins: DemoLogin[] = [];

  const actorOf = async (userId: string): Promise<Actor> => {
    const user = await findUserById(db, userId);
    if (!user) throw new Error('demo user vanished');
    return buildUserActor(db, user, true);
  };
  const ctxFor = async (userId: string, when: Date): Promise<MembershipContext> => ({
    actor: await actorOf(userId),
    db,
    clock: { now: () => when },
    requestId: 'demo-data',
    baseUrl,
  });

  // The secretariat and one user per staff role (TOTP enrolled with the fixed demo secret).
  const secretariat = await insertOrganisation(db, {
    kind: 'secretariat',
    name: '製造業特定技能外国人材受入れ協議・連絡会 事務局',
    nameKana: 'セイゾウギョウトクテイギノウガイコクジンザイウケイレキョウギレンラクカイジムキョク',
    corporateNumber: null,
    postalCode: '100-8901',
    prefecture: '13',
    address: '千代田区霞が関1-3-1',
    representativeName: null,
    createdAt: at(400),
  });
  const staffIds = {} as Record<StaffRole, string>;
  for (const role of STAFF_ROLES) {
    const email = `${role.replace(/_/g, '-')}@demo.jinzai.invalid`;
    const { userId } = await provisionUser(db, {
      email,
      password: DEMO_PASSWORD,
      displayName: STAFF_NAMES[role],
      isStaff: true,
      roles: [{ role, organisationId: secretariat.id }],
      totpSecret: DEMO_TOTP_SECRET,
      dataKeys: services.dataKeys,
      ...(HANDLER_ROLES.includes(role) ? { informationHandler: { department: '事務局' } } : {}),
      at: at(400),
    });
    staffIds[role] = userId;
    logins.push({ email, password: DEMO_PASSWORD, role, totpSecret: DEMO_TOTP_SECRET });
  }
  const reviewer = staffIds.secretariat_reviewer;

  // Companies, their establishments and join requests in every state.
  const orgIds: Record<string, string> = {};
  let day = 120;
  for (const company of DEMO_COMPANIES) {
    const { userId } = await provisionUser(db, {
      email: company.admin.email,
      password: DEMO_PASSWORD,
      displayName: company.admin.displayName,
      locale: company.admin.locale,
      isStaff: false,
      roles: [],
      at: at(day + 5),
    });
    logins.push({ email: company.admin.email, password: DEMO_PASSWORD, role: `company_admin (${company.name})` });
    const { organisationId } = await registerOrganisation(await ctxFor(userId, at(day + 4)), company);
    orgIds[company.key] = organisationId;
    for (const est of company.establishments) {
      await registerEstablishment(await ctxFor(userId, at(day + 3)), organisationId, est);
    }
    const establishments = await listEstablishmentsOf(db, organisationId);
    for (const [i, est] of company.establishments.entries()) {
      const row = establishments.find((e) => e.name === est.name);
      if (!row) continue;
      day -= 7;
      if (est.state === 'draft') {
        // Council roster only, never migrated: listed until the council roster lapsed (jaim-membership-faq Q2-2-3).
        const org = await findOrganisation(db, organisationId);
        await insertRosterEntry(db, {
          establishmentId: row.id,
          organisationId,
          roster: 'council',
          listedFrom: '2024-06-03',
          listedUntil: '2025-12-26',
          establishmentName: row.name,
          establishmentNameKana: row.nameKana,
          organisationName: org?.name ?? company.name,
          corporateNumber: company.corporateNumber,
          prefecture: row.prefecture,
          address: row.address,
          jsicCodes: row.jsicCodes,
          joinRequestId: null,
          searchText: searchTextFor([row.name, row.nameKana, company.name, company.nameKana]),
          createdAt: new Date('2024-06-03T01:00:00Z'),
        });
        await saveJoinStep(await ctxFor(userId, at(2)), organisationId, 'establishment', { establishmentId: row.id });
        continue;
      }
      const applicant = await ctxFor(userId, at(day));
      for (const step of JOIN_STEPS) {
        await saveJoinStep(applicant, organisationId, step, step === 'establishment' ? { establishmentId: row.id } : { [step]: ANSWERS[step] });
      }
      const { joinRequestId } = await submitJoinRequest(applicant, organisationId, `demo-${company.key}-${i}-submit-key`);
      if (est.state === 'submitted') continue;
      const review = await ctxFor(reviewer, at(day - 2, 14));
      let version = (await findJoinRequest(db, joinRequestId))!.lockVersion;
      await startReview(review, joinRequestId, version++);
      if (est.state === 'listed') await approveJoinRequest(review, joinRequestId, version);
      else if (est.state === 'refused') {
        await refuseJoinRequest(review, joinRequestId, version, '申請された事業所では直近1年以内の製造品出荷が確認できないため（jaim-membership-faq Q3-2-4）。');
      } else if (est.state === 'correction_requested') {
        await requestJoinCorrection(review, joinRequestId, version, '納品書の写しが申請から1年より前のものです。直近1年以内の書類を添付してください（jaim-membership-faq Q2-3-7）。');
      }
    }
  }

  // A registered support organisation acting for one company by delegation.
  const support = await insertOrganisation(db, {
    kind: 'support_organisation',
    name: '一般社団法人中部外国人材支援センター',
    nameKana: 'イッパンシャダンホウジンチュウブガイコクジンザイシエンセンター',
    corporateNumber: null,
    postalCode: '460-0008',
    prefecture: '23',
    address: '名古屋市中区栄3-15-33',
    representativeName: '加藤 修',
    createdAt: at(200),
  });
  const supportEmail = 'support@demo.jinzai.invalid';
  await provisionUser(db, {
    email: supportEmail,
    password: DEMO_PASSWORD,
    displayName: 'Nguyen Thi Lan',
    locale: 'en',
    isStaff: false,
    roles: [{ role: 'support_org_member' as Role, organisationId: support.id }],
    at: at(200),
  });
  await insertDelegation(db, { companyOrganisationId: orgIds.tokai!, supportOrganisationId: support.id, grantedBy: null, grantedAt: at(150) });
  logins.push({ email: supportEmail, password: DEMO_PASSWORD, role: 'support_org_member (delegated by 株式会社東海精密工業)' });

  return logins;
};

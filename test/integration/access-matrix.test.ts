// Who may reach which route: every route in app.routeInventory, for every kind of actor, against a table written
// here by hand (independent of policies.ts). A route whose policy has no row here fails the build, so a new route
// cannot ship without someone deciding who may use it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../../src/domain/access/actor.js';
import { createApiToken } from '../../src/domain/accounts/create-api-token.js';
import { buildUserActor } from '../../src/domain/accounts/build-actor.js';
import type { RouteRecord } from '../../src/http/plugins/policy.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/test-app.js';
import { cookieHeader, createOrganisations, csrfFor, makeUser, signIn, TOTP_SECRET, type Orgs } from './accounts/helpers.js';

type ActorKey =
  | 'anonymous'
  | 'company_admin'
  | 'company_member'
  | 'support_org_member'
  | 'api_token'
  | `${StaffRole}+mfa`
  | `${StaffRole}-mfa`
  | 'secretariat_reviewer+mfa-not-handler';

const staffWithMfa = STAFF_ROLES.map((r) => `${r}+mfa` as ActorKey);
const staffWithoutMfa = STAFF_ROLES.map((r) => `${r}-mfa` as ActorKey);
const ORG_USERS: ActorKey[] = ['company_admin', 'company_member', 'support_org_member'];
const ALL_USERS: ActorKey[] = [...ORG_USERS, ...staffWithMfa, ...staffWithoutMfa, 'secretariat_reviewer+mfa-not-handler'];
const EVERYONE: ActorKey[] = ['anonymous', 'api_token', ...ALL_USERS];
const STAFF_MFA_ALL: ActorKey[] = [...staffWithMfa, 'secretariat_reviewer+mfa-not-handler'];
const mfa = (...roles: StaffRole[]): ActorKey[] => roles.map((r) => `${r}+mfa` as ActorKey);

/** Route-level decision per policy (no resource context): who gets past the policy check. */
const EXPECTED: Record<string, ActorKey[]> = {
  public: EVERYONE,
  'account.anonymous': EVERYONE,
  'roster.read': EVERYONE,
  'rules.evaluate': EVERYONE,
  'account.self': ALL_USERS,
  'account.mfa_setup': ALL_USERS,
  'organisation.register': ALL_USERS,
  'staff.dashboard': STAFF_MFA_ALL,
  'audit.read': mfa('secretariat_admin', 'observer'),
  'information_handlers.read': mfa('secretariat_admin', 'observer'),
  'roles.manage': mfa('secretariat_admin'),
  'information_handlers.manage': mfa('secretariat_admin'),
  'outbox.read': [...mfa('secretariat_admin', 'secretariat_reviewer', 'desk_operator'), 'secretariat_reviewer+mfa-not-handler'],
  'organisation.read': [...ALL_USERS, 'api_token'],
  'organisation.manage': ['company_admin', 'support_org_member', 'api_token'],
  'api_tokens.manage': ['company_admin', 'support_org_member'],
  'delegation.manage': ['company_admin'],
  'join_request.submit': ['company_admin', 'company_member', 'support_org_member', 'api_token'],
  'join_request.read_own': [...ALL_USERS, 'api_token'],
  'join_request.review': mfa('secretariat_reviewer', 'secretariat_admin'),
  'join_request.read_any': staffWithMfa,
  'exam_results.import': mfa('exam_admin'),
  'exam_results.enter_practical': mfa('exam_admin', 'proctor'),
  'exam_results.release': mfa('exam_admin'),
  'exam_ledger.read': mfa('exam_admin', 'observer'),
  'exam_ledger.correct': mfa('exam_admin'),
  'exam_certificates.manage': mfa('exam_admin'),
  'exam_statistics.read': mfa('exam_admin', 'observer'),
  'certificates.verify': EVERYONE,
  'exam_catalogue.read': mfa('exam_admin', 'observer'),
  'exam_catalogue.manage': mfa('exam_admin'),
  'exam_sittings.manage': mfa('exam_admin'),
  'exam_registration.apply': EVERYONE,
  'exam_registrations.manage': mfa('exam_admin'),
  'exam_identity_flags.review': mfa('exam_admin'),
  'exam_checkin.record': mfa('proctor', 'exam_admin'),
  'reference_data.read': [...mfa('secretariat_admin', 'secretariat_reviewer', 'observer'), 'secretariat_reviewer+mfa-not-handler'],
  'reference_data.manage': mfa('secretariat_admin'),
  // Yearly renewal (M6) and fees (M10), issue 4.
  'renewal.manage': mfa('secretariat_admin', 'secretariat_reviewer'),
  'renewal.answer': ['company_admin', 'company_member', 'support_org_member'],
  'fees.read_own': ALL_USERS,
  'fees.claim_discount': ['company_admin', 'support_org_member'],
  'fees.manage': mfa('secretariat_admin', 'secretariat_reviewer'),
  // Roster snapshots, council migration, communications and surveys (issue 4: M9, M11, M12).
  'roster_snapshots.publish': mfa('secretariat_admin'),
  'council_migration.manage': mfa('secretariat_admin'),
  'communications.send': [...mfa('secretariat_admin', 'secretariat_reviewer'), 'secretariat_reviewer+mfa-not-handler'],
  'communications.inbox': ['company_admin', 'company_member', 'support_org_member'],
  'surveys.manage': [...mfa('secretariat_admin', 'secretariat_reviewer'), 'secretariat_reviewer+mfa-not-handler'],
  'surveys.respond': ['company_admin', 'company_member'],
  // Membership lifecycle (issue 4: changes, withdrawal, expulsion, violation reports).
  'membership_change.submit': ['company_admin', 'company_member', 'support_org_member'],
  'membership_change.review': mfa('secretariat_reviewer', 'secretariat_admin'),
  'withdrawal.notify': ['company_admin', 'support_org_member'],
  'withdrawal.read_any': staffWithMfa,
  'expulsion.propose': mfa('secretariat_reviewer', 'secretariat_admin'),
  'expulsion.approve': mfa('secretariat_reviewer', 'secretariat_admin'),
  'expulsion.read': staffWithMfa,
  'violation_report.record': mfa('secretariat_reviewer', 'secretariat_admin'),
  'violation_report.read': staffWithMfa,
};

/**
 * Routes whose policy is pinned here, so a later edit cannot quietly give them a weaker one: the secretariat's review
 * API (reviewers and administrators who are information handlers, with two factors; never an organisation's token).
 */
const PINNED_ROUTES: Record<string, string> = {
  'GET /api/v1/review/join-requests': 'join_request.review',
  'GET /api/v1/review/join-requests/:id': 'join_request.review',
  'POST /api/v1/review/join-requests/:id/start-review': 'join_request.review',
  'POST /api/v1/review/join-requests/:id/correction-requests': 'join_request.review',
  'POST /api/v1/review/join-requests/:id/refusal': 'join_request.review',
  'POST /api/v1/review/join-requests/:id/approval': 'join_request.review',
};

type Credentials = { cookies?: Record<string, string>; csrf?: string; bearer?: string; ip: string; ownOrganisationId?: string };

const DUMMY_ID = '00000000-0000-4000-8000-000000000000';
/** Path parameters become the actor's own organisation where it has one, otherwise an id that exists nowhere. */
const urlOf = (route: RouteRecord, ownId: string | undefined): string =>
  route.url.replace(/:[A-Za-z_]+(\([^)]*\))?/g, ownId ?? DUMMY_ID).replace(/\*$/, 'app.css');
const hasParams = (route: RouteRecord): boolean => /:[A-Za-z_]/.test(route.url);

/** Routes that end the session run last, so they do not sign the actor out for the rest of the sweep. */
const lastly = (route: RouteRecord): number => (route.url === '/logout' ? 1 : 0);

describe('access matrix', () => {
  const clock = fixedClock('2026-04-01T01:00:00Z');
  let t: TestApp;
  let orgs: Orgs;
  const actors = new Map<ActorKey, Credentials>();

  beforeAll(async () => {
    t = await createTestApp({ clock });
    orgs = await createOrganisations(t.database);
    let ip = 10;
    const nextIp = () => `10.0.0.${(ip += 1)}`;
    const anonymousCookies: Record<string, string> = {};
    actors.set('anonymous', { cookies: anonymousCookies, csrf: await csrfFor(t.app, anonymousCookies), ip: nextIp() });
    const orgUser = async (key: ActorKey, organisationId: string) => {
      const { email } = await makeUser(t.database, { isStaff: false, roles: [{ role: key as never, organisationId }] });
      const cookies = await signIn(t.app, email, { clock });
      actors.set(key, { cookies, csrf: await csrfFor(t.app, cookies, '/dashboard'), ip: nextIp(), ownOrganisationId: organisationId });
    };
    await orgUser('company_admin', orgs.company);
    await orgUser('company_member', orgs.company);
    await orgUser('support_org_member', orgs.support);
    for (const role of STAFF_ROLES) {
      for (const withMfa of [true, false]) {
        const { email } = await makeUser(t.database, {
          isStaff: true,
          roles: [{ role, organisationId: orgs.secretariat }],
          informationHandler: { department: '事務局' },
          ...(withMfa ? { totpSecret: TOTP_SECRET } : {}),
        });
        clock.advance(30_000); // a fresh TOTP step for every sign-in (codes cannot be replayed)
        const cookies = await signIn(t.app, email, { clock, ...(withMfa ? { totpSecret: TOTP_SECRET } : {}) });
        actors.set(`${role}${withMfa ? '+' : '-'}mfa` as ActorKey, { cookies, csrf: await csrfFor(t.app, cookies, '/dashboard'), ip: nextIp() });
      }
    }
    const { email } = await makeUser(t.database, { isStaff: true, roles: [{ role: 'secretariat_reviewer', organisationId: orgs.secretariat }], totpSecret: TOTP_SECRET });
    clock.advance(30_000);
    const cookies = await signIn(t.app, email, { clock, totpSecret: TOTP_SECRET });
    actors.set('secretariat_reviewer+mfa-not-handler', { cookies, csrf: await csrfFor(t.app, cookies, '/dashboard'), ip: nextIp() });

    const { userId } = await makeUser(t.database, { isStaff: false, roles: [{ role: 'company_admin', organisationId: orgs.company }] });
    const admin = await buildUserActor(t.database.db, { id: userId, email: 'x@example.jp', displayName: 'x' }, false);
    const { token } = await createApiToken(
      { actor: admin, db: t.database.db, clock },
      { organisationId: orgs.company, name: 'matrix', scopes: ['join_request:read', 'join_request:write', 'organisation:write', 'roster:read'] },
    );
    actors.set('api_token', { bearer: token, ip: nextIp(), ownOrganisationId: orgs.company });
  }, 120_000);
  afterAll(async () => t?.close());

  it('has a decided row for the policy of every route', () => {
    const inventory = (t.app as unknown as { routeInventory: RouteRecord[] }).routeInventory;
    expect(inventory.length).toBeGreaterThan(10);
    const undecided = inventory.filter((r) => !r.policy || !(r.policy in EXPECTED)).map((r) => `${r.method} ${r.url} (${r.policy ?? 'no policy'})`);
    expect(undecided, 'add these policies to EXPECTED in test/integration/access-matrix.test.ts').toEqual([]);
  });

  it('serves every pinned route under its pinned policy', () => {
    const inventory = (t.app as unknown as { routeInventory: RouteRecord[] }).routeInventory;
    const actual = Object.fromEntries(inventory.filter((r) => `${r.method} ${r.url}` in PINNED_ROUTES).map((r) => [`${r.method} ${r.url}`, r.policy]));
    expect(actual).toEqual(PINNED_ROUTES);
  });

  it('allows and denies every route for every actor as the table says', async () => {
    const inventory = [...((t.app as unknown as { routeInventory: RouteRecord[] }).routeInventory)].filter((r) => r.policy && r.policy in EXPECTED).sort((a, b) => lastly(a) - lastly(b));
    const problems: string[] = [];
    for (const [key, creds] of actors) {
      for (const route of inventory) {
        const allowed = EXPECTED[route.policy!]!.includes(key);
        const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
        const headers: Record<string, string> = {};
        if (creds.cookies) headers.cookie = cookieHeader(creds.cookies);
        if (creds.bearer) headers.authorization = `Bearer ${creds.bearer}`;
        const isApi = route.url.startsWith('/api/');
        let payload: string | undefined;
        if (unsafe) {
          if (isApi) {
            headers['content-type'] = 'application/json';
            if (creds.csrf) headers['x-csrf-token'] = creds.csrf;
            payload = '{}';
          } else {
            headers['content-type'] = 'application/x-www-form-urlencoded';
            payload = creds.csrf ? `_csrf=${encodeURIComponent(creds.csrf)}` : '';
          }
        }
        const res = await t.app.inject({ method: route.method as 'GET', url: urlOf(route, creds.ownOrganisationId), headers, remoteAddress: creds.ip, ...(payload !== undefined ? { payload } : {}) });
        const toLogin = res.statusCode >= 300 && res.statusCode < 400 && String(res.headers.location ?? '').startsWith('/login?next=');
        const denied = res.statusCode === 401 || res.statusCode === 403 || toLogin;
        // A route the policy lets through may still refuse one resource (a use case's own authorize with that
        // resource's organisation, e.g. an id that is not the actor's): for routes with parameters, 403 is accepted.
        const resourceRefusal = hasParams(route) && res.statusCode === 403;
        if (allowed && denied && !resourceRefusal) problems.push(`${key} should reach ${route.method} ${route.url} [${route.policy}] but got ${res.statusCode}`);
        if (!allowed && !denied) problems.push(`${key} must not reach ${route.method} ${route.url} [${route.policy}] but got ${res.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);
});

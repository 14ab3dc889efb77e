import { type Actor, hasRole, isStaff, organisationsOf } from './actor.js';

// Who may do what: one named policy per resource and action. Every route names one (the app refuses to start
// otherwise) and every use case asks one on its first line. Resource-scoped checks take the resource's organisation.

export type PolicyContext = { readonly organisationId?: string };
type Policy = (actor: Actor, ctx: PolicyContext) => boolean;

const staffWithMfa = (actor: Actor): boolean => isStaff(actor) && actor.kind === 'user' && actor.mfaVerified;
const signedIn = (actor: Actor): boolean => actor.kind === 'user';
const ownsOrganisation = (actor: Actor, ctx: PolicyContext): boolean =>
  ctx.organisationId === undefined ? actor.kind === 'user' || actor.kind === 'api_token' : organisationsOf(actor).includes(ctx.organisationId);
const scope = (name: string) => (actor: Actor): boolean => actor.kind === 'api_token' && actor.scopes.includes(name);

export const POLICIES = {
  /** Anyone, signed in or not: public pages, the public roster, health checks. */
  public: () => true,
  /** Pages only a signed-out visitor needs (sign-in, sign-up): open to everyone. */
  'account.anonymous': () => true,
  'account.self': signedIn,
  'account.mfa_setup': signedIn,
  'staff.dashboard': staffWithMfa,
  'audit.read': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_admin', 'observer'),
  'roles.manage': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_admin'),
  'information_handlers.read': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_admin', 'observer'),
  'information_handlers.manage': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_admin'),
  'outbox.read': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_admin', 'secretariat_reviewer', 'desk_operator'),
  'organisation.register': signedIn,
  'organisation.read': (a, ctx) => ownsOrganisation(a, ctx) || (staffWithMfa(a) && a.kind === 'user' && a.isInformationHandler),
  'organisation.manage': (a, ctx) => (hasRole(a, 'company_admin', 'support_org_member') || scope('organisation:write')(a)) && ownsOrganisation(a, ctx),
  'api_tokens.manage': (a, ctx) => hasRole(a, 'company_admin', 'support_org_member') && ownsOrganisation(a, ctx),
  'delegation.manage': (a, ctx) => hasRole(a, 'company_admin') && ownsOrganisation(a, ctx),
  'join_request.submit': (a, ctx) =>
    (hasRole(a, 'company_admin', 'company_member', 'support_org_member') || scope('join_request:write')(a)) && ownsOrganisation(a, ctx),
  'join_request.read_own': (a, ctx) => (signedIn(a) || scope('join_request:read')(a)) && ownsOrganisation(a, ctx),
  'join_request.review': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_reviewer', 'secretariat_admin') && a.kind === 'user' && a.isInformationHandler,
  'join_request.read_any': (a) => staffWithMfa(a) && a.kind === 'user' && a.isInformationHandler,
  'roster.read': () => true,
  // Exam results (issue 5): scoring, release, ledger, certificates, statistics. Public verification is 'certificates.verify'.
  'exam_results.import': (a) => staffWithMfa(a) && hasRole(a, 'exam_admin'),
  'exam_results.enter_practical': (a) => staffWithMfa(a) && hasRole(a, 'exam_admin', 'proctor'),
  'exam_results.release': (a) => staffWithMfa(a) && hasRole(a, 'exam_admin'),
  'exam_ledger.read': (a) => staffWithMfa(a) && hasRole(a, 'exam_admin', 'observer') && a.kind === 'user' && a.isInformationHandler,
  'exam_ledger.correct': (a) => staffWithMfa(a) && hasRole(a, 'exam_admin') && a.kind === 'user' && a.isInformationHandler,
  'exam_certificates.manage': (a) => staffWithMfa(a) && hasRole(a, 'exam_admin') && a.kind === 'user' && a.isInformationHandler,
  'exam_statistics.read': (a) => staffWithMfa(a) && hasRole(a, 'exam_admin', 'observer'),
  'certificates.verify': () => true,
  // Skills exams (issue 5): catalogue, question development, sittings, registrations, check-in.
  'exam_catalogue.read': (a) => staffWithMfa(a) && hasRole(a, 'exam_admin', 'observer'),
  'exam_catalogue.manage': (a) => staffWithMfa(a) && hasRole(a, 'exam_admin'),
  'exam_sittings.manage': (a) => staffWithMfa(a) && hasRole(a, 'exam_admin'),
  /** Candidates apply without a platform account (docs/adr/0004-exam-candidates.md): the application token is the credential. */
  'exam_registration.apply': () => true,
  'exam_registrations.manage': (a) => staffWithMfa(a) && hasRole(a, 'exam_admin'),
  'exam_identity_flags.review': (a) => staffWithMfa(a) && hasRole(a, 'exam_admin') && a.kind === 'user' && a.isInformationHandler,
  'exam_checkin.record': (a) => staffWithMfa(a) && hasRole(a, 'proctor', 'exam_admin'),
  'rules.evaluate': () => true,
  /** Reference data (lists, parameter overrides) with drafts and history: secretariat staff and observers. */
  'reference_data.read': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_admin', 'secretariat_reviewer', 'observer'),
  /** Load, review and publish reference data (four eyes enforced in the use cases). */
  'reference_data.manage': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_admin'),
  // Roster exports and signed snapshots, migration from the council, communications and surveys (issue 4, M9/M11/M12).
  'roster_snapshots.publish': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_admin'),
  'council_migration.manage': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_admin') && a.kind === 'user' && a.isInformationHandler,
  /** The scheduled automatic withdrawal of council members not migrated by the deadline (jaim-membership-faq Q2-2-3). */
  'council.auto_withdraw': (a) => a.kind === 'system',
  'communications.send': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_admin', 'secretariat_reviewer'),
  'communications.inbox': (a, ctx) => (hasRole(a, 'company_admin', 'company_member', 'association_member', 'support_org_member')) && ownsOrganisation(a, ctx),
  'surveys.manage': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_admin', 'secretariat_reviewer'),
  'surveys.respond': (a, ctx) => hasRole(a, 'company_admin', 'company_member') && ownsOrganisation(a, ctx),
  // Membership lifecycle (issue 4): change notices, withdrawal, expulsion, violation reports.
  'membership_change.submit': (a, ctx) =>
    (hasRole(a, 'company_admin', 'company_member', 'support_org_member') || scope('membership_change:write')(a)) && ownsOrganisation(a, ctx),
  'membership_change.review': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_reviewer', 'secretariat_admin') && a.kind === 'user' && a.isInformationHandler,
  'withdrawal.notify': (a, ctx) => (hasRole(a, 'company_admin', 'support_org_member') || scope('withdrawal:write')(a)) && ownsOrganisation(a, ctx),
  'withdrawal.read_any': (a) => staffWithMfa(a) && a.kind === 'user' && a.isInformationHandler,
  /** Propose and approve are separate steps by different people (self-approval is refused in the domain). */
  'expulsion.propose': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_reviewer', 'secretariat_admin') && a.kind === 'user' && a.isInformationHandler,
  'expulsion.approve': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_reviewer', 'secretariat_admin') && a.kind === 'user' && a.isInformationHandler,
  'expulsion.read': (a) => staffWithMfa(a) && a.kind === 'user' && a.isInformationHandler,
  'violation_report.record': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_reviewer', 'secretariat_admin') && a.kind === 'user' && a.isInformationHandler,
  /** Information handlers only (support-project-spec 4①). */
  'violation_report.read': (a) => staffWithMfa(a) && a.kind === 'user' && a.isInformationHandler,
  // Yearly renewal (M6) and fees (M10), issue 4.
  'renewal.manage': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_admin', 'secretariat_reviewer') && a.kind === 'user' && a.isInformationHandler,
  'renewal.answer': (a, ctx) => (hasRole(a, 'company_admin', 'company_member', 'support_org_member') || scope('renewal:write')(a)) && ownsOrganisation(a, ctx),
  'fees.read_own': (a, ctx) => (signedIn(a) || scope('fees:read')(a)) && ownsOrganisation(a, ctx),
  'fees.claim_discount': (a, ctx) => hasRole(a, 'company_admin', 'support_org_member') && ownsOrganisation(a, ctx),
  'fees.manage': (a) => staffWithMfa(a) && hasRole(a, 'secretariat_admin', 'secretariat_reviewer') && a.kind === 'user' && a.isInformationHandler,
  /** The scheduled renewal jobs (reminders, lapse) run as the system actor. */
  'renewal.run_jobs': (a) => a.kind === 'system',
} satisfies Record<string, Policy>;

export type PolicyName = keyof typeof POLICIES;

export const can = (actor: Actor, policy: PolicyName, ctx: PolicyContext = {}): boolean => POLICIES[policy](actor, ctx);

export class Forbidden extends Error {
  readonly code = 'forbidden';
  constructor(readonly policy: PolicyName) {
    super(`Not allowed: ${policy}`);
    this.name = 'Forbidden';
  }
}

/** The first line of every use case. */
export const authorize = (actor: Actor, policy: PolicyName, ctx: PolicyContext = {}): void => {
  if (!can(actor, policy, ctx)) throw new Forbidden(policy);
};

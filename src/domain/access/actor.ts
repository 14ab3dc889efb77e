// Who is acting. Built by the HTTP layer from a session or an API token, by jobs as the system, and passed to
// every use case, whose first line asks a policy whether this actor may do this.

export const STAFF_ROLES = [
  'secretariat_reviewer',
  'secretariat_admin',
  'observer',
  'exam_admin',
  'proctor',
  'desk_operator',
  'coordinator',
] as const;

export const ORGANISATION_ROLES = ['company_admin', 'company_member', 'association_member', 'support_org_member'] as const;

export const ROLES = [...ORGANISATION_ROLES, ...STAFF_ROLES] as const;
export type Role = (typeof ROLES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];

export type RoleGrant = { readonly role: Role; readonly organisationId: string };

export type Actor =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'system'; readonly job: string }
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly email: string;
      readonly displayName: string;
      readonly roles: readonly RoleGrant[];
      /** Named information handler (support-project-spec 4①): may see non-public data. */
      readonly isInformationHandler: boolean;
      /** Second factor verified in this session (required for staff). */
      readonly mfaVerified: boolean;
      /** Companies that delegated to a support organisation this user belongs to. */
      readonly actingFor: readonly string[];
    }
  | {
      readonly kind: 'api_token';
      readonly tokenId: string;
      readonly organisationId: string;
      readonly scopes: readonly string[];
      readonly actingFor: readonly string[];
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export const hasRole = (actor: Actor, ...roles: Role[]): boolean =>
  actor.kind === 'user' && actor.roles.some((g) => roles.includes(g.role));

export const isStaff = (actor: Actor): boolean =>
  actor.kind === 'user' && actor.roles.some((g) => (STAFF_ROLES as readonly string[]).includes(g.role));

/** Organisations the actor may act for: its own, plus companies that delegated to its support organisation. */
export const organisationsOf = (actor: Actor): string[] => {
  if (actor.kind === 'user') return [...new Set([...actor.roles.map((g) => g.organisationId), ...actor.actingFor])];
  if (actor.kind === 'api_token') return [actor.organisationId, ...actor.actingFor];
  return [];
};

export const actorUserId = (actor: Actor): string | undefined => (actor.kind === 'user' ? actor.userId : undefined);

// The values allowed in enum-like text columns. The SQL CHECK constraints in the migrations list the same
// values; test/integration/persistence/schema-drift.test.ts fails when the two disagree.

export const ORGANISATION_KINDS = [
  'accepting_company',
  'industry_association',
  'support_organisation',
  'local_government',
  'ministry',
  'secretariat',
  'exam_body',
  'support_package_operator',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = [
  'company_admin',
  'company_member',
  'association_member',
  'support_org_member',
  'secretariat_reviewer',
  'secretariat_admin',
  'observer',
  'exam_admin',
  'proctor',
  'desk_operator',
  'coordinator',
] as const;
export type Role = (typeof ROLES)[number];

export const USER_TOKEN_PURPOSES = ['verify_email', 'reset_password'] as const;
export type UserTokenPurpose = (typeof USER_TOKEN_PURPOSES)[number];

export const JOIN_REQUEST_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'correction_requested',
  'approved',
  'refused',
  'withdrawn',
] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

export const ROSTERS = ['council', 'jaim'] as const;
export type Roster = (typeof ROSTERS)[number];

export const ACTOR_KINDS = ['user', 'api_token', 'system', 'anonymous'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** column (table.column) → allowed values; the drift test checks each against its CHECK constraint. */
export const CHECKED_ENUM_COLUMNS: Record<string, readonly string[]> = {
  'organisations.kind': ORGANISATION_KINDS,
  'users.locale': LOCALES,
  'user_roles.role': ROLES,
  'user_tokens.purpose': USER_TOKEN_PURPOSES,
  'join_requests.status': JOIN_REQUEST_STATUSES,
  'roster_entries.roster': ROSTERS,
  'audit_events.actor_kind': ACTOR_KINDS,
  'jobs.status': JOB_STATUSES,
};

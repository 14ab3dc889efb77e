-- 0001 platform: organisations, accounts, sessions, drafts, join requests, roster, audit trail, jobs.
-- Never edit this file once it has landed: add a new numbered migration instead (checksums are verified).
-- Keep to PostgreSQL 15 (production) even though PGlite is PostgreSQL 18.
--
-- Conventions: uuid ids from gen_random_uuid(); timestamptz for instants, date for legal dates;
-- enum-like text columns carry CHECK constraints listing the values in src/persistence/schema/enums.ts;
-- entity tables have created_at/updated_at (updated_at kept by a trigger); grant and log tables record
-- their own instants (granted_at, revoked_at, ...) instead.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;

-- Organisations and their establishments (事業所) -------------------------------------------------

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CONSTRAINT organisations_kind_check CHECK (kind IN (
    'accepting_company', 'industry_association', 'support_organisation', 'local_government', 'ministry',
    'secretariat', 'exam_body', 'support_package_operator')),
  name text NOT NULL CHECK (btrim(name) <> ''),
  name_kana text,
  corporate_number text CONSTRAINT organisations_corporate_number_key UNIQUE
    CONSTRAINT organisations_corporate_number_check CHECK (corporate_number ~ '^[0-9]{13}$'),
  postal_code text CHECK (postal_code ~ '^[0-9]{3}-?[0-9]{4}$'),
  address text,
  prefecture text,
  representative_name text,
  phone text,
  email text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisations_kind_idx ON organisations (kind);
CREATE TRIGGER organisations_set_updated_at BEFORE UPDATE ON organisations FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE establishments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  name text NOT NULL CHECK (btrim(name) <> ''),
  name_kana text,
  postal_code text CHECK (postal_code ~ '^[0-9]{3}-?[0-9]{4}$'),
  address text,
  prefecture text,
  jsic_codes text[] NOT NULL DEFAULT '{}',
  operating boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX establishments_organisation_id_idx ON establishments (organisation_id);
CREATE TRIGGER establishments_set_updated_at BEFORE UPDATE ON establishments FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Accounts ---------------------------------------------------------------------------------------

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (position('@' IN email) > 1),
  display_name text NOT NULL,
  password_hash text,
  email_verified_at timestamptz,
  locale text NOT NULL DEFAULT 'ja' CONSTRAINT users_locale_check CHECK (locale IN ('ja', 'en')),
  totp_secret text,
  totp_enabled_at timestamptz,
  failed_login_count integer NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
  locked_until timestamptz,
  last_login_at timestamptz,
  disabled_at timestamptz,
  is_staff boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (totp_enabled_at IS NULL OR totp_secret IS NOT NULL)
);
-- Addresses are compared case-insensitively: Foo@Example.jp and foo@example.jp are one account.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE user_roles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  role text NOT NULL CONSTRAINT user_roles_role_check CHECK (role IN (
    'company_admin', 'company_member', 'association_member', 'support_org_member', 'secretariat_reviewer',
    'secretariat_admin', 'observer', 'exam_admin', 'proctor', 'desk_operator', 'coordinator')),
  granted_by uuid REFERENCES users (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users (id),
  CHECK (revoked_at IS NULL OR revoked_at >= granted_at)
);
-- Revoked grants stay as history; only one active grant of a role per user and organisation.
CREATE UNIQUE INDEX user_roles_active_key ON user_roles (user_id, organisation_id, role) WHERE revoked_at IS NULL;
CREATE INDEX user_roles_organisation_id_idx ON user_roles (organisation_id);

-- The named list of staff who may see non-public data (support-project-spec 4①).
CREATE TABLE information_handlers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  registered_at timestamptz NOT NULL DEFAULT now(),
  registered_by uuid REFERENCES users (id),
  removed_at timestamptz,
  removed_by uuid REFERENCES users (id),
  department text,
  position text,
  note text,
  CHECK (removed_at IS NULL OR removed_at >= registered_at)
);
CREATE UNIQUE INDEX information_handlers_active_key ON information_handlers (user_id) WHERE removed_at IS NULL;

-- A company lets a support organisation act for it.
CREATE TABLE delegations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_organisation_id uuid NOT NULL REFERENCES organisations (id),
  support_organisation_id uuid NOT NULL REFERENCES organisations (id),
  granted_by uuid REFERENCES users (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users (id),
  CHECK (company_organisation_id <> support_organisation_id),
  CHECK (revoked_at IS NULL OR revoked_at >= granted_at)
);
CREATE UNIQUE INDEX delegations_active_key ON delegations (company_organisation_id, support_organisation_id) WHERE revoked_at IS NULL;
CREATE INDEX delegations_support_organisation_id_idx ON delegations (support_organisation_id);

-- Only the sha-256 of the session token is stored: a leaked table does not log anyone in.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  idle_expires_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL,
  ip text,
  user_agent text,
  revoked_at timestamptz,
  mfa_verified_at timestamptz
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_absolute_expires_at_idx ON sessions (absolute_expires_at);

CREATE TABLE user_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  purpose text NOT NULL CONSTRAINT user_tokens_purpose_check CHECK (purpose IN ('verify_email', 'reset_password')),
  token_hash text NOT NULL CONSTRAINT user_tokens_token_hash_key UNIQUE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX user_tokens_user_id_idx ON user_tokens (user_id);

-- Mail is written in the same transaction as the change that causes it and sent by a job.
CREATE TABLE outbox_emails (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error text
);
CREATE INDEX outbox_emails_unsent_idx ON outbox_emails (created_at) WHERE sent_at IS NULL;

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  name text NOT NULL,
  token_prefix text NOT NULL,
  token_hash text NOT NULL CONSTRAINT api_tokens_token_hash_key UNIQUE,
  scopes text[] NOT NULL DEFAULT '{}',
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users (id)
);
CREATE INDEX api_tokens_organisation_id_idx ON api_tokens (organisation_id);

-- Drafts and idempotency ---------------------------------------------------------------------------

CREATE TABLE drafts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL,
  key text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT drafts_owner_kind_key_key UNIQUE (owner_user_id, kind, key)
);
CREATE TRIGGER drafts_set_updated_at BEFORE UPDATE ON drafts FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Written in the same transaction as the resource it created, so a retried request finds it.
CREATE TABLE idempotency_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL,
  user_id uuid REFERENCES users (id),
  scope text NOT NULL,
  resource_type text NOT NULL,
  resource_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT idempotency_keys_scope_key_key UNIQUE (scope, key)
);
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);

-- Membership: join requests and the dated roster -----------------------------------------------------

-- Queue order is the order of submission: received_seq is drawn from this sequence when a request
-- is submitted (drafts have none).
CREATE SEQUENCE join_requests_received_seq;

CREATE TABLE join_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  establishment_id uuid REFERENCES establishments (id),
  status text NOT NULL DEFAULT 'draft' CONSTRAINT join_requests_status_check CHECK (status IN (
    'draft', 'submitted', 'under_review', 'correction_requested', 'approved', 'refused', 'withdrawn')),
  idempotency_key text CONSTRAINT join_requests_idempotency_key_key UNIQUE,
  submitted_at timestamptz,
  submitted_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decided_by uuid REFERENCES users (id),
  decision_reason text,
  determination jsonb,
  lock_version integer NOT NULL DEFAULT 0,
  received_seq bigint CONSTRAINT join_requests_received_seq_key UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status IN ('draft', 'withdrawn') OR (submitted_at IS NOT NULL AND received_seq IS NOT NULL)),
  CHECK (status NOT IN ('approved', 'refused') OR decided_at IS NOT NULL)
);
CREATE INDEX join_requests_queue_idx ON join_requests (status, received_seq);
CREATE INDEX join_requests_organisation_id_idx ON join_requests (organisation_id);
CREATE TRIGGER join_requests_set_updated_at BEFORE UPDATE ON join_requests FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Roster entries are dated rows on a half-open period [listed_from, listed_until): history is kept,
-- so "what did the roster say on 2025-12-20?" has an answer. Names are copied as listed at the time.
CREATE TABLE roster_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  establishment_id uuid NOT NULL REFERENCES establishments (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  roster text NOT NULL CONSTRAINT roster_entries_roster_check CHECK (roster IN ('council', 'jaim')),
  listed_from date NOT NULL,
  listed_until date,
  establishment_name text NOT NULL,
  establishment_name_kana text,
  organisation_name text NOT NULL,
  corporate_number text CHECK (corporate_number ~ '^[0-9]{13}$'),
  prefecture text,
  address text,
  jsic_codes text[] NOT NULL DEFAULT '{}',
  join_request_id uuid REFERENCES join_requests (id),
  previous_name text,
  -- name + kana, NFKC-normalised and lower-cased by the application (PostgreSQL has no NFKC folding
  -- that matches JavaScript's on both backends), searched with pg_trgm.
  search_text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (listed_until IS NULL OR listed_until > listed_from)
);
CREATE INDEX roster_entries_corporate_number_idx ON roster_entries (corporate_number);
CREATE INDEX roster_entries_listing_idx ON roster_entries (roster, listed_from, listed_until);
CREATE INDEX roster_entries_establishment_id_idx ON roster_entries (establishment_id, roster, listed_from);
CREATE INDEX roster_entries_search_text_trgm_idx ON roster_entries USING gin (search_text gin_trgm_ops);
-- At most one open-ended listing per establishment and roster (closed periods are checked by the repository).
CREATE UNIQUE INDEX roster_entries_open_listing_key ON roster_entries (establishment_id, roster) WHERE listed_until IS NULL;
CREATE TRIGGER roster_entries_set_updated_at BEFORE UPDATE ON roster_entries FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Audit trail: append-only, hash-chained (src/persistence/audit/) -----------------------------------
-- No foreign keys: the trail must outlive and never block changes to the rows it talks about.

CREATE TABLE audit_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id uuid NOT NULL CONSTRAINT audit_events_id_key UNIQUE,
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_organisation_id uuid,
  actor_kind text NOT NULL CONSTRAINT audit_events_actor_kind_check CHECK (actor_kind IN ('user', 'api_token', 'system', 'anonymous')),
  action text NOT NULL CHECK (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  target_type text NOT NULL,
  target_id text NOT NULL,
  summary jsonb,
  reason text,
  request_id text,
  ip text,
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL CONSTRAINT audit_events_hash_key UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX audit_events_action_idx ON audit_events (action, seq);
CREATE INDEX audit_events_actor_user_id_idx ON audit_events (actor_user_id, seq);
CREATE INDEX audit_events_target_idx ON audit_events (target_type, target_id, seq);
CREATE INDEX audit_events_occurred_at_idx ON audit_events (occurred_at);

CREATE FUNCTION audit_events_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_reject_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_reject_change();

-- Jobs (src/jobs/) ---------------------------------------------------------------------------------

CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  run_at timestamptz NOT NULL DEFAULT now(),
  -- failed = the last attempt failed and a retry is due at run_at; dead = out of attempts.
  status text NOT NULL DEFAULT 'queued' CONSTRAINT jobs_status_check CHECK (status IN ('queued', 'running', 'done', 'failed', 'dead')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  last_error text,
  locked_at timestamptz,
  locked_by text,
  dedupe_key text CONSTRAINT jobs_dedupe_key_key UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status IN ('queued', 'failed');
CREATE INDEX jobs_running_idx ON jobs (locked_at) WHERE status = 'running';

CREATE TABLE job_schedules_state (
  schedule_name text PRIMARY KEY,
  last_run_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- 0004 exams: skills exam catalogue, question development, venues and sittings, candidates and registrations,
-- payment confirmations, identity flags, irregularities, candidate application drafts and signing keys.
-- Never edit this file once it has landed: add a new numbered migration instead (checksums are verified).
-- Keep to PostgreSQL 15. Money in integer minor units of the stated currency (yen for JPY); honoraria in yen.
-- Status columns are written only through the state machines in src/domain/exams/*.states.ts.

-- Catalogue -------------------------------------------------------------------------------------------

-- An exam category offered at a level over an effective period (code = the business category id of the rules).
CREATE TABLE exam_categories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  level text NOT NULL CONSTRAINT exam_categories_level_check CHECK (level IN ('i', 'ii')),
  name_ja text NOT NULL CHECK (btrim(name_ja) <> ''),
  name_en text NOT NULL CHECK (btrim(name_en) <> ''),
  effective_from date NOT NULL,
  effective_to date,
  has_written boolean NOT NULL DEFAULT true,
  has_practical boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (effective_to IS NULL OR effective_to > effective_from),
  CHECK (has_written OR has_practical),
  CONSTRAINT exam_categories_code_level_from_key UNIQUE (code, level, effective_from)
);
CREATE TRIGGER exam_categories_set_updated_at BEFORE UPDATE ON exam_categories FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Question committees (有識者委員会) ------------------------------------------------------------------

CREATE TABLE exam_committees (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  category_id uuid NOT NULL REFERENCES exam_categories (id),
  name text NOT NULL CHECK (btrim(name) <> ''),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2019 AND 2100),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exam_committees_category_id_idx ON exam_committees (category_id);
CREATE TRIGGER exam_committees_set_updated_at BEFORE UPDATE ON exam_committees FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE exam_committee_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES exam_committees (id),
  user_id uuid REFERENCES users (id),
  name text NOT NULL CHECK (btrim(name) <> ''),
  affiliation text,
  member_role text NOT NULL DEFAULT 'member' CONSTRAINT exam_committee_members_member_role_check CHECK (member_role IN ('chair', 'member')),
  appointed_on date NOT NULL,
  retired_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (retired_on IS NULL OR retired_on >= appointed_on)
);
CREATE INDEX exam_committee_members_committee_id_idx ON exam_committee_members (committee_id);

CREATE TABLE exam_committee_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL REFERENCES exam_committees (id),
  held_on date NOT NULL,
  place text,
  agenda text,
  minutes text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exam_committee_meetings_committee_id_idx ON exam_committee_meetings (committee_id, held_on);

-- Honoraria (謝金) and expenses (旅費等) per member and meeting, in integer yen.
CREATE TABLE exam_committee_payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES exam_committee_meetings (id),
  member_id uuid NOT NULL REFERENCES exam_committee_members (id),
  kind text NOT NULL CONSTRAINT exam_committee_payments_kind_check CHECK (kind IN ('honorarium', 'expense')),
  amount_yen integer NOT NULL CHECK (amount_yen >= 0),
  description text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exam_committee_payments_meeting_id_idx ON exam_committee_payments (meeting_id);

-- Question bank ---------------------------------------------------------------------------------------

-- One row per version of a question set (問題パターン). answer_key: [{correct, weight}] per written question;
-- practical_criteria: [{id, label, weight, max}].
CREATE TABLE exam_question_sets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  category_id uuid NOT NULL REFERENCES exam_categories (id),
  code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
  version integer NOT NULL CHECK (version >= 1),
  title text NOT NULL CHECK (btrim(title) <> ''),
  status text NOT NULL DEFAULT 'draft' CONSTRAINT exam_question_sets_status_check CHECK (status IN ('draft', 'in_review', 'approved', 'retired')),
  answer_key jsonb NOT NULL DEFAULT '[]',
  practical_criteria jsonb NOT NULL DEFAULT '[]',
  author_id uuid NOT NULL REFERENCES users (id),
  submitted_at timestamptz,
  approved_by uuid REFERENCES users (id),
  approved_at timestamptz,
  review_comment text,
  retired_at timestamptz,
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT exam_question_sets_category_code_version_key UNIQUE (category_id, code, version),
  CHECK (approved_by IS NULL OR approved_by <> author_id)
);
CREATE INDEX exam_question_sets_category_status_idx ON exam_question_sets (category_id, status);
CREATE TRIGGER exam_question_sets_set_updated_at BEFORE UPDATE ON exam_question_sets FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE exam_sample_questions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  category_id uuid NOT NULL REFERENCES exam_categories (id),
  part text NOT NULL CONSTRAINT exam_sample_questions_part_check CHECK (part IN ('written', 'practical')),
  question_ja text NOT NULL CHECK (btrim(question_ja) <> ''),
  question_en text,
  choices jsonb NOT NULL DEFAULT '[]',
  answer text,
  explanation_ja text,
  explanation_en text,
  published_at timestamptz,
  published_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exam_sample_questions_published_idx ON exam_sample_questions (category_id) WHERE published_at IS NOT NULL;
CREATE TRIGGER exam_sample_questions_set_updated_at BEFORE UPDATE ON exam_sample_questions FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Venues and sittings -----------------------------------------------------------------------------------

CREATE TABLE exam_venues (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (btrim(name) <> ''),
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  city text NOT NULL CHECK (btrim(city) <> ''),
  address text NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0),
  equipment text[] NOT NULL DEFAULT '{}',
  notes text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER exam_venues_set_updated_at BEFORE UPDATE ON exam_venues FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- A sitting (試験回) of one category and level at one venue. The question set version is frozen when
-- registration opens (sitting.states.ts). Registration is open from registration_opens_on to registration_closes_on (inclusive,
-- Japan dates); a candidate may reschedule / cancel up to and including the deadlines.
CREATE TABLE exam_sittings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  category_id uuid NOT NULL REFERENCES exam_categories (id),
  venue_id uuid NOT NULL REFERENCES exam_venues (id),
  exam_date date NOT NULL,
  start_time text NOT NULL DEFAULT '10:00' CHECK (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  registration_opens_on date NOT NULL,
  registration_closes_on date NOT NULL,
  reschedule_deadline date NOT NULL,
  cancel_deadline date NOT NULL,
  fee_amount integer NOT NULL CHECK (fee_amount >= 0),
  fee_currency text NOT NULL DEFAULT 'JPY' CHECK (fee_currency ~ '^[A-Z]{3}$'),
  capacity integer NOT NULL CHECK (capacity > 0),
  question_set_id uuid REFERENCES exam_question_sets (id),
  question_set_version integer,
  status text NOT NULL DEFAULT 'planned' CONSTRAINT exam_sittings_status_check CHECK (status IN (
    'planned', 'registration_open', 'registration_closed', 'in_progress', 'scoring', 'results_released', 'cancelled')),
  scheduled_at timestamptz,
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (registration_opens_on <= registration_closes_on),
  CHECK (registration_closes_on < exam_date),
  CHECK (reschedule_deadline < exam_date AND cancel_deadline < exam_date),
  CHECK ((question_set_id IS NULL) = (question_set_version IS NULL)),
  CHECK (status IN ('planned', 'cancelled') OR question_set_id IS NOT NULL)
);
CREATE INDEX exam_sittings_date_idx ON exam_sittings (exam_date);
CREATE INDEX exam_sittings_category_id_idx ON exam_sittings (category_id);
CREATE TRIGGER exam_sittings_set_updated_at BEFORE UPDATE ON exam_sittings FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Candidates and registrations -------------------------------------------------------------------------

-- The person as declared on one application: the name exactly as printed on the passport (Latin capitals).
CREATE TABLE exam_candidates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_name text NOT NULL CHECK (btrim(family_name) <> ''),
  given_name text NOT NULL DEFAULT '',
  date_of_birth date NOT NULL,
  nationality text NOT NULL CHECK (nationality ~ '^[A-Z]{2}$'),
  passport_number text NOT NULL CHECK (btrim(passport_number) <> ''),
  -- nationality + ':' + number in upper-case letters and digits (duplicate-identity.ts normalisePassport).
  passport_key text NOT NULL,
  gender text NOT NULL DEFAULT 'unknown' CONSTRAINT exam_candidates_gender_check CHECK (gender IN ('female', 'male', 'other', 'unknown')),
  experience_months integer CHECK (experience_months IS NULL OR experience_months >= 0),
  career_summary text,
  residence_country text CHECK (residence_country IS NULL OR residence_country ~ '^[A-Z]{2}$'),
  residence_region text,
  email text NOT NULL CHECK (position('@' IN email) > 1),
  language text NOT NULL DEFAULT 'en' CONSTRAINT exam_candidates_language_check CHECK (language IN ('ja', 'en', 'vi', 'id')),
  photo bytea,
  photo_file text,
  photo_sha256 text CHECK (photo_sha256 IS NULL OR photo_sha256 ~ '^[0-9a-f]{64}$'),
  photo_content_type text CHECK (photo_content_type IS NULL OR photo_content_type IN ('image/jpeg', 'image/png')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (photo IS NULL OR photo_sha256 IS NOT NULL)
);
CREATE INDEX exam_candidates_passport_key_idx ON exam_candidates (passport_key);
CREATE INDEX exam_candidates_birth_nationality_idx ON exam_candidates (date_of_birth, nationality);
CREATE INDEX exam_candidates_email_idx ON exam_candidates (lower(email));
CREATE TRIGGER exam_candidates_set_updated_at BEFORE UPDATE ON exam_candidates FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Exam number sequences per level and year (exam-number.ts): UPDATE ... RETURNING draws the next one.
CREATE TABLE exam_number_counters (
  level text NOT NULL CHECK (level IN ('i', 'ii')),
  year integer NOT NULL CHECK (year BETWEEN 1000 AND 9999),
  last_sequence integer NOT NULL DEFAULT 0 CHECK (last_sequence BETWEEN 0 AND 9999999),
  PRIMARY KEY (level, year)
);

CREATE TABLE exam_registrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sitting_id uuid NOT NULL REFERENCES exam_sittings (id),
  candidate_id uuid NOT NULL REFERENCES exam_candidates (id),
  exam_number text NOT NULL CONSTRAINT exam_registrations_exam_number_key UNIQUE,
  -- Copied from the candidate so one passport holds one live registration per sitting (partial unique index).
  passport_key text NOT NULL,
  status text NOT NULL CONSTRAINT exam_registrations_status_check CHECK (status IN (
    'applied', 'waitlisted', 'paid', 'ticket_issued', 'checked_in', 'scored', 'result_released', 'cancelled', 'no_show')),
  fee_amount integer NOT NULL CHECK (fee_amount >= 0),
  fee_currency text NOT NULL CHECK (fee_currency ~ '^[A-Z]{3}$'),
  fee_paid_at timestamptz,
  fee_reference text,
  waitlist_position integer CHECK (waitlist_position IS NULL OR waitlist_position >= 1),
  eligibility jsonb,
  checked_in_at timestamptz,
  checked_in_by uuid REFERENCES users (id),
  cancelled_at timestamptz,
  cancel_reason text,
  rescheduled_from_id uuid REFERENCES exam_registrations (id),
  -- sha-256 of the candidate's "manage your registration" link token.
  access_token_hash text NOT NULL CONSTRAINT exam_registrations_access_token_hash_key UNIQUE,
  idempotency_key text CONSTRAINT exam_registrations_idempotency_key_key UNIQUE,
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'waitlisted') = (waitlist_position IS NOT NULL)),
  CHECK (status <> 'checked_in' OR checked_in_at IS NOT NULL)
);
CREATE UNIQUE INDEX exam_registrations_live_passport_key ON exam_registrations (sitting_id, passport_key) WHERE status <> 'cancelled';
CREATE INDEX exam_registrations_sitting_status_idx ON exam_registrations (sitting_id, status);
CREATE INDEX exam_registrations_candidate_id_idx ON exam_registrations (candidate_id);
CREATE TRIGGER exam_registrations_set_updated_at BEFORE UPDATE ON exam_registrations FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Candidate application drafts (no platform account): the browser holds a random token, we keep its sha-256.
CREATE TABLE exam_applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL CONSTRAINT exam_applications_token_hash_key UNIQUE,
  sitting_id uuid NOT NULL REFERENCES exam_sittings (id),
  language text NOT NULL DEFAULT 'en' CONSTRAINT exam_applications_language_check CHECK (language IN ('ja', 'en', 'vi', 'id')),
  email text,
  email_code_hash text,
  email_code_expires_at timestamptz,
  email_code_attempts integer NOT NULL DEFAULT 0,
  email_verified_at timestamptz,
  data jsonb NOT NULL DEFAULT '{}',
  photo bytea,
  photo_sha256 text,
  photo_content_type text,
  registration_id uuid REFERENCES exam_registrations (id),
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER exam_applications_set_updated_at BEFORE UPDATE ON exam_applications FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Payment confirmations (入金確認) imported as CSV: all rows or none.
CREATE TABLE exam_payment_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_name text NOT NULL,
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  row_count integer NOT NULL CHECK (row_count >= 0),
  imported_by uuid NOT NULL REFERENCES users (id),
  imported_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE exam_payment_confirmations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  import_id uuid NOT NULL REFERENCES exam_payment_imports (id),
  registration_id uuid NOT NULL REFERENCES exam_registrations (id),
  exam_number text NOT NULL,
  amount integer NOT NULL CHECK (amount >= 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  paid_on date NOT NULL,
  reference text NOT NULL CONSTRAINT exam_payment_confirmations_reference_key UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exam_payment_confirmations_registration_id_idx ON exam_payment_confirmations (registration_id);

-- Possible duplicate identities for staff review (duplicate-identity.ts); a pair is stored once (a < b).
CREATE TABLE exam_identity_flags (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  registration_a_id uuid NOT NULL REFERENCES exam_registrations (id),
  registration_b_id uuid NOT NULL REFERENCES exam_registrations (id),
  reasons jsonb NOT NULL,
  status text NOT NULL DEFAULT 'open' CONSTRAINT exam_identity_flags_status_check CHECK (status IN ('open', 'same_person', 'different_people')),
  resolution_note text,
  resolved_by uuid REFERENCES users (id),
  resolved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (registration_a_id < registration_b_id),
  CONSTRAINT exam_identity_flags_pair_key UNIQUE (registration_a_id, registration_b_id)
);
CREATE INDEX exam_identity_flags_open_idx ON exam_identity_flags (created_at) WHERE status = 'open';

-- Irregularities on the exam day (不正・トラブル報告).
CREATE TABLE exam_irregularity_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sitting_id uuid NOT NULL REFERENCES exam_sittings (id),
  registration_id uuid REFERENCES exam_registrations (id),
  kind text NOT NULL CONSTRAINT exam_irregularity_reports_kind_check CHECK (kind IN (
    'identity_mismatch', 'invalid_ticket', 'misconduct', 'late_arrival', 'equipment', 'other')),
  description text NOT NULL CHECK (btrim(description) <> ''),
  reported_by uuid NOT NULL REFERENCES users (id),
  reported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exam_irregularity_reports_sitting_id_idx ON exam_irregularity_reports (sitting_id);

-- Signing keys (src/domain/signing/) ------------------------------------------------------------------------
-- Ed25519 keys for admission tickets, certificates and roster documents. The private key is stored encrypted
-- (AES-256-GCM, key derived from the configured secret); the public key is published at /.well-known/jinzai-keys.json.
CREATE TABLE signing_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kid text NOT NULL CONSTRAINT signing_keys_kid_key UNIQUE CHECK (kid ~ '^[A-Za-z0-9_-]{1,32}$'),
  purpose text NOT NULL CHECK (purpose ~ '^[a-z][a-z0-9_]*$'),
  alg text NOT NULL DEFAULT 'Ed25519' CHECK (alg = 'Ed25519'),
  public_key text NOT NULL,
  private_key_encrypted text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);
CREATE UNIQUE INDEX signing_keys_active_purpose_key ON signing_keys (purpose) WHERE retired_at IS NULL;

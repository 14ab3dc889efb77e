-- 0007 membership lifecycle (issue 4: M5 changes, M7 withdrawal, M8 expulsion, M13 violation reports).
-- Never edit this file once it has landed: add a new numbered migration instead (checksums are verified).
-- Keep to PostgreSQL 15. Status columns are written only through the state machines in src/domain/*/ (*.states.ts).
-- Roster history is kept by closing roster_entries rows (listed_until) and adding new dated rows, never by overwriting.

-- Change notifications (council art.11; JAIM FAQ Q3-2) ----------------------------------------------------------

CREATE TABLE change_notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  establishment_id uuid REFERENCES establishments (id),
  kind text NOT NULL CONSTRAINT change_notices_kind_check CHECK (kind IN (
    'establishment_name', 'company_name', 'address', 'representative', 'relocation', 'merger', 'jsic_addition',
    'new_establishment', 'operating_confirmed')),
  status text NOT NULL CONSTRAINT change_notices_status_check CHECK (status IN ('submitted', 'applied', 'refused', 'withdrawn')),
  -- The new values (name, address, representative, new company, JSIC code, operating date, evidence text ...).
  details jsonb NOT NULL DEFAULT '{}',
  effective_from date NOT NULL,
  -- A follow-up notice (operating_confirmed) closes the side-by-side period of the relocation or merger it follows.
  follows_notice_id uuid REFERENCES change_notices (id),
  determination jsonb,
  submitted_by uuid REFERENCES users (id),
  submitted_at timestamptz NOT NULL,
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decision_reason text,
  -- When the organisation / establishment record itself was brought up to date (on or after effective_from).
  master_applied_at timestamptz,
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status NOT IN ('applied', 'refused') OR decided_at IS NOT NULL)
);
CREATE INDEX change_notices_queue_idx ON change_notices (status, submitted_at);
CREATE INDEX change_notices_organisation_id_idx ON change_notices (organisation_id, submitted_at);
CREATE INDEX change_notices_due_idx ON change_notices (effective_from) WHERE status = 'applied' AND master_applied_at IS NULL;
CREATE TRIGGER change_notices_set_updated_at BEFORE UPDATE ON change_notices FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Withdrawal (council art.13; JAIM FAQ Q3-1) -----------------------------------------------------------------------

CREATE TABLE withdrawals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  scope text NOT NULL CONSTRAINT withdrawals_scope_check CHECK (scope IN ('whole', 'establishments')),
  status text NOT NULL CONSTRAINT withdrawals_status_check CHECK (status IN ('accepted', 'refused')),
  effective_from date NOT NULL,
  determination jsonb NOT NULL,
  -- JAIM FAQ Q3-1-4: no refund (the rule's outcome, shown to the member and kept with the notice).
  refund_determination jsonb,
  reason text,
  notified_by uuid REFERENCES users (id),
  notified_at timestamptz NOT NULL,
  idempotency_key text CONSTRAINT withdrawals_idempotency_key_key UNIQUE,
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX withdrawals_organisation_id_idx ON withdrawals (organisation_id, notified_at);
CREATE TRIGGER withdrawals_set_updated_at BEFORE UPDATE ON withdrawals FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- The member's statement per establishment: the SSW headcount on the day of notice (art.13(2)).
CREATE TABLE withdrawal_establishments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  withdrawal_id uuid NOT NULL REFERENCES withdrawals (id),
  establishment_id uuid NOT NULL REFERENCES establishments (id),
  ssw_employed integer NOT NULL CHECK (ssw_employed >= 0),
  CONSTRAINT withdrawal_establishments_key UNIQUE (withdrawal_id, establishment_id)
);

-- Expulsion (council art.14; re-join block art.10(4)(ii)) -----------------------------------------------------------

CREATE TABLE expulsions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- Copied at proposal: the re-join block follows the 法人番号 even if the organisation record changes.
  corporate_number text CHECK (corporate_number ~ '^[0-9]{13}$'),
  category text NOT NULL CONSTRAINT expulsions_category_check CHECK (category IN ('iii', 'iv', 'v')),
  grounds text[] NOT NULL DEFAULT '{}',
  -- { "<ground>": "evidence text" }
  evidence jsonb NOT NULL DEFAULT '{}',
  facts jsonb NOT NULL,
  determination jsonb NOT NULL,
  status text NOT NULL CONSTRAINT expulsions_status_check CHECK (status IN ('proposed', 'approved', 'rejected')),
  proposed_by uuid NOT NULL REFERENCES users (id),
  proposed_at timestamptz NOT NULL,
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decision_reason text,
  expelled_on date,
  -- First day a new join notice is no longer refused under art.10(4)(ii) (null: no block).
  rejoin_block_lifted_on date,
  -- Art.14(4): the secretariat's judgement whether a report to the Ministry of Justice is particularly necessary.
  moj_report_determination jsonb,
  moj_report_necessary boolean,
  moj_report_reason text,
  moj_reported_on date,
  moj_reference text,
  moj_recorded_by uuid REFERENCES users (id),
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Two people: the approver is never the proposer (also refused in the domain).
  CONSTRAINT expulsions_four_eyes_check CHECK (decided_by IS NULL OR decided_by <> proposed_by),
  CHECK (status <> 'approved' OR (expelled_on IS NOT NULL AND decided_at IS NOT NULL))
);
CREATE INDEX expulsions_corporate_number_idx ON expulsions (corporate_number, expelled_on) WHERE status = 'approved';
CREATE INDEX expulsions_status_idx ON expulsions (status, proposed_at);
CREATE TRIGGER expulsions_set_updated_at BEFORE UPDATE ON expulsions FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Violation reports (council art.15, art.2(1)(ii)) -----------------------------------------------------------------

CREATE TABLE violation_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid REFERENCES organisations (id),
  establishment_id uuid REFERENCES establishments (id),
  subject_name text NOT NULL CHECK (btrim(subject_name) <> ''),
  facts text NOT NULL CHECK (btrim(facts) <> ''),
  source text NOT NULL CONSTRAINT violation_reports_source_check CHECK (source IN ('report', 'document_request', 'site_visit', 'consultation', 'other')),
  source_detail text,
  observed_on date NOT NULL,
  status text NOT NULL CONSTRAINT violation_reports_status_check CHECK (status IN ('recorded', 'reported', 'closed')),
  determination jsonb,
  recorded_by uuid NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  closed_by uuid REFERENCES users (id),
  closed_at timestamptz,
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX violation_reports_status_idx ON violation_reports (status, recorded_at);
CREATE TRIGGER violation_reports_set_updated_at BEFORE UPDATE ON violation_reports FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE violation_agency_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  violation_report_id uuid NOT NULL REFERENCES violation_reports (id),
  agency text NOT NULL CONSTRAINT violation_agency_reports_agency_check CHECK (agency IN ('moj', 'mhlw', 'npa', 'mofa')),
  reported_on date NOT NULL,
  reference text NOT NULL CHECK (btrim(reference) <> ''),
  note text,
  reported_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX violation_agency_reports_report_idx ON violation_agency_reports (violation_report_id, reported_on);

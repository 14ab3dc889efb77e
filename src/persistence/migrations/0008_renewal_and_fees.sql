-- M6 yearly renewal and M10 fees (issue 4).
--
-- renewal_cycles      the secretariat's renewal-intent check for one fiscal year and one roster (council art.12;
--                     jaim-membership-faq Q2-5-8, Q3-1-4: around February of the preceding fiscal year).
-- renewal_responses   one row per listed establishment asked: awaiting → renewed | withdrawn | lapsed, with the
--                     determination (outcome + trace with citations) that decided it.
-- wage_reports        the yearly wage-increase report with its evidence (Q3-3-2); adequacy is always needs_review.
-- fee_invoices        one invoice per establishment per fiscal year, lines and determination from rules/jaim-fees.
-- fee_payments        payments (idempotency key unique: a retried request never records two).
-- fee_discount_claims SME / association discount claims with evidence, reviewer and validity (Q2-5-2, Q2-5-3).
-- fee_debit_accounts  the account a direct debit is drawn on (the member's, or a support organisation's, Q2-5-12).
-- Money is integer yen everywhere (CHECK >= 0).

CREATE TABLE renewal_cycles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2019 AND 2200),
  roster text NOT NULL CONSTRAINT renewal_cycles_roster_check CHECK (roster IN ('council', 'jaim')),
  opened_on date NOT NULL,
  deadline date NOT NULL,
  status text NOT NULL DEFAULT 'open' CONSTRAINT renewal_cycles_status_check CHECK (status IN ('open', 'closed')),
  opened_by uuid REFERENCES users (id),
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT renewal_cycles_year_roster_key UNIQUE (fiscal_year, roster),
  CHECK (deadline >= opened_on)
);

CREATE TABLE renewal_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cycle_id uuid NOT NULL REFERENCES renewal_cycles (id),
  establishment_id uuid NOT NULL REFERENCES establishments (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  roster_entry_id uuid REFERENCES roster_entries (id),
  status text NOT NULL DEFAULT 'awaiting' CONSTRAINT renewal_responses_status_check CHECK (status IN ('awaiting', 'renewed', 'withdrawn', 'lapsed')),
  answered_on date,
  answered_by uuid REFERENCES users (id),
  reminders_sent integer NOT NULL DEFAULT 0 CHECK (reminders_sent >= 0),
  last_reminded_on date,
  determination jsonb,
  membership_ends_on date,
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT renewal_responses_cycle_establishment_key UNIQUE (cycle_id, establishment_id),
  CHECK (status = 'awaiting' OR determination IS NOT NULL)
);
CREATE INDEX renewal_responses_organisation_idx ON renewal_responses (organisation_id, status);
CREATE INDEX renewal_responses_cycle_status_idx ON renewal_responses (cycle_id, status);

CREATE TABLE wage_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  response_id uuid NOT NULL REFERENCES renewal_responses (id) CONSTRAINT wage_reports_response_key UNIQUE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  increase_basis_points integer CHECK (increase_basis_points BETWEEN -10000 AND 100000),
  evidence_text text NOT NULL CHECK (btrim(evidence_text) <> ''),
  evidence_reference text,
  adequacy text NOT NULL DEFAULT 'needs_review' CONSTRAINT wage_reports_adequacy_check CHECK (adequacy IN ('needs_review', 'adequate', 'inadequate')),
  determination jsonb NOT NULL,
  submitted_by uuid REFERENCES users (id),
  submitted_at timestamptz NOT NULL,
  reviewed_by uuid REFERENCES users (id),
  reviewed_at timestamptz,
  review_note text,
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (adequacy = 'needs_review' OR (reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL))
);

CREATE TABLE fee_invoices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  serial bigserial NOT NULL CONSTRAINT fee_invoices_serial_key UNIQUE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  establishment_id uuid NOT NULL REFERENCES establishments (id),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2025 AND 2200),
  first_year boolean NOT NULL,
  fee_notice_date date,
  issued_on date NOT NULL,
  due_on date NOT NULL,
  payment_method text NOT NULL CONSTRAINT fee_invoices_payment_method_check CHECK (payment_method IN ('bank_transfer', 'direct_debit')),
  amount_yen integer NOT NULL CHECK (amount_yen >= 0),
  paid_yen integer NOT NULL DEFAULT 0 CHECK (paid_yen >= 0),
  lines jsonb NOT NULL,
  determination jsonb NOT NULL,
  amounts_are_examples boolean NOT NULL,
  status text NOT NULL DEFAULT 'issued' CONSTRAINT fee_invoices_status_check CHECK (status IN ('issued', 'part_paid', 'paid', 'cancelled')),
  cancel_reason text,
  renewal_response_id uuid REFERENCES renewal_responses (id),
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT fee_invoices_establishment_year_key UNIQUE (establishment_id, fiscal_year),
  CHECK (paid_yen <= amount_yen),
  CHECK (NOT first_year OR fee_notice_date IS NOT NULL),
  CHECK (due_on >= issued_on)
);
CREATE INDEX fee_invoices_organisation_idx ON fee_invoices (organisation_id, fiscal_year);
CREATE INDEX fee_invoices_arrears_idx ON fee_invoices (status, due_on);

CREATE TABLE fee_payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id uuid NOT NULL REFERENCES fee_invoices (id),
  amount_yen integer NOT NULL CHECK (amount_yen > 0),
  method text NOT NULL CONSTRAINT fee_payments_method_check CHECK (method IN ('bank_transfer', 'direct_debit')),
  paid_on date NOT NULL,
  payer_kind text NOT NULL CONSTRAINT fee_payments_payer_kind_check CHECK (payer_kind IN ('member', 'support_organisation')),
  payer_organisation_id uuid NOT NULL REFERENCES organisations (id),
  reference text,
  idempotency_key text NOT NULL CONSTRAINT fee_payments_idempotency_key_key UNIQUE,
  receipt_number text NOT NULL CONSTRAINT fee_payments_receipt_number_key UNIQUE,
  recorded_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fee_payments_invoice_idx ON fee_payments (invoice_id);

CREATE TABLE fee_discount_claims (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  kind text NOT NULL CONSTRAINT fee_discount_claims_kind_check CHECK (kind IN ('sme', 'association')),
  evidence_text text NOT NULL CHECK (btrim(evidence_text) <> ''),
  evidence_reference text,
  association_name text,
  association_completed_on date,
  jaim_application_date date,
  status text NOT NULL DEFAULT 'submitted' CONSTRAINT fee_discount_claims_status_check CHECK (status IN ('submitted', 'approved', 'rejected')),
  valid_from_fy integer,
  valid_until_fy integer,
  determination jsonb,
  submitted_by uuid REFERENCES users (id),
  submitted_at timestamptz NOT NULL,
  reviewed_by uuid REFERENCES users (id),
  reviewed_at timestamptz,
  review_note text,
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'association' OR (association_name IS NOT NULL AND jaim_application_date IS NOT NULL)),
  CHECK (status <> 'approved' OR (valid_from_fy IS NOT NULL AND reviewed_by IS NOT NULL)),
  CHECK (valid_until_fy IS NULL OR valid_until_fy >= valid_from_fy)
);
CREATE INDEX fee_discount_claims_organisation_idx ON fee_discount_claims (organisation_id, kind, status);

CREATE TABLE fee_debit_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id) CONSTRAINT fee_debit_accounts_organisation_key UNIQUE,
  payer_organisation_id uuid REFERENCES organisations (id),
  bank_code text NOT NULL CHECK (bank_code ~ '^[0-9]{4}$'),
  bank_name_kana text NOT NULL,
  branch_code text NOT NULL CHECK (branch_code ~ '^[0-9]{3}$'),
  branch_name_kana text NOT NULL,
  account_type text NOT NULL CHECK (account_type IN ('1', '2', '9')),
  account_number text NOT NULL CHECK (account_number ~ '^[0-9]{7}$'),
  holder_name_kana text NOT NULL,
  registered_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER renewal_cycles_set_updated_at BEFORE UPDATE ON renewal_cycles FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER renewal_responses_set_updated_at BEFORE UPDATE ON renewal_responses FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER wage_reports_set_updated_at BEFORE UPDATE ON wage_reports FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER fee_invoices_set_updated_at BEFORE UPDATE ON fee_invoices FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER fee_discount_claims_set_updated_at BEFORE UPDATE ON fee_discount_claims FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER fee_debit_accounts_set_updated_at BEFORE UPDATE ON fee_debit_accounts FOR EACH ROW EXECUTE FUNCTION set_updated_at();

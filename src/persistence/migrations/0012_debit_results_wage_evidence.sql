-- M10 direct-debit results and M6 wage-report evidence files (issue 4).
--
-- fee_debit_imports  one result file the bank returned for a debit file we exported (口座振替結果, Zengin type 91):
--                    the bytes as received (so "apply" reads exactly what the dry run showed), their checksum, the
--                    debit date, and the dry-run report. checked → applied | discarded (debit-import.states.ts).
-- fee_debit_results  what the bank said for one invoice on one debit date: result code 0 = debited (with the
--                    payment it recorded), anything else = not debited, with the code that says why. UNIQUE
--                    (invoice_id, debit_date): importing the same result twice records nothing twice.
-- wage_report_files  evidence files (uploads, purpose wage_evidence) attached to a wage-increase report (Q3-3-2).

CREATE TABLE fee_debit_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_name text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  debit_date date NOT NULL,
  record_count integer NOT NULL CHECK (record_count >= 0),
  status text NOT NULL DEFAULT 'checked' CONSTRAINT fee_debit_imports_status_check CHECK (status IN ('checked', 'applied', 'discarded')),
  report jsonb NOT NULL,
  checked_by uuid REFERENCES users (id),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'checked' OR decided_at IS NOT NULL)
);
CREATE INDEX fee_debit_imports_sha256_idx ON fee_debit_imports (sha256);
CREATE INDEX fee_debit_imports_created_at_idx ON fee_debit_imports (created_at);
CREATE TRIGGER fee_debit_imports_set_updated_at BEFORE UPDATE ON fee_debit_imports FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE fee_debit_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  import_id uuid NOT NULL REFERENCES fee_debit_imports (id),
  invoice_id uuid NOT NULL REFERENCES fee_invoices (id),
  debit_date date NOT NULL,
  customer_number text NOT NULL CHECK (customer_number ~ '^[0-9]{20}$'),
  amount_yen integer NOT NULL CHECK (amount_yen > 0),
  result_code text NOT NULL CHECK (result_code ~ '^[0-9]$'),
  payment_id uuid REFERENCES fee_payments (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT fee_debit_results_invoice_date_key UNIQUE (invoice_id, debit_date),
  CHECK ((result_code = '0') = (payment_id IS NOT NULL))
);
CREATE INDEX fee_debit_results_import_idx ON fee_debit_results (import_id);

ALTER TABLE uploads DROP CONSTRAINT uploads_purpose_check;
ALTER TABLE uploads ADD CONSTRAINT uploads_purpose_check CHECK (purpose IN ('join_evidence', 'wage_evidence'));

CREATE TABLE wage_report_files (
  wage_report_id uuid NOT NULL REFERENCES wage_reports (id),
  upload_id uuid NOT NULL REFERENCES uploads (id) CONSTRAINT wage_report_files_upload_key UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (wage_report_id, upload_id)
);

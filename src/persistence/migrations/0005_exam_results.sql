-- 0005 exam results: score imports with their reports, scores per part (with the answers given), results with
-- their determination trace, release dates per sitting, pass certificates, and ledger corrections.
-- Never edit this file once it has landed: add a new numbered migration instead (checksums are verified).
-- Keep to PostgreSQL 15. Status columns are written only through src/domain/exams/results/*.states.ts.

-- A CBT result file (or any other batch of scores). All or nothing: a rejected import keeps its row report and
-- applies nothing; an applied one names every score it wrote (exam_part_scores.import_id).
CREATE TABLE exam_score_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sitting_id uuid NOT NULL REFERENCES exam_sittings (id),
  part text NOT NULL DEFAULT 'written' CONSTRAINT exam_score_imports_part_check CHECK (part IN ('written', 'practical')),
  file_name text NOT NULL,
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  encoding text NOT NULL DEFAULT 'utf-8' CONSTRAINT exam_score_imports_encoding_check CHECK (encoding IN ('utf-8', 'shift_jis')),
  status text NOT NULL CONSTRAINT exam_score_imports_status_check CHECK (status IN ('applied', 'rejected')),
  row_count integer NOT NULL CHECK (row_count >= 0),
  applied_count integer NOT NULL DEFAULT 0 CHECK (applied_count >= 0),
  -- Rejected: [{line, errors: [{code, ja, en}]}] (cbt-import.ts RowReport); applied: [].
  report jsonb NOT NULL DEFAULT '[]',
  imported_by uuid REFERENCES users (id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'applied' OR applied_count = 0)
);
CREATE INDEX exam_score_imports_sitting_idx ON exam_score_imports (sitting_id, imported_at);

-- One score per registration and part. answers: written = the letter chosen per question (null for blank);
-- practical = {criterionId: points}. The set code and version are those the sitting froze.
CREATE TABLE exam_part_scores (
  registration_id uuid NOT NULL REFERENCES exam_registrations (id),
  part text NOT NULL CONSTRAINT exam_part_scores_part_check CHECK (part IN ('written', 'practical')),
  sitting_id uuid NOT NULL REFERENCES exam_sittings (id),
  set_code text NOT NULL,
  set_version integer NOT NULL CHECK (set_version >= 1),
  points double precision NOT NULL CHECK (points >= 0),
  max_points integer NOT NULL CHECK (max_points >= 1),
  score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
  correct_count integer CHECK (correct_count IS NULL OR correct_count >= 0),
  answers jsonb NOT NULL,
  import_id uuid REFERENCES exam_score_imports (id),
  scored_by uuid REFERENCES users (id),
  scored_at timestamptz NOT NULL,
  -- Set when a ledger correction overrode the computed score (the correction row has the reason).
  corrected_at timestamptz,
  PRIMARY KEY (registration_id, part)
);
CREATE INDEX exam_part_scores_sitting_idx ON exam_part_scores (sitting_id, part);

-- Each sitting's results are released on a set date (by the daily job, or by hand on or after it).
CREATE TABLE exam_result_releases (
  sitting_id uuid PRIMARY KEY REFERENCES exam_sittings (id),
  release_on date NOT NULL,
  set_by uuid REFERENCES users (id),
  set_at timestamptz NOT NULL,
  released_at timestamptz,
  released_by uuid REFERENCES users (id),
  released_count integer CHECK (released_count IS NULL OR released_count >= 0),
  CHECK ((released_at IS NULL) = (released_count IS NULL))
);
CREATE INDEX exam_result_releases_due_idx ON exam_result_releases (release_on) WHERE released_at IS NULL;

-- Determinations of the exam-result rules with their full trace, stored once per distinct content (sha-256 of
-- the canonical JSON): 100,000 candidates share a few thousand distinct traces, so each result row names one.
CREATE TABLE exam_result_determinations (
  hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
  determination jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The result per registration: pass / fail / incomplete per the exam-result determination (trace stored),
-- provisional until released.
CREATE TABLE exam_results (
  registration_id uuid PRIMARY KEY REFERENCES exam_registrations (id),
  sitting_id uuid NOT NULL REFERENCES exam_sittings (id),
  status text NOT NULL DEFAULT 'provisional' CONSTRAINT exam_results_status_check CHECK (status IN ('provisional', 'released')),
  outcome text NOT NULL CONSTRAINT exam_results_outcome_check CHECK (outcome IN ('pass', 'fail', 'incomplete', 'needs_review')),
  written_score integer CHECK (written_score IS NULL OR written_score BETWEEN 0 AND 100),
  practical_score integer CHECK (practical_score IS NULL OR practical_score BETWEEN 0 AND 100),
  written_outcome text CONSTRAINT exam_results_written_outcome_check CHECK (written_outcome IN ('pass', 'fail')),
  practical_outcome text CONSTRAINT exam_results_practical_outcome_check CHECK (practical_outcome IN ('pass', 'fail')),
  determination_hash text NOT NULL REFERENCES exam_result_determinations (hash),
  decided_at timestamptz NOT NULL,
  released_at timestamptz,
  notified_at timestamptz,
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'released') = (released_at IS NOT NULL))
);
CREATE INDEX exam_results_sitting_idx ON exam_results (sitting_id, status, outcome);
CREATE TRIGGER exam_results_set_updated_at BEFORE UPDATE ON exam_results FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Pass certificates (合格証明書). What the certificate says is kept as issued (holder, category, level, pass
-- date), so public verification is one lookup on a unique index and never shows later edits. The signed token
-- is what the QR code carries.
CREATE TABLE exam_certificates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  certificate_number text NOT NULL CONSTRAINT exam_certificates_certificate_number_key UNIQUE
    CHECK (certificate_number ~ '^C[12]-[0-9]{4}-[0-9]{7}$'),
  registration_id uuid NOT NULL CONSTRAINT exam_certificates_registration_id_key UNIQUE REFERENCES exam_registrations (id),
  exam_number text NOT NULL CONSTRAINT exam_certificates_exam_number_key UNIQUE,
  holder_family_name text NOT NULL,
  holder_given_name text NOT NULL,
  holder_date_of_birth date NOT NULL,
  holder_nationality text NOT NULL CHECK (holder_nationality ~ '^[A-Z]{2}$'),
  category_code text NOT NULL,
  category_name_ja text NOT NULL,
  category_name_en text NOT NULL,
  level text NOT NULL CONSTRAINT exam_certificates_level_check CHECK (level IN ('i', 'ii')),
  exam_date date NOT NULL,
  pass_date date NOT NULL,
  status text NOT NULL DEFAULT 'issued' CONSTRAINT exam_certificates_status_check CHECK (status IN ('issued', 'revoked')),
  signing_key_id text NOT NULL,
  token text NOT NULL,
  issued_at timestamptz NOT NULL,
  issued_by uuid REFERENCES users (id),
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users (id),
  revoke_reason text,
  CHECK ((status = 'revoked') = (revoked_at IS NOT NULL)),
  CHECK (revoked_at IS NULL OR btrim(revoke_reason) <> '')
);

-- Corrections to the examinee ledger (受験者台帳): every change with its reason and before/after values.
CREATE TABLE exam_ledger_corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  registration_id uuid NOT NULL REFERENCES exam_registrations (id),
  field text NOT NULL CONSTRAINT exam_ledger_corrections_field_check CHECK (field IN (
    'written_score', 'practical_score', 'family_name', 'given_name', 'date_of_birth')),
  before_value jsonb,
  after_value jsonb,
  reason text NOT NULL CHECK (length(btrim(reason)) >= 5),
  corrected_by uuid REFERENCES users (id),
  corrected_at timestamptz NOT NULL
);
CREATE INDEX exam_ledger_corrections_registration_idx ON exam_ledger_corrections (registration_id, corrected_at);

-- 0010 join evidence: uploaded files (evidence for join applications), the history of each join request
-- (every submission, correction notice, resubmission and decision, with the answers and determination of the
-- time), and the cited grounds of a refusal.
-- Never edit this file once it has landed: add a new numbered migration instead (checksums are verified).

-- Uploaded files. The bytes are stored in the database (bytea), not under DATA_DIR: production runs PostgreSQL
-- with more than one app process, so files must live in a store every process shares, and keeping them in the
-- same database means a file and the application that refers to it commit, back up and restore together.
-- The size limit (10 MB) keeps rows reasonable. Only files whose content was recognised as PDF, JPEG or PNG are
-- stored; a file the scanner found infected is refused and never stored. `scan_status` is 'clean' only when a
-- scanner (clamd) said so; without a configured scanner files are stored as 'unscanned', never as clean.
CREATE TABLE uploads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  uploaded_by uuid REFERENCES users (id),
  purpose text NOT NULL CONSTRAINT uploads_purpose_check CHECK (purpose IN ('join_evidence')),
  kind text NOT NULL CHECK (kind ~ '^[a-z0-9_]{1,40}$'),
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  content_type text NOT NULL CONSTRAINT uploads_content_type_check CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  scan_status text NOT NULL CONSTRAINT uploads_scan_status_check CHECK (scan_status IN ('clean', 'unscanned')),
  scanner text NOT NULL,
  scan_detail text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX uploads_organisation_id_idx ON uploads (organisation_id, created_at);

-- One row per step of a join request's life, in order (seq): the answers and determination as submitted or
-- resubmitted, the correction notice's message, the decision with its cited grounds. Append-only.
CREATE TABLE join_request_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  join_request_id uuid NOT NULL REFERENCES join_requests (id),
  seq integer NOT NULL CHECK (seq > 0),
  event text NOT NULL CONSTRAINT join_request_history_event_check CHECK (event IN (
    'submit', 'start_review', 'request_correction', 'resubmit', 'approve', 'refuse', 'withdraw')),
  status_after text NOT NULL,
  at timestamptz NOT NULL,
  actor_user_id uuid REFERENCES users (id),
  message text,
  grounds jsonb NOT NULL DEFAULT '[]',
  answers jsonb,
  determination jsonb,
  CONSTRAINT join_request_history_request_seq_key UNIQUE (join_request_id, seq)
);

-- The refusal rules a reviewer cited (ids from the domain's list, e.g. council-operating-rules art.10(4)(ii)).
ALTER TABLE join_requests ADD COLUMN decision_grounds jsonb NOT NULL DEFAULT '[]';

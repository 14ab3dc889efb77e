-- 0009 roster snapshots (M9), migration from the council (M11), communications and surveys (M12).
-- Never edit this file once it has landed: add a new numbered migration instead (checksums are verified).

-- Signed published roster snapshots: the canonical JSON exactly as signed, its sha-256 and the Ed25519 signature.
CREATE TABLE roster_snapshots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  as_of date NOT NULL,
  listing_count integer NOT NULL CHECK (listing_count >= 0),
  content text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  signature text NOT NULL,
  kid text NOT NULL,
  published_by uuid REFERENCES users (id),
  published_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX roster_snapshots_published_at_idx ON roster_snapshots (published_at);
CREATE TRIGGER roster_snapshots_set_updated_at BEFORE UPDATE ON roster_snapshots FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Council member import: a batch is checked (dry run) before it is applied; status via the batch state machine.
CREATE TABLE council_migration_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_name text NOT NULL,
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  raw_csv text NOT NULL,
  row_count integer NOT NULL CHECK (row_count >= 0),
  report jsonb NOT NULL,
  status text NOT NULL DEFAULT 'checked' CONSTRAINT council_migration_batches_status_check CHECK (status IN ('checked', 'applied', 'discarded')),
  created_by uuid REFERENCES users (id),
  applied_by uuid REFERENCES users (id),
  applied_at timestamptz,
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX council_migration_batches_created_at_idx ON council_migration_batches (created_at);
CREATE TRIGGER council_migration_batches_set_updated_at BEFORE UPDATE ON council_migration_batches FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- One record per council member migrated (full: a JAIM join application; information_only: data only).
CREATE TABLE council_migration_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id uuid NOT NULL REFERENCES council_migration_batches (id),
  council_member_id text NOT NULL CONSTRAINT council_migration_records_member_key UNIQUE,
  choice text NOT NULL CONSTRAINT council_migration_records_choice_check CHECK (choice IN ('full', 'information_only')),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  establishment_id uuid NOT NULL REFERENCES establishments (id),
  join_request_id uuid REFERENCES join_requests (id),
  corporate_number text,
  migrated_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX council_migration_records_establishment_idx ON council_migration_records (establishment_id);
CREATE INDEX council_migration_records_batch_idx ON council_migration_records (batch_id);
CREATE TRIGGER council_migration_records_set_updated_at BEFORE UPDATE ON council_migration_records FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Automatic withdrawals from the council (jaim-membership-faq Q2-2-3): why, with the stored determination.
CREATE TABLE council_withdrawals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  roster_entry_id uuid NOT NULL CONSTRAINT council_withdrawals_roster_entry_key UNIQUE REFERENCES roster_entries (id),
  establishment_id uuid NOT NULL REFERENCES establishments (id),
  effective_on date NOT NULL,
  reason text NOT NULL,
  determination jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER council_withdrawals_set_updated_at BEFORE UPDATE ON council_withdrawals FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Notices to members: e-mail (outbox) and in-app inbox, addressed to organisations; read state per user.
CREATE TABLE notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject text NOT NULL CHECK (btrim(subject) <> ''),
  body text NOT NULL CHECK (btrim(body) <> ''),
  audience jsonb NOT NULL,
  send_email boolean NOT NULL DEFAULT true,
  recipient_count integer NOT NULL DEFAULT 0,
  email_count integer NOT NULL DEFAULT 0,
  sent_by uuid REFERENCES users (id),
  sent_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notices_sent_at_idx ON notices (sent_at);
CREATE TRIGGER notices_set_updated_at BEFORE UPDATE ON notices FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE notice_recipients (
  notice_id uuid NOT NULL REFERENCES notices (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notice_id, organisation_id)
);
CREATE INDEX notice_recipients_organisation_idx ON notice_recipients (organisation_id, notice_id);

CREATE TABLE notice_reads (
  notice_id uuid NOT NULL REFERENCES notices (id),
  user_id uuid NOT NULL REFERENCES users (id),
  read_at timestamptz NOT NULL,
  PRIMARY KEY (notice_id, user_id)
);

-- Simple surveys: questions (single, multiple, free text), open and close dates, one response per establishment.
CREATE TABLE surveys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (btrim(title) <> ''),
  description text NOT NULL DEFAULT '',
  questions jsonb NOT NULL,
  audience jsonb NOT NULL,
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  status text NOT NULL DEFAULT 'draft' CONSTRAINT surveys_status_check CHECK (status IN ('draft', 'published', 'withdrawn')),
  created_by uuid REFERENCES users (id),
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT surveys_dates_check CHECK (closes_on >= opens_on)
);
CREATE TRIGGER surveys_set_updated_at BEFORE UPDATE ON surveys FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE survey_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL REFERENCES surveys (id),
  establishment_id uuid NOT NULL REFERENCES establishments (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  answers jsonb NOT NULL,
  submitted_by uuid REFERENCES users (id),
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT survey_responses_one_per_establishment UNIQUE (survey_id, establishment_id)
);
CREATE TRIGGER survey_responses_set_updated_at BEFORE UPDATE ON survey_responses FOR EACH ROW EXECUTE FUNCTION set_updated_at();

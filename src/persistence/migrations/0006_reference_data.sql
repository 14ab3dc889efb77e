-- 0006 reference data: operator-loaded reference lists (eligible JSIC codes, business categories, designated
-- associations) and operator overrides of the rules library's dated parameters (fee amounts ...), each with an
-- effective date, a source note and a draft -> reviewed -> published workflow (four eyes: the person who loaded a
-- change may not review or publish it). Rows are never overwritten: a later effective date closes the previous
-- row for later dates only (periods are derived from the published rows), and a row replaced on the same
-- effective date is kept as 'superseded'.
-- Never edit this file once it has landed: add a new numbered migration instead (checksums are verified).

CREATE TABLE reference_lists (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CONSTRAINT reference_lists_kind_check CHECK (kind IN (
    'eligible-industries', 'business-categories', 'packing-associations', 'printing-associations')),
  effective_from date NOT NULL,
  content jsonb NOT NULL,
  raw_csv text,
  row_count integer NOT NULL DEFAULT 0 CHECK (row_count >= 0),
  certainty text NOT NULL DEFAULT 'official' CONSTRAINT reference_lists_certainty_check CHECK (certainty IN ('official', 'uncertain')),
  source_note text NOT NULL CHECK (btrim(source_note) <> ''),
  status text NOT NULL DEFAULT 'draft' CONSTRAINT reference_lists_status_check CHECK (status IN (
    'draft', 'reviewed', 'published', 'superseded', 'discarded')),
  loaded_by uuid NOT NULL REFERENCES users (id),
  loaded_at timestamptz NOT NULL DEFAULT now(),
  reviewed_by uuid REFERENCES users (id),
  reviewed_at timestamptz,
  published_by uuid REFERENCES users (id),
  published_at timestamptz,
  lock_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT reference_lists_four_eyes_check CHECK (reviewed_by IS NULL OR reviewed_by <> loaded_by),
  CONSTRAINT reference_lists_publish_four_eyes_check CHECK (published_by IS NULL OR published_by <> loaded_by)
);
CREATE INDEX reference_lists_kind_idx ON reference_lists (kind, status, effective_from);
CREATE UNIQUE INDEX reference_lists_published_key ON reference_lists (kind, effective_from) WHERE status = 'published';
CREATE TRIGGER reference_lists_set_updated_at BEFORE UPDATE ON reference_lists FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE parameter_overrides (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parameter_id text NOT NULL CHECK (btrim(parameter_id) <> ''),
  effective_from date NOT NULL,
  value jsonb NOT NULL,
  certainty text NOT NULL DEFAULT 'official' CONSTRAINT parameter_overrides_certainty_check CHECK (certainty IN ('official', 'uncertain')),
  source_note text NOT NULL CHECK (btrim(source_note) <> ''),
  status text NOT NULL DEFAULT 'draft' CONSTRAINT parameter_overrides_status_check CHECK (status IN (
    'draft', 'reviewed', 'published', 'superseded', 'discarded')),
  loaded_by uuid NOT NULL REFERENCES users (id),
  loaded_at timestamptz NOT NULL DEFAULT now(),
  reviewed_by uuid REFERENCES users (id),
  reviewed_at timestamptz,
  published_by uuid REFERENCES users (id),
  published_at timestamptz,
  lock_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT parameter_overrides_four_eyes_check CHECK (reviewed_by IS NULL OR reviewed_by <> loaded_by),
  CONSTRAINT parameter_overrides_publish_four_eyes_check CHECK (published_by IS NULL OR published_by <> loaded_by)
);
CREATE INDEX parameter_overrides_parameter_idx ON parameter_overrides (parameter_id, status, effective_from);
CREATE UNIQUE INDEX parameter_overrides_published_key ON parameter_overrides (parameter_id, effective_from) WHERE status = 'published';
CREATE TRIGGER parameter_overrides_set_updated_at BEFORE UPDATE ON parameter_overrides FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- One row: bumped on every publish, so instances caching the rules context know when to reload it.
CREATE TABLE reference_data_version (
  id smallint PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL DEFAULT 0
);
INSERT INTO reference_data_version (id, version) VALUES (1, 0);

-- 0003 join request answers: what the applicant answered (the facts the determination ran on) and the latest
-- correction notice (補正の内容), kept with the request so the reviewer and the applicant see the same thing.
-- Never edit this file once it has landed: add a new numbered migration instead (checksums are verified).

ALTER TABLE join_requests ADD COLUMN answers jsonb NOT NULL DEFAULT '{}';
ALTER TABLE join_requests ADD COLUMN correction_reason text;

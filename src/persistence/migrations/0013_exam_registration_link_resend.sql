-- Resending a candidate's registration links (issue 5). The link token is kept only as a hash, so a resend issues a
-- new token (the old link stops working). access_link_sent_at is when that last happened: a registration's link is
-- reissued at most once per cooldown, so someone typing another person's address cannot flood their inbox or keep
-- invalidating their links.

ALTER TABLE exam_registrations ADD COLUMN access_link_sent_at timestamptz;

-- 0002 accounts security: TOTP replay protection.
-- Never edit this file once it has landed: add a new numbered migration instead (checksums are verified).

-- The last RFC 6238 time step a user's TOTP code was accepted for: a code is refused for that step and earlier,
-- so an observed code cannot be replayed within its 30-second window.
ALTER TABLE users ADD COLUMN totp_last_step bigint;

-- A user's TOTP seed (RFC 6238), sealed by the HSM: wrapped under the HSM's wrapping key and MAC-bound to the
-- user, so a dump neither reveals it nor lets it be moved to another account. The last accepted time step
-- makes each code single-use.
ALTER TABLE sig_user ADD COLUMN totp_blob BYTEA;
ALTER TABLE sig_user ADD COLUMN totp_tag BYTEA;
ALTER TABLE sig_user ADD COLUMN totp_wrapping_label VARCHAR(64);
ALTER TABLE sig_user ADD COLUMN totp_last_step BIGINT DEFAULT 0 NOT NULL;

-- An attempt at a password or a signing PIN/OTP is reserved before the factor is verified, in one conditional
-- update, so that concurrent guesses cannot test more than the limit allows (checklist C8). A reservation is
-- released when the factor was right and turned into a failure when it was wrong; one left behind by a crashed
-- node goes stale after a minute (the *_reserved_at time of the latest reservation).
ALTER TABLE sig_user ADD COLUMN login_reserved INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE sig_user ADD COLUMN login_reserved_at TIMESTAMP;
ALTER TABLE sig_user ADD COLUMN pin_reserved INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE sig_user ADD COLUMN pin_reserved_at TIMESTAMP;

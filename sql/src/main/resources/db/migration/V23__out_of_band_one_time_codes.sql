-- One-time codes sent by e-mail or SMS (issue 15). The operator records where a user receives them; a code is
-- stored only as a salted hash, bound to the transaction it was sent for (user, credential, client application
-- and, where the request named them, the hashes), valid for minutes and consumed once. The rows also count what
-- was sent to each recipient (its address hashed) for the per-recipient and per-caller rate limits (checklist G4).
ALTER TABLE sig_user ADD COLUMN otp_email VARCHAR(320);
ALTER TABLE sig_user ADD COLUMN otp_phone VARCHAR(32);

CREATE TABLE sig_otp_challenge (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id         VARCHAR(36)  NOT NULL REFERENCES sig_user (id) ON DELETE CASCADE,
    credential_id   VARCHAR(36)  NOT NULL,
    client_id       VARCHAR(255) NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    recipient_hash  VARCHAR(64)  NOT NULL,
    request_binding VARCHAR(64),
    code_salt       VARCHAR(32)  NOT NULL,
    code_hash       VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    expires_at      TIMESTAMP    NOT NULL,
    consumed_at     TIMESTAMP
);

CREATE INDEX ix_otp_challenge_transaction ON sig_otp_challenge (user_id, credential_id, client_id);
CREATE INDEX ix_otp_challenge_recipient ON sig_otp_challenge (recipient_hash, created_at);
CREATE INDEX ix_otp_challenge_client ON sig_otp_challenge (client_id, created_at);

-- Local accounts: password and signing PIN, both as Argon2id PHC strings, never plain; failed logins are
-- counted and lock the account for a while (checklist C8).
ALTER TABLE sig_user ADD COLUMN password_hash VARCHAR(255);
ALTER TABLE sig_user ADD COLUMN pin_hash VARCHAR(255);
ALTER TABLE sig_user ADD COLUMN failed_logins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE sig_user ADD COLUMN locked_until TIMESTAMP;

-- Bearer tokens issued by this server. Only the SHA-256 of a token is stored: a database dump holds no
-- usable token.
CREATE TABLE bearer_token (
    token_hash  CHAR(64)     NOT NULL PRIMARY KEY,
    token_type  VARCHAR(16)  NOT NULL,
    user_id     VARCHAR(36)  REFERENCES sig_user (id),
    client_id   VARCHAR(128),
    scope       VARCHAR(256) NOT NULL,
    issued_at   TIMESTAMP    NOT NULL,
    expires_at  TIMESTAMP    NOT NULL,
    revoked     BOOLEAN      DEFAULT FALSE NOT NULL
);

CREATE INDEX ix_bearer_token_user ON bearer_token (user_id);

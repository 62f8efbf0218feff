-- Client applications (service providers) of the OAuth 2.0 authorization server. The secret is stored as an
-- Argon2id PHC string under the HSM pepper; private_key_jwt clients keep their public JWK set instead.
CREATE TABLE oauth_client (
    client_id       VARCHAR(128)  NOT NULL PRIMARY KEY,
    client_name     VARCHAR(256)  NOT NULL,
    secret_hash     VARCHAR(255),
    auth_method     VARCHAR(32)   NOT NULL,
    jwks            TEXT,
    redirect_uris   TEXT          NOT NULL,
    scope           VARCHAR(256)  NOT NULL,
    enabled         BOOLEAN       DEFAULT TRUE NOT NULL,
    created_at      TIMESTAMP     NOT NULL
);

-- Tokens issued from one grant form a family: replaying a spent authorization code or a rotated refresh
-- token revokes the whole family (checklist C2, C6).
ALTER TABLE bearer_token ADD COLUMN family_id VARCHAR(64);
CREATE INDEX ix_bearer_token_family ON bearer_token (family_id);

-- Approval on a registered device (issue 15). A device registers an ES256 public key with a single-use enrolment
-- code the user was given; a signing request that the device must approve is a pending approval holding the exact
-- content the device signs, bound to its transaction (user, credential, client, SAD request), valid for a short
-- while, decided once and used once.
CREATE TABLE sig_device (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id      VARCHAR(36)  NOT NULL REFERENCES sig_user (id) ON DELETE CASCADE,
    name         VARCHAR(64)  NOT NULL,
    public_jwk   VARCHAR(1024) NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    last_seen_at TIMESTAMP
);

CREATE INDEX ix_device_user ON sig_device (user_id);

CREATE TABLE sig_device_enrolment (
    code_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id    VARCHAR(36) NOT NULL REFERENCES sig_user (id) ON DELETE CASCADE,
    expires_at TIMESTAMP   NOT NULL,
    used_at    TIMESTAMP
);

CREATE TABLE sig_device_approval (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    user_id         VARCHAR(36)   NOT NULL REFERENCES sig_user (id) ON DELETE CASCADE,
    credential_id   VARCHAR(36)   NOT NULL,
    client_id       VARCHAR(255)  NOT NULL,
    request_binding VARCHAR(64),
    content         VARCHAR(16000) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    device_id       VARCHAR(36),
    created_at      TIMESTAMP     NOT NULL,
    expires_at      TIMESTAMP     NOT NULL,
    decided_at      TIMESTAMP,
    consumed_at     TIMESTAMP
);

CREATE INDEX ix_device_approval_user ON sig_device_approval (user_id, status);

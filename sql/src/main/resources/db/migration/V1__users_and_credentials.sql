-- Accounts and their signing credentials. Private keys are stored only wrapped under the HSM wrapping key,
-- with the HSM's MAC binding each blob to its credential and owner (checklist B1, B2).
CREATE TABLE sig_user (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    username    VARCHAR(128) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    CONSTRAINT uq_sig_user_username UNIQUE (username)
);

CREATE TABLE credential (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    owner_id            VARCHAR(36)  NOT NULL REFERENCES sig_user (id),
    key_algorithm       VARCHAR(8)   NOT NULL,
    key_length          INTEGER      NOT NULL,
    curve               VARCHAR(8),
    status              VARCHAR(16)  NOT NULL,
    public_key          BYTEA        NOT NULL,
    wrapping_key_label  VARCHAR(64)  NOT NULL,
    wrapped_private_key BYTEA        NOT NULL,
    binding_tag         BYTEA        NOT NULL,
    created_at          TIMESTAMP    NOT NULL
);

CREATE INDEX ix_credential_owner ON credential (owner_id);

-- Federated sign-in (issue 10). An identity provider is configuration that every node must see alike, so it
-- lives here rather than in one node's WildFly configuration. Its client secret (OIDC) is stored only as
-- AES-256-GCM ciphertext under a key that the HSM derives and never stores outside itself; a dump alone cannot
-- open it. settings and level_mapping are JSON text whose shape depends on the kind (docs/federation.md).
CREATE TABLE identity_provider (
    alias           VARCHAR(64)   NOT NULL PRIMARY KEY,
    kind            VARCHAR(8)    NOT NULL,
    enabled         BOOLEAN       DEFAULT TRUE NOT NULL,
    display_name    VARCHAR(256)  NOT NULL,
    settings        TEXT          NOT NULL,
    sealed_secret   TEXT,
    level_mapping   TEXT          NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    updated_at      TIMESTAMP     NOT NULL,
    CONSTRAINT ck_identity_provider_kind CHECK (kind IN ('OIDC', 'SAML'))
);

-- A Sigillum account's identities at providers: (alias, subject) names at most one account, and an account is
-- never created from a federated login; the operator links.
CREATE TABLE federated_identity (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    user_id         VARCHAR(36)   NOT NULL REFERENCES sig_user (id) ON DELETE CASCADE,
    provider_alias  VARCHAR(64)   NOT NULL REFERENCES identity_provider (alias) ON DELETE CASCADE,
    subject         VARCHAR(512)  NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    CONSTRAINT uq_federated_identity UNIQUE (provider_alias, subject)
);
CREATE INDEX ix_federated_identity_user ON federated_identity (user_id);

-- The global level-of-assurance policy (one row): the eIDAS level a signing authorization at SCAL 1 and at
-- SCAL 2 needs, and the level to create a key; how a login below it is raised (PROVIDER: the provider is asked to
-- step up; REFUSE: refused). Defaults keep local password logins working as before.
CREATE TABLE level_policy (
    id                  INTEGER      NOT NULL PRIMARY KEY,
    scal1_level         VARCHAR(16)  NOT NULL,
    scal2_level         VARCHAR(16)  NOT NULL,
    key_creation_level  VARCHAR(16)  NOT NULL,
    step_up             VARCHAR(16)  NOT NULL,
    updated_at          TIMESTAMP    NOT NULL
);
INSERT INTO level_policy (id, scal1_level, scal2_level, key_creation_level, step_up, updated_at)
    VALUES (1, 'LOW', 'LOW', 'LOW', 'PROVIDER', CURRENT_TIMESTAMP);

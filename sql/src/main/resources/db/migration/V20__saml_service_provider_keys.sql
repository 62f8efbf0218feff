-- Sigillum's keys as a SAML service provider (issue 10), one set for the whole cluster so that every node
-- publishes the same metadata. The signing key is generated in the HSM and stored only wrapped and bound, like the
-- built-in CA's keys. The encryption key must decrypt the key transport of encrypted assertions, which the HSM
-- interface does not offer; it is a software key stored only as AES-256-GCM ciphertext under a key that the HSM
-- derives (HMAC under its pepper key) and never stores outside itself. Both certificates come from the built-in
-- issuing CA.
CREATE TABLE saml_sp_key (
    name                VARCHAR(32)  NOT NULL PRIMARY KEY,
    key_length          INTEGER      NOT NULL,
    wrapping_key_label  VARCHAR(64),
    wrapped_private_key BYTEA,
    binding_tag         BYTEA,
    sealed_private_key  BYTEA,
    certificate         BYTEA        NOT NULL,
    created_at          TIMESTAMP    NOT NULL,
    CONSTRAINT ck_saml_sp_key_one_form CHECK ((wrapped_private_key IS NULL) <> (sealed_private_key IS NULL))
);

-- The saml-replay store: the ID of every SAML assertion consumed (SHA-256 of issuer and ID), claimed with
-- INSERT … ON CONFLICT DO NOTHING in the transaction that completes the login, so that an assertion is used once
-- across the cluster, like the SAM's single_use ledger (issue 5), of which it is a sibling outside the SAM.
-- Rows outlive every assertion's validity and are then purged.
CREATE TABLE saml_replay (
    id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    used_at  TIMESTAMP    NOT NULL
);
CREATE INDEX saml_replay_used_at ON saml_replay (used_at);

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

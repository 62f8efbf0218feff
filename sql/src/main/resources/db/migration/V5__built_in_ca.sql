-- The built-in two-level CA of the embedded default: its keys are generated in the HSM and stored wrapped and
-- bound like users' keys; its certificates are public.
CREATE TABLE ca_key (
    name                VARCHAR(32)  NOT NULL PRIMARY KEY,
    key_algorithm       VARCHAR(8)   NOT NULL,
    key_length          INTEGER      NOT NULL,
    curve               VARCHAR(8),
    wrapping_key_label  VARCHAR(64)  NOT NULL,
    wrapped_private_key BYTEA        NOT NULL,
    binding_tag         BYTEA        NOT NULL,
    certificate         BYTEA        NOT NULL,
    created_at          TIMESTAMP    NOT NULL
);

-- Each credential's end-entity certificate, DER; the chain above it is in ca_key.
ALTER TABLE credential ADD COLUMN certificate BYTEA;

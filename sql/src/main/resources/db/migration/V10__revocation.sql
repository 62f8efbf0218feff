-- The register of the certificates the built-in CAs issued, kept apart from credentials so that a certificate
-- stays known (and revocable) after its credential was deleted. OCSP looks certificates up by serial number
-- (the primary key); revocation finds a credential's certificate by credential_id.
CREATE TABLE issued_certificate (
    -- lowercase hex; the built-in CAs draw 128 random bits, so serials are unique across them too
    serial_number     VARCHAR(64)  NOT NULL PRIMARY KEY,
    ca_name           VARCHAR(32)  NOT NULL,
    credential_id     VARCHAR(36),
    not_after         TIMESTAMP    NOT NULL,
    revoked_at        TIMESTAMP,
    -- RFC 5280 CRLReason code
    revocation_reason INTEGER
);

CREATE INDEX ix_issued_certificate_credential ON issued_certificate (credential_id);
CREATE INDEX ix_issued_certificate_revoked ON issued_certificate (ca_name, revoked_at);

-- The current CRL of each built-in CA, regenerated when a revocation changes it or when it is due; the CRL
-- number only grows.
CREATE TABLE crl (
    ca_name     VARCHAR(32) NOT NULL PRIMARY KEY,
    crl_number  BIGINT      NOT NULL,
    this_update TIMESTAMP   NOT NULL,
    next_update TIMESTAMP   NOT NULL,
    encoded     BYTEA       NOT NULL
);

-- Certificates an operator trusts for validation besides the built-in root (another CA's root, a qualified
-- TSP's root). Identified by the SHA-256 of the DER certificate, so an anchor is stored once.
CREATE TABLE trust_anchor (
    id           VARCHAR(36)    NOT NULL PRIMARY KEY,
    sha256       CHAR(64)       NOT NULL UNIQUE,
    subject      VARCHAR(1024)  NOT NULL,
    certificate  BYTEA          NOT NULL,
    created_at   TIMESTAMP      NOT NULL
);

-- Tamper-evident audit log (checklist E). Records form a hash chain in a gapless sequence: editing a row breaks
-- its hash (E2), deleting one leaves a gap (E3). The head row is locked by every append, so writers on any
-- node append one after another (E5). Hashes are lower-case hex SHA-256.
CREATE TABLE audit_record (
    seq            BIGINT        NOT NULL PRIMARY KEY,
    recorded_at    TIMESTAMP     NOT NULL,
    event          VARCHAR(64)   NOT NULL,
    outcome        VARCHAR(16)   NOT NULL,
    actor          VARCHAR(128)  NOT NULL,
    user_id        VARCHAR(36),
    credential_id  VARCHAR(36),
    detail         VARCHAR(4000) NOT NULL,
    prev_hash      CHAR(64)      NOT NULL,
    record_hash    CHAR(64)      NOT NULL
);

CREATE TABLE audit_chain_head (
    id         INTEGER  NOT NULL PRIMARY KEY,
    last_seq   BIGINT   NOT NULL,
    last_hash  CHAR(64) NOT NULL
);

INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

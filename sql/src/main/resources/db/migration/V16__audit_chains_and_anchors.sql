-- Keyed audit chains and their anchors (checklist E2 to E5, issues 11 and 12).
-- Several chains are appended to at once, a few per node, so that signatures do not all wait on one head row.
-- Each record carries its chain and its gapless place in it; prev_hash and record_hash of a chained record hold
-- HMAC-SHA256 values under the chain's key, which the HSM derives from its audit key. The single chain of
-- earlier versions stays as it is, under the name 'legacy', and is sealed (its head MAC'd) at the first start.
CREATE TABLE audit_chain (
    chain_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    last_seq   BIGINT      NOT NULL,
    last_mac   CHAR(64)    NOT NULL,
    -- set only on the legacy chain: when it was sealed, and the MAC over its final head
    sealed_at  TIMESTAMP,
    seal_mac   CHAR(64)
);

ALTER TABLE audit_record ADD COLUMN chain_id VARCHAR(64);
ALTER TABLE audit_record ADD COLUMN chain_seq BIGINT;
UPDATE audit_record SET chain_id = 'legacy', chain_seq = seq;
CREATE UNIQUE INDEX ux_audit_record_chain ON audit_record (chain_id, chain_seq);

-- Global record numbers after the legacy chain's: record seq = legacy head + nextval (gaps when a transaction
-- rolls back are harmless; gaplessness is checked per chain).
CREATE SEQUENCE audit_record_seq START WITH 1;

-- Anchors: an RFC 3161 time-stamp token over the MAC of every chain head at one moment. A record removed from
-- a chain's tail after an anchor is found missing by the verification.
CREATE TABLE audit_anchor (
    anchor_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
    anchored_at  TIMESTAMP    NOT NULL,
    node         VARCHAR(128) NOT NULL,
    heads        VARCHAR(65536) NOT NULL,
    imprint      CHAR(64)     NOT NULL,
    tst          BYTEA        NOT NULL
);
CREATE INDEX ix_audit_anchor_time ON audit_anchor (anchored_at);

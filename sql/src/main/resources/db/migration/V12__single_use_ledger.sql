-- Values that may be used once (SADs, authorization codes, completed consents, pushed requests, client
-- assertion IDs), recorded when first used. The shared database decides who used a value first, so two nodes
-- that cannot reach each other (a split cluster) still cannot both use it. Rows outlive every such value's
-- lifetime and are then purged.
CREATE TABLE single_use (
    id       VARCHAR(80)  NOT NULL PRIMARY KEY,
    used_at  TIMESTAMP    NOT NULL
);
CREATE INDEX single_use_used_at ON single_use (used_at);

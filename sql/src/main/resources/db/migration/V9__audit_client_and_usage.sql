-- Each audit record names the client application it was done for and, for signatures, how many were made.
-- Per-client usage by day (authorizations, signatures, keys) is counted from these records: the counts are
-- exactly what was audited, in the same transaction as the effect.
ALTER TABLE audit_record ADD COLUMN client_id VARCHAR(128);
ALTER TABLE audit_record ADD COLUMN quantity INTEGER;
CREATE INDEX ix_audit_record_usage ON audit_record (recorded_at, client_id);

-- A user's activity history (GET /api/v1/users/{id}/activity) reads the audit records naming the user, newest first.
CREATE INDEX ix_audit_record_user ON audit_record (user_id, seq);

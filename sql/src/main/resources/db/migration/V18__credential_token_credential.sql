-- The credential a credential-scope token (an OAuth 2.0 SAD) was issued for: CSC clients read that credential's
-- credentials/info with it before they sign, and that read is the only one such a token allows. No foreign key:
-- deleting a credential must not have to find its short-lived tokens first.
ALTER TABLE bearer_token ADD COLUMN credential_id VARCHAR(36);

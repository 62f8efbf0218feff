-- Sole control level of each credential (CSC "SCAL"): 2 binds every authorization to the hashes the user
-- approved, 1 to a number of signatures.
ALTER TABLE credential ADD COLUMN scal VARCHAR(1) DEFAULT '2' NOT NULL;

-- Wrong PINs are counted apart from wrong passwords, and lock signing for a while (checklist C8).
ALTER TABLE sig_user ADD COLUMN failed_pins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE sig_user ADD COLUMN pin_locked_until TIMESTAMP;

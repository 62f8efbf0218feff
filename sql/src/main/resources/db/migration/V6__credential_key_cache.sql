-- Per-credential policy of the unwrapped-key cache: how long the unwrapped key may stay in the HSM after a
-- signature (0: destroyed at once). Every signature still needs its own SAD.
ALTER TABLE credential ADD COLUMN key_cache_seconds INTEGER DEFAULT 0 NOT NULL;

-- Groups of service providers (issue 13): the policy the service providers of one group share, as a JSON object
-- the application validates (allowed key algorithms, signature formats and levels, SAD lifetime, numSignatures,
-- auth/login, SCAL, identity providers and levels). Every client application and every account belongs to exactly
-- one group; a user's credentials are usable only through service providers of the user's group (checklist C12).
-- The group 'default' holds the behaviour of earlier versions: an empty policy allows what the server allows.
CREATE TABLE client_group (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    name        VARCHAR(128)  NOT NULL,
    policy      VARCHAR(8192) NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    CONSTRAINT uq_client_group_name UNIQUE (name)
);

INSERT INTO client_group (id, name, policy, created_at) VALUES ('default', 'default', '{}', CURRENT_TIMESTAMP);

ALTER TABLE oauth_client ADD COLUMN group_id VARCHAR(36) DEFAULT 'default' NOT NULL;
ALTER TABLE oauth_client ADD CONSTRAINT fk_oauth_client_group FOREIGN KEY (group_id) REFERENCES client_group (id);
CREATE INDEX ix_oauth_client_group ON oauth_client (group_id);

ALTER TABLE sig_user ADD COLUMN group_id VARCHAR(36) DEFAULT 'default' NOT NULL;
ALTER TABLE sig_user ADD CONSTRAINT fk_sig_user_group FOREIGN KEY (group_id) REFERENCES client_group (id);
CREATE INDEX ix_sig_user_group ON sig_user (group_id);

-- An optional limit on the signatures a credential makes in its life (checklist B5). The SAM counts them in the
-- signing transaction with one conditional update, so that no two nodes together exceed the limit.
ALTER TABLE credential ADD COLUMN max_signatures INTEGER;
ALTER TABLE credential ADD COLUMN signatures_used INTEGER DEFAULT 0 NOT NULL;

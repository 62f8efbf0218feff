-- CSC v2 asynchronous signing (operationMode "A"): a signHash or signDoc accepted with a responseID, run on a node,
-- and its outcome kept for signatures/signPolling until it expires. The row lives in the shared database so that
-- any node answers the poll, and only the user and client application that asked may read it.
CREATE TABLE csc_async_operation (
    response_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    user_id           VARCHAR(64)   NOT NULL,
    client_id         VARCHAR(255),
    method            VARCHAR(32)   NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    created_at        TIMESTAMP     NOT NULL,
    expires_at        TIMESTAMP     NOT NULL,
    result_json       TEXT,
    error_code        VARCHAR(64),
    error_description VARCHAR(2000)
);
CREATE INDEX csc_async_operation_expires_at ON csc_async_operation (expires_at);

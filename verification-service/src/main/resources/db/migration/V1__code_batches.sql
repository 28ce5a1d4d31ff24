-- A batch of serialized codes a rights owner orders for one GTIN. The codes themselves and the
-- transparency log arrive with the verification-service issue; the batch is the unit of work.
CREATE TABLE code_batch (
    id              uuid PRIMARY KEY,
    owner_id        uuid        NOT NULL,
    gtin            char(14)    NOT NULL,
    quantity        bigint      NOT NULL CHECK (quantity BETWEEN 1 AND 10000000),
    status          text        NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED')),
    codes_done      bigint      NOT NULL DEFAULT 0,
    resolver_host   text        NOT NULL,
    -- the client's retry key: sending the same request twice creates one batch
    idempotency_key text        NOT NULL,
    created_at      timestamptz NOT NULL,
    CONSTRAINT code_batch_idempotency_uk UNIQUE (owner_id, idempotency_key)
);
CREATE INDEX code_batch_owner_idx ON code_batch (owner_id, created_at);

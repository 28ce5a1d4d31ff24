-- Agent mandates: a principal (the right holder) lets an agent, itself a registered rights
-- owner, file notices on its rights, for all its brands or the listed ones, over a half-open
-- window [valid_from, valid_until). The signed mandate document is kept by its SHA-256; a grant
-- is idempotent on (principal, agent, document): the same document names the same mandate.
-- Revocation is soft (revoked_at) so that a decision taken under a mandate stays explainable.
CREATE TABLE agent_mandate (
    id                 uuid PRIMARY KEY,
    principal_owner_id uuid        NOT NULL REFERENCES rights_owner (id),
    agent_owner_id     uuid        NOT NULL REFERENCES rights_owner (id),
    -- brands of the principal, sorted, no duplicates; empty = all of the principal's brands
    brand_ids          uuid[]      NOT NULL DEFAULT '{}',
    valid_from         timestamptz NOT NULL,
    valid_until        timestamptz,
    document_sha256    text        NOT NULL CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
    created_at         timestamptz NOT NULL,
    revoked_at         timestamptz,
    revoke_reason      text        NOT NULL DEFAULT '',
    -- the idempotency key; its index also serves the standing check's (principal, agent) lookup
    CONSTRAINT agent_mandate_document_uk UNIQUE (principal_owner_id, agent_owner_id, document_sha256),
    CONSTRAINT agent_mandate_not_self_ck CHECK (agent_owner_id <> principal_owner_id),
    CONSTRAINT agent_mandate_window_ck CHECK (valid_until IS NULL OR valid_until > valid_from),
    CONSTRAINT agent_mandate_revoked_ck CHECK (revoked_at IS NOT NULL OR revoke_reason = '')
);
-- ListAgentMandates by principal or by agent, in (created_at, id) order.
CREATE INDEX agent_mandate_principal_idx ON agent_mandate (principal_owner_id, created_at, id);
CREATE INDEX agent_mandate_agent_idx ON agent_mandate (agent_owner_id, created_at, id);

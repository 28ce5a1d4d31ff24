-- Codes are not stored one by one: a code is derived from its batch (GTIN, key, nonce range) and
-- the brand's secret key, so issuing a billion codes stores a few rows per batch, and the
-- transparency log stores one tile hash per 256 entries (the leaves are recomputed).

-- Per-brand secret keys, sealed (AES-256-GCM) with the service's master key; never returned.
CREATE TABLE code_key (
    id              uuid PRIMARY KEY,
    brand_id        uuid        NOT NULL,
    version         int         NOT NULL CHECK (version >= 1),
    -- the key id character inside every serial it issues (version - 1) mod 64
    key_char        smallint    NOT NULL CHECK (key_char BETWEEN 0 AND 63),
    status          text        NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    sealed_secret   bytea       NOT NULL,
    -- nonces handed out so far: batches take contiguous ranges [next_nonce, next_nonce + quantity)
    next_nonce      bigint      NOT NULL DEFAULT 0,
    reason          text        NOT NULL DEFAULT '',
    idempotency_key text,
    created_at      timestamptz NOT NULL,
    retired_at      timestamptz,
    log_index       bigint,
    CONSTRAINT code_key_version_uk UNIQUE (brand_id, version),
    CONSTRAINT code_key_idempotency_uk UNIQUE (brand_id, idempotency_key)
);
CREATE UNIQUE INDEX code_key_one_active ON code_key (brand_id) WHERE status = 'ACTIVE';

ALTER TABLE code_batch
    ADD COLUMN brand_id             uuid,
    ADD COLUMN key_id               uuid REFERENCES code_key (id),
    ADD COLUMN key_char             smallint,
    ADD COLUMN nonce_first          bigint,
    ADD COLUMN started_at           timestamptz,
    ADD COLUMN completed_at         timestamptz,
    ADD COLUMN updated_at           timestamptz,
    ADD COLUMN failure_reason       text NOT NULL DEFAULT '',
    ADD COLUMN codes_per_second     double precision NOT NULL DEFAULT 0,
    ADD COLUMN lease_until          timestamptz,
    ADD COLUMN first_code_log_index bigint,
    ADD COLUMN commitment_log_index bigint;
-- Batches ordered before codes were issued have no key: they cannot be issued, say so.
UPDATE code_batch SET status = 'FAILED', updated_at = now(),
    failure_reason = 'ordered before code issuance existed; order the batch again'
    WHERE key_id IS NULL AND status IN ('PENDING', 'RUNNING');
-- Verify finds a code's batch by (GTIN, key id character, nonce).
CREATE INDEX code_batch_lookup_idx ON code_batch (gtin, key_char, nonce_first);
CREATE INDEX code_batch_queue_idx ON code_batch (created_at) WHERE status IN ('PENDING', 'RUNNING');

-- ---- the transparency log (RFC 9162; C2SP tlog-tiles)

-- The integrated size of the tree; the row lock serializes appenders across replicas.
CREATE TABLE log_state (
    id         smallint PRIMARY KEY CHECK (id = 1),
    size       bigint      NOT NULL,
    root       bytea       NOT NULL,
    updated_at timestamptz NOT NULL
);
INSERT INTO log_state VALUES (1, 0, sha256(''::bytea), now());

-- Entries stored as bytes: batch commitments, lifecycle events, key rotations.
CREATE TABLE log_entry (
    idx           bigint PRIMARY KEY,
    type          text        NOT NULL CHECK (type IN ('BATCH_COMMITMENT', 'LIFECYCLE_EVENT', 'KEY_ROTATION')),
    data          bytea       NOT NULL,
    integrated_at timestamptz NOT NULL
);

-- Code entries, derived from their batch: entries [first_idx, first_idx + count).
CREATE TABLE log_code_range (
    first_idx     bigint PRIMARY KEY,
    count         bigint      NOT NULL CHECK (count > 0),
    batch_id      uuid        NOT NULL UNIQUE REFERENCES code_batch (id),
    integrated_at timestamptz NOT NULL
);

-- Hash tiles of level 1 and above (level-0 tiles are rehashed from the entries): 256 hashes of
-- 32 bytes when full, fewer while the tile is the tree's right edge.
CREATE TABLE log_tile (
    level  smallint NOT NULL CHECK (level >= 1),
    idx    bigint   NOT NULL,
    hashes bytea    NOT NULL CHECK (length(hashes) % 32 = 0 AND length(hashes) BETWEEN 32 AND 8192),
    PRIMARY KEY (level, idx)
);

-- Signed checkpoints, one per tree size published.
CREATE TABLE log_checkpoint (
    size         bigint PRIMARY KEY,
    root         bytea       NOT NULL,
    note         text        NOT NULL,
    published_at timestamptz NOT NULL
);

-- The last integrity check; a failure blocks proofs until repaired.
CREATE TABLE log_integrity (
    id              smallint PRIMARY KEY CHECK (id = 1),
    consistent      boolean     NOT NULL,
    checked_size    bigint      NOT NULL,
    first_bad_index bigint,
    problem         text        NOT NULL,
    checked_at      timestamptz NOT NULL
);

-- ---- scans

-- What is known of a scanned code (codes never scanned have no row). Identity: its log index.
CREATE TABLE code_state (
    log_index        bigint PRIMARY KEY,
    batch_id         uuid        NOT NULL,
    scan_count       bigint      NOT NULL,
    first_scanned_at timestamptz NOT NULL,
    first_country    text        NOT NULL,
    -- the latest located scan (what the travel rule compares the next scan with)
    last_at          timestamptz,
    last_lat         double precision,
    last_lon         double precision,
    last_country     text
);

CREATE TABLE code_scan (
    id          uuid PRIMARY KEY,
    log_index   bigint      NOT NULL,
    scanned_at  timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    country     text        NOT NULL,
    lat         double precision,
    lon         double precision,
    channel     text        NOT NULL,
    verdict     text        NOT NULL CHECK (verdict IN ('GENUINE', 'SUSPECT')),
    reasons     jsonb       NOT NULL
);
CREATE INDEX code_scan_code_idx ON code_scan (log_index, scanned_at DESC, id DESC);

-- ---- lifecycle events (EPCIS 2.0 ObjectEvent)

CREATE TABLE lifecycle_event (
    event_id      uuid PRIMARY KEY,
    owner_id      uuid        NOT NULL,
    action        text        NOT NULL CHECK (action IN ('ADD', 'OBSERVE', 'DELETE')),
    business_step text        NOT NULL,
    event_time    timestamptz NOT NULL,
    -- the event as received (LifecycleEventInput), echoed back unchanged
    input         bytea       NOT NULL,
    recorded_by   text        NOT NULL,
    recorded_role text        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    log_index     bigint      NOT NULL,
    code_count    bigint      NOT NULL
);

-- The codes an event covers, as ranges of log indexes (one code is a range of one).
CREATE TABLE lifecycle_item (
    event_id   uuid        NOT NULL REFERENCES lifecycle_event (event_id),
    codes      int8range   NOT NULL,
    action     text        NOT NULL,
    business_step text     NOT NULL,
    event_time timestamptz NOT NULL
);
CREATE INDEX lifecycle_item_codes_idx ON lifecycle_item USING gist (codes);
CREATE INDEX lifecycle_item_event_idx ON lifecycle_item (event_id);

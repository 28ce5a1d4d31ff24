-- listing-service: risk scores with their signals, takedown holds and transitions, shops with
-- strikes and their history, consumer reports, rescoring jobs.

ALTER TABLE listing
    ADD COLUMN brand_id             uuid,
    ADD COLUMN mentioned_brand_ids  uuid[]      NOT NULL DEFAULT '{}',
    -- every signal that contributed: [{"code","weight","explanation","details":{}}], strongest first
    ADD COLUMN signals              jsonb       NOT NULL DEFAULT '[]',
    ADD COLUMN scored_at            timestamptz,
    ADD COLUMN scoring_version      text        NOT NULL DEFAULT '',
    -- title and description folded as the scorer folds them (case, width, accents), for text search
    ADD COLUMN search_text          text        NOT NULL DEFAULT '',
    -- a reviewer cleared the flag for this content and these signals; it comes back only when they change
    ADD COLUMN flag_cleared_fingerprint text,
    ADD COLUMN fingerprint          text        NOT NULL DEFAULT '',
    ADD COLUMN held_by_shop_suspension boolean  NOT NULL DEFAULT false,
    ADD COLUMN consumer_reports     integer     NOT NULL DEFAULT 0 CHECK (consumer_reports >= 0),
    ADD COLUMN removed_at           timestamptz,
    ADD COLUMN version              bigint      NOT NULL DEFAULT 1,
    -- normalized listing URL (lower-case scheme and host, no fragment, no tracking parameters)
    ADD COLUMN url_key              text;

CREATE INDEX listing_brand_idx ON listing (brand_id, risk_score DESC, id) WHERE brand_id IS NOT NULL;
CREATE INDEX listing_mentions_idx ON listing USING gin (mentioned_brand_ids);
CREATE INDEX listing_updated_idx ON listing (updated_at DESC, id DESC);
CREATE INDEX listing_url_idx ON listing (url_key) WHERE url_key IS NOT NULL;

-- A notice (or a reviewer decision) holding a listing down. Kept after release, so a takedown
-- delivered again after its restore does not take the listing down a second time.
CREATE TABLE listing_hold (
    listing_id  uuid        NOT NULL REFERENCES listing (id),
    notice_id   text        NOT NULL,
    statement   jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    released_at timestamptz,
    release_statement jsonb,
    PRIMARY KEY (listing_id, notice_id)
);
CREATE INDEX listing_hold_live_idx ON listing_hold (listing_id) WHERE released_at IS NULL;

-- Every state change of a listing: who, when, why, and the statement of reasons given to the seller.
CREATE TABLE listing_transition (
    id            uuid        PRIMARY KEY,
    listing_id    uuid        NOT NULL REFERENCES listing (id),
    from_state    text,
    to_state      text        NOT NULL,
    actor_subject text        NOT NULL DEFAULT '',
    actor_role    text        NOT NULL DEFAULT '',
    actor_owner   text        NOT NULL DEFAULT '',
    actor_platform text       NOT NULL DEFAULT '',
    reason        text        NOT NULL,
    notice_id     text,
    strike_id     uuid,
    statement     jsonb,
    occurred_at   timestamptz NOT NULL
);
CREATE INDEX listing_transition_listing_idx ON listing_transition (listing_id, occurred_at, id);

CREATE TABLE shop (
    id                uuid        PRIMARY KEY,
    platform          text        NOT NULL,
    shop_id           text        NOT NULL,
    seller_id         text        NOT NULL DEFAULT '',
    suspended_at      timestamptz,
    suspension_reason text        NOT NULL DEFAULT '',
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT shop_platform_shop_uk UNIQUE (platform, shop_id)
);

CREATE TABLE strike (
    id            uuid        PRIMARY KEY,
    platform      text        NOT NULL,
    shop_id       text        NOT NULL,
    notice_id     text        NOT NULL,
    listing_id    text        NOT NULL DEFAULT '',
    reason        text        NOT NULL DEFAULT '',
    issued_at     timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    revoke_reason text        NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL,
    -- one strike per upheld notice and shop, however often it is delivered
    CONSTRAINT strike_shop_notice_uk UNIQUE (platform, shop_id, notice_id),
    FOREIGN KEY (platform, shop_id) REFERENCES shop (platform, shop_id)
);
CREATE INDEX strike_shop_idx ON strike (platform, shop_id, issued_at DESC);

CREATE TABLE shop_event (
    id                 uuid        PRIMARY KEY,
    platform           text        NOT NULL,
    shop_id            text        NOT NULL,
    type               text        NOT NULL CHECK (type IN ('STRIKE_ADDED', 'STRIKE_EXPIRED', 'STRIKE_REVOKED', 'WARNED', 'SUSPENDED', 'REINSTATED')),
    strike_id          uuid,
    notice_id          text,
    live_strikes_after integer     NOT NULL,
    listings_affected  bigint      NOT NULL DEFAULT 0,
    actor_subject      text        NOT NULL DEFAULT '',
    actor_role         text        NOT NULL DEFAULT '',
    reason             text        NOT NULL DEFAULT '',
    occurred_at        timestamptz NOT NULL,
    FOREIGN KEY (platform, shop_id) REFERENCES shop (platform, shop_id)
);
CREATE INDEX shop_event_shop_idx ON shop_event (platform, shop_id, occurred_at, id);

-- Consumer reports forwarded by complaint-service; the idempotency key is its report id.
CREATE TABLE consumer_report (
    report_id   text        PRIMARY KEY,
    listing_id  uuid        NOT NULL REFERENCES listing (id),
    reason      text        NOT NULL DEFAULT '',
    reported_at timestamptz NOT NULL,
    dismissed   boolean     NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX consumer_report_listing_idx ON consumer_report (listing_id);

CREATE TABLE rescore_job (
    id               uuid        PRIMARY KEY,
    brand_id         uuid        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED')),
    reason           text        NOT NULL DEFAULT '',
    listings_total   bigint      NOT NULL DEFAULT 0,
    listings_done    bigint      NOT NULL DEFAULT 0,
    listings_changed bigint      NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    started_at       timestamptz,
    lease_until      timestamptz,
    completed_at     timestamptz,
    failure_reason   text        NOT NULL DEFAULT ''
);
-- at most one waiting job per brand: requests while one waits are coalesced into it
CREATE UNIQUE INDEX rescore_job_pending_uk ON rescore_job (brand_id) WHERE status = 'PENDING';

-- The last brand-change sequence applied to the cache, so a restart resumes the stream.
CREATE TABLE brand_watch (
    id            integer PRIMARY KEY CHECK (id = 1),
    last_sequence bigint  NOT NULL
);

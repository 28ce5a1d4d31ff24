-- Rights-owner lifecycle: who verified, why rejected or suspended, trusted-flagger status.
ALTER TABLE rights_owner
    ADD COLUMN status_reason              text        NOT NULL DEFAULT '',
    ADD COLUMN verified_at                timestamptz,
    ADD COLUMN verified_by                text        NOT NULL DEFAULT '',
    ADD COLUMN suspended_until            timestamptz,
    ADD COLUMN trusted_flagger            boolean     NOT NULL DEFAULT false,
    ADD COLUMN trusted_flagger_authority  text        NOT NULL DEFAULT '',
    ADD COLUMN trusted_flagger_reference  text        NOT NULL DEFAULT '',
    ADD COLUMN trusted_flagger_granted_at timestamptz,
    ADD COLUMN trusted_flagger_revoked_at timestamptz,
    ADD COLUMN version                    bigint      NOT NULL DEFAULT 1,
    -- legal name folded like brand names (BrandNames.fold), for the reviewers' name search
    ADD COLUMN legal_name_key             text        NOT NULL DEFAULT '';
UPDATE rights_owner SET legal_name_key = lower(legal_name);
-- the verification queue reads the oldest first
CREATE INDEX rights_owner_status_created_idx ON rights_owner (status, created_at, id);

-- Every status change of an owner, with who and why (the reviewer's note stays here).
CREATE TABLE rights_owner_event (
    id         bigserial PRIMARY KEY,
    owner_id   uuid        NOT NULL REFERENCES rights_owner (id),
    status     text        NOT NULL,
    actor      text        NOT NULL,
    reason     text        NOT NULL DEFAULT '',
    note       text        NOT NULL DEFAULT '',
    notice_ids text[]      NOT NULL DEFAULT '{}',
    at         timestamptz NOT NULL
);
CREATE INDEX rights_owner_event_owner_idx ON rights_owner_event (owner_id, id);

ALTER TABLE brand
    ADD COLUMN version                  bigint NOT NULL DEFAULT 1,
    ADD COLUMN distribution_territories text[] NOT NULL DEFAULT '{}',
    -- the folded name and aliases, for ListBrands' prefix search
    ADD COLUMN name_keys                text[] NOT NULL DEFAULT '{}';
UPDATE brand SET name_keys = ARRAY[name_key];
CREATE INDEX brand_name_order_idx ON brand (name, id);

-- A GS1 company prefix belongs to one brand (GS1 allocates it to one company); the registry
-- keeps one row per prefix so that the uniqueness is enforced by the database and the
-- longest-prefix lookup is an index scan.
CREATE TABLE gs1_prefix (
    prefix   text PRIMARY KEY CHECK (prefix ~ '^[0-9]{6,12}$'),
    brand_id uuid NOT NULL REFERENCES brand (id)
);
CREATE INDEX gs1_prefix_brand_idx ON gs1_prefix (brand_id);
INSERT INTO gs1_prefix (prefix, brand_id)
SELECT DISTINCT ON (p) p, id FROM brand, unnest(gs1_company_prefixes) AS p WHERE p ~ '^[0-9]{6,12}$'
ORDER BY p, created_at;

-- The change log behind WatchBrandChanges. Writers take a transaction-scoped advisory lock
-- before appending (BrandChanges), so sequence numbers become visible in commit order and a
-- watcher that has read sequence n never later finds a committed n-1.
CREATE TABLE brand_change (
    sequence      bigserial PRIMARY KEY,
    kind          text        NOT NULL,
    brand_id      uuid,
    owner_id      uuid        NOT NULL,
    entity_id     uuid        NOT NULL,
    brand_version bigint      NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL,
    gtin          text        NOT NULL DEFAULT '',
    platform      text        NOT NULL DEFAULT '',
    shop_id       text        NOT NULL DEFAULT '',
    removed       boolean     NOT NULL DEFAULT false
);

-- Authorized sellers: per brand, the (platform, shop) pairs the owner lists, with markets and a
-- half-open validity window [valid_from, valid_until). Removal is soft (removed_at) so that the
-- change log and past checks stay explainable; re-adding a removed entry revives the same row.
CREATE TABLE authorized_seller (
    id          uuid PRIMARY KEY,
    brand_id    uuid        NOT NULL REFERENCES brand (id),
    owner_id    uuid        NOT NULL REFERENCES rights_owner (id),
    platform    text        NOT NULL,
    shop_id     text        NOT NULL,
    -- ISO alpha-2 codes or "EU"; empty = all markets
    territories text[]      NOT NULL DEFAULT '{}',
    valid_from  timestamptz NOT NULL,
    valid_until timestamptz,
    note        text        NOT NULL DEFAULT '',
    removed_at  timestamptz,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    -- the natural key; its index also serves IsAuthorizedSeller and the per-brand list order
    CONSTRAINT authorized_seller_natural_uk UNIQUE (brand_id, platform, shop_id),
    CONSTRAINT authorized_seller_window_ck CHECK (valid_until IS NULL OR valid_until > valid_from)
);

-- Customs recordations (EU AFA, US CBP, CN GACC, ...). Nested parts are stored as parallel
-- arrays (one element per identification aid / authorized distributor) so that a recordation
-- is one row and the batch match is one query.
CREATE TABLE customs_recordation (
    id                       uuid PRIMARY KEY,
    owner_id                 uuid        NOT NULL REFERENCES rights_owner (id),
    authority                text        NOT NULL,
    recordation_number       text        NOT NULL,
    trademark_ids            text[]      NOT NULL,
    brand_ids                text[]      NOT NULL,
    hs_codes                 text[]      NOT NULL,
    territories              text[]      NOT NULL,
    -- territories with "EU" expanded to the member states (and "EU" kept), for matching
    territory_keys           text[]      NOT NULL,
    authentic_gtins          text[]      NOT NULL DEFAULT '{}',
    authentic_image_hashes   text[]      NOT NULL DEFAULT '{}',
    aid_descriptions         text[]      NOT NULL DEFAULT '{}',
    aid_languages            text[]      NOT NULL DEFAULT '{}',
    -- per aid, its hashes joined with ',' (hex never contains a comma)
    aid_image_hashes         text[]      NOT NULL DEFAULT '{}',
    aid_document_sha256s     text[]      NOT NULL DEFAULT '{}',
    distributor_names        text[]      NOT NULL DEFAULT '{}',
    distributor_countries    text[]      NOT NULL DEFAULT '{}',
    distributor_identifiers  text[]      NOT NULL DEFAULT '{}',
    contact_name             text        NOT NULL,
    contact_organization     text        NOT NULL DEFAULT '',
    contact_email            text        NOT NULL,
    contact_phone            text        NOT NULL,
    contact_address          text        NOT NULL DEFAULT '',
    contact_languages        text[]      NOT NULL DEFAULT '{}',
    valid_from               date        NOT NULL,
    valid_until              date        NOT NULL,
    -- as filed or set; EXPIRED is derived at read time from valid_until
    status                   text        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'WITHDRAWN')),
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    CONSTRAINT customs_recordation_number_uk UNIQUE (authority, recordation_number),
    CONSTRAINT customs_recordation_window_ck CHECK (valid_until >= valid_from)
);
CREATE INDEX customs_recordation_owner_idx ON customs_recordation (owner_id, created_at, id);
CREATE INDEX customs_recordation_brands_idx ON customs_recordation USING gin (brand_ids);
CREATE INDEX customs_recordation_gtins_idx ON customs_recordation USING gin (authentic_gtins);

-- Trademarks: a right counts only as registered with a named office under its number, which is
-- unique per office. EXPIRED is never stored: it is derived at read time from expiry_date, so a
-- mark expires on time whether or not any job has run.
CREATE TABLE trademark (
    id                  uuid PRIMARY KEY,
    owner_id            uuid        NOT NULL REFERENCES rights_owner (id),
    brand_id            uuid        NOT NULL REFERENCES brand (id),
    -- TrademarkOffice value name without its prefix ("CNIPA", "EUIPO")
    office              text        NOT NULL,
    -- as the office writes it, upper case, no spaces
    registration_number text        NOT NULL,
    mark_text           text        NOT NULL DEFAULT '',
    -- Nice classes 1..45, sorted, no duplicates
    nice_classes        int[]       NOT NULL,
    -- ISO alpha-2 codes or "EU"
    territories         text[]      NOT NULL,
    registration_date   date,
    expiry_date         date,
    status              text        NOT NULL CHECK (status IN ('REGISTERED', 'PENDING', 'CANCELLED')),
    evidence_sha256     text        NOT NULL CHECK (evidence_sha256 ~ '^[0-9a-f]{64}$'),
    mark_image_hash     text        NOT NULL DEFAULT '',
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    -- the natural key; its index also serves the list order (office, registration_number)
    CONSTRAINT trademark_office_number_uk UNIQUE (office, registration_number),
    CONSTRAINT trademark_dates_ck CHECK (expiry_date IS NULL OR registration_date IS NULL
        OR expiry_date >= registration_date)
);
CREATE INDEX trademark_owner_idx ON trademark (owner_id, office, registration_number);
CREATE INDEX trademark_brand_idx ON trademark (brand_id, office, registration_number);

-- Products: one row per GTIN-14, under the brand owning the GTIN's longest GS1 company prefix.
-- msrps hold one "CC:CUR:amount_minor" element per market (e.g. "DE:EUR:12999") so that a
-- product is one row and plain SQL can read its prices.
CREATE TABLE product (
    id           uuid PRIMARY KEY,
    brand_id     uuid        NOT NULL REFERENCES brand (id),
    owner_id     uuid        NOT NULL REFERENCES rights_owner (id),
    gtin         text        NOT NULL UNIQUE CHECK (gtin ~ '^[0-9]{14}$'),
    name         text        NOT NULL,
    -- the name folded like brand names (BrandNames.fold), for ListProducts' substring search
    name_key     text        NOT NULL DEFAULT '',
    hs_code      text        NOT NULL CHECK (hs_code ~ '^[0-9]{6}$'),
    msrps        text[]      NOT NULL DEFAULT '{}',
    image_hashes text[]      NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX product_brand_gtin_idx ON product (brand_id, gtin);
CREATE INDEX product_owner_gtin_idx ON product (owner_id, gtin);

-- Rights owners: the legal persons behind brands (DSA Art. 30 "know your business customer").
CREATE TABLE rights_owner (
    id                    uuid PRIMARY KEY,
    legal_name            text        NOT NULL,
    country               char(2)     NOT NULL,
    address               text        NOT NULL,
    phone                 text        NOT NULL,
    email                 text        NOT NULL,
    trade_register_number text        NOT NULL,
    status                text        NOT NULL CHECK (status IN ('PENDING', 'VERIFIED', 'REJECTED', 'SUSPENDED')),
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    -- the natural key: registering the same company twice returns the first registration
    CONSTRAINT rights_owner_register_uk UNIQUE (country, trade_register_number)
);

CREATE TABLE brand (
    id                     uuid PRIMARY KEY,
    owner_id               uuid        NOT NULL REFERENCES rights_owner (id),
    name                   text        NOT NULL,
    -- the name folded for matching (case, width, accents, spacing): one brand per owner and folded name
    name_key               text        NOT NULL,
    aliases                text[]      NOT NULL DEFAULT '{}',
    official_domains       text[]      NOT NULL DEFAULT '{}',
    gs1_company_prefixes   text[]      NOT NULL DEFAULT '{}',
    exclusive_distribution boolean     NOT NULL DEFAULT false,
    official_image_hashes  text[]      NOT NULL DEFAULT '{}',
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    CONSTRAINT brand_owner_name_uk UNIQUE (owner_id, name_key)
);
CREATE INDEX brand_name_key_idx ON brand (name_key);

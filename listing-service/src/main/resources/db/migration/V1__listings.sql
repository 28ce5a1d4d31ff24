-- A marketplace listing as the platform sent it, with its takedown state and risk score.
CREATE TABLE listing (
    id                 uuid PRIMARY KEY,
    platform           text        NOT NULL,
    external_id        text        NOT NULL,
    shop_id            text        NOT NULL,
    seller_id          text        NOT NULL,
    title              text        NOT NULL,
    description        text        NOT NULL DEFAULT '',
    price_minor        bigint      NOT NULL CHECK (price_minor >= 0),
    currency           char(3)     NOT NULL,
    market_country     char(2)     NOT NULL,
    ships_from_country char(2)     NOT NULL,
    gtin               char(14),
    image_hashes       text[]      NOT NULL DEFAULT '{}',
    url                text        NOT NULL DEFAULT '',
    state              text        NOT NULL CHECK (state IN ('ACTIVE', 'FLAGGED', 'TAKEN_DOWN', 'RESTORED', 'REMOVED_BY_SELLER')),
    risk_score         integer     NOT NULL DEFAULT 0 CHECK (risk_score BETWEEN 0 AND 100),
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    -- re-sending a listing updates it, never duplicates it
    CONSTRAINT listing_platform_external_uk UNIQUE (platform, external_id)
);
CREATE INDEX listing_shop_idx ON listing (platform, shop_id);
CREATE INDEX listing_gtin_idx ON listing (gtin) WHERE gtin IS NOT NULL;

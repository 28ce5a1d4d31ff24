-- A consumer's report of a suspected fake. It feeds the listing's risk and a review queue;
-- it never takes anything down by itself.
CREATE TABLE consumer_report (
    id                  uuid PRIMARY KEY,
    platform            text        NOT NULL,
    listing_external_id text        NOT NULL,
    reason              text        NOT NULL,
    -- empty when the consumer reports anonymously
    contact_email       text        NOT NULL DEFAULT '',
    status              text        NOT NULL CHECK (status IN ('RECEIVED', 'IN_REVIEW', 'CLOSED')),
    created_at          timestamptz NOT NULL
);
CREATE INDEX consumer_report_listing_idx ON consumer_report (platform, listing_external_id);
CREATE INDEX consumer_report_queue_idx ON consumer_report (status, created_at);

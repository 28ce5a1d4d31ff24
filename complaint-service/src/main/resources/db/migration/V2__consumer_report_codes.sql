-- Consumers also report a scanned code (the GS1 Digital Link printed on the product), not only a
-- listing. A report is one or the other: platform and listing_external_id stay '' for a code
-- report, digital_link stays '' for a listing report.
ALTER TABLE consumer_report
    ADD COLUMN digital_link     text NOT NULL DEFAULT '',
    ADD COLUMN purchase_country text NOT NULL DEFAULT '';
ALTER TABLE consumer_report
    ADD CONSTRAINT consumer_report_subject_check CHECK (
        (digital_link = '' AND platform <> '' AND listing_external_id <> '')
        OR (digital_link <> '' AND platform = '' AND listing_external_id = '')),
    ADD CONSTRAINT consumer_report_purchase_country_check CHECK (purchase_country ~ '^([A-Z]{2})?$');
-- The reports about one code, for its brand owner.
CREATE INDEX consumer_report_code_idx ON consumer_report (digital_link) WHERE digital_link <> '';

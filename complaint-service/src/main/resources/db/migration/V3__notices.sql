-- Notice and action (DSA Art. 16-23, China E-Commerce Law Arts. 42-43, DMCA 512(c)/(g)).
-- A notice holds 1..300 items, one per listing; each item moves through its own states. Every
-- transition is appended to notice_transition, a hash chain per notice. Deadlines are columns of
-- the items (indexed per state), so a timer is a row the deadline sweep finds after any restart;
-- effects on other services go through the outbox in the same transaction as the decision.

CREATE TABLE notice (
    id                            uuid PRIMARY KEY,
    -- idempotency scope: the caller's subject and its key; fingerprint = hash of the request
    filed_by                      text        NOT NULL,
    idempotency_key               text        NOT NULL,
    request_fingerprint           text        NOT NULL,
    kind                          text        NOT NULL CHECK (kind IN ('RIGHTS_OWNER', 'TRUSTED_FLAGGER', 'CONSUMER_REPORT')),
    state                         text        NOT NULL CHECK (state IN ('RECEIVED', 'UNDER_REVIEW', 'REJECTED', 'ACCEPTED',
                                                                        'CLOSED', 'WITHDRAWN')),
    platform                      text        NOT NULL,
    jurisdiction                  text        NOT NULL CHECK (jurisdiction IN ('CN', 'US', 'EU')),
    notifier_owner_id             uuid,
    notifier_name                 text        NOT NULL,
    notifier_email                text        NOT NULL,
    notifier_phone                text        NOT NULL DEFAULT '',
    principal_owner_id            uuid,
    agent_mandate_id              uuid,
    trusted_flagger               boolean     NOT NULL,
    right_type                    text        NOT NULL CHECK (right_type IN ('NONE', 'TRADEMARK', 'COPYRIGHT')),
    trademark_id                  uuid,
    brand_id                      uuid,
    registration_number           text        NOT NULL DEFAULT '',
    copyright_work_description    text        NOT NULL DEFAULT '',
    copyright_registration_number text        NOT NULL DEFAULT '',
    explanation                   text        NOT NULL,
    good_faith                    boolean     NOT NULL,
    accurate                      boolean     NOT NULL,
    authorized_to_act             boolean     NOT NULL,
    signature                     text        NOT NULL DEFAULT '',
    client_reference              text        NOT NULL DEFAULT '',
    consumer_report_id            uuid,
    received_at                   timestamptz NOT NULL,
    decision_due_at               timestamptz NOT NULL,
    decided_at                    timestamptz,
    assigned_reviewer             text        NOT NULL DEFAULT '',
    updated_at                    timestamptz NOT NULL,
    version                       bigint      NOT NULL,
    -- head of the audit hash chain (sequence and hash of the last transition)
    audit_sequence                bigint      NOT NULL DEFAULT 0,
    audit_head                    text        NOT NULL,
    UNIQUE (filed_by, idempotency_key)
);
CREATE INDEX notice_platform_idx ON notice (platform, received_at DESC, id DESC);
CREATE INDEX notice_notifier_idx ON notice (notifier_owner_id, received_at DESC, id DESC);
CREATE INDEX notice_received_idx ON notice (received_at DESC, id DESC);
-- the reviewer queue: open notices by priority and due time
CREATE INDEX notice_open_idx ON notice (decision_due_at, id) WHERE state IN ('RECEIVED', 'UNDER_REVIEW');

-- Documents offered as evidence, by any record that carries them (notice, counter-notice,
-- legal-action proof, appeal).
CREATE TABLE evidence_document (
    record_id   uuid    NOT NULL,
    position    int     NOT NULL,
    sha256      text    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    uri         text    NOT NULL DEFAULT '',
    media_type  text    NOT NULL DEFAULT '',
    description text    NOT NULL DEFAULT '',
    PRIMARY KEY (record_id, position)
);

CREATE TABLE notice_item (
    id                      uuid PRIMARY KEY,
    notice_id               uuid        NOT NULL REFERENCES notice (id),
    position                int         NOT NULL,
    reference_url           text        NOT NULL DEFAULT '',
    reference_external_id   text        NOT NULL DEFAULT '',
    listing_id              uuid        NOT NULL,
    listing_external_id     text        NOT NULL,
    -- the platform's shop id (with the notice's platform, the shop's key in listing-service)
    shop_id                 text        NOT NULL,
    listing_created_at      timestamptz NOT NULL,
    state                   text        NOT NULL CHECK (state IN ('PENDING', 'REJECTED', 'ACCEPTED', 'COUNTER_NOTICED',
                                                                  'UPHELD', 'RESTORED', 'WITHDRAWN')),
    -- the latest statement of reasons (cloudsword.common.v1.StatementOfReasons, protobuf bytes)
    statement               bytea,
    decision_reason         text        NOT NULL DEFAULT '',
    decided_at              timestamptz,
    decided_by              text        NOT NULL DEFAULT '',
    takedown_applied_at     timestamptz,
    counter_notice_deadline timestamptz,
    legal_action_deadline   timestamptz,
    restore_not_before      timestamptz,
    appeal_deadline         timestamptz,
    counter_notice_id       uuid,
    legal_action_proof_id   uuid,
    strike_id               text        NOT NULL DEFAULT '',
    -- counts for notifier accountability: the item's takedown was lifted by a counter-notice
    -- or a granted seller appeal
    restored_by             text        NOT NULL DEFAULT '' CHECK (restored_by IN ('', 'COUNTER_NOTICE', 'APPEAL',
                                                                                  'WITHDRAWAL')),
    UNIQUE (notice_id, position)
);
CREATE INDEX notice_item_listing_idx ON notice_item (listing_id);
CREATE INDEX notice_item_shop_idx ON notice_item (shop_id);
CREATE INDEX notice_item_decided_idx ON notice_item (decided_at) WHERE decided_at IS NOT NULL;
-- the deadline sweep: each timer is an item in a waiting state with its deadline
CREATE INDEX notice_item_counter_deadline_idx ON notice_item (counter_notice_deadline) WHERE state = 'ACCEPTED';
CREATE INDEX notice_item_legal_deadline_idx ON notice_item (legal_action_deadline) WHERE state = 'COUNTER_NOTICED';

CREATE TABLE notice_abuse_mark (
    notice_id   uuid        NOT NULL REFERENCES notice (id),
    kind        text        NOT NULL CHECK (kind IN ('MANIFESTLY_UNFOUNDED', 'MALICIOUS')),
    explanation text        NOT NULL,
    marked_by   text        NOT NULL,
    marked_at   timestamptz NOT NULL,
    PRIMARY KEY (notice_id, kind)
);

CREATE TABLE counter_notice (
    id                    uuid PRIMARY KEY,
    notice_id             uuid        NOT NULL REFERENCES notice (id),
    filed_by              text        NOT NULL,
    idempotency_key       text        NOT NULL,
    request_fingerprint   text        NOT NULL,
    item_ids              uuid[]      NOT NULL,
    state                 text        NOT NULL CHECK (state IN ('RECEIVED', 'FORWARDED', 'SUCCEEDED', 'FAILED',
                                                                'WITHDRAWN')),
    seller_name           text        NOT NULL,
    seller_email          text        NOT NULL,
    seller_address        text        NOT NULL DEFAULT '',
    shop_id               text        NOT NULL,
    explanation           text        NOT NULL,
    good_faith            boolean     NOT NULL,
    consent_to_jurisdiction boolean   NOT NULL,
    signature             text        NOT NULL,
    received_at           timestamptz NOT NULL,
    forwarded_at          timestamptz,
    legal_action_deadline timestamptz,
    restore_not_before    timestamptz,
    resolved_at           timestamptz,
    UNIQUE (filed_by, idempotency_key)
);
CREATE INDEX counter_notice_notice_idx ON counter_notice (notice_id);

CREATE TABLE legal_action_proof (
    id                  uuid PRIMARY KEY,
    notice_id           uuid        NOT NULL REFERENCES notice (id),
    filed_by            text        NOT NULL,
    idempotency_key     text        NOT NULL,
    request_fingerprint text        NOT NULL,
    item_ids            uuid[]      NOT NULL,
    kind                text        NOT NULL CHECK (kind IN ('COMPLAINT_TO_AUTHORITY', 'LAWSUIT')),
    authority_or_court  text        NOT NULL,
    case_reference      text        NOT NULL,
    filed_on            date,
    received_at         timestamptz NOT NULL,
    UNIQUE (filed_by, idempotency_key)
);

CREATE TABLE appeal (
    id                   uuid PRIMARY KEY,
    notice_id            uuid        NOT NULL REFERENCES notice (id),
    filed_by             text        NOT NULL,
    idempotency_key      text        NOT NULL,
    request_fingerprint  text        NOT NULL,
    item_ids             uuid[]      NOT NULL,
    appellant            text        NOT NULL CHECK (appellant IN ('SELLER', 'NOTIFIER')),
    state                text        NOT NULL CHECK (state IN ('FILED', 'GRANTED', 'DENIED')),
    grounds              text        NOT NULL,
    filer_role           text        NOT NULL,
    filer_owner_id       text        NOT NULL DEFAULT '',
    filer_platform       text        NOT NULL DEFAULT '',
    contact_email        text        NOT NULL,
    filed_at             timestamptz NOT NULL,
    decision_due_at      timestamptz NOT NULL,
    original_reviewer    text        NOT NULL,
    decided_at           timestamptz,
    decided_by           text        NOT NULL DEFAULT '',
    decision_explanation text        NOT NULL DEFAULT '',
    UNIQUE (filed_by, idempotency_key)
);
CREATE INDEX appeal_notice_idx ON appeal (notice_id);
CREATE INDEX appeal_open_idx ON appeal (decision_due_at, id) WHERE state = 'FILED';

-- The audit trail: append-only (a trigger refuses UPDATE and DELETE), hash-chained per notice.
CREATE TABLE notice_transition (
    notice_id     uuid        NOT NULL REFERENCES notice (id),
    sequence      bigint      NOT NULL CHECK (sequence > 0),
    subject       text        NOT NULL,
    subject_id    text        NOT NULL,
    from_state    text        NOT NULL,
    to_state      text        NOT NULL,
    actor_subject text        NOT NULL,
    actor_role    text        NOT NULL,
    actor_owner_id text       NOT NULL,
    actor_platform text       NOT NULL,
    reason        text        NOT NULL,
    detail_keys   text[]      NOT NULL,
    detail_values text[]      NOT NULL,
    occurred_at   timestamptz NOT NULL,
    prev_hash     text        NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash          text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (notice_id, sequence)
);
CREATE INDEX notice_transition_time_idx ON notice_transition (occurred_at);

CREATE FUNCTION notice_transition_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'notice_transition is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER notice_transition_append_only BEFORE UPDATE OR DELETE ON notice_transition
    FOR EACH ROW EXECUTE FUNCTION notice_transition_append_only();

-- Effects on other services, written in the transaction that decided them and delivered at least
-- once (listing-service and brand-registry's methods are idempotent). Rows of one ordering key
-- (a notice item, a notifier) are delivered in id order: a restore never overtakes its takedown.
CREATE TABLE outbox (
    id              bigserial PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('TAKE_DOWN', 'RESTORE', 'ADD_STRIKE', 'REVOKE_STRIKE',
                                                         'RECORD_CONSUMER_REPORT', 'SUSPEND_NOTIFIER')),
    ordering_key    text        NOT NULL,
    notice_id       uuid,
    item_id         uuid,
    payload         bytea       NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    delivered_at    timestamptz,
    -- a refusal that no retry can fix (the listing is gone): kept for an operator, not retried
    failed_at       timestamptz,
    last_error      text        NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, id) WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_key_idx ON outbox (ordering_key, id) WHERE delivered_at IS NULL AND failed_at IS NULL;

-- Decisions on a platform's listings for partners' subscriptions (WatchDecisions). Sequences are
-- handed out under the platform's decision_head row lock, so they commit in order.
CREATE TABLE decision_head (
    platform      text PRIMARY KEY,
    last_sequence bigint NOT NULL
);
CREATE TABLE decision_event (
    platform            text        NOT NULL,
    sequence            bigint      NOT NULL,
    notice_id           uuid        NOT NULL,
    item_id             uuid        NOT NULL,
    listing_id          uuid        NOT NULL,
    listing_external_id text        NOT NULL,
    shop_id             text        NOT NULL,
    state               text        NOT NULL,
    statement           bytea,
    occurred_at         timestamptz NOT NULL,
    PRIMARY KEY (platform, sequence)
);

-- Notifier standing: good-faith program membership and suspension from filing (DSA Art. 23).
CREATE TABLE notifier_standing (
    owner_id          uuid PRIMARY KEY,
    good_faith_status text        NOT NULL CHECK (good_faith_status IN ('NOT_ADMITTED', 'ADMITTED', 'EXCLUDED')),
    good_faith_since  timestamptz,
    excluded_until    timestamptz,
    suspended_until   timestamptz,
    updated_at        timestamptz NOT NULL
);

-- Consumer reports become CONSUMER_REPORT notices (listing reports) and carry their outcome.
ALTER TABLE consumer_report
    ADD COLUMN listing_id      uuid,
    ADD COLUMN notice_id       uuid,
    ADD COLUMN outcome_summary text        NOT NULL DEFAULT '',
    ADD COLUMN idempotency_key text,
    ADD COLUMN updated_at      timestamptz;
UPDATE consumer_report SET updated_at = created_at;
ALTER TABLE consumer_report ALTER COLUMN updated_at SET NOT NULL;
CREATE UNIQUE INDEX consumer_report_idempotency_idx ON consumer_report (idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX consumer_report_created_idx ON consumer_report (created_at DESC, id DESC);

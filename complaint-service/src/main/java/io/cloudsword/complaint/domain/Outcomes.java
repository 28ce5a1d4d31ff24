package io.cloudsword.complaint.domain;

import java.util.Map;

import io.cloudsword.api.common.v1.StatementOfReasons;

/** The two ends of an accepted item, shared by proofs, timers, appeals: upheld with a strike, or restored. */
final class Outcomes {

    private Outcomes() {
    }

    /** The takedown stands: the shop gets a strike (one per shop and notice in listing-service). */
    static void uphold(Change change, NoticeItem item, ItemState.Event event, String reason, Map<String, String> details) {
        change.move(item, event, "item_ids", reason, details);
        change.effect(Effect.addStrike(change.notice, item, reason, change.now));
    }

    /**
     * The listing comes back, with a statement to the seller. An upheld item's strike is revoked
     * unless another upheld listing of the same shop in this notice still carries it.
     */
    static void restore(Change change, NoticeItem item, ItemState.Event event, String restoredBy, String reason,
            StatementOfReasons statement) {
        Notice n = change.notice;
        boolean hadStrike = item.state == ItemState.UPHELD;
        change.setStatement(item, statement);
        item.restoredBy = restoredBy;
        change.move(item, event, "item_ids", reason, Map.of("statement_id", statement.getId()));
        change.effect(Effect.restore(n, item, statement));
        if (hadStrike && n.items.stream().noneMatch(o -> o != item && o.state == ItemState.UPHELD
                && o.shopId.equals(item.shopId))) {
            change.effect(Effect.revokeStrike(n, item, reason));
        }
    }
}

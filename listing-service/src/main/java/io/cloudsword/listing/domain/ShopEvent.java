package io.cloudsword.listing.domain;

import java.time.Instant;
import java.util.UUID;

/** One entry of a shop's history: strikes, warnings, suspension, reinstatement. */
public record ShopEvent(UUID id, String platform, String shopId, Type type, UUID strikeId, String noticeId,
        int liveStrikesAfter, long listingsAffected, String actorSubject, String actorRole, String reason,
        Instant occurredAt) {

    public enum Type {
        STRIKE_ADDED, STRIKE_EXPIRED, STRIKE_REVOKED, WARNED, SUSPENDED, REINSTATED
    }
}

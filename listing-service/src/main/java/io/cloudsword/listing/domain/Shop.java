package io.cloudsword.listing.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A shop on its platform and its standing: SUSPENDED once it reached the strike threshold (until
 * a reviewer reinstates it), WARNED with live strikes below it, ACTIVE with none.
 */
public record Shop(UUID id, String platform, String shopId, String sellerId, Status status, int liveStrikes,
        Instant suspendedAt, String suspensionReason, long activeListings, long takenDownListings, Instant createdAt,
        Instant updatedAt) {

    public enum Status {
        ACTIVE, WARNED, SUSPENDED
    }

    public static Status status(boolean suspended, int liveStrikes) {
        return suspended ? Status.SUSPENDED : liveStrikes > 0 ? Status.WARNED : Status.ACTIVE;
    }
}

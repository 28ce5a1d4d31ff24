package io.cloudsword.listing.domain;

import java.time.Instant;
import java.util.UUID;

/** A strike against a shop for an upheld notice; live until it expires or is revoked. */
public record Strike(UUID id, String platform, String shopId, String noticeId, String listingId, String reason,
        Instant issuedAt, Instant expiresAt, Instant revokedAt, String revokeReason) {

    public boolean liveAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}

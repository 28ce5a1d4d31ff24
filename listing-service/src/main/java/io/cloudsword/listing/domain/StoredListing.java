package io.cloudsword.listing.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cloudsword.listing.scoring.RiskSignal;

/** A listing as stored: the platform's data, its state, its score with signals, and its holds. */
public record StoredListing(UUID id, ListingData data, ListingState state, int riskScore, List<RiskSignal> signals,
        String brandId, List<String> mentionedBrandIds, Instant scoredAt, String scoringVersion,
        List<String> takedownNoticeIds, boolean heldByShopSuspension, int consumerReports, long version,
        Instant createdAt, Instant updatedAt, String fingerprint, String flagClearedFingerprint) {
}

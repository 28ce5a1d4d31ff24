package io.cloudsword.complaint.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A consumer's report of a suspected fake: a listing (it becomes a CONSUMER_REPORT notice in the
 * review queue and a signal in the listing's risk score) or a scanned code (for its brand owner).
 *
 * @param status RECEIVED, IN_REVIEW or CLOSED
 */
public record ConsumerReport(UUID id, String platform, String listingExternalId, String reason, String contactEmail,
        String status, Instant createdAt, UUID listingId, String digitalLink, String purchaseCountry, UUID noticeId,
        String outcomeSummary, Instant updatedAt) {
}

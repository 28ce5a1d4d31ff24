package io.cloudsword.complaint.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The seller's counter-notice (E-Commerce Law Art. 43; DMCA 512(g)(3)) for accepted items of one shop. */
public record CounterNotice(UUID id, UUID noticeId, List<UUID> itemIds, String state, String sellerName,
        String sellerEmail, String sellerAddress, String shopId, String explanation, List<Evidence> evidence,
        boolean goodFaith, boolean consentToJurisdiction, String signature, Instant receivedAt, Instant forwardedAt,
        Instant legalActionDeadline, Instant restoreNotBefore, Instant resolvedAt) {
}

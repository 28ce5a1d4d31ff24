package io.cloudsword.complaint.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An internal complaint against a decision (DSA Art. 20), decided by another reviewer. */
public record Appeal(UUID id, UUID noticeId, List<UUID> itemIds, String appellant, String state, String grounds,
        List<Evidence> evidence, AuditRecord.Actor filedBy, String contactEmail, Instant filedAt,
        Instant decisionDueAt, String originalReviewer, Instant decidedAt, String decidedBy,
        String decisionExplanation) {
}

package io.cloudsword.verification.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A code batch as stored (status PENDING, RUNNING, COMPLETED or FAILED). */
public record BatchView(UUID id, UUID ownerId, UUID brandId, String gtin, long quantity, String status, long codesDone,
        OffsetDateTime createdAtExact, String resolverHost, Instant startedAt, Instant completedAt,
        String failureReason, UUID keyId, Long commitmentLogIndex, Long firstCodeLogIndex, Instant updatedAt,
        double codesPerSecond) {

    public boolean finished() {
        return "COMPLETED".equals(status) || "FAILED".equals(status);
    }
}

package io.cloudsword.complaint.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The notifier's proof that it complained to an authority or sued, within the waiting period. */
public record LegalActionProof(UUID id, UUID noticeId, List<UUID> itemIds, String kind, String authorityOrCourt,
        String caseReference, LocalDate filedOn, List<Evidence> evidence, Instant receivedAt) {
}

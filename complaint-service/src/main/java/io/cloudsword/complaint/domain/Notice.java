package io.cloudsword.complaint.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A notice as stored: who filed it, the right relied on, the explanation, the evidence, the
 * declarations, and its items. Mutable within one transaction, which holds the notice's row
 * lock: every change of a notice and its items happens under that lock, so the audit chain
 * (audit_sequence, audit_head) grows one record at a time.
 */
public final class Notice {

    /** The filer (DSA 16(2)(c)): a rights owner or its agent, or a consumer. */
    public record Notifier(UUID ownerId, String name, String email, String phone, UUID principalOwnerId,
            UUID agentMandateId, boolean trustedFlagger) {
        /** The holder of the right relied on: the principal when an agent files. */
        public UUID rightHolder() {
            return principalOwnerId != null ? principalOwnerId : ownerId;
        }
    }

    /** The right relied on; type NONE for consumer reports. */
    public record Right(String type, UUID trademarkId, UUID brandId, String registrationNumber,
            String copyrightWorkDescription, String copyrightRegistrationNumber) {
    }

    /** The notifier's declarations (DSA 16(2)(d), DMCA 512(c)(3)(A)(v)-(vi)). */
    public record Statements(boolean goodFaith, boolean accurate, boolean authorizedToAct, String signature) {
    }

    public record AbuseMark(String kind, String explanation, String markedBy, Instant markedAt) {
    }

    public UUID id;
    public String filedBy;
    public NoticeKind kind;
    public NoticeState state;
    public String platform;
    public Jurisdiction jurisdiction;
    public Notifier notifier;
    public Right right;
    public String explanation;
    public List<Evidence> evidence = List.of();
    public Statements statements;
    public String clientReference = "";
    public UUID consumerReportId;
    public Instant receivedAt;
    public Instant decisionDueAt;
    public Instant decidedAt;
    public String assignedReviewer = "";
    public Instant updatedAt;
    public long version;
    public long auditSequence;
    public String auditHead = AuditRecord.GENESIS;
    public List<NoticeItem> items = new ArrayList<>();
    public List<AbuseMark> abuseMarks = new ArrayList<>();

    public NoticeItem item(UUID itemId) {
        for (NoticeItem i : items) {
            if (i.id.equals(itemId)) {
                return i;
            }
        }
        return null;
    }

    /** Whether the owner filed it, or it was filed for the owner by an agent. */
    public boolean concernsOwner(String ownerId) {
        return ownerId != null && notifier.ownerId() != null && (ownerId.equals(notifier.ownerId().toString())
                || (notifier.principalOwnerId() != null && ownerId.equals(notifier.principalOwnerId().toString())));
    }
}

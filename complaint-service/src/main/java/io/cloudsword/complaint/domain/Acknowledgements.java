package io.cloudsword.complaint.domain;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.complaint.domain.AuditRecord.Draft;
import io.cloudsword.complaint.domain.AuditRecord.Subject;
import io.cloudsword.complaint.repository.AuditStore;
import io.cloudsword.complaint.repository.NoticeStore;

/**
 * What the other services answered to delivered effects, written onto the notices: when a
 * takedown was applied, which strike was recorded, and effects refused for good. Each is an
 * EFFECT record in the notice's audit trail. Acknowledgements change no state, so they touch
 * only the columns they set and the notice's audit head, not the whole notice: the relay writes
 * thousands of them a second under load.
 */
@ApplicationScoped
public class Acknowledgements {

    public record Ack(Kind kind, UUID noticeId, UUID itemId, String value) {
        public enum Kind {
            TAKEDOWN_APPLIED, RESTORE_APPLIED, STRIKE_RECORDED, STRIKE_REVOKED, EFFECT_FAILED
        }
    }

    private final NoticeStore notices;
    private final AuditStore audit;

    public Acknowledgements(NoticeStore notices, AuditStore audit) {
        this.notices = notices;
        this.audit = audit;
    }

    public void apply(Connection c, List<Ack> acks, Instant now) throws SQLException {
        Map<UUID, List<Ack>> byNotice = new LinkedHashMap<>();
        for (Ack a : acks) {
            if (a.noticeId() != null && a.itemId() != null) {
                byNotice.computeIfAbsent(a.noticeId(), k -> new ArrayList<>()).add(a);
            }
        }
        if (byNotice.isEmpty()) {
            return;
        }
        List<UUID> applied = new ArrayList<>();
        // audit heads locked in id order, like every other transaction that locks several notices
        for (Notice head : notices.lockHeads(c, byNotice.keySet())) {
            List<Draft> drafts = new ArrayList<>();
            for (Ack a : byNotice.get(head.id)) {
                switch (a.kind()) {
                    case TAKEDOWN_APPLIED -> applied.add(a.itemId());
                    case STRIKE_RECORDED -> notices.setStrike(c, a.itemId(), a.value());
                    default -> {
                    }
                }
                drafts.add(new Draft(Subject.EFFECT, a.itemId().toString(), "", a.kind().name(),
                        AuditRecord.Actor.OUTBOX, a.value(), Map.of()));
            }
            audit.append(c, head, drafts, now);
            notices.advanceHead(c, head, now);
        }
        notices.markTakedownsApplied(c, applied, now);
    }
}

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

import io.cloudsword.complaint.domain.AuditRecord.Subject;
import io.cloudsword.complaint.repository.NoticeStore;

/**
 * What the other services answered to delivered effects, written onto the notices: when a
 * takedown was applied, which strike was recorded, and effects refused for good. Each is an
 * EFFECT record in the notice's audit trail.
 */
@ApplicationScoped
public class Acknowledgements {

    public record Ack(Kind kind, UUID noticeId, UUID itemId, String value) {
        public enum Kind {
            TAKEDOWN_APPLIED, RESTORE_APPLIED, STRIKE_RECORDED, STRIKE_REVOKED, EFFECT_FAILED
        }
    }

    private final NoticeStore notices;
    private final Workflow workflow;

    public Acknowledgements(NoticeStore notices, Workflow workflow) {
        this.notices = notices;
        this.workflow = workflow;
    }

    public void apply(Connection c, List<Ack> acks, Instant now) throws SQLException {
        Map<UUID, List<Ack>> byNotice = new LinkedHashMap<>();
        for (Ack a : acks) {
            if (a.noticeId() != null && a.itemId() != null) {
                byNotice.computeIfAbsent(a.noticeId(), k -> new ArrayList<>()).add(a);
            }
        }
        // locked in id order (NoticeStore.load sorts), like every other multi-notice transaction
        for (Notice n : notices.load(c, byNotice.keySet(), true)) {
            Change change = workflow.begin(n, AuditRecord.Actor.OUTBOX, now);
            for (Ack a : byNotice.get(n.id)) {
                NoticeItem item = n.item(a.itemId());
                if (item == null) {
                    continue;
                }
                switch (a.kind()) {
                    case TAKEDOWN_APPLIED -> {
                        if (item.takedownAppliedAt == null) {
                            item.takedownAppliedAt = now;
                            change.touched(item);
                        }
                    }
                    case STRIKE_RECORDED -> {
                        item.strikeId = a.value();
                        change.touched(item);
                    }
                    default -> {
                    }
                }
                change.record(Subject.EFFECT, item.id.toString(), "", a.kind().name(), a.value(),
                        Map.of("listing_id", item.listingId.toString()));
            }
            workflow.save(c, change);
        }
    }
}

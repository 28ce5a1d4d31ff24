package io.cloudsword.complaint.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cloudsword.api.common.v1.StatementOfReasons;
import io.cloudsword.complaint.domain.AuditRecord.Actor;
import io.cloudsword.complaint.domain.AuditRecord.Draft;
import io.cloudsword.complaint.domain.AuditRecord.Subject;
import io.cloudsword.complaint.repository.DecisionFeed;

/**
 * What one transaction does to one locked notice: item moves (each checked against the
 * workflow table), and what follows from them: audit records, outbox effects and decision
 * events. {@link Workflow#save} writes it all in the same transaction, so a decision and its
 * effects are stored together or not at all.
 */
public final class Change {

    public final Notice notice;
    public final Actor actor;
    public final Instant now;
    final List<Draft> audit = new ArrayList<>();
    final List<Effect> effects = new ArrayList<>();
    final List<DecisionFeed.Event> decisions = new ArrayList<>();
    final Set<NoticeItem> changedItems = new LinkedHashSet<>();
    private final NoticeState stateBefore;
    private boolean noticeChanged;

    Change(Notice notice, Actor actor, Instant now) {
        this.notice = notice;
        this.actor = actor;
        this.now = now;
        this.stateBefore = notice.state;
    }

    /**
     * Moves the item by the event (refusing a move the table does not allow), records who, why and
     * the details, and publishes the decision on the platform's feed.
     */
    public void move(NoticeItem item, ItemState.Event event, String field, String reason, Map<String, String> details) {
        ItemState from = item.state;
        item.state = event.from(from, field);
        changedItems.add(item);
        audit.add(new Draft(Subject.NOTICE_ITEM, item.id.toString(), from.name(), item.state.name(), actor,
                reason, details));
        decisions.add(new DecisionFeed.Event(notice.platform, 0, notice.id, item.id, item.listingId,
                item.listingExternalId, item.shopId, item.state.name(), item.statement, now));
    }

    /** A record about the notice or an attached record (counter-notice, proof, appeal, effect). */
    public void record(Subject subject, String subjectId, String from, String to, String reason,
            Map<String, String> details) {
        audit.add(new Draft(subject, subjectId, from, to, actor, reason, details));
        noticeChanged = true;
    }

    public void effect(Effect e) {
        effects.add(e);
    }

    public void setStatement(NoticeItem item, StatementOfReasons statement) {
        item.statement = statement.toByteArray();
        changedItems.add(item);
    }

    public boolean isEmpty() {
        return audit.isEmpty() && changedItems.isEmpty() && !noticeChanged;
    }

    /** The notice's summary state after the items moved, recorded when it changes. */
    void settle() {
        NoticeState next = NoticeState.summarize(notice.state, notice.items.stream().map(i -> i.state).toList());
        if (next != notice.state) {
            audit.add(new Draft(Subject.NOTICE, "", notice.state.name(), next.name(), actor, "", Map.of()));
            notice.state = next;
        }
        if (notice.state != stateBefore || !changedItems.isEmpty() || noticeChanged) {
            notice.version++;
            notice.updatedAt = now;
        }
    }
}

package io.cloudsword.complaint.domain;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.complaint.effects.OutboxRelay;
import io.cloudsword.complaint.repository.AuditStore;
import io.cloudsword.complaint.repository.DecisionFeed;
import io.cloudsword.complaint.repository.NoticeStore;
import io.cloudsword.complaint.repository.OutboxStore;
import io.cloudsword.kit.jdbc.Transactions;

/** Writes a {@link Change} in the current transaction, and wakes the outbox relay after the commit. */
@ApplicationScoped
public class Workflow {

    private final NoticeStore notices;
    private final AuditStore audit;
    private final OutboxStore outbox;
    private final DecisionFeed feed;
    private final OutboxRelay relay;

    public Workflow(NoticeStore notices, AuditStore audit, OutboxStore outbox, DecisionFeed feed, OutboxRelay relay) {
        this.notices = notices;
        this.audit = audit;
        this.outbox = outbox;
        this.feed = feed;
        this.relay = relay;
    }

    public Change begin(Notice notice, AuditRecord.Actor actor, java.time.Instant now) {
        return new Change(notice, actor, now);
    }

    /** Effects that belong to no notice change (a consumer report's signal), in the current transaction. */
    public void enqueue(Connection c, java.util.List<Effect> effects, java.time.Instant now) throws SQLException {
        outbox.enqueue(c, effects, now);
        Transactions.afterCommit(relay::wake);
    }

    public void save(Connection c, Change change) throws SQLException {
        change.settle();
        if (change.isEmpty()) {
            return;
        }
        notices.updateItems(c, change.changedItems);
        audit.append(c, change.notice, change.audit, change.now);
        notices.update(c, change.notice);
        outbox.enqueue(c, change.effects, change.now);
        feed.publish(c, change.notice.platform, change.decisions);
        if (!change.effects.isEmpty()) {
            Transactions.afterCommit(relay::wake);
        }
    }
}

package io.cloudsword.complaint.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.cloudsword.complaint.domain.AuditRecord.Subject;
import io.cloudsword.complaint.repository.NoticeStore;
import io.cloudsword.complaint.repository.RecordStore;
import io.cloudsword.kit.jdbc.Transactions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The durable timers: a deadline is a column of an item in a waiting state, so it survives any
 * restart and is found by the next sweep. An ACCEPTED item past its counter-notice deadline
 * becomes UPHELD (strike); a COUNTER_NOTICED item past its waiting period is RESTORED. Each
 * notice is handled under its row lock, taken with SKIP LOCKED, and the item's state is checked
 * again under it: two replicas sweeping at once, or a sweep racing a proof filed at the last
 * moment, fire each timer once.
 */
@ApplicationScoped
public class Deadlines {

    private static final Logger LOG = Logger.getLogger(Deadlines.class);
    private static final int BATCH = 100;

    private final Transactions tx;
    private final NoticeStore notices;
    private final RecordStore records;
    private final Workflow workflow;
    private final Clock clock;
    private final boolean enabled;
    private final Duration interval;
    private ScheduledExecutorService timer;

    @Inject
    public Deadlines(Transactions tx, NoticeStore notices, RecordStore records, Workflow workflow, Clock clock,
            @ConfigProperty(name = "cloudsword.deadlines.worker-enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "cloudsword.deadlines.interval", defaultValue = "PT10S") Duration interval) {
        this.tx = tx;
        this.notices = notices;
        this.records = records;
        this.workflow = workflow;
        this.clock = clock;
        this.enabled = enabled;
        this.interval = interval;
    }

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notice-deadlines");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                fireDue();
            } catch (RuntimeException e) {
                LOG.warnf("Deadline sweep: %s", e.getMessage());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Fires every deadline that has come; returns how many items moved. */
    public int fireDue() {
        int moved = 0;
        while (true) {
            Instant now = clock.instant();
            List<UUID> due = tx.read(c -> notices.noticesWithDueDeadlines(c, now, BATCH));
            int round = 0;
            for (UUID id : due) {
                round += tx.inTransaction(c -> {
                    java.util.Optional<Notice> locked = notices.tryLock(c, id);
                    return locked.isPresent() ? fire(c, locked.get(), now) : 0;
                });
            }
            moved += round;
            if (due.size() < BATCH || round == 0) {
                return moved;
            }
        }
    }

    private int fire(java.sql.Connection c, Notice n, Instant now) throws java.sql.SQLException {
        Change change = workflow.begin(n, AuditRecord.Actor.TIMER, now);
        List<UUID> succeeded = new ArrayList<>();
        int moved = 0;
        for (NoticeItem it : n.items) {
            if (it.state == ItemState.ACCEPTED && it.counterNoticeDeadline != null
                    && !now.isBefore(it.counterNoticeDeadline)) {
                Outcomes.uphold(change, it, ItemState.Event.COUNTER_NOTICE_PERIOD_ENDED, "NO_COUNTER_NOTICE",
                        Map.of("counter_notice_deadline", it.counterNoticeDeadline.toString()));
                moved++;
            } else if (it.state == ItemState.COUNTER_NOTICED && it.legalActionDeadline != null
                    && !now.isBefore(it.legalActionDeadline)
                    && (it.restoreNotBefore == null || !now.isBefore(it.restoreNotBefore))) {
                Outcomes.restore(change, it, ItemState.Event.WAITING_PERIOD_ENDED, "COUNTER_NOTICE", "NO_LEGAL_ACTION",
                        Statements.timedRestoration(n, "The seller's counter-notice was forwarded to the notifier, and "
                                + "no proof of a complaint to an authority or of a lawsuit arrived within the waiting "
                                + "period, which ended at " + it.legalActionDeadline + ".", now));
                if (!succeeded.contains(it.counterNoticeId)) {
                    succeeded.add(it.counterNoticeId);
                }
                moved++;
            }
        }
        records.resolveCounterNotices(c, n.id, succeeded, "SUCCEEDED", now);
        succeeded.forEach(id -> change.record(Subject.COUNTER_NOTICE, id.toString(), "FORWARDED", "SUCCEEDED",
                "NO_LEGAL_ACTION", Map.of()));
        workflow.save(c, change);
        return moved;
    }
}

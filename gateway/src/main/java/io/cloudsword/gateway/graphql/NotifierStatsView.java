package io.cloudsword.gateway.graphql;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.complaint.v1.DecisionLatency;
import io.cloudsword.api.complaint.v1.GetSlaStatsResponse;
import io.cloudsword.api.complaint.v1.NotifierStats;
import io.cloudsword.api.complaint.v1.NotifierWindowStats;

@Name("NotifierStats")
@Description("A notifier's accountability record (DSA Arts. 22-23 and marketplaces' good-faith programs): "
        + "acceptance and takedown success over the last 3 and 6 months, abuse counts, good-faith standing and "
        + "suspension from filing.")
public class NotifierStatsView {
    static final String GOOD_FAITH = "GOOD_FAITH_STATUS_";

    @Id
    @NonNull
    @Description("The notifier (rights owner).")
    public String notifierOwnerId;
    @Description("The instant the figures are computed at.")
    public Instant asOf;
    @Description("The last 3 months (the good-faith program's drop-out window).")
    public WindowView last3Months;
    @Description("The last 6 months (the good-faith program's admission window).")
    public WindowView last6Months;
    @Description("NOT_ADMITTED (below 90 % accepted over 6 months), ADMITTED, or EXCLUDED (takedown success under "
            + "90 % or successful counter-notices over 5 % over 3 months; may return after excludedUntil).")
    public String goodFaithStatus;
    @Description("Since when the current good-faith status holds.")
    public Instant goodFaithSince;
    @Description("EXCLUDED: when the notifier may return (3 months).")
    public Instant excludedUntil;
    @Description("Suspended from filing (DSA Art. 23), as recorded in brand-registry.")
    public boolean suspendedFromFiling;
    @Description("End of the suspension, if it has one.")
    public Instant suspendedUntil;
    @Description("All complaints ever filed.")
    public long totalNotices;
    @Description("All complaints ever marked malicious.")
    public long totalMalicious;

    static NotifierStatsView of(NotifierStats s) {
        NotifierStatsView v = new NotifierStatsView();
        v.notifierOwnerId = s.getNotifierOwnerId();
        v.asOf = s.hasAsOf() ? Times.of(s.getAsOf()) : null;
        v.last3Months = s.hasLast3Months() ? WindowView.of(s.getLast3Months()) : null;
        v.last6Months = s.hasLast6Months() ? WindowView.of(s.getLast6Months()) : null;
        v.goodFaithStatus = Enums.name(s.getGoodFaithStatus(), GOOD_FAITH);
        v.goodFaithSince = Times.ofOptional(s.hasGoodFaithSince(), s.getGoodFaithSince());
        v.excludedUntil = Times.ofOptional(s.hasExcludedUntil(), s.getExcludedUntil());
        v.suspendedFromFiling = s.getSuspendedFromFiling();
        v.suspendedUntil = Times.ofOptional(s.hasSuspendedUntil(), s.getSuspendedUntil());
        v.totalNotices = s.getTotalNotices();
        v.totalMalicious = s.getTotalMalicious();
        return v;
    }

    @Name("NotifierWindowStats")
    @Description("A notifier's figures over one window.")
    public static class WindowView {
        @Description("Start of the window.")
        public Instant from;
        @Description("End of the window.")
        public Instant to;
        @Description("Complaints filed in the window.")
        public long notices;
        @Description("Items decided.")
        public long itemsDecided;
        @Description("Items accepted.")
        public long itemsAccepted;
        @Description("itemsAccepted / itemsDecided, 0..1 (0 when nothing was decided).")
        public double acceptanceRate;
        @Description("Share of accepted items whose takedown stood (not restored by counter-notice or appeal), 0..1.")
        public double takedownSuccessRate;
        @Description("Counter-notices against the notifier's complaints.")
        public long counterNotices;
        @Description("Counter-notices that succeeded (listings restored).")
        public long counterNoticesSucceeded;
        @Description("counterNoticesSucceeded / itemsAccepted, 0..1.")
        public double successfulCounterNoticeRate;
        @Description("Complaints marked manifestly unfounded.")
        public long manifestlyUnfounded;
        @Description("Complaints marked malicious.")
        public long malicious;
        @Description("Time to decision of the notifier's complaints.")
        public LatencyView latency;

        static WindowView of(NotifierWindowStats w) {
            WindowView v = new WindowView();
            v.from = w.hasFrom() ? Times.of(w.getFrom()) : null;
            v.to = w.hasTo() ? Times.of(w.getTo()) : null;
            v.notices = w.getNotices();
            v.itemsDecided = w.getItemsDecided();
            v.itemsAccepted = w.getItemsAccepted();
            v.acceptanceRate = w.getAcceptanceRate();
            v.takedownSuccessRate = w.getTakedownSuccessRate();
            v.counterNotices = w.getCounterNotices();
            v.counterNoticesSucceeded = w.getCounterNoticesSucceeded();
            v.successfulCounterNoticeRate = w.getSuccessfulCounterNoticeRate();
            v.manifestlyUnfounded = w.getManifestlyUnfounded();
            v.malicious = w.getMalicious();
            v.latency = w.hasLatency() ? LatencyView.of(w.getLatency()) : null;
            return v;
        }
    }

    @Name("DecisionLatency")
    @Description("Time to decision, from receipt to the first decision.")
    public static class LatencyView {
        @Description("Complaints decided.")
        public long decided;
        @Description("Median time to decision, in milliseconds.")
        public long p50Millis;
        @Description("95th percentile of the time to decision, in milliseconds.")
        public long p95Millis;
        @Description("Share decided within 24 hours, 0..1.")
        public double within24hRatio;

        static LatencyView of(DecisionLatency l) {
            LatencyView v = new LatencyView();
            v.decided = l.getDecided();
            v.p50Millis = l.getP50Millis();
            v.p95Millis = l.getP95Millis();
            v.within24hRatio = l.getWithin24HRatio();
            return v;
        }
    }

    @Name("SlaStats")
    @Description("Time to decision over a period, overall or for one platform or notifier.")
    public static class SlaView {
        @Description("Time to decision of the complaints decided in the period.")
        public LatencyView overall;
        @Description("Complaints still undecided past their decisionDueAt at the end of the period.")
        public long overdue;

        static SlaView of(GetSlaStatsResponse r) {
            SlaView v = new SlaView();
            v.overall = r.hasOverall() ? LatencyView.of(r.getOverall()) : null;
            v.overdue = r.getOverdue();
            return v;
        }
    }
}

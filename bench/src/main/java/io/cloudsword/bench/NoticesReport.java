package io.cloudsword.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The notices benchmark's last line: filing and decision throughput, the lag from an ACCEPTED
 * decision (DecideNotice returned) to the listing seen TAKEN_DOWN in listing-service, and the
 * same lag for direct TakeDownListing calls measured in the same runs by the same poller (the
 * baseline); figures are medians over the timed runs (a run's own p50 / p99 first, then the
 * median of those), the maximum the largest of any run; the goal with pass / fail.
 */
record NoticesReport(int notices, int listingsPerNotice, int concurrency, int baselineListings, int pollMillis,
        List<SubjectRun> runs, List<BaselineRun> baselines) {

    static final String BASELINE = "grpc-take-down-listing";
    static final double GOAL_LAG_P99_MS = 1000;

    /**
     * One phase of calls: {@code attempted}, {@code succeeded} of them answered OK, the seconds
     * from the first call sent to the last answered, each successful call's time (sorted,
     * nanoseconds), and the first failure's status, if any.
     */
    record Phase(long attempted, long succeeded, double seconds, long[] callNanos, String firstError) {

        long failed() {
            return attempted - succeeded;
        }

        double perSecond() {
            return succeeded / seconds;
        }

        double millis(double p) {
            return percentileMillis(callNanos, p);
        }
    }

    /**
     * A timed run of the subject: filing the notices, deciding them (StartNoticeReview and
     * DecideNotice accepting every item), and each accepted listing watched until TAKEN_DOWN from
     * the instant its DecideNotice returned. {@code serverLagNanos}: listing-service's updated_at
     * of the takedown minus complaint-service's decided_at of the item (sorted), both server
     * clocks, free of the poll's granularity.
     */
    record SubjectRun(Phase filing, Phase decisions, TakedownWatch.Result takedowns, long[] serverLagNanos) {
    }

    /** A timed run of the baseline: TakeDownListing calls, each listing watched from the call's start. */
    record BaselineRun(Phase takedowns, TakedownWatch.Result watch) {
    }

    double lagP50() {
        return median(runs, r -> r.takedowns().lagMillis(50));
    }

    double lagP99() {
        return median(runs, r -> r.takedowns().lagMillis(99));
    }

    double baselineLagP99() {
        return median(baselines, b -> b.watch().lagMillis(99));
    }

    List<Goal> goals() {
        return List.of(Goal.below("lag_p99_ms", GOAL_LAG_P99_MS, lagP99()));
    }

    /**
     * The goal met, and nothing lost on the way: every notice filed and decided, every accepted
     * listing seen TAKEN_DOWN before the deadline; the same of every baseline call.
     */
    boolean pass() {
        return Goal.allPass(goals()) && !runs.isEmpty() && !baselines.isEmpty()
                && runs.stream().allMatch(r -> r.filing().failed() == 0 && r.decisions().failed() == 0
                        && r.takedowns().unseen() == 0)
                && baselines.stream().allMatch(b -> b.takedowns().failed() == 0 && b.watch().unseen() == 0);
    }

    String toJson() {
        JsonLine filing = new JsonLine()
                .put("notices_per_s", median(runs, r -> r.filing().perSecond()), 1)
                .put("seconds", median(runs, r -> r.filing().seconds()), 3)
                .put("p50_ms", median(runs, r -> r.filing().millis(50)), 3)
                .put("p99_ms", median(runs, r -> r.filing().millis(99)), 3)
                .put("errors", sum(runs, r -> r.filing().failed()));
        JsonLine decisions = new JsonLine()
                .put("decisions_per_s", median(runs, r -> r.decisions().perSecond()), 1)
                .put("listings_per_s", median(runs, r -> r.decisions().perSecond() * listingsPerNotice), 1)
                .put("seconds", median(runs, r -> r.decisions().seconds()), 3)
                .put("p50_ms", median(runs, r -> r.decisions().millis(50)), 3)
                .put("p99_ms", median(runs, r -> r.decisions().millis(99)), 3)
                .put("errors", sum(runs, r -> r.decisions().failed()));
        JsonLine baseline = new JsonLine().put("name", BASELINE)
                .put("listings", baselineListings)
                .put("calls_per_s", median(baselines, b -> b.takedowns().perSecond()), 1)
                .put("call_p50_ms", median(baselines, b -> b.takedowns().millis(50)), 3)
                .put("call_p99_ms", median(baselines, b -> b.takedowns().millis(99)), 3)
                .put("lag_p50_ms", median(baselines, b -> b.watch().lagMillis(50)), 3)
                .put("lag_p99_ms", baselineLagP99(), 3)
                .put("lag_max_ms", max(baselines, b -> b.watch().lagMillis(100)), 3)
                .put("not_taken_down", sum(baselines, b -> b.watch().unseen()))
                .put("errors", sum(baselines, b -> b.takedowns().failed()));
        return new JsonLine().put("bench", "notices")
                .put("notices", notices)
                .put("listings_per_notice", listingsPerNotice)
                .put("runs", runs.size())
                .put("concurrency", concurrency)
                .put("poll_ms", pollMillis)
                .put("filing", filing)
                .put("decisions", decisions)
                .put("lag_from", "DecideNotice returned")
                .put("lag_p50_ms", lagP50(), 3)
                .put("lag_p99_ms", lagP99(), 3)
                .put("lag_max_ms", max(runs, r -> r.takedowns().lagMillis(100)), 3)
                .put("server_lag_p50_ms", median(runs, r -> percentileMillis(r.serverLagNanos(), 50)), 3)
                .put("server_lag_p99_ms", median(runs, r -> percentileMillis(r.serverLagNanos(), 99)), 3)
                .put("taken_down", sum(runs, r -> r.takedowns().lagNanos().length))
                .put("not_taken_down", sum(runs, r -> r.takedowns().unseen()))
                .put("poll_sweep_p50_ms", median(runs, r -> r.takedowns().sweepMillis(50)), 3)
                .put("poll_sweep_max_ms", max(runs, r -> r.takedowns().sweepMillis(100)), 3)
                .put("baseline", baseline)
                .put("lag_p99_over_baseline", lagP99() / baselineLagP99(), 3)
                .put("goals", Goal.toJson(goals(), 3))
                .put("pass", pass())
                .put("cores", Runtime.getRuntime().availableProcessors())
                .toString();
    }

    /** Nearest rank over sorted nanoseconds, in milliseconds; NaN when there is nothing. */
    static double percentileMillis(long[] sortedNanos, double p) {
        return new LoadRun.Result(sortedNanos.length, 0, 1, sortedNanos).percentileMillis(p);
    }

    private static <T> double median(List<T> items, ToDoubleFunction<T> f) {
        double[] values = items.stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).toArray();
        return values.length == 0 ? Double.NaN : Report.median(values);
    }

    private static <T> double max(List<T> items, ToDoubleFunction<T> f) {
        return Arrays.stream(items.stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).toArray()).max()
                .orElse(Double.NaN);
    }

    private static <T> long sum(List<T> items, ToLongFunction<T> f) {
        return items.stream().mapToLong(f).sum();
    }
}

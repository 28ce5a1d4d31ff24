package io.cloudsword.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * listings-ingest's last line: the service's ingest rate and per-chunk latency (medians over the
 * timed runs), the plain-SQL insert of the same rows measured in the same runs (medians), their
 * ratio, the scores the service gave (all timed runs: the same listings each run), and the
 * issue's goals with pass / fail.
 */
record ListingsIngestReport(long listings, int chunkSize, int window, List<String> platforms,
        int baselineConnections, List<Arm> runs, List<Arm> baselines, IngestTally scores) {

    static final String BASELINE = "sql-insert-unnest";
    static final double GOAL_LISTINGS_PER_S = 20_000;
    static final double GOAL_RATIO = 0.5;

    /**
     * One arm of one run: {@code listings} sent, {@code stored} of them accepted (subject) or
     * inserted (baseline), {@code rejected} refused by the service, {@code persisted} rows found
     * afterwards under the arm's key prefix and {@code scored} of them with a score, the seconds
     * from the first chunk made to the last answered, each chunk's answer time.
     */
    record Arm(long listings, long stored, long rejected, long persisted, long scored, double seconds,
            long[] chunkNanos) {

        double listingsPerSecond() {
            return stored / seconds;
        }

        double chunkMillis(double p) {
            return new LoadRun.Result(chunkNanos.length, 0, seconds, chunkNanos).percentileMillis(p);
        }

        /** Every listing sent is stored, and found stored afterwards. */
        boolean complete() {
            return stored == listings && persisted == listings;
        }
    }

    double listingsPerSecond() {
        return median(runs, Arm::listingsPerSecond);
    }

    double baselinePerSecond() {
        return median(baselines, Arm::listingsPerSecond);
    }

    double ratio() {
        return listingsPerSecond() / baselinePerSecond();
    }

    List<Goal> goals() {
        return List.of(Goal.atLeast("listings_per_s", GOAL_LISTINGS_PER_S, listingsPerSecond()),
                Goal.atLeast("ratio", GOAL_RATIO, ratio()));
    }

    /**
     * Every goal met, and every listing of every timed run accepted, stored with a score and
     * answered as sent: a fast ingest that loses or mislabels listings is no ingest.
     */
    boolean pass() {
        return Goal.allPass(goals()) && !runs.isEmpty() && runs.stream().allMatch(r -> r.complete()
                && r.scored() == r.listings() && r.rejected() == 0)
                && baselines.stream().allMatch(Arm::complete) && scores.mismatches() == 0;
    }

    String toJson() {
        return new JsonLine().put("bench", "listings-ingest")
                .put("listings", listings)
                .put("runs", runs.size())
                .put("chunk_size", chunkSize)
                .put("window", window)
                .put("platforms", String.join(",", platforms))
                .put("listings_per_s", listingsPerSecond(), 1)
                .put("seconds", median(runs, Arm::seconds), 3)
                .put("chunk_p50_ms", median(runs, r -> r.chunkMillis(50)), 3)
                .put("chunk_p99_ms", median(runs, r -> r.chunkMillis(99)), 3)
                .put("accepted", sum(runs, Arm::stored))
                .put("rejected", sum(runs, Arm::rejected))
                .put("not_stored", sum(runs, r -> r.listings() - r.persisted()))
                .put("not_scored", sum(runs, r -> r.persisted() - r.scored()))
                .put("answer_mismatches", scores.mismatches())
                .put("scores", scores.toJson())
                .put("rejections", scores.rejectionsJson())
                .put("baseline", new JsonLine().put("name", BASELINE)
                        .put("connections", baselineConnections)
                        .put("listings_per_s", baselinePerSecond(), 1)
                        .put("seconds", median(baselines, Arm::seconds), 3)
                        .put("chunk_p50_ms", median(baselines, r -> r.chunkMillis(50)), 3)
                        .put("chunk_p99_ms", median(baselines, r -> r.chunkMillis(99)), 3)
                        .put("not_stored", sum(baselines, r -> r.listings() - r.persisted())))
                .put("ratio", ratio(), 3)
                .put("rows", "new per run and arm, own external ids; removed after each arm")
                .put("goals", Goal.toJson(goals(), 3))
                .put("pass", pass())
                .put("cores", Runtime.getRuntime().availableProcessors())
                .toString();
    }

    private static long sum(List<Arm> arms, java.util.function.ToLongFunction<Arm> f) {
        return arms.stream().mapToLong(f).sum();
    }

    private static double median(List<Arm> arms, ToDoubleFunction<Arm> f) {
        List<Double> values = new ArrayList<>();
        arms.forEach(a -> values.add(f.applyAsDouble(a)));
        return values.isEmpty() ? Double.NaN : Report.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}

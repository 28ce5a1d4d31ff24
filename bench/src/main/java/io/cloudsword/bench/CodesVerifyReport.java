package io.cloudsword.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * codes-verify's last line: Verify throughput and latency (medians over the timed runs), the
 * answers by what was sent and the wrong ones, the primary-key SELECT baseline of the same run,
 * and the goals with pass / fail. {@code checkedWrong}: wrong answers among the calls made
 * one at a time before timing.
 */
record CodesVerifyReport(int concurrency, long batchCodes, int genuinePercent, int repeatedPercent, String caller,
        List<LoadRun.Result> runs, List<LoadRun.Result> baselines, VerdictTally tally, long checkedWrong) {

    static final String BASELINE = "sql-code-batch-pk";
    static final double GOAL_RATIO = 0.5;
    static final double GOAL_P99_MS = 20;

    double opsPerSecond() {
        return median(runs, LoadRun.Result::opsPerSecond);
    }

    double p99Millis() {
        return median(runs, r -> r.percentileMillis(99));
    }

    double ratio() {
        return opsPerSecond() / median(baselines, LoadRun.Result::opsPerSecond);
    }

    List<Goal> goals() {
        return List.of(Goal.atLeast("ratio", GOAL_RATIO, ratio()), Goal.below("p99_ms", GOAL_P99_MS, p99Millis()));
    }

    /**
     * Every goal met, and no wrong answer (timed or checked before timing) and no failed call: a
     * fast wrong verdict is no verdict.
     */
    boolean pass() {
        return Goal.allPass(goals()) && tally.wrongAnswers() == 0 && checkedWrong == 0 && errors(runs) == 0;
    }

    String toJson() {
        return new JsonLine().put("bench", "codes-verify")
                .put("ops_per_s", opsPerSecond(), 1)
                .put("p50_ms", median(runs, r -> r.percentileMillis(50)), 3)
                .put("p99_ms", p99Millis(), 3)
                .put("errors", errors(runs))
                .put("runs", runs.size())
                .put("concurrency", concurrency)
                .put("caller", caller)
                .put("batch_codes", batchCodes)
                .put("mix", new JsonLine().put("genuine_percent", genuinePercent).put("repeated_percent", repeatedPercent)
                        .put("invalid_percent", 100 - genuinePercent - repeatedPercent))
                .put("answers", tally.answersJson())
                .put("wrong_answers", tally.wrongAnswers())
                .put("checked_wrong", checkedWrong)
                .put("first_scans_not_first", tally.firstScansNotFirst())
                .putCounts("error_codes", tally.errorCodes())
                .put("baseline", new JsonLine().put("name", BASELINE)
                        .put("ops_per_s", median(baselines, LoadRun.Result::opsPerSecond), 1)
                        .put("p50_ms", median(baselines, r -> r.percentileMillis(50)), 3)
                        .put("p99_ms", median(baselines, r -> r.percentileMillis(99)), 3)
                        .put("errors", errors(baselines)))
                .put("ratio", ratio(), 3)
                .put("goals", Goal.toJson(goals(), 3))
                .put("pass", pass())
                .put("cores", Runtime.getRuntime().availableProcessors())
                .toString();
    }

    private static long errors(List<LoadRun.Result> results) {
        return results.stream().mapToLong(LoadRun.Result::errors).sum();
    }

    private static double median(List<LoadRun.Result> results, ToDoubleFunction<LoadRun.Result> f) {
        return results.isEmpty() ? Double.NaN : Report.median(results.stream().mapToDouble(f).toArray());
    }
}

package io.cloudsword.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The graphql benchmark's last line: medians over the runs of (a) brand-by-id through the gateway
 * and its baseline, GetBrand over gRPC straight to brand-registry-service, and (b) customsCheck of
 * a 100-line declaration, with the goals. {@code pass} also needs no failed call anywhere.
 */
record GraphqlReport(int clients, int seconds, int customsLines, int customsConcurrency,
        List<LoadRun.Result> gateway, List<LoadRun.Result> direct, List<LoadRun.Result> customs) {

    static final double RATIO_GOAL = 0.5;
    static final double CUSTOMS_P99_GOAL_MS = 150;

    double ratio() {
        return median(gateway, LoadRun.Result::opsPerSecond) / median(direct, LoadRun.Result::opsPerSecond);
    }

    double customsP99() {
        return median(customs, r -> r.percentileMillis(99));
    }

    List<Goal> goals() {
        return List.of(Goal.atLeast("ratio", RATIO_GOAL, ratio()),
                Goal.below("customs_p99_ms", CUSTOMS_P99_GOAL_MS, customsP99()));
    }

    long errors() {
        return errors(gateway) + errors(direct) + errors(customs);
    }

    boolean pass() {
        return Goal.allPass(goals()) && errors() == 0 && !gateway.isEmpty() && !customs.isEmpty();
    }

    String toJson() {
        List<Goal> goals = goals();
        long customsRequests = customs.stream().mapToLong(LoadRun.Result::calls).sum()
                + errors(customs);
        return new JsonLine().put("bench", "graphql").put("runs", gateway.size()).put("clients", clients)
                .put("seconds", seconds)
                .put("gateway", arm("graphql-brand-by-id", gateway))
                .put("baseline", arm("grpc-get-brand", direct))
                .put("ratio", ratio(), 3)
                .put("customs", new JsonLine().put("lines", customsLines).put("concurrency", customsConcurrency)
                        .put("requests", customsRequests)
                        .put("p50_ms", median(customs, r -> r.percentileMillis(50)), 3)
                        .put("p99_ms", customsP99(), 3)
                        .put("max_ms", median(customs, r -> r.percentileMillis(100)), 3)
                        .put("errors", errors(customs)))
                .put("goals", Goal.toJson(goals, 3)).put("pass", pass())
                .put("cores", Runtime.getRuntime().availableProcessors()).toString();
    }

    private static JsonLine arm(String name, List<LoadRun.Result> results) {
        return new JsonLine().put("name", name).put("ops_per_s", median(results, LoadRun.Result::opsPerSecond), 1)
                .put("p50_ms", median(results, r -> r.percentileMillis(50)), 3)
                .put("p99_ms", median(results, r -> r.percentileMillis(99)), 3).put("errors", errors(results));
    }

    private static long errors(List<LoadRun.Result> results) {
        return results.stream().mapToLong(LoadRun.Result::errors).sum();
    }

    private static double median(List<LoadRun.Result> results, ToDoubleFunction<LoadRun.Result> f) {
        return results.isEmpty() ? Double.NaN : Report.median(results.stream().mapToDouble(f).toArray());
    }
}

package io.cloudsword.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Medians over several runs of a benchmark and of its baseline, measured in the same process
 * and the same minutes (the machines are shared and noisy), printed as one JSON line.
 */
public record Report(String bench, String baselineName, List<LoadRun.Result> runs, List<LoadRun.Result> baselines,
        int concurrency) {

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double median(List<LoadRun.Result> results, java.util.function.ToDoubleFunction<LoadRun.Result> f) {
        return median(results.stream().mapToDouble(f).toArray());
    }

    public String toJson() {
        double ops = median(runs, LoadRun.Result::opsPerSecond);
        double baseOps = median(baselines, LoadRun.Result::opsPerSecond);
        long errors = runs.stream().mapToLong(LoadRun.Result::errors).sum();
        return String.format(Locale.ROOT,
                "{\"bench\":\"%s\",\"ops_per_s\":%.1f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"errors\":%d,"
                        + "\"runs\":%d,\"concurrency\":%d,\"baseline\":{\"name\":\"%s\",\"ops_per_s\":%.1f,"
                        + "\"p50_ms\":%.3f,\"p99_ms\":%.3f},\"ratio\":%.3f,\"cores\":%d}",
                bench, ops, median(runs, r -> r.percentileMillis(50)), median(runs, r -> r.percentileMillis(99)),
                errors, runs.size(), concurrency, baselineName, baseOps,
                median(baselines, r -> r.percentileMillis(50)), median(baselines, r -> r.percentileMillis(99)),
                ops / baseOps, Runtime.getRuntime().availableProcessors());
    }
}

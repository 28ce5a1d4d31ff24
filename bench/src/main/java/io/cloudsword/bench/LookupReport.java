package io.cloudsword.bench;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;

/**
 * The brand-lookup benchmark's last line: one JSON object with a part per lookup, each the
 * median over the rounds of the service and of its SQL baseline measured in the same run. A call
 * carries {@code itemsPerCall} lookups (1 for single checks), so lookups/s = calls/s × items.
 */
public record LookupReport(String bench, int concurrency, List<Part> parts, long mismatches) {

    public record Part(String name, String baselineName, int itemsPerCall, List<LoadRun.Result> runs,
            List<LoadRun.Result> baselines) {

        double callsPerSecond() {
            return median(runs, LoadRun.Result::opsPerSecond);
        }

        double baselineCallsPerSecond() {
            return median(baselines, LoadRun.Result::opsPerSecond);
        }

        /** Service throughput over the baseline's: below 1 means the service is slower than the bare queries. */
        double ratio() {
            return callsPerSecond() / baselineCallsPerSecond();
        }

        String toJson() {
            return String.format(Locale.ROOT, "{\"name\":\"%s\",\"items_per_call\":%d,%s,\"baseline\":{\"name\":\"%s\",%s},"
                    + "\"ratio\":%.3f}", name, itemsPerCall, figures(runs), baselineName, figures(baselines), ratio());
        }

        private String figures(List<LoadRun.Result> results) {
            double calls = median(results, LoadRun.Result::opsPerSecond);
            return String.format(Locale.ROOT, "\"calls_per_s\":%.1f,\"lookups_per_s\":%.1f,\"p50_ms\":%.3f,"
                    + "\"p99_ms\":%.3f,\"errors\":%d", calls, calls * itemsPerCall,
                    median(results, r -> r.percentileMillis(50)), median(results, r -> r.percentileMillis(99)),
                    results.stream().mapToLong(LoadRun.Result::errors).sum());
        }
    }

    static double median(List<LoadRun.Result> results, ToDoubleFunction<LoadRun.Result> f) {
        return Report.median(results.stream().mapToDouble(f).toArray());
    }

    public String toJson() {
        StringJoiner joined = new StringJoiner(",", "[", "]");
        parts.forEach(p -> joined.add(p.toJson()));
        int runs = parts.isEmpty() ? 0 : parts.get(0).runs().size();
        return String.format(Locale.ROOT, "{\"bench\":\"%s\",\"runs\":%d,\"concurrency\":%d,\"parts\":%s,"
                + "\"answer_mismatches\":%d,\"cores\":%d}", bench, runs, concurrency, joined, mismatches,
                Runtime.getRuntime().availableProcessors());
    }
}

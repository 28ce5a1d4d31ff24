package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReportTest {

    private static LoadRun.Result result(long calls, double seconds, long... latenciesMillis) {
        long[] nanos = java.util.Arrays.stream(latenciesMillis).map(ms -> ms * 1_000_000).sorted().toArray();
        return new LoadRun.Result(calls, 0, seconds, nanos);
    }

    @Test
    void mediansOfOddAndEvenCounts() {
        assertEquals(2.0, Report.median(new double[] { 3, 1, 2 }));
        assertEquals(2.5, Report.median(new double[] { 4, 1, 3, 2 }));
    }

    @Test
    void percentilesAreNearestRank() {
        LoadRun.Result r = result(100, 1, java.util.stream.LongStream.rangeClosed(1, 100).toArray());
        assertEquals(50.0, r.percentileMillis(50));
        assertEquals(99.0, r.percentileMillis(99));
        assertEquals(100.0, r.percentileMillis(100));
    }

    @Test
    void theLastLineIsOneJsonObjectWithTheBaselineAndRatio() {
        Report report = new Report("x", "y", List.of(result(100, 1, 1, 2), result(300, 1, 1, 2), result(200, 1, 1, 2)),
                List.of(result(400, 1, 1), result(400, 1, 1), result(400, 1, 1)), 8);
        String json = report.toJson();
        assertTrue(json.startsWith("{\"bench\":\"x\",\"ops_per_s\":200.0,"), json);
        assertTrue(json.contains("\"baseline\":{\"name\":\"y\",\"ops_per_s\":400.0,"), json);
        assertTrue(json.contains("\"ratio\":0.500"), json);
        assertTrue(json.endsWith("}"), json);
    }
}

package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class NoticesReportTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private static long[] millis(long... ms) {
        return LongStream.of(ms).map(m -> m * 1_000_000).sorted().toArray();
    }

    /** lags 1..100 ms scaled by {@code scale}: p50 = 50 x scale, p99 = 99 x scale, max = 100 x scale. */
    private static TakedownWatch.Result watch(long scale, long unseen) {
        long[] lags = LongStream.rangeClosed(1, 100).map(i -> i * scale * 1_000_000).toArray();
        return new TakedownWatch.Result(100 + unseen, lags, Map.of(), unseen, List.of(), millis(4, 6, 8), 0, null);
    }

    private static NoticesReport.Phase phase(long attempted, long succeeded, double seconds) {
        return new NoticesReport.Phase(attempted, succeeded, seconds, millis(10, 20, 30), null);
    }

    private static NoticesReport.SubjectRun run(long scale, double fileSeconds, double decideSeconds) {
        return new NoticesReport.SubjectRun(phase(2, 2, fileSeconds), phase(2, 2, decideSeconds), watch(scale, 0),
                millis(5, 7, 9));
    }

    private static NoticesReport.BaselineRun baseline(long scale) {
        return new NoticesReport.BaselineRun(phase(100, 100, 1), watch(scale, 0));
    }

    @Test
    void lagsAreMediansOfEachRunsPercentilesAndTheMaximumIsTheLargest() {
        // run p99s: 99 x 2, 99 x 9, 99 x 5 ms -> median 495 ms; maxima 200, 900, 500 -> 900
        NoticesReport report = new NoticesReport(2, 50, 8, 100, 25,
                List.of(run(2, 1, 4), run(9, 0.5, 1), run(5, 2, 2)), List.of(baseline(1), baseline(3), baseline(2)));
        assertEquals(250, report.lagP50(), 1e-9);
        assertEquals(495, report.lagP99(), 1e-9);
        assertEquals(198, report.baselineLagP99(), 1e-9);
        assertTrue(report.pass(), "p99 495 ms < 1 s and nothing lost");
        String json = report.toJson();
        assertTrue(json.startsWith("{\"bench\":\"notices\",\"notices\":2,\"listings_per_notice\":50,\"runs\":3,"
                + "\"concurrency\":8,\"poll_ms\":25,"), json);
        // filing 2 notices in 1, 0.5, 2 s: 2, 4, 1 per second -> median 2; decisions in 4, 1, 2 s -> 1 per second
        assertTrue(json.contains("\"filing\":{\"notices_per_s\":2.0,\"seconds\":1.000,\"p50_ms\":20.000,"
                + "\"p99_ms\":30.000,\"errors\":0},"), json);
        assertTrue(json.contains("\"decisions\":{\"decisions_per_s\":1.0,\"listings_per_s\":50.0,\"seconds\":2.000,"), json);
        assertTrue(json.contains("\"lag_from\":\"DecideNotice returned\",\"lag_p50_ms\":250.000,\"lag_p99_ms\":495.000,"
                + "\"lag_max_ms\":900.000,\"server_lag_p50_ms\":7.000,\"server_lag_p99_ms\":9.000,\"taken_down\":300,"
                + "\"not_taken_down\":0,\"poll_sweep_p50_ms\":6.000,\"poll_sweep_max_ms\":8.000,"), json);
        assertTrue(json.contains("\"baseline\":{\"name\":\"grpc-take-down-listing\",\"listings\":100,"
                + "\"calls_per_s\":100.0,\"call_p50_ms\":20.000,\"call_p99_ms\":30.000,\"lag_p50_ms\":100.000,"
                + "\"lag_p99_ms\":198.000,\"lag_max_ms\":300.000,\"not_taken_down\":0,\"errors\":0},"
                + "\"lag_p99_over_baseline\":2.500,"), json);
        assertTrue(json.contains("\"goals\":{\"lag_p99_ms\":{\"goal\":\"< 1000\",\"value\":495.000,\"pass\":true}},"
                + "\"pass\":true,"), json);
        assertTrue(json.endsWith("\"cores\":" + CORES + "}"), json);
        assertFalse(json.contains("\n"));
    }

    @Test
    void aP99OfOneSecondOrMoreMissesTheGoal() {
        // p99 = 99 x 11 = 1,089 ms
        NoticesReport slow = new NoticesReport(2, 50, 8, 100, 25, List.of(run(11, 1, 1)), List.of(baseline(1)));
        assertFalse(slow.goals().get(0).pass());
        assertFalse(slow.pass());
        assertTrue(slow.goals().get(0).line().endsWith("FAIL"), slow.goals().get(0).line());
    }

    @Test
    void fastButLosingNoticesOrTakedownsFails() {
        List<NoticesReport.BaselineRun> baselines = List.of(baseline(1));
        NoticesReport.SubjectRun filingFailed = new NoticesReport.SubjectRun(phase(2, 1, 1), phase(1, 1, 1), watch(1, 0),
                millis(1));
        NoticesReport.SubjectRun decisionFailed = new NoticesReport.SubjectRun(phase(2, 2, 1), phase(2, 1, 1),
                watch(1, 0), millis(1));
        NoticesReport.SubjectRun notDown = new NoticesReport.SubjectRun(phase(2, 2, 1), phase(2, 2, 1), watch(1, 3),
                millis(1));
        for (NoticesReport.SubjectRun bad : List.of(filingFailed, decisionFailed, notDown)) {
            NoticesReport report = new NoticesReport(2, 50, 8, 100, 25, List.of(bad), baselines);
            assertTrue(Goal.allPass(report.goals()), "fast enough");
            assertFalse(report.pass(), bad.toString());
        }
        assertTrue(new NoticesReport(2, 50, 8, 100, 25, List.of(notDown), baselines).toJson()
                .contains("\"not_taken_down\":3,"));
        NoticesReport baselineLost = new NoticesReport(2, 50, 8, 100, 25, List.of(run(1, 1, 1)),
                List.of(new NoticesReport.BaselineRun(phase(100, 99, 1), watch(1, 0))));
        assertFalse(baselineLost.pass(), "a failed baseline call: the two arms did not do the same work");
    }

    @Test
    void withoutRunsNothingIsMeasuredAndNothingPasses() {
        NoticesReport report = new NoticesReport(2, 50, 8, 100, 25, List.of(), List.of());
        String json = report.toJson();
        assertTrue(json.contains("\"lag_p99_ms\":null,"), json);
        assertTrue(json.contains("\"lag_p99_over_baseline\":null,"), json);
        assertFalse(report.pass());
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = LongStream.rangeClosed(1, 1000).map(i -> i * 1_000_000).toArray();
        assertEquals(500.0, NoticesReport.percentileMillis(sorted, 50));
        assertEquals(990.0, NoticesReport.percentileMillis(sorted, 99));
        assertEquals(1000.0, NoticesReport.percentileMillis(sorted, 100));
        assertTrue(Double.isNaN(NoticesReport.percentileMillis(new long[0], 99)));
    }
}

package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.verification.v1.CodeVerification;
import io.cloudsword.api.verification.v1.Verdict;

class CodesReportsTest {

    private static LoadRun.Result result(long calls, double seconds, long errors, long... latenciesMicros) {
        long[] nanos = LongStream.of(latenciesMicros).map(us -> us * 1_000).sorted().toArray();
        return new LoadRun.Result(calls, errors, seconds, nanos);
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void goalsCompareAndDescribeAsTheIssueWritesThem() {
        assertEquals(">= 1000000", Goal.atLeast("x", 1_000_000, 1).describe());
        assertEquals("< 5", Goal.below("x", 5, 1).describe());
        assertEquals(">= 0.5", Goal.atLeast("x", 0.5, 1).describe());
        assertTrue(Goal.atMost("b", 16, 16).pass());
        assertFalse(Goal.below("p", 5, 5).pass());
        assertFalse(Goal.atLeast("r", 0.5, Double.NaN).pass(), "an unmeasured figure does not pass");
        assertEquals("{\"goal\":\"<= 16\",\"value\":15.500,\"pass\":true}", Goal.atMost("b", 16, 15.5).toJson(3)
                .toString());
    }

    @Test
    void jsonLineQuotesEscapesAndWritesNullForWhatWasNotMeasured() {
        String json = new JsonLine().put("s", "a\"b\\c\nd").put("n", 3).put("d", Double.NaN, 2).put("t", true)
                .put("o", new JsonLine().put("x", 1.5, 1)).put("z", (String) null).toString();
        assertEquals("{\"s\":\"a\\\"b\\\\c\\nd\",\"n\":3,\"d\":null,\"t\":true,\"o\":{\"x\":1.5},\"z\":null}", json);
    }

    @Test
    void codesIssueReportsMediansBaselineRatioProofsAndGoals() {
        // 10M codes in 8 s and in 12 s, 150 MB and 170 MB: medians 1.0M codes/s... of the completed runs only
        List<CodesIssueReport.IssueRun> runs = List.of(
                new CodesIssueReport.IssueRun("b1", "COMPLETED", 10_000_000, 8, 9, 150_000_000),
                new CodesIssueReport.IssueRun("b2", "COMPLETED", 10_000_000, 12, 13, 170_000_000),
                new CodesIssueReport.IssueRun("b3", "FAILED", 5, 1, 1, 1));
        List<HmacBaseline.Rate> one = List.of(new HmacBaseline.Rate(1, 1_000_000, 1),
                new HmacBaseline.Rate(1, 3_000_000, 1), new HmacBaseline.Rate(1, 2_000_000, 1));
        List<HmacBaseline.Rate> all = List.of(new HmacBaseline.Rate(2, 4_000_000, 1),
                new HmacBaseline.Rate(2, 5_000_000, 2), new HmacBaseline.Rate(2, 2_000_000, 0.5));
        CodesIssueReport.ProofFigures proofs = new CodesIssueReport.ProofFigures(4, 10_000_123,
                result(4, 1, 0, 1000, 2000, 3000, 6000), result(4, 1, 0, 2000, 2000, 2000, 2000), 0, 0, null);
        CodesIssueReport report = new CodesIssueReport(10_000_000, runs, one, all, proofs);
        String json = report.toJson();
        assertTrue(json.startsWith("{\"bench\":\"codes-issue\",\"codes\":10000000,\"runs\":3,\"completed_runs\":2,"
                + "\"codes_per_s\":1041666.7,"), json);
        assertTrue(json.contains("\"bytes_per_code\":16.000,\"db_growth_bytes\":160000000,"), json);
        assertTrue(json.contains("\"baseline\":{\"name\":\"hmac-sha256\",\"message_bytes\":44,\"runs\":3,"
                + "\"one_thread_per_s\":2000000.0,\"all_cores_per_s\":4000000.0,\"threads\":2},\"ratio\":0.260,"), json);
        assertTrue(json.contains("\"proof\":{\"codes\":4,\"log_size\":10000123,\"inclusion_p50_ms\":2.000,"
                + "\"inclusion_p99_ms\":6.000,\"inclusion_max_ms\":6.000,\"bundle_p50_ms\":2.000,"), json);
        assertTrue(json.contains("\"goals\":{\"codes_per_s\":{\"goal\":\">= 1000000\",\"value\":1041666.667,\"pass\":true},"
                + "\"bytes_per_code\":{\"goal\":\"<= 16\",\"value\":16.000,\"pass\":true},"
                + "\"proof_p99_ms\":{\"goal\":\"< 5\",\"value\":6.000,\"pass\":false}},\"pass\":false,"), json);
        assertTrue(json.endsWith("\"cores\":" + CORES + "}"), json);
        assertFalse(json.contains("\n"));
    }

    @Test
    void codesIssueWithoutACompletedRunOrProofsFailsWithNulls() {
        CodesIssueReport report = new CodesIssueReport(10, List.of(new CodesIssueReport.IssueRun("b", "FAILED", 3, 1, 1,
                100)), List.of(new HmacBaseline.Rate(1, 10, 1)), List.of(new HmacBaseline.Rate(2, 20, 1)), null);
        String json = report.toJson();
        assertTrue(json.contains("\"codes_per_s\":null,"), json);
        assertTrue(json.contains("\"proof\":null,"), json);
        assertFalse(json.contains("proof_p99_ms"), json);
        assertTrue(json.contains("\"pass\":false,\"cores\""), json);
    }

    @Test
    void aWrongProofFailsTheRunEvenWhenFast() {
        CodesIssueReport.ProofFigures wrong = new CodesIssueReport.ProofFigures(1, 10, result(1, 1, 0, 100),
                result(1, 1, 0, 100), 0, 1, "tlog-proof not valid");
        CodesIssueReport report = new CodesIssueReport(1, List.of(new CodesIssueReport.IssueRun("b", "COMPLETED", 1,
                1e-7, 1, 10)), List.of(new HmacBaseline.Rate(1, 10, 1)), List.of(new HmacBaseline.Rate(2, 20, 1)), wrong);
        assertTrue(Goal.allPass(report.goals()));
        assertFalse(report.pass());
        assertTrue(report.toJson().contains("\"invalid_proofs\":1,\"first_failure\":\"tlog-proof not valid\""));
    }

    @Test
    void codesVerifyReportsThroughputAnswersBaselineRatioAndGoals() {
        VerdictTally tally = new VerdictTally();
        tally.record(CodeSamples.Kind.GENUINE, "c", CodeVerification.newBuilder().setVerdict(Verdict.VERDICT_GENUINE)
                .setScanCount(1).setScanId("s").build());
        tally.record(CodeSamples.Kind.NEVER_ISSUED, "d", CodeVerification.newBuilder()
                .setVerdict(Verdict.VERDICT_INVALID).build());
        CodesVerifyReport report = new CodesVerifyReport(64, 100_000, 40, 40, "platform_partner",
                List.of(result(3000, 1, 0, 5000, 8000), result(1000, 1, 0, 5000, 30000), result(2000, 1, 0, 4000, 12000)),
                List.of(result(4000, 1, 0, 1000), result(4000, 1, 0, 1000), result(4000, 1, 0, 1000)), tally, 0);
        String json = report.toJson();
        assertTrue(json.startsWith("{\"bench\":\"codes-verify\",\"ops_per_s\":2000.0,\"p50_ms\":5.000,"
                + "\"p99_ms\":12.000,\"errors\":0,\"runs\":3,\"concurrency\":64,\"caller\":\"platform_partner\","
                + "\"batch_codes\":100000,\"mix\":{\"genuine_percent\":40,\"repeated_percent\":40,\"invalid_percent\":20},"
                + "\"answers\":{\"genuine\":{\"GENUINE\":1,"), json);
        assertTrue(json.contains("\"wrong_answers\":0,\"checked_wrong\":0,\"first_scans_not_first\":0,\"error_codes\":{},"
                + "\"baseline\":{\"name\":\"sql-code-batch-pk\",\"ops_per_s\":4000.0,\"p50_ms\":1.000,\"p99_ms\":1.000,"
                + "\"errors\":0},\"ratio\":0.500,\"goals\":{\"ratio\":{\"goal\":\">= 0.5\",\"value\":0.500,\"pass\":true},"
                + "\"p99_ms\":{\"goal\":\"< 20\",\"value\":12.000,\"pass\":true}},\"pass\":true,\"cores\":" + CORES + "}"),
                json);
        assertFalse(new CodesVerifyReport(64, 1, 40, 40, "x", report.runs(), report.baselines(), tally, 1).pass(),
                "a wrong answer before timing fails the run");
    }
}

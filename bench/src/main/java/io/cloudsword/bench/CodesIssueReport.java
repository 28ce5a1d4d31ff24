package io.cloudsword.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * codes-issue's last line: issuance rate and bytes per code (medians over the completed runs),
 * the HMAC baseline measured around them (medians), the proof timings on the last batch, and the
 * issue's goals with pass / fail.
 */
record CodesIssueReport(long codes, List<IssueRun> runs, List<HmacBaseline.Rate> oneThread,
        List<HmacBaseline.Rate> allCores, ProofFigures proof) {

    static final double GOAL_CODES_PER_S = 1_000_000;
    static final double GOAL_BYTES_PER_CODE = 16;
    static final double GOAL_PROOF_MS = 5;

    /**
     * One batch: how it ended, the seconds between its started_at and completed_at (the service's
     * own issuing time), the seconds from sending CreateCodeBatch until the client saw it COMPLETED,
     * and how much the database grew.
     */
    record IssueRun(String batchId, String status, long codesDone, double issueSeconds, double wallSeconds,
            long dbGrowthBytes) {

        boolean completed() {
            return "COMPLETED".equals(status);
        }

        double codesPerSecond() {
            return codesDone / issueSeconds;
        }

        double wallCodesPerSecond() {
            return codesDone / wallSeconds;
        }

        double bytesPerCode() {
            return codesDone == 0 ? Double.NaN : dbGrowthBytes / (double) codesDone;
        }
    }

    /**
     * Sequential GetInclusionProof and GetProofBundle calls for random codes of the last batch;
     * {@code invalid*}: answers that did not verify offline.
     */
    record ProofFigures(int codes, long logSize, LoadRun.Result inclusion, LoadRun.Result bundle,
            long invalidInclusion, long invalidBundle, String firstFailure) {
    }

    double codesPerSecond() {
        return median(IssueRun::codesPerSecond);
    }

    double bytesPerCode() {
        return median(IssueRun::bytesPerCode);
    }

    double baselineAllCores() {
        return rates(allCores);
    }

    /** The subject's rate over the machine's raw HMAC rate on all cores (issuing can use every core). */
    double ratio() {
        return codesPerSecond() / baselineAllCores();
    }

    List<Goal> goals() {
        List<Goal> goals = new ArrayList<>();
        goals.add(Goal.atLeast("codes_per_s", GOAL_CODES_PER_S, codesPerSecond()));
        goals.add(Goal.atMost("bytes_per_code", GOAL_BYTES_PER_CODE, bytesPerCode()));
        if (proof != null) {
            goals.add(Goal.below("proof_p99_ms", GOAL_PROOF_MS, proof.inclusion().percentileMillis(99)));
        }
        return goals;
    }

    /** Every goal met, and every timed proof verified (a fast wrong proof is no proof). */
    boolean pass() {
        return Goal.allPass(goals()) && (proof == null || proof.invalidInclusion() + proof.invalidBundle()
                + proof.inclusion().errors() + proof.bundle().errors() == 0);
    }

    String toJson() {
        List<IssueRun> done = completed();
        JsonLine json = new JsonLine().put("bench", "codes-issue").put("codes", codes).put("runs", runs.size())
                .put("completed_runs", done.size())
                .put("codes_per_s", codesPerSecond(), 1)
                .put("wall_codes_per_s", median(IssueRun::wallCodesPerSecond), 1)
                .put("issue_s", median(IssueRun::issueSeconds), 3)
                .put("wall_s", median(IssueRun::wallSeconds), 3)
                .put("bytes_per_code", bytesPerCode(), 3)
                .put("db_growth_bytes", median(r -> r.dbGrowthBytes()), 0)
                .put("baseline", new JsonLine().put("name", HmacBaseline.NAME)
                        .put("message_bytes", HmacBaseline.MESSAGE_BYTES).put("runs", allCores.size())
                        .put("one_thread_per_s", rates(oneThread), 1)
                        .put("all_cores_per_s", baselineAllCores(), 1)
                        .put("threads", allCores.isEmpty() ? 0 : allCores.get(0).threads()))
                .put("ratio", ratio(), 3);
        if (proof != null) {
            json.put("proof", new JsonLine().put("codes", proof.codes()).put("log_size", proof.logSize())
                    .put("inclusion_p50_ms", proof.inclusion().percentileMillis(50), 3)
                    .put("inclusion_p99_ms", proof.inclusion().percentileMillis(99), 3)
                    .put("inclusion_max_ms", proof.inclusion().percentileMillis(100), 3)
                    .put("bundle_p50_ms", proof.bundle().percentileMillis(50), 3)
                    .put("bundle_p99_ms", proof.bundle().percentileMillis(99), 3)
                    .put("bundle_max_ms", proof.bundle().percentileMillis(100), 3)
                    .put("errors", proof.inclusion().errors() + proof.bundle().errors())
                    .put("invalid_proofs", proof.invalidInclusion() + proof.invalidBundle())
                    .put("first_failure", proof.firstFailure()));
        } else {
            json.put("proof", (JsonLine) null);
        }
        return json.put("goals", Goal.toJson(goals(), 3)).put("pass", pass())
                .put("cores", Runtime.getRuntime().availableProcessors()).toString();
    }

    private List<IssueRun> completed() {
        return runs.stream().filter(IssueRun::completed).toList();
    }

    private double median(ToDoubleFunction<IssueRun> f) {
        List<IssueRun> done = completed();
        return done.isEmpty() ? Double.NaN : Report.median(done.stream().mapToDouble(f).toArray());
    }

    private static double rates(List<HmacBaseline.Rate> rates) {
        return rates.isEmpty() ? Double.NaN
                : Report.median(rates.stream().mapToDouble(HmacBaseline.Rate::perSecond).toArray());
    }
}

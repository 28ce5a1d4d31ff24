package io.cloudsword.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.api.brand.v1.MutinyBrandRegistryServiceGrpc.MutinyBrandRegistryServiceStub;
import io.cloudsword.api.verification.v1.CodeBatch;
import io.cloudsword.api.verification.v1.CodeBatchStatus;
import io.cloudsword.api.verification.v1.CreateCodeBatchResponse;
import io.cloudsword.api.verification.v1.GetInclusionProofRequest;
import io.cloudsword.api.verification.v1.GetInclusionProofResponse;
import io.cloudsword.api.verification.v1.GetLogInfoRequest;
import io.cloudsword.api.verification.v1.GetLogInfoResponse;
import io.cloudsword.api.verification.v1.GetProofBundleRequest;
import io.cloudsword.api.verification.v1.GetProofBundleResponse;
import io.cloudsword.api.verification.v1.IssuedCode;
import io.cloudsword.api.verification.v1.MutinyVerificationServiceGrpc.MutinyVerificationServiceStub;
import io.cloudsword.bench.seed.DemoCatalog;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.vertx.mutiny.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issuing a 10,000,000-code batch on verification-service as a rights owner of the demo catalogue:
 * codes per second between the batch's started_at and completed_at (and from the request until the
 * client saw it COMPLETED), and bytes stored per code (growth of the {@code verification}
 * database / codes). Baseline, measured before and after every batch in the same run: the
 * machine's raw HMAC-SHA256 rate over the serial's exact message, on one thread and on all cores.
 * Then, on the batch just issued, the time to answer GetInclusionProof and GetProofBundle for
 * random codes, each answer checked offline against the signed checkpoint.
 */
@Command(name = "codes-issue", mixinStandardHelpOptions = true,
        description = "Codes/s and bytes/code for a 10,000,000-code batch, and inclusion-proof latency on it; "
                + "baseline the raw HMAC-SHA256 rate of the same message on one thread and all cores.")
public class CodesIssueBench implements Callable<Integer> {

    @Option(names = "--codes", defaultValue = "10000000", description = "codes per batch, 1..10,000,000 (default ${DEFAULT-VALUE})")
    long codes;

    @Option(names = "--runs", defaultValue = "1", description = "batches issued, one after the other; medians are reported (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--baseline-runs", defaultValue = "3",
            description = "HMAC measurements at least: one before the first batch, one after each, more at the end (default ${DEFAULT-VALUE})")
    int baselineRuns;

    @Option(names = "--hmac-seconds", defaultValue = "3", description = "length of one HMAC measurement, per thread count (default ${DEFAULT-VALUE})")
    int hmacSeconds;

    @Option(names = "--proofs", defaultValue = "200", description = "random codes whose proofs are timed; 0 skips (default ${DEFAULT-VALUE})")
    int proofs;

    @Option(names = "--proof-warmup", defaultValue = "20", description = "untimed proofs first (default ${DEFAULT-VALUE})")
    int proofWarmup;

    @Option(names = "--timeout-minutes", defaultValue = "60", description = "longest wait for one batch (default ${DEFAULT-VALUE})")
    int timeoutMinutes;

    @Option(names = "--settle-seconds", defaultValue = "5",
            description = "wait after COMPLETED before reading the database size (default ${DEFAULT-VALUE})")
    int settleSeconds;

    @Option(names = "--brand", defaultValue = "-1",
            description = "demo brand (catalogue position) whose first product gets the codes; default the first "
                    + "non-exclusive brand with two products")
    int brandIndex;

    @Option(names = "--brands", defaultValue = "400", description = "as given to seed")
    int brandCount;

    @Option(names = "--products-per-brand", defaultValue = "30", description = "as given to seed")
    int productsPerBrand;

    @Option(names = "--seed", defaultValue = "42", description = "as given to seed; also picks the proofs' codes")
    long seed;

    @GrpcClient("brand-registry")
    MutinyBrandRegistryServiceStub brands;

    @GrpcClient("verification")
    MutinyVerificationServiceStub verification;

    @ConfigProperty(name = "cloudsword.token")
    String token;

    /** The suite's dev signing key directory (CLOUDSWORD_DEV_KEYS, set by ./cloudsword bench). */
    @ConfigProperty(name = "cloudsword.dev-keys")
    Optional<String> devKeys;

    @ConfigProperty(name = "cloudsword.db.host")
    String dbHost;

    @ConfigProperty(name = "cloudsword.db.port")
    int dbPort;

    @ConfigProperty(name = "cloudsword.db.user")
    String dbUser;

    @ConfigProperty(name = "cloudsword.db.password")
    Optional<String> dbPassword;

    @ConfigProperty(name = "cloudsword.verification.db-name")
    String dbName;

    @Inject
    Vertx vertx;

    private final List<HmacBaseline.Rate> oneThread = new ArrayList<>();
    private final List<HmacBaseline.Rate> allCores = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        if (codes < 1 || codes > 10_000_000 || runs < 1) {
            System.err.println("--codes must be 1..10,000,000 and --runs at least 1");
            return 2;
        }
        CodesTarget target;
        try {
            target = CodesTarget.resolve(CodeTokens.bearer(brands, token),
                    DemoCatalog.generate(brandCount, productsPerBrand, seed), brandIndex);
        } catch (StatusRuntimeException | IllegalStateException | IllegalArgumentException e) {
            System.err.println("Cannot find the demo product on brand-registry-service: " + e.getMessage());
            return 2;
        }
        CodeTokens tokens = CodeTokens.of(token, devKeys);
        if (!tokens.minting()) {
            System.out.println("note: no dev signing key (CLOUDSWORD_DEV_KEYS); acting as the admin, not as the owner");
        }
        MutinyVerificationServiceStub owner = CodeTokens.bearer(verification, tokens.owner(target.ownerId()));
        CodeBatchDriver driver = new CodeBatchDriver(owner);
        int cores = Runtime.getRuntime().availableProcessors();
        try (VerificationDb db = new VerificationDb(vertx, dbHost, dbPort, dbUser, dbPassword.orElse(""), dbName, 2)) {
            System.out.printf(Locale.ROOT, "codes-issue: %,d codes for %s; %d run(s); HMAC baseline %d s on 1 and %d "
                    + "threads, at least %d times; database %s%n", codes, target, runs, hmacSeconds, cores,
                    baselineRuns, db.description());
            db.databaseSize(); // the database answers before anything is ordered
            // JIT warm-up of the HMAC loop, untimed
            HmacBaseline.measure(1, Duration.ofSeconds(1));
            HmacBaseline.measure(cores, Duration.ofSeconds(1));
            measureBaseline(cores);
            List<CodesIssueReport.IssueRun> issued = new ArrayList<>();
            CodeBatch last = null;
            for (int r = 0; r < runs; r++) {
                CodeBatch batch;
                try {
                    batch = issue(r, target, driver, db, issued);
                } catch (StatusRuntimeException e) {
                    System.err.println("CreateCodeBatch / GetCodeBatch failed: " + e.getStatus() + " — is "
                            + "verification-service up, and does it implement them?");
                    return 2;
                }
                if (batch.getStatus() == CodeBatchStatus.CODE_BATCH_STATUS_COMPLETED) {
                    last = batch;
                }
                measureBaseline(cores);
            }
            while (allCores.size() < baselineRuns) {
                measureBaseline(cores);
            }
            CodesIssueReport.ProofFigures proofFigures = null;
            if (proofs > 0 && last != null) {
                proofFigures = proofs(owner, driver, last, target);
            } else if (proofs > 0) {
                System.out.println("no batch COMPLETED: proofs not timed");
            }
            CodesIssueReport report = new CodesIssueReport(codes, issued, oneThread, allCores, proofFigures);
            report.goals().forEach(g -> System.out.println(g.line()));
            System.out.println(report.toJson());
            return 0;
        }
    }

    private void measureBaseline(int cores) throws InterruptedException {
        HmacBaseline.Rate one = HmacBaseline.measure(1, Duration.ofSeconds(hmacSeconds));
        HmacBaseline.Rate all = HmacBaseline.measure(cores, Duration.ofSeconds(hmacSeconds));
        oneThread.add(one);
        allCores.add(all);
        System.out.printf(Locale.ROOT, "%-24s %,14.0f MACs/s on 1 thread  %,14.0f MACs/s on %d threads%n",
                HmacBaseline.NAME, one.perSecond(), all.perSecond(), all.threads());
    }

    /** One batch, start to finish, with the database's growth; returns it as last read. */
    private CodeBatch issue(int run, CodesTarget target, CodeBatchDriver driver, VerificationDb db,
            List<CodesIssueReport.IssueRun> issued) throws InterruptedException {
        Map<String, Long> relationsBefore = db.relationSizes();
        long sizeBefore = db.databaseSize();
        long t0 = System.nanoTime();
        CreateCodeBatchResponse created = driver.create(target.ownerId(), target.gtin14(), codes,
                "bench-codes-issue-" + UUID.randomUUID());
        System.out.printf(Locale.ROOT, "run %d: batch %s %s%n", run + 1, created.getBatch().getId(),
                created.getBatch().getStatus());
        CodeBatch batch = driver.awaitFinished(created.getBatch().getId(), Duration.ofMinutes(timeoutMinutes),
                Duration.ofSeconds(10));
        double wall = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(settleSeconds * 1000L);
        long growth = db.databaseSize() - sizeBefore;
        List<Map.Entry<String, Long>> grown = VerificationDb.growth(relationsBefore, db.relationSizes());
        String status = batch.getStatus().name().substring("CODE_BATCH_STATUS_".length());
        double seconds;
        if (batch.hasStartedAt() && batch.hasCompletedAt()) {
            seconds = Duration.between(CodeBatchDriver.instant(batch.getStartedAt()),
                    CodeBatchDriver.instant(batch.getCompletedAt())).toNanos() / 1e9;
        } else {
            seconds = wall;
            System.out.println("WARNING: the batch has no started_at / completed_at; codes/s from the wall clock");
        }
        CodesIssueReport.IssueRun result = new CodesIssueReport.IssueRun(batch.getId(), status, batch.getCodesDone(),
                seconds, wall, growth);
        issued.add(result);
        System.out.printf(Locale.ROOT, "run %d: %s, %,d codes in %.3f s issuing (%,.0f codes/s), %.3f s from request "
                + "to COMPLETED seen (%,.0f codes/s); database +%,d bytes = %.2f bytes/code%s%n", run + 1, status,
                batch.getCodesDone(), seconds, result.codesPerSecond(), wall, result.wallCodesPerSecond(), growth,
                result.bytesPerCode(), batch.getFailureReason().isEmpty() ? "" : "; failure: " + batch.getFailureReason());
        grown.stream().limit(8).forEach(e -> System.out.printf(Locale.ROOT, "    %-40s +%,15d bytes  %.2f bytes/code%n",
                e.getKey(), e.getValue(), e.getValue() / (double) Math.max(1, batch.getCodesDone())));
        return batch;
    }

    /**
     * GetInclusionProof and GetProofBundle, one call at a time, for random codes of the batch (each
     * fetched first with ExportCodes(start_index = i, max_codes = 1)), every answer verified offline.
     */
    private CodesIssueReport.ProofFigures proofs(MutinyVerificationServiceStub stub, CodeBatchDriver driver,
            CodeBatch batch, CodesTarget target) throws InterruptedException {
        GetLogInfoResponse info;
        try {
            info = stub.getLogInfo(GetLogInfoRequest.getDefaultInstance()).await().atMost(Duration.ofSeconds(30));
        } catch (StatusRuntimeException e) {
            System.out.println("GetLogInfo failed (" + e.getStatus() + "): proofs not timed");
            return null;
        }
        ProofCheck check = ProofCheck.of(info.getOrigin(), info.getKeysList());
        Random random = new Random(seed);
        long quantity = batch.getCodesDone();
        int total = proofWarmup + proofs;
        List<IssuedCode> sample = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long index = (long) (random.nextDouble() * quantity);
            List<IssuedCode> one = driver.export(batch.getId(), index, 1L, Duration.ofSeconds(60));
            if (one.size() != 1 || one.get(0).getIndex() != index) {
                System.out.println("ExportCodes(start_index=" + index + ", max_codes=1) answered " + one.size()
                        + " codes" + (one.isEmpty() ? "" : " from index " + one.get(0).getIndex()) + ": proofs not timed");
                return null;
            }
            sample.add(one.get(0));
        }
        long firstLogIndex = batch.hasFirstCodeLogIndex() ? batch.getFirstCodeLogIndex() : -1;
        if (firstLogIndex < 0) {
            System.out.println("note: the batch has no first_code_log_index; proofs' leaf indexes not checked");
        }
        awaitFirstProof(stub, sample.get(0).getDigitalLink());
        System.out.printf(Locale.ROOT, "proofs: %d untimed, then %d timed, one at a time, for random codes of batch %s; "
                + "log %s%n", proofWarmup, proofs, batch.getId(), info.getOrigin());

        long[] inclusionNanos = new long[proofs];
        long[] bundleNanos = new long[proofs];
        int inclusionOk = 0;
        int bundleOk = 0;
        long inclusionErrors = 0;
        long bundleErrors = 0;
        long invalidInclusion = 0;
        long invalidBundle = 0;
        long logSize = -1;
        String firstFailure = null;
        long started = System.nanoTime();
        for (int i = 0; i < total; i++) {
            boolean timed = i >= proofWarmup;
            IssuedCode code = sample.get(i);
            long expected = firstLogIndex < 0 ? -1 : firstLogIndex + code.getIndex();
            long t0 = System.nanoTime();
            GetInclusionProofResponse proof = null;
            String inclusionError = null;
            try {
                proof = stub.getInclusionProof(GetInclusionProofRequest.newBuilder().setCode(code.getDigitalLink())
                        .build()).await().atMost(Duration.ofSeconds(30));
            } catch (StatusRuntimeException e) {
                inclusionError = "GetInclusionProof for " + code.getDigitalLink() + ": " + e.getStatus();
            }
            long t1 = System.nanoTime();
            GetProofBundleResponse bundle = null;
            String bundleError = null;
            try {
                bundle = stub.getProofBundle(GetProofBundleRequest.newBuilder().setCode(code.getDigitalLink()).build())
                        .await().atMost(Duration.ofSeconds(30));
            } catch (StatusRuntimeException e) {
                bundleError = "GetProofBundle for " + code.getDigitalLink() + ": " + e.getStatus();
            }
            long t2 = System.nanoTime();
            // checked after the clock stopped, so verifying is not part of the figure
            String inclusionProblem = proof == null ? null
                    : check.inclusion(proof.getProof(), proof.getCheckpoint().getSignedNote(), expected);
            String bundleProblem = bundle == null ? null
                    : check.bundle(bundle.getBundle(), target.gtin14(), code.getSerial(), expected);
            if (!timed) {
                continue;
            }
            if (proof == null) {
                inclusionErrors++;
                firstFailure = firstFailure != null ? firstFailure : inclusionError;
            } else {
                inclusionNanos[inclusionOk++] = t1 - t0;
                logSize = Math.max(logSize, proof.getProof().getTreeSize());
                if (inclusionProblem != null) {
                    invalidInclusion++;
                    firstFailure = firstFailure != null ? firstFailure : "inclusion proof of " + code.getDigitalLink()
                            + ": " + inclusionProblem;
                }
            }
            if (bundle == null) {
                bundleErrors++;
                firstFailure = firstFailure != null ? firstFailure : bundleError;
            } else {
                bundleNanos[bundleOk++] = t2 - t1;
                if (bundleProblem != null) {
                    invalidBundle++;
                    firstFailure = firstFailure != null ? firstFailure : "proof bundle of " + code.getDigitalLink()
                            + ": " + bundleProblem;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LoadRun.Result inclusion = sequential(inclusionNanos, inclusionOk, inclusionErrors, seconds);
        LoadRun.Result bundles = sequential(bundleNanos, bundleOk, bundleErrors, seconds);
        System.out.printf(Locale.ROOT, "%-24s p50 %.3f ms  p99 %.3f ms  max %.3f ms  errors %d  not verified %d%n",
                "GetInclusionProof", inclusion.percentileMillis(50), inclusion.percentileMillis(99),
                inclusion.percentileMillis(100), inclusionErrors, invalidInclusion);
        System.out.printf(Locale.ROOT, "%-24s p50 %.3f ms  p99 %.3f ms  max %.3f ms  errors %d  not verified %d%n",
                "GetProofBundle", bundles.percentileMillis(50), bundles.percentileMillis(99),
                bundles.percentileMillis(100), bundleErrors, invalidBundle);
        if (firstFailure != null) {
            System.out.println("first proof failure: " + firstFailure);
        }
        return new CodesIssueReport.ProofFigures(proofs, logSize, inclusion, bundles, invalidInclusion, invalidBundle,
                firstFailure);
    }

    /** A checkpoint covering the batch may be published a little after COMPLETED: wait up to a minute for it. */
    private static void awaitFirstProof(MutinyVerificationServiceStub stub, String code) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                stub.getInclusionProof(GetInclusionProofRequest.newBuilder().setCode(code).build()).await()
                        .atMost(Duration.ofSeconds(30));
                return;
            } catch (StatusRuntimeException e) {
                if (System.nanoTime() > deadline || CodeBatchDriver.unimplemented(e)) {
                    System.out.println("GetInclusionProof still fails after a minute: " + e.getStatus());
                    return; // the timed calls count the errors
                }
                Thread.sleep(1000);
            }
        }
    }

    private static LoadRun.Result sequential(long[] nanos, int count, long errors, double seconds) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new LoadRun.Result(count, errors, seconds, sorted);
    }
}

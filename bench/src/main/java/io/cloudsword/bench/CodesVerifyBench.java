package io.cloudsword.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.api.brand.v1.MutinyBrandRegistryServiceGrpc.MutinyBrandRegistryServiceStub;
import io.cloudsword.api.verification.v1.CodeBatch;
import io.cloudsword.api.verification.v1.CodeBatchStatus;
import io.cloudsword.api.verification.v1.CreateCodeBatchResponse;
import io.cloudsword.api.verification.v1.IssuedCode;
import io.cloudsword.api.verification.v1.MutinyVerificationServiceGrpc.MutinyVerificationServiceStub;
import io.cloudsword.api.verification.v1.ScanChannel;
import io.cloudsword.api.verification.v1.ScanContext;
import io.cloudsword.api.verification.v1.VerifyRequest;
import io.cloudsword.bench.seed.DemoCatalog;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Verify on verification-service under closed-loop concurrency (64 gRPC callers by default) on
 * a mix of first scans of issued codes, repeated scans, and invalid codes (a MAC character
 * changed, a serial never issued, a real serial under another GTIN of the owner), every answer
 * checked. The codes are a prepared batch of the demo owner's (100,000 by default, created on the
 * first run and reused after: its idempotency key is fixed). Baseline, measured alternately in
 * the same run: a primary-key SELECT of a code batch on the service's database through a bare
 * reactive PostgreSQL pool, the floor a Verify that reads anything at all cannot go below.
 */
@Command(name = "codes-verify", mixinStandardHelpOptions = true,
        description = "Verify throughput and p50/p99 on a mix of genuine, repeated and invalid codes; baseline a "
                + "primary-key SELECT on the service's database through a bare reactive client.")
public class CodesVerifyBench implements Callable<Integer> {

    static final String PARTNER = "partner";
    static final String OWNER = "owner";
    static final String ANONYMOUS = "anonymous";

    @Option(names = "--concurrency", defaultValue = "64", description = "calls in flight (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--seconds", defaultValue = "10", description = "length of one timed run (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--runs", defaultValue = "5", description = "timed runs of each; medians are reported (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--warmup-seconds", defaultValue = "10", description = "untimed warm-up of each (default ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--batch-codes", defaultValue = "100000", description = "codes of the prepared batch (default ${DEFAULT-VALUE})")
    long batchCodes;

    @Option(names = "--fresh-batch", description = "order a new batch instead of reusing the prepared one, so every "
            + "first scan is a first scan")
    boolean freshBatch;

    @Option(names = "--genuine-percent", defaultValue = "40", description = "first scans of issued codes (default ${DEFAULT-VALUE})")
    int genuinePercent;

    @Option(names = "--repeated-percent", defaultValue = "40",
            description = "scans of codes scanned before; the rest are invalid codes (default ${DEFAULT-VALUE})")
    int repeatedPercent;

    @Option(names = "--repeat-pool", defaultValue = "1000",
            description = "codes scanned once before timing that the repeated scans hit (default ${DEFAULT-VALUE})")
    int repeatPool;

    @Option(names = "--caller", defaultValue = PARTNER,
            description = "who scans: partner (a platform partner's token), owner (the codes' owner), anonymous "
                    + "(no token, a different x-client-key every call) (default ${DEFAULT-VALUE})")
    String caller;

    @Option(names = "--platform", defaultValue = "taobao", description = "the partner's platform (default ${DEFAULT-VALUE})")
    String platform;

    @Option(names = "--country", defaultValue = "DE", description = "scan country (default ${DEFAULT-VALUE})")
    String country;

    @Option(names = "--baseline-pool-size", defaultValue = "20",
            description = "connections of the SQL baseline; the service's reactive pool has 20 (default ${DEFAULT-VALUE})")
    int baselinePoolSize;

    @Option(names = "--timeout-minutes", defaultValue = "30", description = "longest wait for the prepared batch (default ${DEFAULT-VALUE})")
    int timeoutMinutes;

    @Option(names = "--brand", defaultValue = "-1",
            description = "demo brand (catalogue position) whose first product has the codes; default the first "
                    + "non-exclusive brand with two products")
    int brandIndex;

    @Option(names = "--brands", defaultValue = "400", description = "as given to seed")
    int brandCount;

    @Option(names = "--products-per-brand", defaultValue = "30", description = "as given to seed")
    int productsPerBrand;

    @Option(names = "--seed", defaultValue = "42", description = "as given to seed; also the mix's order")
    long seed;

    @GrpcClient("brand-registry")
    MutinyBrandRegistryServiceStub brands;

    @GrpcClient("verification")
    MutinyVerificationServiceStub verification;

    @ConfigProperty(name = "cloudsword.token")
    String token;

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

    /** The tally the calls in flight record into; replaced after the warm-up so the figures cover the timed runs. */
    private final AtomicReference<VerdictTally> tally = new AtomicReference<>(new VerdictTally());
    private final AtomicLong freshWraps = new AtomicLong();

    @Override
    public Integer call() throws InterruptedException {
        if (!List.of(PARTNER, OWNER, ANONYMOUS).contains(caller)) {
            System.err.println("--caller must be partner, owner or anonymous");
            return 2;
        }
        if (genuinePercent < 0 || repeatedPercent < 0 || genuinePercent + repeatedPercent > 100) {
            System.err.println("--genuine-percent and --repeated-percent must be 0..100 together");
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
            System.out.println("note: no dev signing key (CLOUDSWORD_DEV_KEYS); acting as the admin, not as the "
                    + "owner or a partner");
        }
        CodeBatchDriver driver = new CodeBatchDriver(CodeTokens.bearer(verification, tokens.owner(target.ownerId())));
        List<IssuedCode> codes;
        try {
            codes = prepare(driver, target);
        } catch (StatusRuntimeException e) {
            System.err.println("Preparing the batch failed: " + e.getStatus() + " — is verification-service up, and "
                    + "does it implement CreateCodeBatch, GetCodeBatch and ExportCodes?");
            return 2;
        }
        if (codes == null) {
            return 2;
        }
        MutinyVerificationServiceStub[] scanners = scanners(tokens, target);
        ScanContext context = ScanContext.newBuilder().setCountry(country).setChannel(switch (caller) {
            case OWNER -> ScanChannel.SCAN_CHANNEL_BRAND_OWNER;
            case ANONYMOUS -> ScanChannel.SCAN_CHANNEL_CONSUMER_WEB;
            default -> ScanChannel.SCAN_CHANNEL_PLATFORM_PARTNER;
        }).setDeviceHint("bench-codes-verify").build();

        // the mix: a random order per run, so a rerun on the same batch reaches other codes first
        Random order = new Random(System.nanoTime());
        int[] shuffled = shuffled(codes.size(), order);
        int pool = Math.min(repeatPool, codes.size() / 2);
        VerifyRequest[] repeated = new VerifyRequest[pool];
        VerifyRequest[] fresh = new VerifyRequest[codes.size() - pool];
        for (int i = 0; i < shuffled.length; i++) {
            VerifyRequest r = request(codes.get(shuffled[i]).getDigitalLink(), context);
            if (i < pool) {
                repeated[i] = r;
            } else {
                fresh[i - pool] = r;
            }
        }
        Random forging = new Random(seed);
        int forgedCount = 4096;
        VerifyRequest[] macForged = new VerifyRequest[forgedCount];
        VerifyRequest[] neverIssued = new VerifyRequest[forgedCount];
        VerifyRequest[] otherGtin = new VerifyRequest[forgedCount];
        for (int i = 0; i < forgedCount; i++) {
            IssuedCode c = codes.get(forging.nextInt(codes.size()));
            macForged[i] = request(CodeSamples.withSerial(c.getDigitalLink(), c.getSerial(),
                    CodeSamples.forgeMac(c.getSerial(), forging)), context);
            neverIssued[i] = request(CodeSamples.withSerial(c.getDigitalLink(), c.getSerial(),
                    CodeSamples.neverIssued(c.getSerial(), forging)), context);
            otherGtin[i] = request(CodeSamples.withGtin(c.getDigitalLink(), target.gtin14(), target.otherGtin14()),
                    context);
        }
        CodeSamples.Kind[] plan = CodeSamples.plan(10_000, genuinePercent, repeatedPercent, new Random(seed));

        // before timing: the repeated scans' codes get their first scan, and every kind is asked and judged
        long checkedWrong = check(scanners, repeated, fresh, macForged, neverIssued, otherGtin);

        AtomicLong calls = new AtomicLong();
        AtomicLong freshNext = new AtomicLong();
        Supplier<Uni<?>> subject = () -> {
            long n = calls.getAndIncrement();
            CodeSamples.Kind kind = plan[(int) (n % plan.length)];
            VerifyRequest request = switch (kind) {
                case GENUINE -> {
                    long f = freshNext.getAndIncrement();
                    if (f == fresh.length) {
                        freshWraps.incrementAndGet();
                    }
                    yield fresh[(int) (f % fresh.length)];
                }
                case REPEATED -> repeated[ThreadLocalRandom.current().nextInt(repeated.length)];
                case MAC_FORGED -> macForged[(int) (n % forgedCount)];
                case NEVER_ISSUED -> neverIssued[(int) (n % forgedCount)];
                case OTHER_GTIN -> otherGtin[(int) (n % forgedCount)];
            };
            return scanners[(int) (n % scanners.length)].verify(request)
                    .invoke(r -> tally.get().record(kind, request.getCode(), r.getVerification()))
                    .onFailure().invoke(e -> tally.get().error(statusCode(e)));
        };

        try (VerificationDb db = new VerificationDb(vertx, dbHost, dbPort, dbUser, dbPassword.orElse(""), dbName,
                baselinePoolSize)) {
            UUID[] ids = db.batchIds(1000).toArray(UUID[]::new);
            if (ids.length == 0) {
                System.err.println("No code_batch rows in " + db.description() + ": is this verification-service's "
                        + "database (CLOUDSWORD_DB_HOST / _PORT, cloudsword.verification.db-name)?");
                return 2;
            }
            AtomicLong next = new AtomicLong();
            Supplier<Uni<?>> baseline = () -> db.batchById(ids[(int) (next.getAndIncrement() % ids.length)]);
            System.out.printf(Locale.ROOT, "codes-verify: %d %% first scans, %d %% repeated (pool of %,d), %d %% invalid "
                    + "(MAC changed, never issued, other GTIN) as %s; baseline %s on %s (%d connections, %d batch ids); "
                    + "warm-up %d s each, then %d alternating runs of %d s at concurrency %d%n", genuinePercent,
                    repeatedPercent, pool, 100 - genuinePercent - repeatedPercent, caller,
                    CodesVerifyReport.BASELINE, db.description(), baselinePoolSize, ids.length, warmupSeconds, runs,
                    seconds, concurrency);
            LoadRun.run(subject, concurrency, Duration.ofSeconds(warmupSeconds));
            LoadRun.run(baseline, concurrency, Duration.ofSeconds(warmupSeconds));
            print("warm-up answers", tally.get());
            tally.set(new VerdictTally());
            List<LoadRun.Result> measured = new ArrayList<>();
            List<LoadRun.Result> baselines = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                measured.add(print("codes-verify", LoadRun.run(subject, concurrency, Duration.ofSeconds(seconds))));
                baselines.add(print(CodesVerifyReport.BASELINE, LoadRun.run(baseline, concurrency,
                        Duration.ofSeconds(seconds))));
            }
            VerdictTally timed = tally.get();
            print("timed answers", timed);
            if (freshWraps.get() > 0 || timed.firstScansNotFirst() > 0) {
                System.out.printf(Locale.ROOT, "WARNING: %,d 'first scans' hit codes scanned before (the batch's "
                        + "%,d unscanned codes ran out, or an earlier run scanned them): use --fresh-batch or a larger "
                        + "--batch-codes for true first scans%n", timed.firstScansNotFirst(), fresh.length);
            }
            CodesVerifyReport report = new CodesVerifyReport(concurrency, codes.size(), genuinePercent,
                    repeatedPercent, callerRole(), measured, baselines, timed, checkedWrong);
            report.goals().forEach(g -> System.out.println(g.line()));
            System.out.println(report.toJson());
            return 0;
        }
    }

    /** The batch, created on the first run (or with --fresh-batch) and COMPLETED, and all its codes; null on failure. */
    private List<IssuedCode> prepare(CodeBatchDriver driver, CodesTarget target) throws InterruptedException {
        String key = freshBatch ? "bench-codes-verify-" + UUID.randomUUID()
                : "bench-codes-verify-" + target.gtin14() + "-" + batchCodes;
        CreateCodeBatchResponse created = driver.create(target.ownerId(), target.gtin14(), batchCodes, key);
        System.out.printf(Locale.ROOT, "batch %s of %,d codes for %s: %s%n", created.getBatch().getId(), batchCodes,
                target, created.getCreated() ? "ordered" : "reused (" + created.getBatch().getStatus() + ")");
        CodeBatch batch = driver.awaitFinished(created.getBatch().getId(), Duration.ofMinutes(timeoutMinutes),
                Duration.ofSeconds(10));
        if (batch.getStatus() != CodeBatchStatus.CODE_BATCH_STATUS_COMPLETED) {
            System.err.println("The batch ended " + batch.getStatus() + ": " + batch.getFailureReason()
                    + (freshBatch ? "" : " (--fresh-batch orders another)"));
            return null;
        }
        List<IssuedCode> codes = driver.export(batch.getId(), 0, null, Duration.ofMinutes(10));
        if (codes.size() != batch.getQuantity()) {
            System.err.printf(Locale.ROOT, "ExportCodes streamed %,d codes of %,d%n", codes.size(), batch.getQuantity());
            return null;
        }
        return codes;
    }

    /** Who scans: stubs taken in turn, with the matching token (none for anonymous, one x-client-key each). */
    private MutinyVerificationServiceStub[] scanners(CodeTokens tokens, CodesTarget target) {
        return switch (caller) {
            case OWNER -> new MutinyVerificationServiceStub[] {
                    CodeTokens.bearer(verification, tokens.owner(target.ownerId())) };
            case ANONYMOUS -> anonymousStubs(verification, 65_536);
            default -> new MutinyVerificationServiceStub[] { CodeTokens.bearer(verification, tokens.partner(platform)) };
        };
    }

    private String callerRole() {
        return switch (caller) {
            case OWNER -> "rights_owner";
            case ANONYMOUS -> "anonymous";
            default -> "platform_partner";
        };
    }

    /**
     * One call at a time, before timing: the first scan of every code the repeated scans will hit,
     * a second scan of some, some first scans and some of each invalid kind; returns the wrong answers.
     */
    private long check(MutinyVerificationServiceStub[] scanners, VerifyRequest[] repeated, VerifyRequest[] fresh,
            VerifyRequest[] macForged, VerifyRequest[] neverIssued, VerifyRequest[] otherGtin) {
        VerdictTally checks = new VerdictTally();
        int asked = 0;
        // anonymous: a client key per call here too
        Supplier<MutinyVerificationServiceStub> scanner = new Supplier<>() {
            private int next;

            @Override
            public MutinyVerificationServiceStub get() {
                return scanners[next++ % scanners.length];
            }
        };
        for (VerifyRequest r : repeated) {
            asked += ask(scanner, r, CodeSamples.Kind.GENUINE, checks);
        }
        for (int i = 0; i < Math.min(50, repeated.length); i++) {
            asked += ask(scanner, repeated[i], CodeSamples.Kind.REPEATED, checks);
        }
        for (int i = 0; i < 50; i++) {
            asked += ask(scanner, macForged[i], CodeSamples.Kind.MAC_FORGED, checks);
            asked += ask(scanner, neverIssued[i], CodeSamples.Kind.NEVER_ISSUED, checks);
            asked += ask(scanner, otherGtin[i], CodeSamples.Kind.OTHER_GTIN, checks);
        }
        System.out.printf(Locale.ROOT, "answers checked before timing: %,d, wrong %,d%s%n", asked,
                checks.wrongAnswers(), checks.wrongAnswers() > 0 ? "   WARNING: the figures below include wrong answers"
                        : "");
        print("checked answers", checks);
        return checks.wrongAnswers();
    }

    private static int ask(Supplier<MutinyVerificationServiceStub> scanner, VerifyRequest request,
            CodeSamples.Kind kind, VerdictTally into) {
        try {
            into.record(kind, request.getCode(), scanner.get().verify(request).await().atMost(Duration.ofSeconds(30))
                    .getVerification());
        } catch (StatusRuntimeException e) {
            into.error(e.getStatus().getCode().name());
            if (into.errorCodes().values().stream().mapToLong(Long::longValue).sum() <= 3) {
                System.out.println("Verify " + request.getCode() + " (" + kind + "): " + e.getStatus());
            }
        }
        return 1;
    }

    private static void print(String what, VerdictTally t) {
        System.out.println(what + ": " + t.answersJson() + (t.errorCodes().isEmpty() ? "" : " errors "
                + t.errorCodes()));
        t.examples().forEach(e -> System.out.println("  wrong: " + e));
        if (t.errorCodes().containsKey(Status.Code.RESOURCE_EXHAUSTED.name())) {
            System.out.println("  RESOURCE_EXHAUSTED: the service rate-limits these calls; the figures are not Verify's "
                    + "capacity (try another --caller)");
        }
    }

    private static LoadRun.Result print(String name, LoadRun.Result r) {
        System.out.printf(Locale.ROOT, "%-18s %10.1f ops/s  p50 %.3f ms  p99 %.3f ms  errors %d%n", name,
                r.opsPerSecond(), r.percentileMillis(50), r.percentileMillis(99), r.errors());
        return r;
    }

    private static VerifyRequest request(String code, ScanContext context) {
        return VerifyRequest.newBuilder().setCode(code).setContext(context).build();
    }

    static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static String statusCode(Throwable e) {
        return e instanceof StatusRuntimeException s ? s.getStatus().getCode().name() : e.getClass().getSimpleName();
    }

    /**
     * Anonymous consumers: one stub per client key (the hashed key the gateway forwards), 65,536 of
     * them taken in turn, so a key comes back about once per 65,536 calls and no one key's limit
     * is what the run measures. Stubs with attached headers rather than an interceptor class,
     * which Quarkus would take for a global interceptor left unused.
     */
    static MutinyVerificationServiceStub[] anonymousStubs(MutinyVerificationServiceStub stub, int count) {
        Metadata.Key<String> clientKey = Metadata.Key.of("x-client-key", Metadata.ASCII_STRING_MARSHALLER);
        String run = Long.toHexString(System.nanoTime());
        MutinyVerificationServiceStub[] stubs = new MutinyVerificationServiceStub[count];
        for (int i = 0; i < count; i++) {
            Metadata headers = new Metadata();
            headers.put(clientKey, "bench-" + run + "-" + i);
            stubs[i] = GrpcClientUtils.attachHeaders(stub, headers);
        }
        return stubs;
    }
}

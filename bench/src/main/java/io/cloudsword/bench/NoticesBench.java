package io.cloudsword.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.api.brand.v1.BrandRegistryServiceGrpc;
import io.cloudsword.api.brand.v1.BrandRegistryServiceGrpc.BrandRegistryServiceBlockingStub;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.api.brand.v1.Trademark;
import io.cloudsword.api.brand.v1.TrademarkStatus;
import io.cloudsword.api.brand.v1.VerifyRightsOwnerRequest;
import io.cloudsword.api.complaint.v1.ComplaintServiceGrpc;
import io.cloudsword.api.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import io.cloudsword.api.complaint.v1.Notice;
import io.cloudsword.api.complaint.v1.NoticeItem;
import io.cloudsword.api.complaint.v1.NoticeItemState;
import io.cloudsword.api.complaint.v1.StartNoticeReviewRequest;
import io.cloudsword.api.listing.v1.BatchGetListingsRequest;
import io.cloudsword.api.listing.v1.BatchRestoreListingsRequest;
import io.cloudsword.api.listing.v1.Listing;
import io.cloudsword.api.listing.v1.ListingKey;
import io.cloudsword.api.listing.v1.ListingLookupResult;
import io.cloudsword.api.listing.v1.ListingServiceGrpc;
import io.cloudsword.api.listing.v1.ListingServiceGrpc.ListingServiceBlockingStub;
import io.cloudsword.api.listing.v1.ListingState;
import io.cloudsword.api.listing.v1.ListingStateChangeResult;
import io.cloudsword.api.listing.v1.PlatformListingKey;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Notice and action end to end: a rights owner files 1,000 notices of 50 listings each as fast as
 * complaint-service accepts them, a reviewer accepts every item, and each listing is watched in
 * listing-service until it is TAKEN_DOWN: the lag from the ACCEPTED decision (DecideNotice
 * returned) to the takedown seen there, which complaint-service's transactional outbox carries.
 * Baseline, in the same runs and watched by the same poller: direct TakeDownListing calls on
 * listings of their own, from each call's start. Setup once per invocation: a VERIFIED rights
 * owner with an EU trade mark in force in brand-registry (fixed natural keys, found again on
 * every invocation), a fresh platform, and the listings streamed in through IngestListings as
 * that platform's partner. After each arm everything is undone through the APIs: the notices are
 * withdrawn (their listings restored by complaint-service), the baseline's holds released.
 */
@Command(name = "notices", mixinStandardHelpOptions = true,
        description = "Lag from an ACCEPTED notice decision to the listing TAKEN_DOWN in listing-service (p50/p99), "
                + "filing 1,000 notices of 50 listings and accepting them all; baseline direct TakeDownListing calls "
                + "watched the same way.")
public class NoticesBench implements Callable<Integer> {

    static final Duration CALL_DEADLINE = Duration.ofSeconds(30);
    static final int INGEST_CHUNK = 1000;
    static final int RESTORE_BATCH = 300;

    @Option(names = "--notices", defaultValue = "1000", description = "notices filed and decided per timed run "
            + "(default ${DEFAULT-VALUE})")
    int notices;

    @Option(names = "--listings-per-notice", defaultValue = "50",
            description = "listings each notice names, 1..300 (default ${DEFAULT-VALUE})")
    int listingsPerNotice;

    @Option(names = "--runs", defaultValue = "3", description = "timed runs of each; medians are reported "
            + "(default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--concurrency", defaultValue = "8",
            description = "calls in flight while filing, deciding, withdrawing and in the baseline (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--baseline-listings", defaultValue = "2000",
            description = "listings the baseline takes down directly per run, one TakeDownListing each "
                    + "(default ${DEFAULT-VALUE})")
    int baselineListings;

    @Option(names = "--warmup-notices", defaultValue = "20",
            description = "untimed notices (and as many baseline listings) through everything first; 0 skips "
                    + "(default ${DEFAULT-VALUE})")
    int warmupNotices;

    @Option(names = "--poll-ms", defaultValue = "100",
            description = "pause between two sweeps of BatchGetListings over the listings not yet down, 1..1000 "
                    + "(default ${DEFAULT-VALUE})")
    int pollMillis;

    @Option(names = "--poll-concurrency", defaultValue = "1",
            description = "BatchGetListings calls (500 listings each) in flight within a sweep, 1..32 "
                    + "(default ${DEFAULT-VALUE})")
    int pollConcurrency;

    @Option(names = "--timeout-seconds", defaultValue = "120",
            description = "longest wait for a run's last takedown after its last decision, and for the restores "
                    + "(default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--platform", defaultValue = "",
            description = "platform slug for the listings; default a fresh bench-nt-<random> each invocation. Give "
                    + "an earlier run's to ingest into it again (updates, no new listings)")
    String platformOption;

    @GrpcClient("complaint")
    Channel complaintChannel;

    @GrpcClient("listing")
    Channel listingChannel;

    @GrpcClient("brand-registry")
    Channel registryChannel;

    @ConfigProperty(name = "cloudsword.token")
    String token;

    @ConfigProperty(name = "cloudsword.dev-keys")
    Optional<String> devKeys;

    private CodeTokens tokens;
    private String platform;
    private String tag;
    private String ownerId;
    private String trademarkId;
    private List<String> subjectIds;
    private List<String> baselineIds;

    /** What is wrong with the options, or null: checked before anything is sent. */
    String problems() {
        List<String> p = new ArrayList<>();
        if (notices < 1 || runs < 1 || concurrency < 1 || baselineListings < 1) {
            p.add("--notices, --runs, --concurrency and --baseline-listings at least 1");
        }
        if (listingsPerNotice < 1 || listingsPerNotice > 300) {
            p.add("--listings-per-notice 1..300 (a notice names at most 300 listings)");
        }
        if (warmupNotices < 0 || warmupNotices > notices) {
            p.add("--warmup-notices 0..--notices (the warm-up uses the first notices' listings)");
        }
        if (pollMillis < 1 || pollMillis > 1000 || pollConcurrency < 1 || pollConcurrency > 32) {
            p.add("--poll-ms 1..1000, --poll-concurrency 1..32");
        }
        if (timeoutSeconds < 1) {
            p.add("--timeout-seconds at least 1");
        }
        if ((long) notices * listingsPerNotice > 1_000_000) {
            p.add("--notices x --listings-per-notice at most 1,000,000 listings");
        }
        return p.isEmpty() ? null : String.join("; ", p);
    }

    @Override
    public Integer call() throws Exception {
        String problem = problems();
        if (problem != null) {
            System.err.println(problem);
            return 2;
        }
        tokens = CodeTokens.of(token, devKeys);
        if (!tokens.minting()) {
            System.err.println("notices needs the suite's dev signing key (CLOUDSWORD_DEV_KEYS, which ./cloudsword bench "
                    + "sets): only a rights owner's token may file a notice");
            return 2;
        }
        tag = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
        platform = platformOption.isBlank() ? NoticeRequests.platform(tag) : platformOption.strip().toLowerCase(Locale.ROOT);
        int subjectListings = notices * listingsPerNotice;
        System.out.printf(Locale.ROOT, "notices: %,d notices of %,d listings per run (%,d listings), %d in flight; "
                + "baseline %s on %,d listings; poll every %d ms, %d call(s) of up to %d listings at once; "
                + "%d warm-up notice(s), then %d run(s) alternating which goes first; platform %s%n", notices,
                listingsPerNotice, subjectListings, concurrency, NoticesReport.BASELINE, baselineListings, pollMillis,
                pollConcurrency, TakedownWatch.BATCH, warmupNotices, runs, platform);
        try {
            setUpRightsOwner();
            long t0 = System.nanoTime();
            subjectIds = ingest("s", subjectListings);
            baselineIds = ingest("b", baselineListings);
            System.out.printf(Locale.ROOT, "ingested %,d + %,d listings on %s in %.1f s%n", subjectListings,
                    baselineListings, platform, (System.nanoTime() - t0) / 1e9);

            if (warmupNotices > 0) {
                subject("warm-up notices", warmupNotices, "w");
                baseline("warm-up " + NoticesReport.BASELINE,
                        baselineIds.subList(0, Math.min(baselineIds.size(), warmupNotices * listingsPerNotice)), "w");
            }
            List<NoticesReport.SubjectRun> measured = new ArrayList<>();
            List<NoticesReport.BaselineRun> baselines = new ArrayList<>();
            for (int r = 1; r <= runs; r++) {
                boolean baselineFirst = r % 2 == 0;
                if (baselineFirst) {
                    baselines.add(baseline("run " + r + " " + NoticesReport.BASELINE, baselineIds, "r" + r));
                }
                measured.add(subject("run " + r + " notices", notices, "r" + r));
                if (!baselineFirst) {
                    baselines.add(baseline("run " + r + " " + NoticesReport.BASELINE, baselineIds, "r" + r));
                }
            }
            System.out.printf(Locale.ROOT, "left behind: %,d listings (RESTORED) on platform %s in listing-service (no "
                    + "API deletes a listing), the withdrawn notices with their audit trails in complaint-service "
                    + "(records), and the bench's rights owner, brand and trademark in brand-registry (found again "
                    + "next time)%n", subjectListings + baselineListings, platform);
            NoticesReport report = new NoticesReport(notices, listingsPerNotice, concurrency, baselineListings,
                    pollMillis, measured, baselines);
            report.goals().forEach(g -> System.out.println(g.line()));
            System.out.println(report.toJson());
            return 0;
        } catch (StatusRuntimeException e) {
            System.err.println("a call failed: " + describe(e) + hint(e));
            return 2;
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    // ----- setup

    /** The bench's rights owner, VERIFIED, with a brand and an EU trade mark in force: made once, found after. */
    private void setUpRightsOwner() {
        BrandRegistryServiceBlockingStub admin = CodeTokens.bearer(BrandRegistryServiceGrpc.newBlockingStub(registryChannel),
                tokens.admin());
        RightsOwner owner = deadline(admin).registerRightsOwner(NoticeRequests.owner()).getOwner();
        if (owner.getStatus() == RightsOwnerStatus.RIGHTS_OWNER_STATUS_PENDING) {
            owner = deadline(admin).verifyRightsOwner(VerifyRightsOwnerRequest.newBuilder().setId(owner.getId())
                    .setNote("bench notices: a benchmark's own notifier").build()).getOwner();
        }
        if (owner.getStatus() != RightsOwnerStatus.RIGHTS_OWNER_STATUS_VERIFIED) {
            throw new IllegalStateException("The bench's rights owner " + owner.getId() + " (" + NoticeRequests.OWNER_NAME
                    + ") is " + owner.getStatus() + " in brand-registry (" + owner.getStatusReason() + "): only a "
                    + "VERIFIED owner may file; reinstate it (ReinstateRightsOwner as an admin) and run again");
        }
        String brandId = deadline(admin).registerBrand(NoticeRequests.brand(owner.getId())).getBrand().getId();
        Trademark tm = deadline(admin).registerTrademark(NoticeRequests.trademark(brandId)).getTrademark();
        if (tm.getStatus() != TrademarkStatus.TRADEMARK_STATUS_REGISTERED) {
            throw new IllegalStateException("The bench's trademark " + tm.getId() + " is " + tm.getStatus()
                    + ": it grounds no notice");
        }
        ownerId = owner.getId();
        trademarkId = tm.getId();
        System.out.printf(Locale.ROOT, "rights owner %s (VERIFIED), trademark %s %s (%s)%n", ownerId,
                tm.getOffice().name().replace("TRADEMARK_OFFICE_", ""), tm.getRegistrationNumber(), trademarkId);
    }

    /**
     * Streams {@code count} innocent listings of the arm in through IngestListings as the platform's
     * partner (chunks of 1,000, at most 8 unanswered), then looks them up: their ids in order, and
     * every one live (not TAKEN_DOWN: a listing held down by an earlier, interrupted run on the same
     * platform would make the lag zero).
     */
    private List<String> ingest(String arm, int count) throws InterruptedException {
        IngestTally tally = new IngestTally();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        IngestStream stream = new IngestStream(CodeTokens.bearer(ListingServiceGrpc.newStub(listingChannel),
                tokens.partner(platform)), 8, tally, new IngestStream.LongBuffer(), timeout);
        List<String> externalIds = new ArrayList<>(count);
        for (int from = 0; from < count; from += INGEST_CHUNK) {
            List<ListingSamples.Sample> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + INGEST_CHUNK); i++) {
                String externalId = NoticeRequests.externalId(arm, i);
                externalIds.add(externalId);
                chunk.add(new ListingSamples.Sample(ListingSamples.Kind.UNBRANDED,
                        NoticeRequests.listing(platform, externalId, i), 0));
            }
            stream.send(NoticeRequests.KEY_PREFIX + arm + "-chunk-" + from, chunk);
        }
        stream.finish();
        if (tally.rejected() > 0 || tally.mismatches() > 0) {
            throw new IllegalStateException(String.format(Locale.ROOT, "IngestListings refused %,d of the bench's "
                    + "listings (first: %s), %,d answers did not match (first: %s)", tally.rejected(),
                    tally.firstRejection(), tally.mismatches(), tally.firstMismatch()));
        }
        ListingServiceBlockingStub admin = CodeTokens.bearer(ListingServiceGrpc.newBlockingStub(listingChannel),
                tokens.admin());
        List<String> ids = new ArrayList<>(count);
        Map<ListingState, Long> states = new EnumMap<>(ListingState.class);
        for (int from = 0; from < count; from += TakedownWatch.BATCH) {
            BatchGetListingsRequest.Builder request = BatchGetListingsRequest.newBuilder();
            externalIds.subList(from, Math.min(count, from + TakedownWatch.BATCH)).forEach(e -> request.addKeys(
                    ListingKey.newBuilder().setExternal(PlatformListingKey.newBuilder().setPlatform(platform)
                            .setExternalId(e))));
            for (ListingLookupResult r : deadline(admin).batchGetListings(request.build()).getResultsList()) {
                if (!r.getFound()) {
                    throw new IllegalStateException("listing " + r.getKey().getExternal().getExternalId()
                            + " was accepted by IngestListings but is not found");
                }
                ids.add(r.getListing().getId());
                states.merge(r.getListing().getState(), 1L, Long::sum);
            }
        }
        long down = states.getOrDefault(ListingState.LISTING_STATE_TAKEN_DOWN, 0L);
        if (down > 0) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%,d of the %s listings on %s are TAKEN_DOWN "
                    + "already (an interrupted earlier run?): use a fresh platform (leave out --platform)", down, arm,
                    platform));
        }
        System.out.println("    " + (arm.equals("s") ? "notices'" : "baseline's") + " listings by state: " + states
                .entrySet().stream().map(e -> e.getKey().name().replace("LISTING_STATE_", "") + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        return ids;
    }

    // ----- the subject

    /**
     * Files {@code count} notices (notice i names the subject's listings i*n .. i*n+n-1), then starts
     * the review of each and accepts all its items, each listing watched from the instant its
     * DecideNotice returned until seen TAKEN_DOWN; then withdraws every notice and waits until its
     * listings are live again, so the next run starts from the same state.
     */
    private NoticesReport.SubjectRun subject(String name, int count, String run) throws InterruptedException {
        String keyPrefix = NoticeRequests.KEY_PREFIX + tag + "-" + run + "-n";
        ComplaintServiceBlockingStub owner = CodeTokens.bearer(ComplaintServiceGrpc.newBlockingStub(complaintChannel),
                tokens.owner(ownerId));
        ComplaintServiceBlockingStub reviewer = CodeTokens.bearer(
                ComplaintServiceGrpc.newBlockingStub(complaintChannel), tokens.reviewer());

        Notice[] filed = new Notice[count];
        NoticesReport.Phase filing = closedLoop(count, concurrency, i -> filed[i] = deadline(owner)
                .submitNotice(NoticeRequests.submit(keyPrefix + i, platform, trademarkId,
                        NoticeRequests.noticeListings(i, listingsPerNotice)))
                .getNotice());
        List<Notice> received = new ArrayList<>();
        for (Notice n : filed) {
            if (n != null) {
                received.add(n);
            }
        }
        if (received.isEmpty()) {
            throw new IllegalStateException("SubmitNotice refused every notice: " + filing.firstError());
        }

        Map<String, Long> decidedAt = new ConcurrentHashMap<>(); // listing id -> the item's decided_at (complaint-service)
        TakedownWatch watch = new TakedownWatch(lookup(), TakedownWatch.TAKEN_DOWN, Duration.ofMillis(pollMillis),
                pollConcurrency);
        NoticesReport.Phase decisions;
        TakedownWatch.Result takedowns;
        try {
            decisions = closedLoop(received.size(), concurrency, i -> {
                Notice started = deadline(reviewer).startNoticeReview(StartNoticeReviewRequest.newBuilder()
                        .setNoticeId(received.get(i).getId()).build()).getNotice();
                Notice decided = deadline(reviewer).decideNotice(NoticeRequests.acceptAll(started)).getNotice();
                long returned = System.nanoTime(); // t0 of every listing of this notice: the decision is in
                List<String> accepted = new ArrayList<>();
                for (NoticeItem item : decided.getItemsList()) {
                    if (item.getState() == NoticeItemState.NOTICE_ITEM_STATE_ACCEPTED) {
                        accepted.add(item.getListingId());
                        decidedAt.put(item.getListingId(), NoticeRequests.nanos(item.getDecidedAt()));
                    }
                }
                watch.expect(accepted, returned);
            });
            takedowns = watch.await(Duration.ofSeconds(timeoutSeconds));
        } finally {
            watch.stop();
        }
        long[] serverLag = takedowns.reachedAtServerNanos().entrySet().stream()
                .filter(e -> decidedAt.containsKey(e.getKey()))
                .mapToLong(e -> e.getValue() - decidedAt.get(e.getKey())).sorted().toArray();
        NoticesReport.SubjectRun result = new NoticesReport.SubjectRun(filing, decisions, takedowns, serverLag);
        print(name, result);
        withdraw(received);
        return result;
    }

    /** Withdraws the notices (complaint-service restores their listings through its outbox) and waits for that. */
    private void withdraw(List<Notice> filedNotices) throws InterruptedException {
        ComplaintServiceBlockingStub owner = CodeTokens.bearer(ComplaintServiceGrpc.newBlockingStub(complaintChannel),
                tokens.owner(ownerId));
        long t0 = System.nanoTime();
        NoticesReport.Phase withdrawals = closedLoop(filedNotices.size(), concurrency, i -> deadline(owner)
                .withdrawNotice(NoticeRequests.withdraw(filedNotices.get(i).getId())));
        List<String> listings = filedNotices.stream().flatMap(n -> n.getItemsList().stream())
                .map(NoticeItem::getListingId).toList();
        TakedownWatch.Result restored = awaitLive(listings);
        System.out.printf(Locale.ROOT, "    withdrew %,d of %,d notices; %,d of %,d listings live again in %.1f s%n",
                withdrawals.succeeded(), withdrawals.attempted(), restored.expected() - restored.unseen(),
                restored.expected(), (System.nanoTime() - t0) / 1e9);
        if (withdrawals.failed() > 0 || restored.unseen() > 0) {
            throw new IllegalStateException(String.format(Locale.ROOT, "after withdrawing, %,d notice(s) refused "
                    + "(first: %s) and %,d listing(s) still TAKEN_DOWN after %d s (e.g. %s): the next run would not "
                    + "start from live listings", withdrawals.failed(), withdrawals.firstError(), restored.unseen(),
                    timeoutSeconds, restored.someUnseen()));
        }
    }

    // ----- the baseline

    /**
     * One TakeDownListing per listing as a system caller (what complaint-service's outbox does,
     * without the outbox), {@code concurrency} in flight, each listing watched from the call's start
     * until seen TAKEN_DOWN by the same poller; then every hold released with BatchRestoreListings.
     */
    private NoticesReport.BaselineRun baseline(String name, List<String> listings, String run)
            throws InterruptedException {
        String hold = NoticeRequests.baselineHold(tag, run);
        ListingServiceBlockingStub system = CodeTokens.bearer(ListingServiceGrpc.newBlockingStub(listingChannel),
                tokens.system("bench-notices"));
        TakedownWatch watch = new TakedownWatch(lookup(), TakedownWatch.TAKEN_DOWN, Duration.ofMillis(pollMillis),
                pollConcurrency);
        NoticesReport.Phase calls;
        TakedownWatch.Result seen;
        try {
            calls = closedLoop(listings.size(), concurrency, i -> {
                String id = listings.get(i);
                watch.expect(List.of(id), System.nanoTime());
                try {
                    deadline(system).takeDownListing(NoticeRequests.takeDown(id, hold, Instant.now()));
                } catch (RuntimeException e) {
                    watch.forget(id); // counted as a failed call; it will not come down
                    throw e;
                }
            });
            seen = watch.await(Duration.ofSeconds(timeoutSeconds));
        } finally {
            watch.stop();
        }
        NoticesReport.BaselineRun result = new NoticesReport.BaselineRun(calls, seen);
        print(name, result);
        release(system, listings, hold);
        return result;
    }

    private void release(ListingServiceBlockingStub system, List<String> listings, String hold) {
        long t0 = System.nanoTime();
        long stillDown = 0;
        String first = null;
        for (int from = 0; from < listings.size(); from += RESTORE_BATCH) {
            BatchRestoreListingsRequest.Builder request = BatchRestoreListingsRequest.newBuilder();
            Instant now = Instant.now();
            listings.subList(from, Math.min(listings.size(), from + RESTORE_BATCH))
                    .forEach(id -> request.addRequests(NoticeRequests.restore(id, hold, now)));
            for (ListingStateChangeResult r : deadline(system).batchRestoreListings(request.build()).getResultsList()) {
                if (r.hasError() || r.getState() == ListingState.LISTING_STATE_TAKEN_DOWN) {
                    stillDown++;
                    if (first == null) {
                        first = r.getListingId() + " " + (r.hasError() ? r.getError().getDetail().getReason() : r.getState());
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "    released the baseline's hold on %,d listings in %.1f s%n", listings.size(),
                (System.nanoTime() - t0) / 1e9);
        if (stillDown > 0) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%,d baseline listing(s) not restored (first: %s)",
                    stillDown, first));
        }
    }

    // ----- shared

    /** Every listing live again (not TAKEN_DOWN), polled the same way; or the deadline. */
    private TakedownWatch.Result awaitLive(List<String> listings) throws InterruptedException {
        TakedownWatch watch = new TakedownWatch(lookup(), TakedownWatch.NOT_TAKEN_DOWN, Duration.ofMillis(pollMillis),
                pollConcurrency);
        try {
            watch.expect(listings, System.nanoTime());
            return watch.await(Duration.ofSeconds(timeoutSeconds));
        } finally {
            watch.stop();
        }
    }

    /** BatchGetListings by id as the admin (who sees every platform's listings). */
    private TakedownWatch.Lookup lookup() {
        ListingServiceBlockingStub admin = CodeTokens.bearer(ListingServiceGrpc.newBlockingStub(listingChannel),
                tokens.admin());
        return ids -> {
            BatchGetListingsRequest.Builder request = BatchGetListingsRequest.newBuilder();
            ids.forEach(id -> request.addKeys(ListingKey.newBuilder().setId(id)));
            List<TakedownWatch.Observation> seen = new ArrayList<>(ids.size());
            for (ListingLookupResult r : deadline(admin).batchGetListings(request.build()).getResultsList()) {
                if (r.getFound()) {
                    Listing l = r.getListing();
                    seen.add(new TakedownWatch.Observation(l.getId(), l.getState(), NoticeRequests.nanos(l.getUpdatedAt())));
                }
            }
            return seen;
        };
    }

    /** One unit of work of a closed loop, by index. */
    interface Call {
        void run(int index) throws Exception;
    }

    /**
     * Runs {@code call} for every index in [0, count) on {@code concurrency} threads, each taking the
     * next index as soon as its last call answered (closed loop: the rate the services sustain).
     * Each successful call is timed; a failed one is counted, the first failure kept.
     */
    static NoticesReport.Phase closedLoop(int count, int concurrency, Call call) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        IngestStream.LongBuffer times = new IngestStream.LongBuffer();
        AtomicReference<String> firstError = new AtomicReference<>();
        int threads = Math.max(1, Math.min(concurrency, count));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int w = 0; w < threads; w++) {
            pool.execute(() -> {
                for (int i; (i = next.getAndIncrement()) < count;) {
                    long t0 = System.nanoTime();
                    try {
                        call.run(i);
                        times.add(System.nanoTime() - t0);
                    } catch (Exception e) {
                        firstError.compareAndSet(null, "#" + i + ": " + describe(e));
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
            pool.shutdownNow();
            throw new IllegalStateException("calls did not finish within an hour");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new NoticesReport.Phase(count, times.size(), seconds, times.sorted(), firstError.get());
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S deadline(S stub) {
        return stub.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    static String describe(Throwable e) {
        if (e instanceof StatusRuntimeException s) {
            Status status = s.getStatus();
            return status.getCode() + (status.getDescription() == null ? "" : " " + status.getDescription());
        }
        return String.valueOf(e);
    }

    private static String hint(StatusRuntimeException e) {
        return switch (e.getStatus().getCode()) {
            case UNAVAILABLE -> " — is the suite up (./cloudsword up: brand-registry 8101, listing 8102, complaint 8103; "
                    + "CLOUDSWORD_<SERVICE>_HOST / _PORT)?";
            case UNIMPLEMENTED -> " — does the running service implement it yet?";
            default -> "";
        };
    }

    private static void print(String name, NoticesReport.SubjectRun r) {
        NoticesReport.Phase f = r.filing();
        NoticesReport.Phase d = r.decisions();
        TakedownWatch.Result t = r.takedowns();
        System.out.printf(Locale.ROOT, "%-26s filed %,d/%,d in %.2f s (%.1f notices/s, p50 %.1f ms, p99 %.1f ms); decided "
                + "%,d/%,d in %.2f s (%.1f decisions/s, p50 %.1f ms, p99 %.1f ms)%n", name, f.succeeded(), f.attempted(),
                f.seconds(), f.perSecond(), f.millis(50), f.millis(99), d.succeeded(), d.attempted(), d.seconds(),
                d.perSecond(), d.millis(50), d.millis(99));
        System.out.printf(Locale.ROOT, "%-26s lag decision->TAKEN_DOWN p50 %.1f ms  p99 %.1f ms  max %.1f ms  (server "
                + "clocks p50 %.1f ms, p99 %.1f ms); down %,d of %,d; poll sweep p50 %.1f ms, max %.1f ms%s%n", "",
                t.lagMillis(50), t.lagMillis(99), t.lagMillis(100), NoticesReport.percentileMillis(r.serverLagNanos(), 50),
                NoticesReport.percentileMillis(r.serverLagNanos(), 99), t.lagNanos().length, t.expected(),
                t.sweepMillis(50), t.sweepMillis(100), failures(f, d, t));
    }

    private static void print(String name, NoticesReport.BaselineRun r) {
        NoticesReport.Phase c = r.takedowns();
        TakedownWatch.Result t = r.watch();
        System.out.printf(Locale.ROOT, "%-26s %,d/%,d TakeDownListing in %.2f s (%.1f calls/s, p50 %.1f ms, p99 %.1f ms); "
                + "lag call->TAKEN_DOWN p50 %.1f ms  p99 %.1f ms  max %.1f ms; down %,d of %,d; poll sweep p50 %.1f ms, "
                + "max %.1f ms%s%n", name, c.succeeded(), c.attempted(), c.seconds(), c.perSecond(), c.millis(50),
                c.millis(99), t.lagMillis(50), t.lagMillis(99), t.lagMillis(100), t.lagNanos().length, t.expected(),
                t.sweepMillis(50), t.sweepMillis(100), failures(c, null, t));
    }

    private static String failures(NoticesReport.Phase a, NoticesReport.Phase b, TakedownWatch.Result t) {
        StringBuilder s = new StringBuilder();
        for (NoticesReport.Phase p : new NoticesReport.Phase[] { a, b }) {
            if (p != null && p.failed() > 0) {
                s.append(String.format(Locale.ROOT, "%n    %,d call(s) failed, first %s", p.failed(), p.firstError()));
            }
        }
        if (t.unseen() > 0) {
            s.append(String.format(Locale.ROOT, "%n    %,d listing(s) not seen TAKEN_DOWN in time, e.g. %s", t.unseen(),
                    t.someUnseen()));
        }
        if (t.pollErrors() > 0) {
            s.append(String.format(Locale.ROOT, "%n    %,d poll(s) failed, first %s", t.pollErrors(), t.firstPollError()));
        }
        return s.toString();
    }
}

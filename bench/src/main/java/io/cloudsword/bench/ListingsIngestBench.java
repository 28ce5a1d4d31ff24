package io.cloudsword.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.api.listing.v1.ListingInput;
import io.cloudsword.api.listing.v1.ListingServiceGrpc;
import io.cloudsword.api.listing.v1.ListingServiceGrpc.ListingServiceStub;
import io.cloudsword.bench.seed.DemoCatalog;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.GrpcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Streaming 1,000,000 marketplace listings (a realistic mix, some counterfeit-looking, see
 * {@link ListingSamples}) through IngestListings on listing-service, each scored and stored:
 * listings per second and each chunk's answer time. Every platform's listings go on a stream of
 * that platform's partner, chunks of 1,000 with at most 8 unanswered, the platforms one after the
 * other. Baseline, in the same runs: the same rows under their own external ids inserted into the
 * same table by plain SQL over JDBC, one INSERT … SELECT FROM unnest(…) per 1,000-row chunk, on
 * one connection per core (the service commits several chunks at once too). Every
 * arm writes new rows and they are removed after it (with the transitions and shops ingest made
 * for them), so each arm starts from the same table.
 */
@Command(name = "listings-ingest", mixinStandardHelpOptions = true,
        description = "Listings/s and per-chunk p99 streaming 1,000,000 seeded listings through IngestListings, "
                + "scored and stored; baseline the same rows inserted by plain SQL (unnest) into the same table.")
public class ListingsIngestBench implements Callable<Integer> {

    /** Every external id the benchmark writes starts with this; rows left by an interrupted run are removed first. */
    static final String KEY_PREFIX = "bench-li-";

    @Option(names = "--listings", defaultValue = "1000000",
            description = "listings per timed run (default ${DEFAULT-VALUE})")
    long listings;

    @Option(names = "--runs", defaultValue = "3",
            description = "timed runs of each; medians are reported (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--warmup-listings", defaultValue = "20000",
            description = "untimed listings through each first, then removed; 0 skips (default ${DEFAULT-VALUE})")
    long warmupListings;

    @Option(names = "--chunk-size", defaultValue = "1000",
            description = "listings per chunk, 1..1,000 (default ${DEFAULT-VALUE})")
    int chunkSize;

    @Option(names = "--window", defaultValue = "8",
            description = "chunks unanswered at most, 1..8 (default ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--platforms", split = ",", defaultValue = "taobao,tmall,jd,amazon-de,amazon-us,amazon-jp,ebay-uk",
            description = "platforms the listings are spread over, one stream each (default ${DEFAULT-VALUE})")
    List<String> platforms;

    @Option(names = "--baseline-connections", defaultValue = "0",
            description = "JDBC connections inserting the baseline's chunks side by side; 0 (default): one per core, "
                    + "the fastest plain insert measured on 2 cores")
    int baselineConnections;

    @Option(names = "--timeout-minutes", defaultValue = "10",
            description = "longest wait for one chunk's answer or a stream's end (default ${DEFAULT-VALUE})")
    int timeoutMinutes;

    @Option(names = "--brands", defaultValue = "400", description = "as given to seed")
    int brandCount;

    @Option(names = "--products-per-brand", defaultValue = "30", description = "as given to seed")
    int productsPerBrand;

    @Option(names = "--seed", defaultValue = "42", description = "as given to seed; also the listings' seed")
    long seed;

    @GrpcClient("listing")
    Channel listingChannel;

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

    @ConfigProperty(name = "cloudsword.listing.db-name")
    String dbName;

    private CodeTokens tokens;
    private ListingSamples samples;

    @Override
    public Integer call() throws Exception {
        if (listings < 1 || runs < 1 || warmupListings < 0 || chunkSize < 1 || chunkSize > 1000 || window < 1
                || window > 8 || baselineConnections < 0) {
            System.err.println("--listings and --runs at least 1, --warmup-listings at least 0, --chunk-size 1..1000, "
                    + "--window 1..8, --baseline-connections at least 0");
            return 2;
        }
        if (baselineConnections == 0) {
            baselineConnections = Runtime.getRuntime().availableProcessors();
        }
        try {
            samples = new ListingSamples(DemoCatalog.generate(brandCount, productsPerBrand, seed), platforms, seed,
                    chunkSize);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        tokens = CodeTokens.of(token, devKeys);
        if (!tokens.minting()) {
            System.out.println("note: no dev signing key (CLOUDSWORD_DEV_KEYS); streaming as the admin, not as each "
                    + "platform's partner");
        }
        try (ListingsDb db = new ListingsDb(dbHost, dbPort, dbUser, dbPassword.orElse(""), dbName)) {
            if (!db.hasTable("listing")) {
                System.err.println("No listing table in " + db.description() + ": is listing-service up (it migrates "
                        + "its database at start), and is this its database (CLOUDSWORD_DB_HOST / _PORT, "
                        + "CLOUDSWORD_LISTING_DB_NAME)?");
                return 2;
            }
            // an interrupted run left its listings, and the shops made for them, which no one else has used since
            ListingsDb.Removed leftovers = db.remove(platforms, KEY_PREFIX, Instant.EPOCH, samples.shopIds());
            if (leftovers.listings() + leftovers.shops() > 0) {
                System.out.printf(Locale.ROOT, "removed %,d listings and %,d empty shops left by an interrupted "
                        + "earlier run%n", leftovers.listings(), leftovers.shops());
            }
            String note = db.statisticsNote();
            if (note != null) {
                System.out.println(note);
            }
            String tag = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
            System.out.printf(Locale.ROOT, "listings-ingest: %,d listings per run over %s (%d stream(s), chunks of %,d, "
                    + "at most %d unanswered); baseline %s on %s with %d connection(s); %,d warm-up listings each, then "
                    + "%d run(s) alternating which goes first; external ids %s%s-…%n", listings, platforms,
                    platforms.size(), chunkSize, window, ListingsIngestReport.BASELINE, db.description(),
                    baselineConnections, warmupListings, runs, KEY_PREFIX, tag);

            if (warmupListings > 0) {
                IngestTally warm = new IngestTally();
                subject("warm-up listings-ingest", db, KEY_PREFIX + tag + "-ws-", warmupListings, warm);
                baseline("warm-up " + ListingsIngestReport.BASELINE, db, KEY_PREFIX + tag + "-wb-", warmupListings);
                warnIfUnscored(warm);
            }

            List<ListingsIngestReport.Arm> measured = new ArrayList<>();
            List<ListingsIngestReport.Arm> baselines = new ArrayList<>();
            IngestTally tally = new IngestTally(); // every timed run's answers
            for (int r = 1; r <= runs; r++) {
                boolean baselineFirst = r % 2 == 0;
                if (baselineFirst) {
                    baselines.add(baseline("run " + r + " " + ListingsIngestReport.BASELINE, db,
                            KEY_PREFIX + tag + "-b" + r + "-", listings));
                }
                measured.add(subject("run " + r + " listings-ingest", db, KEY_PREFIX + tag + "-s" + r + "-",
                        listings, tally));
                if (!baselineFirst) {
                    baselines.add(baseline("run " + r + " " + ListingsIngestReport.BASELINE, db,
                            KEY_PREFIX + tag + "-b" + r + "-", listings));
                }
            }
            tally.lines().forEach(System.out::println);
            if (tally.firstRejection() != null) {
                System.out.println("first rejection: " + tally.firstRejection());
            }
            if (tally.firstMismatch() != null) {
                System.out.println("first answer not matching its chunk: " + tally.firstMismatch());
            }
            ListingsIngestReport report = new ListingsIngestReport(listings, chunkSize, window, platforms,
                    baselineConnections, measured, baselines, tally);
            report.goals().forEach(g -> System.out.println(g.line()));
            System.out.println(report.toJson());
            return 0;
        } catch (SQLException e) {
            System.err.println("listings database (" + dbHost + ":" + dbPort + "/" + dbName + "): " + e.getMessage());
            return 2;
        } catch (ExecutionException e) {
            System.err.println("baseline insert failed: " + e.getCause());
            return 2;
        } catch (StatusRuntimeException e) {
            return streamFailed(e);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    /**
     * The subject: the listings through IngestListings, each platform's chunks on a stream of that
     * platform's partner, the streams one after the other; then the rows counted and removed.
     */
    private ListingsIngestReport.Arm subject(String name, ListingsDb db, String prefix, long count, IngestTally tally)
            throws SQLException, InterruptedException {
        Instant since = db.now().minusSeconds(1);
        IngestStream.LongBuffer latencies = new IngestStream.LongBuffer();
        Duration timeout = Duration.ofMinutes(timeoutMinutes);
        long acceptedBefore = tally.accepted();
        long rejectedBefore = tally.rejected();
        double seconds;
        boolean streamed = false;
        try (ChunkFeed feed = ChunkFeed.start(samples, count, prefix, 4)) {
            long t0 = System.nanoTime();
            IngestStream stream = null;
            String platform = null;
            for (ChunkFeed.Chunk chunk; (chunk = feed.next()) != null;) {
                if (!chunk.platform().equals(platform)) {
                    if (stream != null) {
                        stream.finish();
                    }
                    platform = chunk.platform();
                    stream = new IngestStream(partner(platform), window, tally, latencies, timeout);
                }
                stream.send(prefix + "chunk-" + chunk.index(), chunk.samples());
            }
            if (stream != null) {
                stream.finish();
            }
            seconds = (System.nanoTime() - t0) / 1e9;
            streamed = true;
        } finally {
            if (!streamed) {
                db.remove(platforms, prefix, since, null); // the rows go even when a stream failed halfway
            }
        }
        long[] stored = db.count(platforms, prefix);
        ListingsIngestReport.Arm arm = new ListingsIngestReport.Arm(count, tally.accepted() - acceptedBefore,
                tally.rejected() - rejectedBefore, stored[0], stored[1], seconds, latencies.sorted());
        print(name, arm, tally);
        printRemoved(db.remove(platforms, prefix, since, null));
        return arm;
    }

    /** The baseline: the same listings as plain INSERTs, a chunk per statement; then the rows counted and removed. */
    private ListingsIngestReport.Arm baseline(String name, ListingsDb db, String prefix, long count) throws Exception {
        Instant since = db.now().minusSeconds(1);
        IngestStream.LongBuffer latencies = new IngestStream.LongBuffer();
        long[] inserted = new long[baselineConnections];
        List<ListingsDb> connections = new ArrayList<>(List.of(db));
        ExecutorService pool = Executors.newFixedThreadPool(baselineConnections);
        double seconds;
        boolean inserting = true;
        try {
            for (int i = 1; i < baselineConnections; i++) {
                connections.add(new ListingsDb(dbHost, dbPort, dbUser, dbPassword.orElse(""), dbName));
            }
            try (ChunkFeed feed = ChunkFeed.start(samples, count, prefix, 4)) {
                long t0 = System.nanoTime();
                List<Future<?>> workers = new ArrayList<>();
                for (int i = 0; i < baselineConnections; i++) {
                    ListingsDb connection = connections.get(i);
                    int worker = i;
                    workers.add(pool.submit(() -> {
                        for (ChunkFeed.Chunk chunk; (chunk = feed.next()) != null;) {
                            List<ListingInput> rows = chunk.samples().stream().map(ListingSamples.Sample::listing)
                                    .toList();
                            long start = System.nanoTime();
                            connection.insert(rows, Instant.now());
                            latencies.add(System.nanoTime() - start);
                            inserted[worker] += rows.size();
                        }
                        return null;
                    }));
                }
                for (Future<?> w : workers) {
                    w.get();
                }
                seconds = (System.nanoTime() - t0) / 1e9;
                inserting = false;
            }
        } finally {
            pool.shutdownNow();
            for (ListingsDb extra : connections.subList(1, connections.size())) {
                extra.close();
            }
            if (inserting) {
                db.remove(platforms, prefix, since, null);
            }
        }
        long[] stored = db.count(platforms, prefix);
        ListingsIngestReport.Arm arm = new ListingsIngestReport.Arm(count, Arrays.stream(inserted).sum(), 0, stored[0],
                stored[0], seconds, latencies.sorted());
        print(name, arm, null);
        printRemoved(db.remove(platforms, prefix, since, null));
        return arm;
    }

    /** A stub acting as the platform's partner (the admin when no dev key is at hand). */
    private ListingServiceStub partner(String platform) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                "Bearer " + tokens.partner(platform));
        return ListingServiceGrpc.newStub(listingChannel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static ListingsIngestReport.Arm print(String name, ListingsIngestReport.Arm a, IngestTally tally) {
        System.out.printf(Locale.ROOT, "%-36s %,10.0f listings/s  %8.3f s  chunk p50 %.3f ms  p99 %.3f ms  max %.3f ms"
                + "  stored %,d of %,d%s%n", name, a.listingsPerSecond(), a.seconds(), a.chunkMillis(50),
                a.chunkMillis(99), a.chunkMillis(100), a.persisted(), a.listings(), tally == null ? ""
                        : String.format(Locale.ROOT, " (%,d with a score), rejected %,d; flagged so far %.2f %%",
                                a.scored(), a.rejected(), 100 * tally.flaggedShare()));
        return a;
    }

    private static void printRemoved(ListingsDb.Removed r) {
        System.out.printf(Locale.ROOT, "    removed %,d listings, %,d transitions / holds / reports, %,d shops in %.1f s "
                + "(with VACUUM)%n", r.listings(), r.children(), r.shops(), r.seconds());
    }

    /** Nothing brand-related fired: the catalogue is probably not in brand-registry-service. */
    private static void warnIfUnscored(IngestTally warm) {
        long brandSignals = warm.signal("BRAND_MENTION_GTIN_MISSING") + warm.signal("BRAND_MENTION_GTIN_FOREIGN")
                + warm.signal("PRICE_FAR_BELOW_MSRP") + warm.signal("UNAUTHORIZED_EXCLUSIVE_SELLER");
        if (warm.accepted() > 0 && brandSignals == 0) {
            System.out.println("WARNING: no brand, GTIN or price signal in the warm-up: is the demo catalogue loaded "
                    + "(./cloudsword seed)? Without it the service scores text alone.");
        }
    }

    private static int streamFailed(StatusRuntimeException e) {
        System.err.println("IngestListings failed: " + e.getStatus() + (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED
                ? " — does the running listing-service implement it yet?"
                : " — is listing-service up (port 8102, CLOUDSWORD_LISTING_HOST / _PORT)?"));
        return 2;
    }
}

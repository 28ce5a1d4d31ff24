package io.cloudsword.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.api.brand.v1.BatchGetProductsByGtinRequest;
import io.cloudsword.api.brand.v1.BatchGetProductsByGtinResponse;
import io.cloudsword.api.brand.v1.BatchIsAuthorizedSellerRequest;
import io.cloudsword.api.brand.v1.IsAuthorizedSellerRequest;
import io.cloudsword.api.brand.v1.MutinyBrandRegistryServiceGrpc.MutinyBrandRegistryServiceStub;
import io.cloudsword.api.brand.v1.ProductLookupResult;
import io.cloudsword.api.brand.v1.SellerAuthorization;
import io.cloudsword.api.brand.v1.SellerAuthorizationBasis;
import io.cloudsword.bench.seed.DemoCatalog;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The lookups every listing scan and customs check makes, on the seeded demo catalogue
 * ({@code ./cloudsword seed}): BatchGetProductsByGtin with batches of GTINs, IsAuthorizedSeller
 * one at a time and BatchIsAuthorizedSeller in batches, each under closed-loop concurrency.
 * Baseline, measured alternately in the same run: the same lookups as plain SQL through a bare
 * reactive PostgreSQL pool on the service's own database, so the ratio is what gRPC, tokens,
 * the ORM and the mapping cost on top of the queries. Before timing, a sample of answers from
 * both sides is compared with what the catalogue says they must be.
 */
@Command(name = "brand-lookup", mixinStandardHelpOptions = true,
        description = "BatchGetProductsByGtin, IsAuthorizedSeller and BatchIsAuthorizedSeller on the seeded "
                + "catalogue; baseline the same lookups as plain SQL on the service's database.")
public class BrandLookupBench implements Callable<Integer> {

    static final String PRODUCTS = "products";
    static final String SELLER = "seller";
    static final String SELLER_BATCH = "seller-batch";

    @Option(names = "--concurrency", defaultValue = "32", description = "calls in flight (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--seconds", defaultValue = "10", description = "length of one timed round (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--runs", defaultValue = "5", description = "timed rounds of each; medians are reported")
    int runs;

    @Option(names = "--warmup-seconds", defaultValue = "5", description = "untimed warm-up of each (default ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--batch", defaultValue = "100", description = "GTINs or checks per batch call (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--miss-percent", defaultValue = "10",
            description = "share of looked-up GTINs that are valid but not registered (default ${DEFAULT-VALUE})")
    int missPercent;

    @Option(names = "--parts", split = ",", defaultValue = PRODUCTS + "," + SELLER + "," + SELLER_BATCH,
            description = "which lookups to time (default ${DEFAULT-VALUE})")
    List<String> parts;

    @Option(names = "--baseline-pool-size", defaultValue = "20",
            description = "connections of the SQL baseline; the service's reactive pool has 20 (default ${DEFAULT-VALUE})")
    int baselinePoolSize;

    @Option(names = "--brands", defaultValue = "400", description = "as given to seed")
    int brandCount;

    @Option(names = "--products-per-brand", defaultValue = "30", description = "as given to seed")
    int productsPerBrand;

    @Option(names = "--seed", defaultValue = "42", description = "as given to seed")
    long seed;

    @GrpcClient("brand-registry")
    MutinyBrandRegistryServiceStub brands;

    @ConfigProperty(name = "cloudsword.token")
    String token;

    /** The same settings (and CLOUDSWORD_DB_* variables) ./cloudsword up gives brand-registry-service. */
    @ConfigProperty(name = "cloudsword.db.host")
    String dbHost;

    @ConfigProperty(name = "cloudsword.db.port")
    int dbPort;

    @ConfigProperty(name = "cloudsword.db.user")
    String dbUser;

    @ConfigProperty(name = "cloudsword.db.password")
    Optional<String> dbPassword;

    @ConfigProperty(name = "cloudsword.db.name")
    String dbName;

    @Inject
    Vertx vertx;

    private long mismatches;

    @Override
    public Integer call() throws InterruptedException {
        Metadata bearer = new Metadata();
        bearer.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        brands = GrpcClientUtils.attachHeaders(brands, bearer);
        DemoCatalog.Catalog catalog = DemoCatalog.generate(brandCount, productsPerBrand, seed);
        String[] brandIds;
        try {
            brandIds = resolveBrandIds(catalog);
        } catch (StatusRuntimeException e) {
            System.err.println("BatchGetProductsByGtin failed (" + e.getStatus() + "): is brand-registry-service up "
                    + "and does it implement it?");
            return 2;
        }
        long known = java.util.Arrays.stream(brandIds).filter(id -> id != null).count();
        if (known == 0) {
            System.err.println("None of the demo catalogue's products is registered: run ./cloudsword seed first.");
            return 2;
        }
        if (known < brandIds.length) {
            System.out.printf(Locale.ROOT, "warning: only %d of %d demo brands found; seller checks use those%n",
                    known, brandIds.length);
        }

        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(baselinePoolSize))
                .connectingTo(new PgConnectOptions().setHost(dbHost).setPort(dbPort).setUser(dbUser)
                        .setPassword(dbPassword.orElse("")).setDatabase(dbName).setCachePreparedStatements(true))
                .using(vertx)
                .build();
        try {
            return measure(catalog, brandIds, new SqlLookups(pool));
        } finally {
            pool.closeAndAwait();
        }
    }

    private int measure(DemoCatalog.Catalog catalog, String[] brandIds, SqlLookups sql) throws InterruptedException {
        Random random = new Random(seed);
        Set<String> registered = new HashSet<>();
        catalog.brands().forEach(b -> b.products().forEach(p -> registered.add(p.gtin14())));

        List<List<String>> gtinBatches = LookupSamples.gtinBatches(catalog, 256, batch, missPercent, random);
        List<LookupSamples.SellerCheck> checks = LookupSamples.sellerChecks(catalog, 256 * batch, random).stream()
                .filter(c -> brandIds[c.brandIndex()] != null).toList();
        List<List<LookupSamples.SellerCheck>> checkBatches = new ArrayList<>();
        for (int from = 0; from + batch <= checks.size(); from += batch) {
            checkBatches.add(checks.subList(from, from + batch));
        }
        System.out.printf(Locale.ROOT, "PostgreSQL baseline on %s:%d/%s; warm-up %d s each, then %d alternating "
                + "rounds of %d s at concurrency %d, batches of %d%n", dbHost, dbPort, dbName, warmupSeconds, runs,
                seconds, concurrency, batch);

        List<LookupReport.Part> measured = new ArrayList<>();
        if (parts.contains(PRODUCTS)) {
            BatchGetProductsByGtinRequest[] requests = gtinBatches.stream()
                    .map(b -> BatchGetProductsByGtinRequest.newBuilder().addAllGtins(b).build())
                    .toArray(BatchGetProductsByGtinRequest[]::new);
            String[][] arrays = gtinBatches.stream().map(b -> b.toArray(String[]::new)).toArray(String[][]::new);
            if (checkProducts(requests, arrays, sql, registered)) {
                measured.add(part("batch-get-products-by-gtin", "sql-product-gtin-any", batch,
                        cycle(requests, brands::batchGetProductsByGtin), cycle(arrays, sql::productsByGtin)));
            }
        }
        if (parts.contains(SELLER)) {
            IsAuthorizedSellerRequest[] requests = checks.stream().map(c -> request(c, brandIds))
                    .toArray(IsAuthorizedSellerRequest[]::new);
            UUID[] uuids = checks.stream().map(c -> UUID.fromString(brandIds[c.brandIndex()])).toArray(UUID[]::new);
            AtomicInteger next = new AtomicInteger();
            Supplier<Uni<?>> baseline = () -> {
                int i = Math.floorMod(next.getAndIncrement(), requests.length);
                LookupSamples.SellerCheck c = checks.get(i);
                return sql.isAuthorized(uuids[i], c.platform(), c.shopId(), c.country());
            };
            if (checkSingleSellers(checks, requests, uuids, sql)) {
                measured.add(part("is-authorized-seller", "sql-authorized-seller", 1,
                        cycle(requests, brands::isAuthorizedSeller), baseline));
            }
        }
        if (parts.contains(SELLER_BATCH)) {
            BatchIsAuthorizedSellerRequest[] requests = checkBatches.stream()
                    .map(b -> BatchIsAuthorizedSellerRequest.newBuilder()
                            .addAllChecks(b.stream().map(c -> request(c, brandIds)).toList()).build())
                    .toArray(BatchIsAuthorizedSellerRequest[]::new);
            SellerArrays[] arrays = checkBatches.stream().map(b -> SellerArrays.of(b, brandIds))
                    .toArray(SellerArrays[]::new);
            if (checkSellerBatches(checkBatches, requests, arrays, sql)) {
                measured.add(part("batch-is-authorized-seller", "sql-authorized-seller-unnest", batch,
                        cycle(requests, brands::batchIsAuthorizedSeller),
                        cycle(arrays, a -> sql.batchIsAuthorized(a.brandIds, a.platforms, a.shopIds, a.countries))));
            }
        }
        System.out.println(new LookupReport("brand-lookup", concurrency, measured, mismatches).toJson());
        return 0;
    }

    /** One batch of checks as the four parallel arrays the baseline's unnest takes. */
    record SellerArrays(UUID[] brandIds, String[] platforms, String[] shopIds, String[] countries) {
        static SellerArrays of(List<LookupSamples.SellerCheck> checks, String[] ids) {
            return new SellerArrays(checks.stream().map(c -> UUID.fromString(ids[c.brandIndex()])).toArray(UUID[]::new),
                    checks.stream().map(LookupSamples.SellerCheck::platform).toArray(String[]::new),
                    checks.stream().map(LookupSamples.SellerCheck::shopId).toArray(String[]::new),
                    checks.stream().map(LookupSamples.SellerCheck::country).toArray(String[]::new));
        }
    }

    private LookupReport.Part part(String name, String baselineName, int items, Supplier<Uni<?>> subject,
            Supplier<Uni<?>> baseline) throws InterruptedException {
        LoadRun.run(subject, concurrency, Duration.ofSeconds(warmupSeconds));
        LoadRun.run(baseline, concurrency, Duration.ofSeconds(warmupSeconds));
        List<LoadRun.Result> subjectRuns = new ArrayList<>();
        List<LoadRun.Result> baselineRuns = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            subjectRuns.add(print(name, items, LoadRun.run(subject, concurrency, Duration.ofSeconds(seconds))));
            baselineRuns.add(print(baselineName, items, LoadRun.run(baseline, concurrency, Duration.ofSeconds(seconds))));
        }
        return new LookupReport.Part(name, baselineName, items, subjectRuns, baselineRuns);
    }

    private static LoadRun.Result print(String name, int items, LoadRun.Result r) {
        System.out.printf(Locale.ROOT, "%-30s %9.1f calls/s %11.1f lookups/s  p50 %.3f ms  p99 %.3f ms  errors %d%n",
                name, r.opsPerSecond(), r.opsPerSecond() * items, r.percentileMillis(50), r.percentileMillis(99),
                r.errors());
        return r;
    }

    /** Each call takes the next prepared request, round-robin, so building requests is not measured. */
    private static <T> Supplier<Uni<?>> cycle(T[] requests, java.util.function.Function<T, Uni<?>> call) {
        AtomicInteger next = new AtomicInteger();
        return () -> call.apply(requests[Math.floorMod(next.getAndIncrement(), requests.length)]);
    }

    private static IsAuthorizedSellerRequest request(LookupSamples.SellerCheck c, String[] brandIds) {
        return IsAuthorizedSellerRequest.newBuilder().setBrandId(brandIds[c.brandIndex()]).setPlatform(c.platform())
                .setShopId(c.shopId()).setCountry(c.country()).build();
    }

    /** Brand ids by catalogue position, from each brand's first product (every brand has one); null where missing. */
    private String[] resolveBrandIds(DemoCatalog.Catalog catalog) {
        List<DemoCatalog.Brand> list = catalog.brands();
        String[] ids = new String[list.size()];
        for (int from = 0; from < list.size(); from += 500) {
            int to = Math.min(list.size(), from + 500);
            BatchGetProductsByGtinRequest.Builder request = BatchGetProductsByGtinRequest.newBuilder();
            list.subList(from, to).forEach(b -> request.addGtins(b.products().get(0).gtin14()));
            BatchGetProductsByGtinResponse response = await(brands.batchGetProductsByGtin(request.build()));
            for (int i = 0; i < response.getResultsCount(); i++) {
                ProductLookupResult r = response.getResults(i);
                ids[from + i] = r.getFound() ? r.getProduct().getBrandId() : null;
            }
        }
        return ids;
    }

    // --- before timing: do both sides give the answers the catalogue says they must?

    private boolean checkProducts(BatchGetProductsByGtinRequest[] requests, String[][] arrays, SqlLookups sql,
            Set<String> registered) {
        long asked = 0;
        long serviceWrong = 0;
        long sqlWrong = 0;
        for (int b = 0; b < Math.min(10, requests.length); b++) {
            BatchGetProductsByGtinResponse service = awaitOrNull(brands.batchGetProductsByGtin(requests[b]),
                    "BatchGetProductsByGtin");
            if (service == null) {
                return false;
            }
            List<SqlLookups.ProductRow> rows = sql.productsByGtin(arrays[b]).await().atMost(Duration.ofSeconds(30));
            for (int i = 0; i < arrays[b].length; i++) {
                boolean expected = registered.contains(arrays[b][i]);
                asked++;
                if (i >= service.getResultsCount() || service.getResults(i).getFound() != expected) {
                    serviceWrong++;
                }
                if ((rows.get(i) != null) != expected) {
                    sqlWrong++;
                }
            }
        }
        return report("product lookups", asked, serviceWrong, sqlWrong);
    }

    private boolean checkSingleSellers(List<LookupSamples.SellerCheck> checks, IsAuthorizedSellerRequest[] requests,
            UUID[] uuids, SqlLookups sql) {
        long asked = 0;
        long serviceWrong = 0;
        long sqlWrong = 0;
        for (int i = 0; i < Math.min(200, checks.size()); i++) {
            var service = awaitOrNull(brands.isAuthorizedSeller(requests[i]), "IsAuthorizedSeller");
            if (service == null) {
                return false;
            }
            LookupSamples.SellerCheck c = checks.get(i);
            SqlLookups.Verdict verdict = sql.isAuthorized(uuids[i], c.platform(), c.shopId(), c.country()).await()
                    .atMost(Duration.ofSeconds(30));
            asked++;
            serviceWrong += service.getResult().getBasis() == c.expected() ? 0 : 1;
            sqlWrong += verdict.basis() == c.expected() ? 0 : 1;
        }
        return report("single seller checks", asked, serviceWrong, sqlWrong);
    }

    private boolean checkSellerBatches(List<List<LookupSamples.SellerCheck>> batches,
            BatchIsAuthorizedSellerRequest[] requests, SellerArrays[] arrays, SqlLookups sql) {
        long asked = 0;
        long serviceWrong = 0;
        long sqlWrong = 0;
        for (int b = 0; b < Math.min(10, requests.length); b++) {
            var service = awaitOrNull(brands.batchIsAuthorizedSeller(requests[b]), "BatchIsAuthorizedSeller");
            if (service == null) {
                return false;
            }
            SellerArrays a = arrays[b];
            List<SqlLookups.Verdict> verdicts = sql.batchIsAuthorized(a.brandIds, a.platforms, a.shopIds, a.countries)
                    .await().atMost(Duration.ofSeconds(30));
            List<LookupSamples.SellerCheck> checks = batches.get(b);
            for (int i = 0; i < checks.size(); i++) {
                SellerAuthorizationBasis expected = checks.get(i).expected();
                asked++;
                SellerAuthorization result = i < service.getResultsCount() ? service.getResults(i) : null;
                serviceWrong += result != null && result.getBasis() == expected ? 0 : 1;
                sqlWrong += i < verdicts.size() && verdicts.get(i).basis() == expected ? 0 : 1;
            }
        }
        return report("batched seller checks", asked, serviceWrong, sqlWrong);
    }

    private boolean report(String what, long asked, long serviceWrong, long sqlWrong) {
        mismatches += serviceWrong + sqlWrong;
        System.out.printf(Locale.ROOT, "answers checked, %s: %d, wrong: service %d, sql %d%s%n", what, asked,
                serviceWrong, sqlWrong, serviceWrong + sqlWrong > 0 ? "   WARNING: the figures below compare "
                        + "different answers" : "");
        return true;
    }

    /** The answer, or null (and a note) when the running service does not implement the call yet. */
    private static <T> T awaitOrNull(Uni<T> call, String method) {
        try {
            return await(call);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                System.out.println(method + " is not implemented by the running service: not timed");
                return null;
            }
            throw e;
        }
    }

    private static <T> T await(Uni<T> call) {
        return call.await().atMost(Duration.ofSeconds(60));
    }
}

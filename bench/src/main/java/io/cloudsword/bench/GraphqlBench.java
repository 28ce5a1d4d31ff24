package io.cloudsword.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.GetBrandRequest;
import io.cloudsword.api.brand.v1.ListBrandsRequest;
import io.cloudsword.api.brand.v1.ListBrandsResponse;
import io.cloudsword.api.brand.v1.ListProductsRequest;
import io.cloudsword.api.brand.v1.ListProductsResponse;
import io.cloudsword.api.brand.v1.MutinyBrandRegistryServiceGrpc.MutinyBrandRegistryServiceStub;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.common.v1.PageRequest;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * (a) A brand by id through the gateway's GraphQL (HTTP POST /graphql) against the same GetBrand
 * over gRPC straight to brand-registry-service, both at {@code --clients} calls in flight with the
 * same admin token on the seeded brands in turn: what the gateway's HTTP, GraphQL parsing,
 * authentication and its own gRPC hop cost. (b) customsCheck of a 100-line declaration of seeded
 * products, one request at a time: the latency an officer sees. Goals from issue 7: gateway
 * throughput at least half of direct gRPC, customs check p99 under 150 ms.
 */
@Command(name = "graphql", mixinStandardHelpOptions = true,
        description = "Brand by id through the gateway vs GetBrand over gRPC; customsCheck with 100 lines.")
public class GraphqlBench implements Runnable {

    static final int CUSTOMS_LINES = 100;
    /** (b) is sequential: one officer's declaration after another, so p99 is a request's own latency. */
    static final int CUSTOMS_CONCURRENCY = 1;
    static final int CUSTOMS_WARMUP = 20;
    static final String AUTHORITY = "EU_AFA";

    @Option(names = "--runs", defaultValue = "3", description = "timed runs of each arm; medians are reported (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seconds", defaultValue = "15", description = "length of one timed run of (a) (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--clients", defaultValue = "64", description = "concurrent clients in (a) (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--customs-requests", defaultValue = "200", description = "customsCheck requests per run in (b) (default ${DEFAULT-VALUE})")
    int customsRequests;

    @Option(names = "--warmup-seconds", defaultValue = "30", description = "untimed warm-up of each arm of (a) (default ${DEFAULT-VALUE})")
    int warmupSeconds;

    @GrpcClient("brand-registry")
    MutinyBrandRegistryServiceStub brands;

    @jakarta.inject.Inject
    io.vertx.core.Vertx vertx;

    @ConfigProperty(name = "cloudsword.token")
    String token;

    @ConfigProperty(name = "cloudsword.dev-keys")
    Optional<String> devKeys;

    /** The gateway's base URL (CLOUDSWORD_GATEWAY_URL); ./cloudsword up serves it on 8080. */
    @ConfigProperty(name = "cloudsword.gateway.url", defaultValue = "http://localhost:8080")
    String gatewayUrl;

    /** Refuses option values the benchmark cannot run with. */
    void validate() {
        if (runs < 1 || seconds < 1 || clients < 1 || customsRequests < 1 || warmupSeconds < 0) {
            throw new IllegalArgumentException("--runs, --seconds, --clients and --customs-requests must be at least 1, "
                    + "--warmup-seconds at least 0");
        }
    }

    @Override
    public void run() {
        validate();
        CodeTokens tokens = CodeTokens.of(token, devKeys);
        MutinyBrandRegistryServiceStub admin = CodeTokens.bearer(brands, token);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI graphql = URI.create(gatewayUrl.replaceAll("/+$", "") + "/graphql");
        try {
            List<Brand> seeded = listBrands(admin);
            List<GraphqlRequests.Line> lines = declarationLines(admin, seeded);
            String customsToken = tokens.minting() ? tokens.customs(AUTHORITY) : token;
            System.out.printf(Locale.ROOT, "%d seeded brands read by id in turn; customs check of %d lines for %s as %s%n",
                    seeded.size(), lines.size(), AUTHORITY,
                    tokens.minting() ? "a customs officer of " + AUTHORITY : "the admin (no dev key at hand)");

            // (a) through Vert.x's pooled HTTP/1.1 client, as light per call as the gRPC client of the other
            // arm: the load driver shares the 2 cores with the suite, and the JDK's HttpClient costs several
            // times more CPU per request, which the gateway arm would pay for and the gRPC arm would not
            io.vertx.core.http.HttpClient pooled = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
                    .setDefaultHost(graphql.getHost()).setDefaultPort(graphql.getPort()).setKeepAlive(true)
                    .setMaxPoolSize(clients));
            Supplier<Uni<?>> viaGateway = gatewayCall(pooled, graphql, seeded);
            Supplier<Uni<?>> direct = directCall(admin, seeded);
            System.out.printf(Locale.ROOT, "warm-up %d s each, then %d alternating runs of %d s at %d clients, "
                    + "each followed by %d customs checks one at a time%n", warmupSeconds, runs, seconds, clients,
                    customsRequests);
            if (warmupSeconds > 0) {
                LoadRun.run(viaGateway, clients, Duration.ofSeconds(warmupSeconds));
                LoadRun.run(direct, clients, Duration.ofSeconds(warmupSeconds));
            }
            LoadRun.Result warm = print("customs-warmup", customsRun(http, graphql, customsToken, lines, "warmup",
                    CUSTOMS_WARMUP));
            if (warm.calls() == 0) {
                // nothing will pass: say why now rather than after the timed runs
                System.out.println("every warm-up customs check failed; first failure: " + firstFailure.get());
            }

            List<LoadRun.Result> gateway = new ArrayList<>();
            List<LoadRun.Result> baseline = new ArrayList<>();
            List<LoadRun.Result> customs = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                // the arm that goes first alternates, so neither always meets a warmer or a busier machine
                if (run % 2 == 0) {
                    gateway.add(print("graphql-brand", LoadRun.run(viaGateway, clients, Duration.ofSeconds(seconds))));
                    baseline.add(print("grpc-get-brand", LoadRun.run(direct, clients, Duration.ofSeconds(seconds))));
                } else {
                    baseline.add(print("grpc-get-brand", LoadRun.run(direct, clients, Duration.ofSeconds(seconds))));
                    gateway.add(print("graphql-brand", LoadRun.run(viaGateway, clients, Duration.ofSeconds(seconds))));
                }
                customs.add(print("customs-check-100",
                        customsRun(http, graphql, customsToken, lines, "run" + run, customsRequests)));
            }
            GraphqlReport report = new GraphqlReport(clients, seconds, lines.size(), CUSTOMS_CONCURRENCY, gateway,
                    baseline, customs);
            report.goals().forEach(g -> System.out.println(g.line()));
            String first = firstFailure.get();
            if (first != null) {
                System.out.println("first failure: " + first);
            }
            System.out.println(report.toJson());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    private Supplier<Uni<?>> gatewayCall(io.vertx.core.http.HttpClient http, URI graphql, List<Brand> seeded) {
        // bodies built once: the client shares the 2 cores with the suite, so it should spend little per call
        List<io.vertx.core.buffer.Buffer> bodies = seeded.stream()
                .map(b -> io.vertx.core.buffer.Buffer.buffer(GraphqlRequests.brandBody(b.getId()))).toList();
        io.vertx.core.http.RequestOptions options = new io.vertx.core.http.RequestOptions()
                .setMethod(io.vertx.core.http.HttpMethod.POST).setURI(graphql.getPath()).setTimeout(30_000)
                .putHeader("Content-Type", "application/json").putHeader("Authorization", "Bearer " + token);
        AtomicInteger next = new AtomicInteger();
        return () -> {
            int at = Math.floorMod(next.getAndIncrement(), seeded.size());
            String id = seeded.get(at).getId();
            return Uni.createFrom().completionStage(() -> http.request(options)
                    .compose(request -> request.send(bodies.get(at)))
                    .compose(response -> response.body().map(body -> {
                        String wrong = GraphqlRequests.checkBrand(response.statusCode(), body.toString(), id);
                        if (wrong != null) {
                            throw failed(wrong);
                        }
                        return body;
                    })).toCompletionStage());
        };
    }

    private Supplier<Uni<?>> directCall(MutinyBrandRegistryServiceStub admin, List<Brand> seeded) {
        List<GetBrandRequest> requests = seeded.stream().map(b -> GetBrandRequest.newBuilder().setId(b.getId()).build())
                .toList();
        AtomicInteger next = new AtomicInteger();
        return () -> {
            int at = Math.floorMod(next.getAndIncrement(), seeded.size());
            String id = seeded.get(at).getId();
            return admin.getBrand(requests.get(at)).map(r -> {
                if (!id.equals(r.getBrand().getId())) {
                    throw failed("GetBrand answered " + r.getBrand().getId() + " for " + id);
                }
                return r;
            });
        };
    }

    /** {@code count} customs checks one after the other, each a new declaration id; failures counted. */
    private LoadRun.Result customsRun(HttpClient http, URI graphql, String customsToken,
            List<GraphqlRequests.Line> lines, String tag, int count) throws InterruptedException {
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        long[] latencies = new long[count];
        int ok = 0;
        long errors = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String declarationId = "BENCH-GQL-" + tag + "-" + i;
            HttpRequest request = HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + customsToken)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            GraphqlRequests.customsBody(AUTHORITY, declarationId, date, lines)))
                    .build();
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long nanos = System.nanoTime() - t0;
                String wrong = GraphqlRequests.checkCustoms(response.statusCode(), response.body(), declarationId,
                        lines.size());
                if (wrong == null) {
                    latencies[ok++] = nanos;
                } else {
                    errors++;
                    failed(wrong);
                }
            } catch (java.io.IOException e) {
                errors++;
                failed("customsCheck: " + e);
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        long[] sorted = java.util.Arrays.copyOf(latencies, ok);
        java.util.Arrays.sort(sorted);
        return new LoadRun.Result(ok, errors, secs, sorted);
    }

    private IllegalStateException failed(String why) {
        firstFailure.compareAndSet(null, why);
        return new IllegalStateException(why);
    }

    private static LoadRun.Result print(String name, LoadRun.Result r) {
        System.out.printf(Locale.ROOT, "%-18s %10.1f ops/s  p50 %.3f ms  p99 %.3f ms  errors %d%n", name,
                r.opsPerSecond(), r.percentileMillis(50), r.percentileMillis(99), r.errors());
        return r;
    }

    /** The seeded brands (up to 500, the first page by name); refuses an empty registry. */
    private static List<Brand> listBrands(MutinyBrandRegistryServiceStub admin) {
        ListBrandsResponse page = admin.listBrands(ListBrandsRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setFirst(500)).build()).await().atMost(Duration.ofSeconds(60));
        if (page.getBrandsCount() == 0) {
            throw new IllegalStateException("No brands registered: run ./cloudsword seed first");
        }
        return page.getBrandsList();
    }

    /**
     * 100 lines from seeded products spread over many brands: up to 2,000 products by GTIN, every
     * 20th, each declared under its own brand's name with its own HS code.
     */
    static List<GraphqlRequests.Line> declarationLines(MutinyBrandRegistryServiceStub admin, List<Brand> seeded) {
        Map<String, String> brandNames = new HashMap<>();
        seeded.forEach(b -> brandNames.put(b.getId(), b.getName()));
        List<Product> products = new ArrayList<>();
        String cursor = "";
        while (products.size() < CUSTOMS_LINES * 20) {
            ListProductsResponse page = admin.listProducts(ListProductsRequest.newBuilder()
                    .setPage(PageRequest.newBuilder().setFirst(500).setAfter(cursor)).build())
                    .await().atMost(Duration.ofSeconds(60));
            products.addAll(page.getProductsList());
            if (!page.getPageInfo().getHasNextPage()) {
                break;
            }
            cursor = page.getPageInfo().getEndCursor();
        }
        if (products.size() < CUSTOMS_LINES) {
            throw new IllegalStateException("Only " + products.size() + " products registered, " + CUSTOMS_LINES
                    + " needed: run ./cloudsword seed first");
        }
        return pickLines(products, brandNames);
    }

    /** Every (size / 100)th product, so the lines span as many brands as the products do. */
    static List<GraphqlRequests.Line> pickLines(List<Product> products, Map<String, String> brandNames) {
        int stride = products.size() / CUSTOMS_LINES;
        List<GraphqlRequests.Line> lines = new ArrayList<>(CUSTOMS_LINES);
        for (int i = 0; i < CUSTOMS_LINES; i++) {
            Product p = products.get(i * stride);
            lines.add(new GraphqlRequests.Line(p.getGtin(), brandNames.get(p.getBrandId()),
                    p.getHsCode(), p.getName(), 1 + i % 10));
        }
        return lines;
    }
}

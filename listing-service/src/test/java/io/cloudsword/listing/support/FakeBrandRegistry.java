package io.cloudsword.listing.support;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.cloudsword.api.brand.v1.BatchGetBrandsRequest;
import io.cloudsword.api.brand.v1.BatchGetBrandsResponse;
import io.cloudsword.api.brand.v1.BatchGetGtinOwnersRequest;
import io.cloudsword.api.brand.v1.BatchGetGtinOwnersResponse;
import io.cloudsword.api.brand.v1.BatchGetProductsByGtinRequest;
import io.cloudsword.api.brand.v1.BatchGetProductsByGtinResponse;
import io.cloudsword.api.brand.v1.BatchIsAuthorizedSellerRequest;
import io.cloudsword.api.brand.v1.BatchIsAuthorizedSellerResponse;
import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandChangeKind;
import io.cloudsword.api.brand.v1.BrandRegistryServiceGrpc;
import io.cloudsword.api.brand.v1.GtinOwnerResult;
import io.cloudsword.api.brand.v1.IsAuthorizedSellerRequest;
import io.cloudsword.api.brand.v1.ListBrandsRequest;
import io.cloudsword.api.brand.v1.ListBrandsResponse;
import io.cloudsword.api.brand.v1.MarketPrice;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.brand.v1.ProductLookupResult;
import io.cloudsword.api.brand.v1.SellerAuthorization;
import io.cloudsword.api.brand.v1.SellerAuthorizationBasis;
import io.cloudsword.api.brand.v1.WatchBrandChangesRequest;
import io.cloudsword.api.brand.v1.WatchBrandChangesResponse;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.ItemError;
import io.cloudsword.api.common.v1.Money;
import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.kit.Gtin;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in brand-registry-service on a real gRPC port, for every test of this module that
 * starts Quarkus (it registers itself for the whole module, like TestDatabase's resources).
 * Tests register brands, products and authorized sellers here; every change is announced on
 * WatchBrandChanges as the real registry does (or quietly, to show what a cache without the
 * event would miss). It counts calls per method and remembers the authorization each carried.
 * <p>
 * State is static: it belongs to the test JVM, so it survives the restarts of Quarkus (and of
 * this resource) between test profiles, and sequence numbers only ever grow.
 */
@QuarkusTestResource(value = FakeBrandRegistry.class, restrictToAnnotatedClass = false)
public class FakeBrandRegistry implements QuarkusTestResourceLifecycleManager {

    /** The token listing-service is configured to send as its own identity in tests. */
    public static final String SERVICE_TOKEN = "fake-registry-service-token";
    public static final Duration WAIT = Duration.ofSeconds(30);

    private static final Object LOCK = new Object();
    private static final Map<String, Brand> BRANDS = new ConcurrentHashMap<>();
    private static final Map<String, Product> PRODUCTS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> SELLERS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, String> AUTHORIZATIONS = new ConcurrentHashMap<>();
    private static final List<WatchBrandChangesResponse> HISTORY = new ArrayList<>(); // guarded by LOCK
    private static final List<ServerCallStreamObserver<WatchBrandChangesResponse>> WATCHERS = new ArrayList<>(); // LOCK
    private static final BlockingQueue<WatchBrandChangesRequest> WATCH_REQUESTS = new LinkedBlockingQueue<>();
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static long sequence = 1_000; // guarded by LOCK
    private static volatile boolean refuseWatch;
    private static volatile boolean down;

    private Server server;
    private ScheduledExecutorService heartbeats;

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forPort(0).addService(new Service()).addStreamTracerFactory(new Recorder())
                    .build().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fake-brand-registry-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeats.scheduleAtFixedRate(FakeBrandRegistry::heartbeat, 5, 5, TimeUnit.SECONDS);
        // test-port too: in test mode Quarkus points clients on localhost at its own test port
        String port = Integer.toString(server.getPort());
        return Map.of("cloudsword.brand-registry.host", "localhost", "cloudsword.brand-registry.port", port,
                "quarkus.grpc.clients.brand-registry.test-port", port,
                "cloudsword.service-auth.token", SERVICE_TOKEN);
    }

    @Override
    public void stop() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        // its streams leave WATCHERS as they are cancelled; another instance's stay
        if (server != null) {
            server.shutdownNow();
        }
    }

    // ----- registering data (each change announced on the stream unless done quietly)

    /** A fresh 7-digit GS1 company prefix, unique in this JVM. */
    public static String nextPrefix() {
        return String.format("97%05d", PREFIXES.incrementAndGet());
    }

    /** The GTIN-14 of item {@code item} under a GS1 (GTIN-13 form) company prefix. */
    public static String gtin14(String prefix, int item) {
        String body = prefix + String.format("%0" + (12 - prefix.length()) + "d", item);
        return "0" + body + Gtin.checkDigit(body);
    }

    /** A new brand with its own fresh GS1 prefix, announced. */
    public static Brand brand(String name, String... aliases) {
        return putBrand(Brand.newBuilder().setId(UUID.randomUUID().toString()).setOwnerId(UUID.randomUUID().toString())
                .setName(name).addAllAliases(List.of(aliases)).addGs1CompanyPrefixes(nextPrefix()).build(), true);
    }

    /** Stores the brand (its version one higher than the stored one) and optionally announces it. */
    public static Brand putBrand(Brand brand, boolean announce) {
        Brand old = BRANDS.get(brand.getId());
        Brand stored = brand.toBuilder().setVersion(old == null ? 1 : old.getVersion() + 1).build();
        BRANDS.put(stored.getId(), stored);
        if (announce) {
            announce(BrandChangeKind.BRAND_CHANGE_KIND_BRAND, stored.getId(), "", "", "");
        }
        return stored;
    }

    public static Brand brandById(String id) {
        return BRANDS.get(id);
    }

    /** Registers or replaces a product of the brand; each MSRP as (country, amount minor, currency). */
    public static void product(String brandId, String gtin14, List<MarketPrice> msrps, List<String> imageHashes,
            boolean announce) {
        Product p = Product.newBuilder().setId(UUID.randomUUID().toString()).setBrandId(brandId).setGtin(gtin14)
                .setName("Product " + gtin14).addAllMsrps(msrps).addAllImageHashes(imageHashes).build();
        PRODUCTS.put(gtin14, p);
        touch(brandId);
        if (announce) {
            announce(BrandChangeKind.BRAND_CHANGE_KIND_PRODUCT, brandId, gtin14, "", "");
        }
    }

    public static MarketPrice msrp(String country, long amountMinor, String currency) {
        return MarketPrice.newBuilder().setCountry(country)
                .setPrice(Money.newBuilder().setAmountMinor(amountMinor).setCurrency(currency)).build();
    }

    /** Puts the shop on the brand's authorized-seller list; no territories = every market. */
    public static void seller(String brandId, String platform, String shopId, List<String> territories, boolean announce) {
        SELLERS.put(sellerKey(brandId, platform, shopId), List.copyOf(territories));
        touch(brandId);
        if (announce) {
            announce(BrandChangeKind.BRAND_CHANGE_KIND_AUTHORIZED_SELLER, brandId, "", platform, shopId);
        }
    }

    public static void removeSeller(String brandId, String platform, String shopId, boolean announce) {
        SELLERS.remove(sellerKey(brandId, platform, shopId));
        touch(brandId);
        if (announce) {
            announce(BrandChangeKind.BRAND_CHANGE_KIND_AUTHORIZED_SELLER, brandId, "", platform, shopId);
        }
    }

    /** Every change to a brand's products or sellers raises its version, as in brand-registry. */
    private static void touch(String brandId) {
        BRANDS.computeIfPresent(brandId, (id, b) -> b.toBuilder().setVersion(b.getVersion() + 1).build());
    }

    private static String sellerKey(String brandId, String platform, String shopId) {
        return brandId + '\u0000' + platform + '\u0000' + shopId;
    }

    // ----- the change stream

    /** Appends a change to the history and sends it to every open stream; returns its sequence. */
    public static long announce(BrandChangeKind kind, String brandId, String gtin, String platform, String shopId) {
        synchronized (LOCK) {
            Brand b = BRANDS.get(brandId);
            WatchBrandChangesResponse change = WatchBrandChangesResponse.newBuilder().setSequence(++sequence)
                    .setKind(kind).setBrandId(brandId).setEntityId(brandId).setBrandVersion(b == null ? 0 : b.getVersion())
                    .setGtin(gtin).setPlatform(platform).setShopId(shopId).build();
            HISTORY.add(change);
            send(change);
            return change.getSequence();
        }
    }

    /** Tells every open stream to drop its cache (as when its position is older than the history). */
    public static void requireResync() {
        synchronized (LOCK) {
            send(control(BrandChangeKind.BRAND_CHANGE_KIND_RESYNC_REQUIRED));
        }
    }

    /** Ends every open stream with UNAVAILABLE, as a registry restart would. */
    public static void breakStreams() {
        synchronized (LOCK) {
            for (ServerCallStreamObserver<WatchBrandChangesResponse> w : WATCHERS) {
                try {
                    w.onError(Status.UNAVAILABLE.withDescription("fake registry restarting").asRuntimeException());
                } catch (RuntimeException gone) {
                    // already cancelled by the client
                }
            }
            WATCHERS.clear();
        }
    }

    /** While set, WatchBrandChanges is refused with UNAVAILABLE (after being recorded). */
    public static void refuseWatch(boolean refuse) {
        refuseWatch = refuse;
    }

    /** While set, every call is refused with UNAVAILABLE (after being counted), as if the registry were down. */
    public static void down(boolean isDown) {
        down = isDown;
    }

    public static long latestSequence() {
        synchronized (LOCK) {
            return sequence;
        }
    }

    /** Waits until at least one stream is open (a change announced before would not reach it). */
    public static void awaitWatching() {
        long until = System.nanoTime() + WAIT.toNanos();
        synchronized (LOCK) {
            while (WATCHERS.isEmpty()) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("listing-service did not open WatchBrandChanges within " + WAIT);
                }
                try {
                    LOCK.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** The next WatchBrandChanges request (accepted or refused), in arrival order. */
    public static WatchBrandChangesRequest nextWatchRequest() {
        try {
            WatchBrandChangesRequest r = WATCH_REQUESTS.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new AssertionError("no WatchBrandChanges request within " + WAIT);
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Forgets the WatchBrandChanges requests seen so far. */
    public static void clearWatchRequests() {
        WATCH_REQUESTS.clear();
    }

    private static WatchBrandChangesResponse control(BrandChangeKind kind) {
        return WatchBrandChangesResponse.newBuilder().setSequence(sequence).setKind(kind).build();
    }

    private static void heartbeat() {
        synchronized (LOCK) {
            send(control(BrandChangeKind.BRAND_CHANGE_KIND_HEARTBEAT));
        }
    }

    private static void send(WatchBrandChangesResponse change) {
        for (ServerCallStreamObserver<WatchBrandChangesResponse> w : new ArrayList<>(WATCHERS)) {
            try {
                if (w.isCancelled()) {
                    WATCHERS.remove(w);
                } else {
                    w.onNext(change);
                }
            } catch (RuntimeException gone) {
                WATCHERS.remove(w);
            }
        }
    }

    // ----- what the service under test did

    /** Calls of a method so far, by its short name ("BatchGetProductsByGtin"). */
    public static int calls(String method) {
        AtomicInteger n = CALLS.get(method);
        return n == null ? 0 : n.get();
    }

    /** The authorization metadata of the latest call of the method, or null. */
    public static String authorization(String method) {
        return AUTHORIZATIONS.get(method);
    }

    /**
     * Counts calls and remembers their authorization. (A stream tracer rather than a
     * ServerInterceptor: Quarkus would take an interceptor class in the test sources for one of
     * listing-service's own.)
     */
    private static final class Recorder extends ServerStreamTracer.Factory {
        private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
                Metadata.ASCII_STRING_MARSHALLER);

        @Override
        public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
            String method = MethodDescriptor.extractBareMethodName(fullMethodName);
            CALLS.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
            String authorization = headers.get(AUTHORIZATION);
            if (authorization != null) {
                AUTHORIZATIONS.put(method, authorization);
            }
            return new ServerStreamTracer() {
            };
        }
    }

    /** While {@link #down}, ends the call with UNAVAILABLE and says so. */
    private static boolean refusedWhileDown(StreamObserver<?> out) {
        if (down) {
            out.onError(Status.UNAVAILABLE.withDescription("fake registry is down").asRuntimeException());
        }
        return down;
    }

    private static final class Service extends BrandRegistryServiceGrpc.BrandRegistryServiceImplBase {

        @Override
        public void listBrands(ListBrandsRequest request, StreamObserver<ListBrandsResponse> out) {
            if (refusedWhileDown(out)) {
                return;
            }
            List<Brand> all = new ArrayList<>(BRANDS.values());
            all.sort(Comparator.comparing(Brand::getName).thenComparing(Brand::getId));
            int size = request.getPage().getFirst() == 0 ? 50 : request.getPage().getFirst();
            int from = request.getPage().getAfter().isEmpty() ? 0 : Integer.parseInt(request.getPage().getAfter());
            int to = Math.min(all.size(), from + size);
            out.onNext(ListBrandsResponse.newBuilder().addAllBrands(all.subList(from, to))
                    .setPageInfo(PageInfo.newBuilder().setEndCursor(to > from ? Integer.toString(to) : "")
                            .setHasNextPage(to < all.size()))
                    .build());
            out.onCompleted();
        }

        @Override
        public void batchGetBrands(BatchGetBrandsRequest request, StreamObserver<BatchGetBrandsResponse> out) {
            if (refusedWhileDown(out)) {
                return;
            }
            BatchGetBrandsResponse.Builder response = BatchGetBrandsResponse.newBuilder();
            request.getIdsList().stream().distinct().forEach(id -> {
                Brand b = BRANDS.get(id);
                if (b == null) {
                    response.addMissingIds(id);
                } else {
                    response.addBrands(b);
                }
            });
            out.onNext(response.build());
            out.onCompleted();
        }

        @Override
        public void batchGetProductsByGtin(BatchGetProductsByGtinRequest request,
                StreamObserver<BatchGetProductsByGtinResponse> out) {
            if (refusedWhileDown(out)) {
                return;
            }
            BatchGetProductsByGtinResponse.Builder response = BatchGetProductsByGtinResponse.newBuilder();
            for (String gtin : request.getGtinsList()) {
                ProductLookupResult.Builder r = ProductLookupResult.newBuilder().setGtin(gtin).setGtin14(gtin);
                Product p = PRODUCTS.get(gtin);
                if (p != null) {
                    r.setFound(true).setProduct(p);
                }
                response.addResults(r);
            }
            out.onNext(response.build());
            out.onCompleted();
        }

        @Override
        public void batchGetGtinOwners(BatchGetGtinOwnersRequest request, StreamObserver<BatchGetGtinOwnersResponse> out) {
            if (refusedWhileDown(out)) {
                return;
            }
            BatchGetGtinOwnersResponse.Builder response = BatchGetGtinOwnersResponse.newBuilder();
            for (String gtin : request.getGtinsList()) {
                GtinOwnerResult.Builder r = GtinOwnerResult.newBuilder().setGtin(gtin).setGtin14(gtin);
                String best = "";
                for (Brand b : BRANDS.values()) {
                    for (String prefix : b.getGs1CompanyPrefixesList()) {
                        if (gtin.substring(1).startsWith(prefix) && prefix.length() > best.length()) {
                            best = prefix;
                            r.setFound(true).setBrandId(b.getId()).setOwnerId(b.getOwnerId()).setMatchedPrefix(prefix)
                                    .setRegisteredProduct(PRODUCTS.containsKey(gtin));
                        }
                    }
                }
                response.addResults(r);
            }
            out.onNext(response.build());
            out.onCompleted();
        }

        @Override
        public void batchIsAuthorizedSeller(BatchIsAuthorizedSellerRequest request,
                StreamObserver<BatchIsAuthorizedSellerResponse> out) {
            if (refusedWhileDown(out)) {
                return;
            }
            BatchIsAuthorizedSellerResponse.Builder response = BatchIsAuthorizedSellerResponse.newBuilder();
            for (IsAuthorizedSellerRequest c : request.getChecksList()) {
                SellerAuthorization.Builder r = SellerAuthorization.newBuilder().setBrandId(c.getBrandId())
                        .setPlatform(c.getPlatform()).setShopId(c.getShopId()).setCountry(c.getCountry());
                Brand brand = BRANDS.get(c.getBrandId());
                List<String> territories = SELLERS.get(sellerKey(c.getBrandId(), c.getPlatform(), c.getShopId()));
                if (!c.getCountry().matches("[A-Z]{2}")) {
                    r.setError(ItemError.newBuilder().setCode(Status.Code.INVALID_ARGUMENT.value())
                            .setDetail(ErrorDetail.newBuilder().setReason("INVALID_COUNTRY").setField("country")));
                } else if (brand == null) {
                    r.setBasis(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_BRAND_NOT_FOUND);
                } else if (territories == null) {
                    r.setBasis(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_NOT_LISTED)
                            .setExclusiveDistribution(brand.getExclusiveDistribution());
                } else if (!territories.isEmpty() && !territories.contains(c.getCountry())) {
                    r.setBasis(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_OUTSIDE_TERRITORY)
                            .setExclusiveDistribution(brand.getExclusiveDistribution());
                } else {
                    r.setAuthorized(true).setBasis(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_LISTED)
                            .setExclusiveDistribution(brand.getExclusiveDistribution());
                }
                response.addResults(r);
            }
            out.onNext(response.build());
            out.onCompleted();
        }

        @Override
        public void watchBrandChanges(WatchBrandChangesRequest request, StreamObserver<WatchBrandChangesResponse> out) {
            if (refusedWhileDown(out)) {
                return;
            }
            WATCH_REQUESTS.add(request);
            if (refuseWatch) {
                out.onError(Status.UNAVAILABLE.withDescription("fake registry refuses streams").asRuntimeException());
                return;
            }
            ServerCallStreamObserver<WatchBrandChangesResponse> stream = (ServerCallStreamObserver<WatchBrandChangesResponse>) out;
            stream.setOnCancelHandler(() -> {
                synchronized (LOCK) {
                    WATCHERS.remove(stream);
                }
            });
            synchronized (LOCK) {
                if (request.hasAfterSequence()) {
                    long oldest = HISTORY.isEmpty() ? sequence + 1 : HISTORY.get(0).getSequence();
                    if (request.getAfterSequence() > sequence || request.getAfterSequence() < oldest - 1) {
                        stream.onNext(control(BrandChangeKind.BRAND_CHANGE_KIND_RESYNC_REQUIRED));
                    } else {
                        for (WatchBrandChangesResponse change : HISTORY) {
                            if (change.getSequence() > request.getAfterSequence()
                                    && (request.getKindsCount() == 0 || request.getKindsList().contains(change.getKind()))) {
                                stream.onNext(change);
                            }
                        }
                    }
                }
                WATCHERS.add(stream);
                LOCK.notifyAll();
            }
        }
    }
}

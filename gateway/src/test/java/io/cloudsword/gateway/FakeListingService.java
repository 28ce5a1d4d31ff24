package io.cloudsword.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.google.protobuf.Timestamp;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.common.v1.Actor;
import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.ItemError;
import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.common.v1.PageRequest;
import io.cloudsword.api.common.v1.Role;
import io.cloudsword.api.common.v1.StatementDecision;
import io.cloudsword.api.common.v1.StatementOfReasons;
import io.cloudsword.api.listing.v1.AddStrikeRequest;
import io.cloudsword.api.listing.v1.AddStrikeResponse;
import io.cloudsword.api.listing.v1.BatchListBrandListingsRequest;
import io.cloudsword.api.listing.v1.BatchListBrandListingsResponse;
import io.cloudsword.api.listing.v1.BatchListListingTransitionsRequest;
import io.cloudsword.api.listing.v1.BatchListListingTransitionsResponse;
import io.cloudsword.api.listing.v1.BrandListings;
import io.cloudsword.api.listing.v1.ListingTransitions;
import io.cloudsword.api.listing.v1.BatchGetListingsRequest;
import io.cloudsword.api.listing.v1.BatchGetListingsResponse;
import io.cloudsword.api.listing.v1.BatchGetShopsRequest;
import io.cloudsword.api.listing.v1.BatchGetShopsResponse;
import io.cloudsword.api.listing.v1.ClearListingFlagRequest;
import io.cloudsword.api.listing.v1.ClearListingFlagResponse;
import io.cloudsword.api.listing.v1.GetListingRequest;
import io.cloudsword.api.listing.v1.GetListingResponse;
import io.cloudsword.api.listing.v1.GetRescoreJobRequest;
import io.cloudsword.api.listing.v1.GetRescoreJobResponse;
import io.cloudsword.api.listing.v1.GetShopRequest;
import io.cloudsword.api.listing.v1.GetShopResponse;
import io.cloudsword.api.listing.v1.IngestAccepted;
import io.cloudsword.api.listing.v1.IngestListingRequest;
import io.cloudsword.api.listing.v1.IngestListingResponse;
import io.cloudsword.api.listing.v1.IngestListingResult;
import io.cloudsword.api.listing.v1.IngestListingsRequest;
import io.cloudsword.api.listing.v1.IngestListingsResponse;
import io.cloudsword.api.listing.v1.ListListingTransitionsRequest;
import io.cloudsword.api.listing.v1.ListListingTransitionsResponse;
import io.cloudsword.api.listing.v1.ListListingsRequest;
import io.cloudsword.api.listing.v1.ListListingsResponse;
import io.cloudsword.api.listing.v1.ListShopEventsRequest;
import io.cloudsword.api.listing.v1.ListShopEventsResponse;
import io.cloudsword.api.listing.v1.ListShopStrikesRequest;
import io.cloudsword.api.listing.v1.ListShopStrikesResponse;
import io.cloudsword.api.listing.v1.Listing;
import io.cloudsword.api.listing.v1.ListingInput;
import io.cloudsword.api.listing.v1.ListingKey;
import io.cloudsword.api.listing.v1.ListingLookupResult;
import io.cloudsword.api.listing.v1.ListingServiceGrpc;
import io.cloudsword.api.listing.v1.ListingState;
import io.cloudsword.api.listing.v1.ListingTransition;
import io.cloudsword.api.listing.v1.MarkRemovedBySellerRequest;
import io.cloudsword.api.listing.v1.MarkRemovedBySellerResponse;
import io.cloudsword.api.listing.v1.PreviewRiskScoreRequest;
import io.cloudsword.api.listing.v1.PreviewRiskScoreResponse;
import io.cloudsword.api.listing.v1.ReinstateShopRequest;
import io.cloudsword.api.listing.v1.ReinstateShopResponse;
import io.cloudsword.api.listing.v1.RescoreBrandRequest;
import io.cloudsword.api.listing.v1.RescoreBrandResponse;
import io.cloudsword.api.listing.v1.RescoreJob;
import io.cloudsword.api.listing.v1.RescoreJobStatus;
import io.cloudsword.api.listing.v1.RestoreListingRequest;
import io.cloudsword.api.listing.v1.RestoreListingResponse;
import io.cloudsword.api.listing.v1.RevokeStrikeRequest;
import io.cloudsword.api.listing.v1.RevokeStrikeResponse;
import io.cloudsword.api.listing.v1.RiskSignal;
import io.cloudsword.api.listing.v1.Shop;
import io.cloudsword.api.listing.v1.ShopEvent;
import io.cloudsword.api.listing.v1.ShopEventType;
import io.cloudsword.api.listing.v1.ShopKey;
import io.cloudsword.api.listing.v1.ShopLookupResult;
import io.cloudsword.api.listing.v1.ShopStatus;
import io.cloudsword.api.listing.v1.Strike;
import io.cloudsword.api.listing.v1.TakeDownListingRequest;
import io.cloudsword.api.listing.v1.TakeDownListingResponse;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in listing-service on a real gRPC port, answering as listing.proto says: the caller's
 * platform and roles from the forwarded token, ErrorDetail on refusals, per-item results on the
 * IngestListings stream, batch lookups in request order. Its scoring is a toy (vocabulary and
 * brand-mention signals against FakeBrandRegistry's brands) but every answer comes from the
 * calls the gateway makes. The real service is exercised by its own tests.
 */
public class FakeListingService implements QuarkusTestResourceLifecycleManager {

    static final int CHUNK_CAP = 1000;
    static final int FLAG_THRESHOLD = 70;
    static final int STRIKES_TO_SUSPEND = 3;
    static final long STRIKE_LIFETIME_SECONDS = 365L * 24 * 3600;

    static final FakeCallers CALLERS = new FakeCallers();
    static final Map<String, Listing> LISTINGS = new ConcurrentHashMap<>();
    /** Listing ids by "platform/externalId". */
    static final Map<String, String> BY_EXTERNAL = new ConcurrentHashMap<>();
    static final Map<ShopKey, Shop> SHOPS = new ConcurrentHashMap<>();
    static final Map<ShopKey, List<Strike>> STRIKES = new ConcurrentHashMap<>();
    static final Map<ShopKey, List<ShopEvent>> EVENTS = new ConcurrentHashMap<>();
    static final Map<String, List<ListingTransition>> TRANSITIONS = new ConcurrentHashMap<>();
    static final Map<String, RescoreJob> JOBS = new ConcurrentHashMap<>();
    /** The size of every IngestListings chunk received, in order. */
    static final List<Integer> CHUNK_SIZES = new CopyOnWriteArrayList<>();

    private static final AtomicLong CLOCK = new AtomicLong(1_764_300_000);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final List<String> VOCABULARY = List.of("replica", "1:1", "super copy", "高仿");

    /** While set, BatchListBrandListings never answers (a hung listing-service). */
    static final java.util.concurrent.atomic.AtomicBoolean HANG = new java.util.concurrent.atomic.AtomicBoolean();

    /** The running stand-in, so that a test can take listing-service away and bring it back. */
    private static volatile FakeListingService running;

    private Server server;
    private int port;

    @Override
    public Map<String, String> start() {
        serve(0);
        port = server.getPort();
        running = this;
        return Map.of("cloudsword.listing.host", "localhost", "cloudsword.listing.port", Integer.toString(port));
    }

    private void serve(int onPort) {
        try {
            server = NettyServerBuilder.forPort(onPort)
                    .addService(ServerInterceptors.intercept(new Service(), CALLERS)).build().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** listing-service goes away: its port refuses connections until {@link #serveAgain()}. */
    static void stopServing() throws InterruptedException {
        running.server.shutdownNow().awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** listing-service is back on the same port, with the same data. */
    static void serveAgain() {
        running.serve(running.port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------- who is calling

    private static boolean hasRole(String role) {
        String groups = FakeCallers.claim("groups");
        return groups != null && groups.contains("\"" + role + "\"");
    }

    private static boolean isStaff() {
        return hasRole("admin") || hasRole("reviewer") || hasRole("system");
    }

    private static String callerPlatform() {
        String platform = FakeCallers.claim("platform_id");
        return platform == null ? null : platform.replace("\"", "");
    }

    /** listing.proto's visibility: a partner its own platform, an owner listings of its brands, staff all. */
    private static boolean visible(Listing l) {
        if (isStaff()) {
            return true;
        }
        if (hasRole("platform_partner")) {
            return l.getData().getPlatform().equals(callerPlatform());
        }
        String owner = FakeCallers.ownerId();
        if (owner == null) {
            return false;
        }
        Set<String> brands = FakeBrandRegistry.BRANDS.values().stream().filter(b -> b.getOwnerId().equals(owner))
                .map(Brand::getId).collect(Collectors.toSet());
        return brands.contains(l.getBrandId()) || l.getMentionedBrandIdsList().stream().anyMatch(brands::contains);
    }

    private static Actor actor() {
        String subject = FakeCallers.claim("sub");
        return Actor.newBuilder().setSubject(subject == null ? "" : subject.replace("\"", ""))
                .setRole(isStaff() ? Role.ROLE_REVIEWER : Role.ROLE_PLATFORM_PARTNER)
                .setPlatform(callerPlatform() == null ? "" : callerPlatform()).build();
    }

    // ---------------------------------------------------------------------------------------- rules

    private static Timestamp tick() {
        return Timestamp.newBuilder().setSeconds(CLOCK.incrementAndGet()).build();
    }

    private static ItemError itemError(Status.Code code, String field, String reason, String message) {
        return ItemError.newBuilder().setCode(code.value())
                .setDetail(ErrorDetail.newBuilder().setField(field).setReason(reason).setMessage(message)).build();
    }

    /** The first thing wrong with a listing, its field relative to the listing; null when none. */
    static ItemError invalid(ListingInput in) {
        if (in.getPlatform().isEmpty()) {
            return itemError(Status.Code.INVALID_ARGUMENT, "platform", "FIELD_REQUIRED", "platform is required");
        }
        if (!isStaff() && !in.getPlatform().equals(callerPlatform())) {
            return itemError(Status.Code.PERMISSION_DENIED, "platform", "NOT_OWNER",
                    "platform " + in.getPlatform() + " is not the caller's");
        }
        if (in.getExternalId().isEmpty()) {
            return itemError(Status.Code.INVALID_ARGUMENT, "external_id", "FIELD_REQUIRED", "external_id is required");
        }
        if (in.getShopId().isEmpty()) {
            return itemError(Status.Code.INVALID_ARGUMENT, "shop_id", "FIELD_REQUIRED", "shop_id is required");
        }
        if (in.getTitle().isBlank()) {
            return itemError(Status.Code.INVALID_ARGUMENT, "title", "FIELD_REQUIRED", "title is required");
        }
        if (!in.hasPrice()) {
            return itemError(Status.Code.INVALID_ARGUMENT, "price", "FIELD_REQUIRED", "price is required");
        }
        if (!in.getPrice().getCurrency().matches("[A-Z]{3}")) {
            return itemError(Status.Code.INVALID_ARGUMENT, "price.currency", "INVALID_CURRENCY",
                    "price.currency is not an ISO 4217 code");
        }
        if (!COUNTRIES.contains(in.getMarketCountry())) {
            return itemError(Status.Code.INVALID_ARGUMENT, "market_country",
                    in.getMarketCountry().isEmpty() ? "FIELD_REQUIRED" : "INVALID_COUNTRY",
                    "market_country must be an ISO 3166-1 alpha-2 code");
        }
        if (!in.getGtin().isEmpty() && FakeBrandRegistry.toGtin14(in.getGtin()) == null) {
            return itemError(Status.Code.INVALID_ARGUMENT, "gtin", "INVALID_GTIN", "gtin has a wrong length or check digit");
        }
        return null;
    }

    /** Brands named in the title or description as whole words, by FakeBrandRegistry's names. */
    private static List<String> mentions(ListingInput in) {
        String text = (in.getTitle() + " " + in.getDescription()).toLowerCase(Locale.ROOT);
        return FakeBrandRegistry.BRANDS.values().stream()
                .filter(b -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(b.getName().toLowerCase(Locale.ROOT))
                        + "(?![\\p{L}\\p{N}])").matcher(text).find())
                .sorted(Comparator.comparing(Brand::getId)).map(Brand::getId).toList();
    }

    record Score(int score, List<RiskSignal> signals, String brandId, List<String> mentioned) {
    }

    static Score score(ListingInput in) {
        List<RiskSignal> signals = new ArrayList<>();
        String text = (in.getTitle() + " " + in.getDescription()).toLowerCase(Locale.ROOT);
        VOCABULARY.stream().filter(text::contains).findFirst().ifPresent(term -> signals.add(RiskSignal.newBuilder()
                .setCode("COUNTERFEIT_VOCABULARY").setWeight(50)
                .setExplanation("The listing says \"" + term + "\".").putDetails("term", term).build()));
        List<String> mentioned = mentions(in);
        String gtin14 = in.getGtin().isEmpty() ? null : FakeBrandRegistry.toGtin14(in.getGtin());
        Product product = gtin14 == null ? null : FakeBrandRegistry.PRODUCTS.get(gtin14);
        String brandId = product != null ? product.getBrandId() : mentioned.isEmpty() ? "" : mentioned.get(0);
        if (!mentioned.isEmpty() && in.getGtin().isEmpty()) {
            signals.add(RiskSignal.newBuilder().setCode("BRAND_MENTION_GTIN_MISSING").setWeight(30)
                    .setExplanation("A brand is mentioned and no GTIN is given.").putDetails("brand_id", mentioned.get(0))
                    .putDetails("mentions", Integer.toString(mentioned.size())).build());
        }
        signals.sort(Comparator.comparingInt(RiskSignal::getWeight).reversed());
        int score = Math.min(100, signals.stream().mapToInt(RiskSignal::getWeight).sum());
        return new Score(score, signals, brandId, mentioned);
    }

    private static boolean live(ListingState state) {
        return state == ListingState.LISTING_STATE_ACTIVE || state == ListingState.LISTING_STATE_FLAGGED
                || state == ListingState.LISTING_STATE_RESTORED;
    }

    private static void transition(Listing before, Listing after, String reason, String noticeId,
            StatementOfReasons statement) {
        ListingTransition.Builder t = ListingTransition.newBuilder().setId(UUID.randomUUID().toString())
                .setListingId(after.getId()).setFromState(before == null ? ListingState.LISTING_STATE_UNSPECIFIED
                        : before.getState())
                .setToState(after.getState()).setActor(actor()).setReason(reason).setNoticeId(noticeId)
                .setOccurredAt(after.getUpdatedAt());
        if (statement != null) {
            t.setStatement(statement);
        }
        TRANSITIONS.computeIfAbsent(after.getId(), id -> new CopyOnWriteArrayList<>()).add(t.build());
    }

    private static Listing save(Listing before, Listing after, String reason, String noticeId,
            StatementOfReasons statement) {
        LISTINGS.put(after.getId(), after);
        if (before == null || before.getState() != after.getState()) {
            transition(before, after, reason, noticeId, statement);
        }
        return after;
    }

    /** Stores a valid listing, as IngestListing and each accepted stream item do. */
    static synchronized IngestListingResponse ingest(ListingInput in) {
        String gtin14 = in.getGtin().isEmpty() ? "" : FakeBrandRegistry.toGtin14(in.getGtin());
        ListingInput data = in.toBuilder().setGtin(gtin14).build();
        Score score = score(data);
        ShopKey shopKey = ShopKey.newBuilder().setPlatform(in.getPlatform()).setShopId(in.getShopId()).build();
        Shop shop = SHOPS.computeIfAbsent(shopKey, k -> newShop(k, in.getSellerId()));
        String existing = BY_EXTERNAL.get(in.getPlatform() + "/" + in.getExternalId());
        Listing before = existing == null ? null : LISTINGS.get(existing);
        Timestamp now = tick();
        Listing.Builder b = before == null
                ? Listing.newBuilder().setId(UUID.randomUUID().toString()).setCreatedAt(now)
                        .setState(ListingState.LISTING_STATE_ACTIVE)
                : before.toBuilder();
        b.setData(data).setRiskScore(score.score()).clearSignals().addAllSignals(score.signals())
                .setBrandId(score.brandId()).clearMentionedBrandIds().addAllMentionedBrandIds(score.mentioned())
                .setScoredAt(now).setScoringVersion("fake-1").setUpdatedAt(now)
                .setVersion(before == null ? 1 : before.getVersion() + 1);
        if (b.getState() == ListingState.LISTING_STATE_REMOVED_BY_SELLER) {
            b.setState(ListingState.LISTING_STATE_ACTIVE);
        }
        if (shop.getStatus() == ShopStatus.SHOP_STATUS_SUSPENDED && live(b.getState())) {
            b.setState(ListingState.LISTING_STATE_TAKEN_DOWN).setHeldByShopSuspension(true);
        } else if (b.getState() == ListingState.LISTING_STATE_ACTIVE && score.score() >= FLAG_THRESHOLD) {
            b.setState(ListingState.LISTING_STATE_FLAGGED);
        }
        Listing listing = save(before, b.build(), b.getState() == ListingState.LISTING_STATE_FLAGGED
                ? "score " + score.score() + " above threshold " + FLAG_THRESHOLD : "ingested", "", null);
        BY_EXTERNAL.put(in.getPlatform() + "/" + in.getExternalId(), listing.getId());
        return IngestListingResponse.newBuilder().setListing(listing).setCreated(before == null).build();
    }

    private static Shop newShop(ShopKey key, String sellerId) {
        Timestamp now = tick();
        return Shop.newBuilder().setId(UUID.randomUUID().toString()).setPlatform(key.getPlatform())
                .setShopId(key.getShopId()).setSellerId(sellerId == null ? "" : sellerId)
                .setStatus(ShopStatus.SHOP_STATUS_ACTIVE).setCreatedAt(now).setUpdatedAt(now).build();
    }

    /** A shop with its counters as of now. */
    private static Shop counted(Shop shop) {
        ShopKey key = ShopKey.newBuilder().setPlatform(shop.getPlatform()).setShopId(shop.getShopId()).build();
        List<Listing> listings = LISTINGS.values().stream().filter(l -> l.getData().getPlatform().equals(shop.getPlatform())
                && l.getData().getShopId().equals(shop.getShopId())).toList();
        return shop.toBuilder().setLiveStrikes(liveStrikes(key))
                .setActiveListings(listings.stream().filter(l -> live(l.getState())).count())
                .setTakenDownListings(listings.stream().filter(l -> l.getState() == ListingState.LISTING_STATE_TAKEN_DOWN)
                        .count())
                .build();
    }

    private static int liveStrikes(ShopKey key) {
        return (int) STRIKES.getOrDefault(key, List.of()).stream().filter(Strike::getLive).count();
    }

    private static void event(ShopKey key, ShopEventType type, String strikeId, String noticeId, long affected,
            String reason) {
        EVENTS.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(ShopEvent.newBuilder()
                .setId(UUID.randomUUID().toString()).setShop(key).setType(type).setStrikeId(strikeId)
                .setNoticeId(noticeId).setLiveStrikesAfter(liveStrikes(key)).setListingsAffected(affected)
                .setActor(actor()).setReason(reason).setOccurredAt(tick()).build());
    }

    private static Listing find(ListingKey key) {
        String id = switch (key.getKeyCase()) {
            case ID -> key.getId();
            case EXTERNAL -> BY_EXTERNAL.get(key.getExternal().getPlatform() + "/" + key.getExternal().getExternalId());
            case URL -> LISTINGS.values().stream().filter(l -> l.getData().getUrl().equals(key.getUrl())).findFirst()
                    .map(Listing::getId).orElse(null);
            default -> null;
        };
        Listing listing = id == null ? null : LISTINGS.get(id);
        return listing != null && visible(listing) ? listing : null;
    }

    /** Offset cursors are enough for a fake; the real service uses keyset cursors. */
    private static <T> List<T> page(List<T> all, PageRequest page, PageInfo.Builder info) {
        if (page.getFirst() < 0 || page.getFirst() > 500) {
            throw FakeBrandRegistry.refusal(Status.Code.INVALID_ARGUMENT, "page.first", "INVALID_PAGE_SIZE",
                    "page.first must be 1..500");
        }
        int size = page.getFirst() == 0 ? 50 : page.getFirst();
        int from;
        try {
            from = page.getAfter().isEmpty() ? 0
                    : Integer.parseInt(new String(Base64.getUrlDecoder().decode(page.getAfter()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw FakeBrandRegistry.refusal(Status.Code.INVALID_ARGUMENT, "page.after", "INVALID_CURSOR",
                    "page.after is not a cursor of this query");
        }
        List<T> slice = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
        if (!slice.isEmpty()) {
            info.setEndCursor(Base64.getUrlEncoder().encodeToString(
                    Integer.toString(from + slice.size()).getBytes(StandardCharsets.UTF_8)));
        }
        info.setHasNextPage(from + size < all.size());
        return slice;
    }

    /**
     * Answers a page, or the refusal page() raised for a bad size or cursor: a status thrown from
     * a handler would reach the client as UNKNOWN, without its ErrorDetail.
     */
    private static <T> void paged(StreamObserver<T> response, java.util.function.Supplier<T> answer) {
        T page;
        try {
            page = answer.get();
        } catch (StatusRuntimeException refused) {
            response.onError(refused);
            return;
        }
        response.onNext(page);
        response.onCompleted();
    }

    private static RuntimeException listingNotFound(String field) {
        return FakeBrandRegistry.refusal(Status.Code.NOT_FOUND, field, "LISTING_NOT_FOUND", "No such listing");
    }

    private static RuntimeException staffOnly() {
        return FakeBrandRegistry.refusal(Status.Code.PERMISSION_DENIED, "", "ROLE_REQUIRED",
                "Only reviewers and admins may do this");
    }

    private static RuntimeException asRefusal(ItemError error, String prefix) {
        String field = error.getDetail().getField().isEmpty() ? "" : prefix + error.getDetail().getField();
        return FakeBrandRegistry.refusal(Status.fromCodeValue(error.getCode()).getCode(), field,
                error.getDetail().getReason(), error.getDetail().getMessage());
    }

    static class Service extends ListingServiceGrpc.ListingServiceImplBase {

        @Override
        public void ingestListing(IngestListingRequest request, StreamObserver<IngestListingResponse> response) {
            ItemError error = invalid(request.getListing());
            if (error != null) {
                response.onError(asRefusal(error, "listing."));
                return;
            }
            response.onNext(ingest(request.getListing()));
            response.onCompleted();
        }

        @Override
        public StreamObserver<IngestListingsRequest> ingestListings(StreamObserver<IngestListingsResponse> response) {
            return new StreamObserver<>() {
                @Override
                public void onNext(IngestListingsRequest chunk) {
                    CHUNK_SIZES.add(chunk.getListingsCount());
                    if (chunk.getListingsCount() > CHUNK_CAP) {
                        response.onError(FakeBrandRegistry.refusal(Status.Code.INVALID_ARGUMENT, "listings",
                                "TOO_MANY_ITEMS", "a chunk holds at most " + CHUNK_CAP + " listings"));
                        return;
                    }
                    IngestListingsResponse.Builder answer = IngestListingsResponse.newBuilder()
                            .setChunkId(chunk.getChunkId());
                    for (int i = 0; i < chunk.getListingsCount(); i++) {
                        ListingInput in = chunk.getListings(i);
                        IngestListingResult.Builder result = IngestListingResult.newBuilder().setIndex(i)
                                .setPlatform(in.getPlatform()).setExternalId(in.getExternalId());
                        ItemError error = invalid(in);
                        if (error != null) {
                            result.setRejected(error);
                        } else {
                            IngestListingResponse stored = ingest(in);
                            Listing l = stored.getListing();
                            result.setAccepted(IngestAccepted.newBuilder().setListingId(l.getId())
                                    .setCreated(stored.getCreated()).setRiskScore(l.getRiskScore())
                                    .setState(l.getState()).addAllSignals(l.getSignalsList()));
                        }
                        answer.addResults(result);
                    }
                    response.onNext(answer.build());
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                    response.onCompleted();
                }
            };
        }

        @Override
        public void previewRiskScore(PreviewRiskScoreRequest request, StreamObserver<PreviewRiskScoreResponse> response) {
            ItemError error = invalid(request.getListing());
            if (error != null) {
                response.onError(asRefusal(error, "listing."));
                return;
            }
            Score score = score(request.getListing());
            response.onNext(PreviewRiskScoreResponse.newBuilder().setRiskScore(score.score())
                    .addAllSignals(score.signals()).setWouldFlag(score.score() >= FLAG_THRESHOLD)
                    .setScoringVersion("fake-1").build());
            response.onCompleted();
        }

        @Override
        public void markRemovedBySeller(MarkRemovedBySellerRequest request,
                StreamObserver<MarkRemovedBySellerResponse> response) {
            Listing before = find(request.getListing());
            if (before == null) {
                response.onError(listingNotFound("listing"));
                return;
            }
            if (before.getState() == ListingState.LISTING_STATE_REMOVED_BY_SELLER) {
                response.onNext(MarkRemovedBySellerResponse.newBuilder().setListing(before).setChanged(false).build());
                response.onCompleted();
                return;
            }
            Listing after = save(before, before.toBuilder().setState(ListingState.LISTING_STATE_REMOVED_BY_SELLER)
                    .setUpdatedAt(tick()).setVersion(before.getVersion() + 1).build(), "removed by the seller", "", null);
            response.onNext(MarkRemovedBySellerResponse.newBuilder().setListing(after).setChanged(true).build());
            response.onCompleted();
        }

        @Override
        public void getListing(GetListingRequest request, StreamObserver<GetListingResponse> response) {
            Listing listing = find(ListingKey.newBuilder().setId(request.getId()).build());
            if (listing == null) {
                response.onError(listingNotFound("id"));
                return;
            }
            response.onNext(GetListingResponse.newBuilder().setListing(listing).build());
            response.onCompleted();
        }

        @Override
        public void batchGetListings(BatchGetListingsRequest request, StreamObserver<BatchGetListingsResponse> response) {
            if (request.getKeysCount() > 500) {
                response.onError(FakeBrandRegistry.refusal(Status.Code.INVALID_ARGUMENT, "keys", "TOO_MANY_ITEMS",
                        "at most 500 keys"));
                return;
            }
            BatchGetListingsResponse.Builder answer = BatchGetListingsResponse.newBuilder();
            for (int i = 0; i < request.getKeysCount(); i++) {
                ListingKey key = request.getKeys(i);
                ListingLookupResult.Builder result = ListingLookupResult.newBuilder().setKey(key);
                if (key.getKeyCase() == ListingKey.KeyCase.KEY_NOT_SET) {
                    result.setError(itemError(Status.Code.INVALID_ARGUMENT, "keys[" + i + "]", "FIELD_REQUIRED",
                            "a key needs an id, an external key or a url"));
                } else {
                    Listing listing = find(key);
                    if (listing != null) {
                        result.setFound(true).setListing(listing);
                    }
                }
                answer.addResults(result);
            }
            response.onNext(answer.build());
            response.onCompleted();
        }

        @Override
        public void listListings(ListListingsRequest r, StreamObserver<ListListingsResponse> response) {
            if (!r.getShopId().isEmpty() && r.getPlatform().isEmpty()) {
                response.onError(FakeBrandRegistry.refusal(Status.Code.INVALID_ARGUMENT, "platform", "FIELD_REQUIRED",
                        "shop_id needs platform"));
                return;
            }
            if (r.hasMinRiskScore() && (r.getMinRiskScore() < 0 || r.getMinRiskScore() > 100)) {
                response.onError(FakeBrandRegistry.refusal(Status.Code.INVALID_ARGUMENT, "min_risk_score",
                        "VALUE_OUT_OF_RANGE", "min_risk_score must be 0..100"));
                return;
            }
            Comparator<Listing> order = switch (r.getOrder()) {
                case LISTING_ORDER_RISK_SCORE_DESC -> Comparator.comparingInt(Listing::getRiskScore).reversed()
                        .thenComparing(l -> -l.getCreatedAt().getSeconds());
                case LISTING_ORDER_CREATED_AT_DESC -> Comparator.comparing(l -> -l.getCreatedAt().getSeconds());
                default -> Comparator.comparing(l -> -l.getUpdatedAt().getSeconds());
            };
            String text = r.getText().toLowerCase(Locale.ROOT);
            List<Listing> all = LISTINGS.values().stream().filter(FakeListingService::visible)
                    .filter(l -> r.getPlatform().isEmpty() || l.getData().getPlatform().equals(r.getPlatform()))
                    .filter(l -> r.getShopId().isEmpty() || l.getData().getShopId().equals(r.getShopId()))
                    .filter(l -> r.getBrandId().isEmpty() || l.getBrandId().equals(r.getBrandId())
                            || l.getMentionedBrandIdsList().contains(r.getBrandId()))
                    .filter(l -> r.getStatesList().isEmpty() || r.getStatesList().contains(l.getState()))
                    .filter(l -> !r.hasMinRiskScore() || l.getRiskScore() >= r.getMinRiskScore())
                    .filter(l -> text.isEmpty() || (l.getData().getTitle() + " " + l.getData().getDescription())
                            .toLowerCase(Locale.ROOT).contains(text))
                    .sorted(order.thenComparing(Listing::getId)).toList();
            PageInfo.Builder info = PageInfo.newBuilder();
            paged(response, () -> ListListingsResponse.newBuilder().addAllListings(page(all, r.getPage(), info))
                    .setPageInfo(info).build());
        }

        @Override
        public void listListingTransitions(ListListingTransitionsRequest request,
                StreamObserver<ListListingTransitionsResponse> response) {
            if (find(ListingKey.newBuilder().setId(request.getListingId()).build()) == null) {
                response.onError(listingNotFound("listing_id"));
                return;
            }
            PageInfo.Builder info = PageInfo.newBuilder();
            paged(response, () -> ListListingTransitionsResponse.newBuilder().addAllTransitions(
                    page(TRANSITIONS.getOrDefault(request.getListingId(), List.of()), request.getPage(), info))
                    .setPageInfo(info).build());
        }

        @Override
        public void batchListBrandListings(BatchListBrandListingsRequest r,
                StreamObserver<BatchListBrandListingsResponse> response) {
            if (HANG.get()) {
                return; // never answers: the caller's deadline must end the call
            }
            int first = r.getFirstPerBrand() == 0 ? 10 : r.getFirstPerBrand();
            BatchListBrandListingsResponse.Builder answer = BatchListBrandListingsResponse.newBuilder();
            for (String brand : r.getBrandIdsList()) {
                // the brand first: visible() reads the token's claims, too slow for every stored listing
                List<Listing> all = LISTINGS.values().stream()
                        .filter(l -> l.getBrandId().equals(brand) || l.getMentionedBrandIdsList().contains(brand))
                        .filter(FakeListingService::visible)
                        .sorted(Comparator.comparingInt(Listing::getRiskScore).reversed()).toList();
                answer.addResults(BrandListings.newBuilder().setBrandId(brand)
                        .addAllListings(all.subList(0, Math.min(first, all.size()))).setHasMore(all.size() > first));
            }
            response.onNext(answer.build());
            response.onCompleted();
        }

        @Override
        public void batchListListingTransitions(BatchListListingTransitionsRequest r,
                StreamObserver<BatchListListingTransitionsResponse> response) {
            int first = r.getFirstPerListing() == 0 ? 10 : r.getFirstPerListing();
            BatchListListingTransitionsResponse.Builder answer = BatchListListingTransitionsResponse.newBuilder();
            for (int i = 0; i < r.getListingIdsCount(); i++) {
                String id = r.getListingIds(i);
                ListingTransitions.Builder result = ListingTransitions.newBuilder().setListingId(id);
                if (find(ListingKey.newBuilder().setId(id).build()) == null) {
                    result.setError(itemError(Status.Code.NOT_FOUND, "listing_ids[" + i + "]", "LISTING_NOT_FOUND",
                            "no listing " + id));
                } else {
                    List<ListingTransition> all = TRANSITIONS.getOrDefault(id, List.of());
                    result.addAllTransitions(all.subList(0, Math.min(first, all.size()))).setHasMore(all.size() > first);
                }
                answer.addResults(result);
            }
            response.onNext(answer.build());
            response.onCompleted();
        }

        @Override
        public void takeDownListing(TakeDownListingRequest request, StreamObserver<TakeDownListingResponse> response) {
            if (!isStaff()) {
                response.onError(staffOnly());
                return;
            }
            StatementDecision decision = request.getStatement().getDecision();
            if (decision != StatementDecision.STATEMENT_DECISION_CONTENT_REMOVED
                    && decision != StatementDecision.STATEMENT_DECISION_CONTENT_DISABLED) {
                response.onError(FakeBrandRegistry.refusal(Status.Code.INVALID_ARGUMENT, "statement.decision",
                        "INVALID_FORMAT", "a takedown's statement decides CONTENT_REMOVED or CONTENT_DISABLED"));
                return;
            }
            synchronized (FakeListingService.class) {
                Listing before = find(ListingKey.newBuilder().setId(request.getListingId()).build());
                if (before == null) {
                    response.onError(listingNotFound("listing_id"));
                    return;
                }
                if (before.getTakedownNoticeIdsList().contains(request.getNoticeId())) {
                    response.onNext(TakeDownListingResponse.newBuilder().setListing(before).setChanged(false).build());
                    response.onCompleted();
                    return;
                }
                Listing.Builder b = before.toBuilder().addTakedownNoticeIds(request.getNoticeId()).setUpdatedAt(tick())
                        .setVersion(before.getVersion() + 1);
                if (live(before.getState())) {
                    b.setState(ListingState.LISTING_STATE_TAKEN_DOWN);
                }
                Listing after = save(before, b.build(), "taken down for notice " + request.getNoticeId(),
                        request.getNoticeId(), request.getStatement());
                response.onNext(TakeDownListingResponse.newBuilder().setListing(after).setChanged(true).build());
                response.onCompleted();
            }
        }

        @Override
        public void restoreListing(RestoreListingRequest request, StreamObserver<RestoreListingResponse> response) {
            if (!isStaff()) {
                response.onError(staffOnly());
                return;
            }
            synchronized (FakeListingService.class) {
                Listing before = find(ListingKey.newBuilder().setId(request.getListingId()).build());
                if (before == null) {
                    response.onError(listingNotFound("listing_id"));
                    return;
                }
                if (!before.getTakedownNoticeIdsList().contains(request.getNoticeId())) {
                    response.onNext(RestoreListingResponse.newBuilder().setListing(before).setChanged(false).build());
                    response.onCompleted();
                    return;
                }
                List<String> holds = new ArrayList<>(before.getTakedownNoticeIdsList());
                holds.remove(request.getNoticeId());
                Listing.Builder b = before.toBuilder().clearTakedownNoticeIds().addAllTakedownNoticeIds(holds)
                        .setUpdatedAt(tick()).setVersion(before.getVersion() + 1);
                if (holds.isEmpty() && !before.getHeldByShopSuspension()
                        && before.getState() == ListingState.LISTING_STATE_TAKEN_DOWN) {
                    b.setState(ListingState.LISTING_STATE_RESTORED);
                }
                Listing after = save(before, b.build(), "hold of notice " + request.getNoticeId() + " released",
                        request.getNoticeId(), request.getStatement());
                response.onNext(RestoreListingResponse.newBuilder().setListing(after).setChanged(true).build());
                response.onCompleted();
            }
        }

        @Override
        public void clearListingFlag(ClearListingFlagRequest request, StreamObserver<ClearListingFlagResponse> response) {
            if (!isStaff()) {
                response.onError(staffOnly());
                return;
            }
            if (request.getReason().isBlank()) {
                response.onError(FakeBrandRegistry.refusal(Status.Code.INVALID_ARGUMENT, "reason", "FIELD_REQUIRED",
                        "reason is required"));
                return;
            }
            Listing before = find(ListingKey.newBuilder().setId(request.getListingId()).build());
            if (before == null) {
                response.onError(listingNotFound("listing_id"));
                return;
            }
            boolean flagged = before.getState() == ListingState.LISTING_STATE_FLAGGED;
            Listing after = flagged ? save(before, before.toBuilder().setState(ListingState.LISTING_STATE_ACTIVE)
                    .setUpdatedAt(tick()).setVersion(before.getVersion() + 1).build(), request.getReason(), "", null)
                    : before;
            response.onNext(ClearListingFlagResponse.newBuilder().setListing(after).setChanged(flagged).build());
            response.onCompleted();
        }

        @Override
        public synchronized void addStrike(AddStrikeRequest request, StreamObserver<AddStrikeResponse> response) {
            if (request.getShop().getPlatform().isEmpty() || request.getShop().getShopId().isEmpty()) {
                response.onError(FakeBrandRegistry.refusal(Status.Code.INVALID_ARGUMENT,
                        request.getShop().getPlatform().isEmpty() ? "shop.platform" : "shop.shop_id", "FIELD_REQUIRED",
                        "the shop's platform and shop_id are required"));
                return;
            }
            if (request.getNoticeId().isEmpty()) {
                response.onError(FakeBrandRegistry.refusal(Status.Code.INVALID_ARGUMENT, "notice_id", "FIELD_REQUIRED",
                        "notice_id is required"));
                return;
            }
            ShopKey key = request.getShop();
            SHOPS.computeIfAbsent(key, k -> newShop(k, ""));
            List<Strike> strikes = STRIKES.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
            Strike existing = strikes.stream().filter(s -> s.getNoticeId().equals(request.getNoticeId())).findFirst()
                    .orElse(null);
            if (existing != null) {
                response.onNext(AddStrikeResponse.newBuilder().setStrike(existing).setCreated(false)
                        .setShop(counted(SHOPS.get(key))).build());
                response.onCompleted();
                return;
            }
            Timestamp issued = request.hasIssuedAt() ? request.getIssuedAt() : tick();
            Strike strike = Strike.newBuilder().setId(UUID.randomUUID().toString()).setPlatform(key.getPlatform())
                    .setShopId(key.getShopId()).setNoticeId(request.getNoticeId()).setListingId(request.getListingId())
                    .setReason(request.getReason()).setIssuedAt(issued)
                    .setExpiresAt(Timestamp.newBuilder().setSeconds(issued.getSeconds() + STRIKE_LIFETIME_SECONDS))
                    .setLive(true).build();
            strikes.add(strike);
            event(key, ShopEventType.SHOP_EVENT_TYPE_STRIKE_ADDED, strike.getId(), strike.getNoticeId(), 0,
                    request.getReason());
            long takenDown = 0;
            Shop shop = SHOPS.get(key);
            int live = liveStrikes(key);
            if (live >= STRIKES_TO_SUSPEND && shop.getStatus() != ShopStatus.SHOP_STATUS_SUSPENDED) {
                for (Listing l : LISTINGS.values()) {
                    if (l.getData().getPlatform().equals(key.getPlatform()) && l.getData().getShopId().equals(key.getShopId())
                            && live(l.getState())) {
                        save(l, l.toBuilder().setState(ListingState.LISTING_STATE_TAKEN_DOWN).setHeldByShopSuspension(true)
                                .setUpdatedAt(tick()).setVersion(l.getVersion() + 1).build(),
                                "shop suspended after strike " + live, "", null);
                        takenDown++;
                    }
                }
                shop = shop.toBuilder().setStatus(ShopStatus.SHOP_STATUS_SUSPENDED).setSuspendedAt(tick())
                        .setSuspensionReason(live + " live strikes").setUpdatedAt(tick()).build();
                event(key, ShopEventType.SHOP_EVENT_TYPE_SUSPENDED, strike.getId(), strike.getNoticeId(), takenDown,
                        "repeat infringer");
            } else if (shop.getStatus() != ShopStatus.SHOP_STATUS_SUSPENDED) {
                shop = shop.toBuilder().setStatus(ShopStatus.SHOP_STATUS_WARNED).setUpdatedAt(tick()).build();
                event(key, ShopEventType.SHOP_EVENT_TYPE_WARNED, strike.getId(), strike.getNoticeId(), 0, "warned");
            }
            SHOPS.put(key, shop);
            response.onNext(AddStrikeResponse.newBuilder().setStrike(strike).setCreated(true).setShop(counted(shop))
                    .setListingsTakenDown(takenDown).build());
            response.onCompleted();
        }

        @Override
        public synchronized void revokeStrike(RevokeStrikeRequest request, StreamObserver<RevokeStrikeResponse> response) {
            if (request.getReason().isBlank()) {
                response.onError(FakeBrandRegistry.refusal(Status.Code.INVALID_ARGUMENT, "reason", "FIELD_REQUIRED",
                        "reason is required"));
                return;
            }
            Strike strike = STRIKES.values().stream().flatMap(List::stream)
                    .filter(s -> request.getStrikeId().isEmpty() ? s.getNoticeId().equals(request.getNoticeId())
                            && s.getPlatform().equals(request.getShop().getPlatform())
                            && s.getShopId().equals(request.getShop().getShopId()) : s.getId().equals(request.getStrikeId()))
                    .findFirst().orElse(null);
            if (strike == null) {
                response.onError(FakeBrandRegistry.refusal(Status.Code.NOT_FOUND, "strike_id", "STRIKE_NOT_FOUND",
                        "No such strike"));
                return;
            }
            ShopKey key = ShopKey.newBuilder().setPlatform(strike.getPlatform()).setShopId(strike.getShopId()).build();
            boolean changed = !strike.hasRevokedAt();
            if (changed) {
                Strike revoked = strike.toBuilder().setRevokedAt(tick()).setRevokeReason(request.getReason())
                        .setLive(false).build();
                List<Strike> strikes = STRIKES.get(key);
                strikes.set(strikes.indexOf(strike), revoked);
                strike = revoked;
                Shop shop = SHOPS.get(key);
                if (shop.getStatus() != ShopStatus.SHOP_STATUS_SUSPENDED) {
                    SHOPS.put(key, shop.toBuilder().setStatus(liveStrikes(key) == 0 ? ShopStatus.SHOP_STATUS_ACTIVE
                            : ShopStatus.SHOP_STATUS_WARNED).setUpdatedAt(tick()).build());
                }
                event(key, ShopEventType.SHOP_EVENT_TYPE_STRIKE_REVOKED, strike.getId(), strike.getNoticeId(), 0,
                        request.getReason());
            }
            response.onNext(RevokeStrikeResponse.newBuilder().setStrike(strike).setShop(counted(SHOPS.get(key)))
                    .setChanged(changed).build());
            response.onCompleted();
        }

        @Override
        public synchronized void reinstateShop(ReinstateShopRequest request,
                StreamObserver<ReinstateShopResponse> response) {
            if (!isStaff()) {
                response.onError(staffOnly());
                return;
            }
            Shop shop = SHOPS.get(request.getShop());
            if (shop == null) {
                response.onError(FakeBrandRegistry.refusal(Status.Code.NOT_FOUND, "shop", "SHOP_NOT_FOUND", "No such shop"));
                return;
            }
            if (shop.getStatus() != ShopStatus.SHOP_STATUS_SUSPENDED) {
                response.onNext(ReinstateShopResponse.newBuilder().setShop(counted(shop)).setChanged(false).build());
                response.onCompleted();
                return;
            }
            ShopKey key = request.getShop();
            long restored = 0;
            for (Listing l : LISTINGS.values()) {
                if (l.getHeldByShopSuspension() && l.getData().getPlatform().equals(key.getPlatform())
                        && l.getData().getShopId().equals(key.getShopId())) {
                    Listing.Builder b = l.toBuilder().setHeldByShopSuspension(false).setUpdatedAt(tick())
                            .setVersion(l.getVersion() + 1);
                    if (l.getTakedownNoticeIdsCount() == 0) {
                        b.setState(ListingState.LISTING_STATE_RESTORED);
                        restored++;
                    }
                    save(l, b.build(), "shop reinstated", "", null);
                }
            }
            shop = shop.toBuilder().setStatus(liveStrikes(key) == 0 ? ShopStatus.SHOP_STATUS_ACTIVE
                    : ShopStatus.SHOP_STATUS_WARNED).clearSuspendedAt().setSuspensionReason("").setUpdatedAt(tick()).build();
            SHOPS.put(key, shop);
            event(key, ShopEventType.SHOP_EVENT_TYPE_REINSTATED, "", "", restored, request.getReason());
            response.onNext(ReinstateShopResponse.newBuilder().setShop(counted(shop)).setListingsRestored(restored)
                    .setChanged(true).build());
            response.onCompleted();
        }

        @Override
        public void getShop(GetShopRequest request, StreamObserver<GetShopResponse> response) {
            Shop shop = SHOPS.get(request.getShop());
            if (shop == null) {
                response.onError(FakeBrandRegistry.refusal(Status.Code.NOT_FOUND, "shop", "SHOP_NOT_FOUND", "No such shop"));
                return;
            }
            response.onNext(GetShopResponse.newBuilder().setShop(counted(shop)).build());
            response.onCompleted();
        }

        @Override
        public void batchGetShops(BatchGetShopsRequest request, StreamObserver<BatchGetShopsResponse> response) {
            BatchGetShopsResponse.Builder answer = BatchGetShopsResponse.newBuilder();
            for (ShopKey key : request.getShopsList()) {
                Shop shop = SHOPS.get(key);
                ShopLookupResult.Builder result = ShopLookupResult.newBuilder().setKey(key);
                if (shop != null) {
                    result.setFound(true).setShop(counted(shop));
                }
                answer.addResults(result);
            }
            response.onNext(answer.build());
            response.onCompleted();
        }

        @Override
        public void listShopStrikes(ListShopStrikesRequest request, StreamObserver<ListShopStrikesResponse> response) {
            List<Strike> all = STRIKES.getOrDefault(request.getShop(), List.of()).stream()
                    .filter(s -> request.getIncludeInactive() || s.getLive())
                    .sorted(Comparator.comparing((Strike s) -> -s.getIssuedAt().getSeconds()).thenComparing(Strike::getId))
                    .toList();
            PageInfo.Builder info = PageInfo.newBuilder();
            paged(response, () -> ListShopStrikesResponse.newBuilder().addAllStrikes(page(all, request.getPage(), info))
                    .setPageInfo(info).build());
        }

        @Override
        public void listShopEvents(ListShopEventsRequest request, StreamObserver<ListShopEventsResponse> response) {
            PageInfo.Builder info = PageInfo.newBuilder();
            paged(response, () -> ListShopEventsResponse.newBuilder().addAllEvents(
                    page(EVENTS.getOrDefault(request.getShop(), List.of()), request.getPage(), info))
                    .setPageInfo(info).build());
        }

        @Override
        public synchronized void rescoreBrand(RescoreBrandRequest request, StreamObserver<RescoreBrandResponse> response) {
            if (!FakeBrandRegistry.BRANDS.containsKey(request.getBrandId())) {
                response.onError(FakeBrandRegistry.refusal(Status.Code.NOT_FOUND, "brand_id", "BRAND_NOT_FOUND",
                        "No such brand"));
                return;
            }
            RescoreJob pending = JOBS.values().stream().filter(j -> j.getBrandId().equals(request.getBrandId())
                    && j.getStatus() == RescoreJobStatus.RESCORE_JOB_STATUS_PENDING).findFirst().orElse(null);
            if (pending != null) {
                response.onNext(RescoreBrandResponse.newBuilder().setJob(pending).setCreated(false).build());
                response.onCompleted();
                return;
            }
            RescoreJob job = RescoreJob.newBuilder().setId(UUID.randomUUID().toString()).setBrandId(request.getBrandId())
                    .setStatus(RescoreJobStatus.RESCORE_JOB_STATUS_PENDING).setReason(request.getReason())
                    .setCreatedAt(tick()).build();
            JOBS.put(job.getId(), job);
            response.onNext(RescoreBrandResponse.newBuilder().setJob(job).setCreated(true).build());
            response.onCompleted();
        }

        @Override
        public void getRescoreJob(GetRescoreJobRequest request, StreamObserver<GetRescoreJobResponse> response) {
            RescoreJob job = JOBS.get(request.getId());
            if (job == null) {
                response.onError(FakeBrandRegistry.refusal(Status.Code.NOT_FOUND, "id", "JOB_NOT_FOUND", "No such job"));
                return;
            }
            response.onNext(GetRescoreJobResponse.newBuilder().setJob(job).build());
            response.onCompleted();
        }
    }
}

package io.cloudsword.complaint.support;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.Timestamp;

import io.cloudsword.api.common.v1.ErrorDetail;
import io.cloudsword.api.common.v1.ItemError;
import io.cloudsword.api.listing.v1.*;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in listing-service on a real gRPC port, idempotent as the real one: a takedown is a
 * hold per (listing, notice) that a repeated delivery does not add twice; a restore releases it;
 * strikes are one per (shop, notice). It counts every effect that changed something, so tests
 * can prove that at-least-once delivery had an exactly-once effect, and it can be stopped and
 * started again on the same port (listing-service restarting).
 */
@QuarkusTestResource(value = FakeListingService.class, restrictToAnnotatedClass = false)
public class FakeListingService implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE_TOKEN = "fake-complaint-service-token";

    private static final Map<String, Listing> LISTINGS = new ConcurrentHashMap<>();
    private static final Map<String, Set<String>> HOLDS = new ConcurrentHashMap<>();
    /** (listing|notice) -> how many calls changed the hold: 1 after any number of redeliveries. */
    private static final Map<String, AtomicInteger> TAKEDOWN_EFFECTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> RESTORE_EFFECTS = new ConcurrentHashMap<>();
    private static final Map<String, String> STRIKES = new ConcurrentHashMap<>();
    private static final Set<String> REVOKED = ConcurrentHashMap.newKeySet();
    private static final Map<String, Boolean> REPORTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, String> AUTHORIZATIONS = new ConcurrentHashMap<>();
    private static volatile Server server;
    private static volatile int port;

    @Override
    public Map<String, String> start() {
        startServer(0);
        String p = Integer.toString(port);
        return Map.of("cloudsword.listing.host", "localhost", "cloudsword.listing.port", p,
                "quarkus.grpc.clients.listing.test-port", p, "cloudsword.service-auth.token", SERVICE_TOKEN);
    }

    @Override
    public void stop() {
        stopServer();
    }

    private static synchronized void startServer(int onPort) {
        try {
            server = NettyServerBuilder.forPort(onPort).addService(new Service())
                    .intercept(new AuthorizationRecorder(AUTHORIZATIONS)).build().start();
            port = server.getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** listing-service goes away: calls to it fail with UNAVAILABLE until {@link #restart}. */
    public static synchronized void stopServer() {
        if (server != null) {
            server.shutdownNow();
            try {
                server.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    /** listing-service comes back on the same port, with its data (it lives in its database). */
    public static synchronized void restart() {
        startServer(port);
    }

    // ----- data

    /** A listing on the platform, in the shop. */
    public static Listing listing(String platform, String externalId, String shopId) {
        String id = UUID.randomUUID().toString();
        Listing l = Listing.newBuilder().setId(id).setState(ListingState.LISTING_STATE_ACTIVE)
                .setCreatedAt(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond() - 86_400))
                .setData(ListingInput.newBuilder().setPlatform(platform).setExternalId(externalId).setShopId(shopId)
                        .setTitle("Listing " + externalId).setUrl("https://" + platform + ".example/item/" + externalId))
                .build();
        LISTINGS.put(id, l);
        return l;
    }

    public static ListingState state(String listingId) {
        Set<String> holds = HOLDS.get(listingId);
        return holds == null || holds.isEmpty() ? ListingState.LISTING_STATE_ACTIVE : ListingState.LISTING_STATE_TAKEN_DOWN;
    }

    public static Set<String> holds(String listingId) {
        return Set.copyOf(HOLDS.getOrDefault(listingId, Set.of()));
    }

    /** How many calls actually took the listing down for the notice (1 = exactly once). */
    public static int takedownEffects(String listingId, String noticeId) {
        AtomicInteger n = TAKEDOWN_EFFECTS.get(listingId + "|" + noticeId);
        return n == null ? 0 : n.get();
    }

    public static int restoreEffects(String listingId, String noticeId) {
        AtomicInteger n = RESTORE_EFFECTS.get(listingId + "|" + noticeId);
        return n == null ? 0 : n.get();
    }

    /** The strike recorded for (platform, shop, notice), or null. */
    public static String strike(String platform, String shopId, String noticeId) {
        return STRIKES.get(platform + "|" + shopId + "|" + noticeId);
    }

    public static boolean strikeRevoked(String strikeId) {
        return REVOKED.contains(strikeId);
    }

    /** Whether listing-service heard of the consumer report, and whether it was dismissed. */
    public static Boolean report(String reportId) {
        return REPORTS.get(reportId);
    }

    public static int calls(String method) {
        AtomicInteger n = CALLS.get(method);
        return n == null ? 0 : n.get();
    }

    public static String authorization(String method) {
        return AUTHORIZATIONS.get(method);
    }

    private static Listing find(ListingKey key) {
        return switch (key.getKeyCase()) {
            case ID -> LISTINGS.get(key.getId());
            case EXTERNAL -> LISTINGS.values().stream().filter(l -> l.getData().getPlatform()
                    .equals(key.getExternal().getPlatform()) && l.getData().getExternalId()
                            .equals(key.getExternal().getExternalId())).findFirst().orElse(null);
            case URL -> LISTINGS.values().stream().filter(l -> l.getData().getUrl().equals(key.getUrl())).findFirst()
                    .orElse(null);
            default -> null;
        };
    }

    private static ItemError notFound(String listingId) {
        return ItemError.newBuilder().setCode(Status.Code.NOT_FOUND.value()).setDetail(ErrorDetail.newBuilder()
                .setReason("LISTING_NOT_FOUND").setField("listing_id").setMessage("No listing " + listingId)).build();
    }

    private static void count(String method) {
        CALLS.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
    }

    static final class Service extends ListingServiceGrpc.ListingServiceImplBase {

        @Override
        public void batchGetListings(BatchGetListingsRequest request, StreamObserver<BatchGetListingsResponse> out) {
            count("BatchGetListings");
            BatchGetListingsResponse.Builder b = BatchGetListingsResponse.newBuilder();
            for (ListingKey key : request.getKeysList()) {
                Listing l = find(key);
                ListingLookupResult.Builder r = ListingLookupResult.newBuilder().setKey(key).setFound(l != null);
                if (l != null) {
                    r.setListing(l.toBuilder().setState(state(l.getId())));
                }
                b.addResults(r);
            }
            out.onNext(b.build());
            out.onCompleted();
        }

        @Override
        public void batchTakeDownListings(BatchTakeDownListingsRequest request,
                StreamObserver<BatchTakeDownListingsResponse> out) {
            count("BatchTakeDownListings");
            BatchTakeDownListingsResponse.Builder b = BatchTakeDownListingsResponse.newBuilder();
            for (TakeDownListingRequest r : request.getRequestsList()) {
                ListingStateChangeResult.Builder result = ListingStateChangeResult.newBuilder()
                        .setListingId(r.getListingId()).setNoticeId(r.getNoticeId());
                if (!LISTINGS.containsKey(r.getListingId())) {
                    b.addResults(result.setError(notFound(r.getListingId())));
                    continue;
                }
                boolean changed = HOLDS.computeIfAbsent(r.getListingId(), k -> ConcurrentHashMap.newKeySet())
                        .add(r.getNoticeId());
                if (changed) {
                    TAKEDOWN_EFFECTS.computeIfAbsent(r.getListingId() + "|" + r.getNoticeId(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
                b.addResults(result.setChanged(changed).setState(state(r.getListingId())));
            }
            out.onNext(b.build());
            out.onCompleted();
        }

        @Override
        public void batchRestoreListings(BatchRestoreListingsRequest request,
                StreamObserver<BatchRestoreListingsResponse> out) {
            count("BatchRestoreListings");
            BatchRestoreListingsResponse.Builder b = BatchRestoreListingsResponse.newBuilder();
            for (RestoreListingRequest r : request.getRequestsList()) {
                ListingStateChangeResult.Builder result = ListingStateChangeResult.newBuilder()
                        .setListingId(r.getListingId()).setNoticeId(r.getNoticeId());
                if (!LISTINGS.containsKey(r.getListingId())) {
                    b.addResults(result.setError(notFound(r.getListingId())));
                    continue;
                }
                Set<String> holds = HOLDS.get(r.getListingId());
                boolean changed = holds != null && holds.remove(r.getNoticeId());
                if (changed) {
                    RESTORE_EFFECTS.computeIfAbsent(r.getListingId() + "|" + r.getNoticeId(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
                b.addResults(result.setChanged(changed).setState(state(r.getListingId())));
            }
            out.onNext(b.build());
            out.onCompleted();
        }

        @Override
        public void addStrike(AddStrikeRequest request, StreamObserver<AddStrikeResponse> out) {
            count("AddStrike");
            String key = request.getShop().getPlatform() + "|" + request.getShop().getShopId() + "|"
                    + request.getNoticeId();
            boolean created = !STRIKES.containsKey(key);
            String id = STRIKES.computeIfAbsent(key, k -> UUID.randomUUID().toString());
            out.onNext(AddStrikeResponse.newBuilder().setCreated(created).setStrike(Strike.newBuilder().setId(id)
                    .setPlatform(request.getShop().getPlatform()).setShopId(request.getShop().getShopId())
                    .setNoticeId(request.getNoticeId())).build());
            out.onCompleted();
        }

        @Override
        public void revokeStrike(RevokeStrikeRequest request, StreamObserver<RevokeStrikeResponse> out) {
            count("RevokeStrike");
            String id = STRIKES.get(request.getShop().getPlatform() + "|" + request.getShop().getShopId() + "|"
                    + request.getNoticeId());
            if (id == null) {
                out.onError(Status.NOT_FOUND.withDescription("STRIKE_NOT_FOUND").asRuntimeException());
                return;
            }
            boolean changed = REVOKED.add(id);
            out.onNext(RevokeStrikeResponse.newBuilder().setChanged(changed).setStrike(Strike.newBuilder().setId(id))
                    .build());
            out.onCompleted();
        }

        @Override
        public void recordConsumerReport(RecordConsumerReportRequest request,
                StreamObserver<RecordConsumerReportResponse> out) {
            count("RecordConsumerReport");
            REPORTS.put(request.getReportId(), request.getDismissed());
            out.onNext(RecordConsumerReportResponse.newBuilder().setChanged(true).build());
            out.onCompleted();
        }
    }

}

package io.cloudsword.gateway.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.api.listing.v1.BatchGetListingsRequest;
import io.cloudsword.api.listing.v1.BatchListBrandListingsRequest;
import io.cloudsword.api.listing.v1.BatchListListingTransitionsRequest;
import io.cloudsword.api.listing.v1.BrandListings;
import io.cloudsword.api.listing.v1.ListingTransitions;
import io.cloudsword.api.listing.v1.BatchGetShopsRequest;
import io.cloudsword.api.listing.v1.IngestListingsRequest;
import io.cloudsword.api.listing.v1.IngestListingsResponse;
import io.cloudsword.api.listing.v1.Listing;
import io.cloudsword.api.listing.v1.ListingKey;
import io.cloudsword.api.listing.v1.ListingLookupResult;
import io.cloudsword.api.listing.v1.MutinyListingServiceGrpc.MutinyListingServiceStub;
import io.cloudsword.api.listing.v1.Shop;
import io.cloudsword.api.listing.v1.ShopKey;
import io.cloudsword.api.listing.v1.ShopLookupResult;
import io.cloudsword.gateway.error.ApiError;
import io.cloudsword.gateway.error.ErrorCode;
import io.cloudsword.gateway.error.GrpcFailures;
import io.cloudsword.gateway.security.Caller;
import io.cloudsword.gateway.security.CallerIdentity;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One call to listing-service as every resolver makes it: check the caller, call with a fresh
 * deadline (ForwardAuthorization passes the caller's token on; listing-service decides who may
 * see and do what), and turn a failure into an ApiError with code, field and reason.
 */
@ApplicationScoped
public class ListingCalls {

    /** Largest key list BatchGetListings and BatchGetShops accept. */
    static final int BATCH_CAP = 500;
    /** Largest chunk IngestListings accepts; ingestListings takes one chunk per call. */
    static final int INGEST_CHUNK_CAP = 1000;

    private final MutinyListingServiceStub listing;
    private final CallerIdentity identity;
    private final Duration deadline;
    private final Duration ingestDeadline;

    public ListingCalls(@GrpcClient("listing") MutinyListingServiceStub listing, CallerIdentity identity,
            @ConfigProperty(name = "cloudsword.grpc.deadline") Duration deadline,
            @ConfigProperty(name = "cloudsword.listing.ingest-deadline") Duration ingestDeadline) {
        this.listing = listing;
        this.identity = identity;
        this.deadline = deadline;
        this.ingestDeadline = ingestDeadline;
    }

    /** A stub whose deadline starts now: a deadline is a point in time, so it is set per call. */
    MutinyListingServiceStub stub() {
        return listing.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@code check} runs before any service call and refuses by throwing an ApiError. */
    <T> Uni<T> call(Consumer<Caller> check, Function<MutinyListingServiceStub, Uni<T>> rpc) {
        return identity.current()
                .invoke(check)
                .flatMap(caller -> rpc.apply(stub()))
                .onFailure().transform(GrpcFailures::toApiError);
    }

    /** For nested fields whose parent already checked the caller. */
    <T> Uni<T> nested(Function<MutinyListingServiceStub, Uni<T>> rpc) {
        return Uni.createFrom().deferred(() -> rpc.apply(stub())).onFailure().transform(GrpcFailures::toApiError);
    }

    /**
     * One chunk through the bidirectional IngestListings stream: send it, half-close, read its one
     * answer. Scoring a full chunk of 1,000 listings takes longer than a lookup, so the stream has
     * its own deadline (cloudsword.listing.ingest-deadline).
     */
    Uni<IngestListingsResponse> ingestChunk(IngestListingsRequest chunk) {
        return listing.withDeadlineAfter(ingestDeadline.toMillis(), TimeUnit.MILLISECONDS)
                .ingestListings(Multi.createFrom().item(chunk))
                .collect().asList()
                .map(answers -> answers.stream().filter(a -> a.getChunkId().equals(chunk.getChunkId())).findFirst()
                        .orElseThrow(() -> new ApiError(ErrorCode.INTERNAL, null, "INTERNAL",
                                "listing-service closed the ingest stream without answering the chunk")))
                .onFailure().transform(GrpcFailures::toApiError);
    }

    /**
     * Listings by id for batch resolvers and federation: one BatchGetListings per 500 distinct
     * ids, whatever the number of parents. The answer is aligned with {@code ids}: null where a
     * listing is unknown, malformed, or one the caller may not see.
     */
    Uni<List<Listing>> listingsById(List<String> ids) {
        List<String> distinct = ids.stream().filter(id -> id != null && !id.isEmpty()).distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(ids.stream().map(id -> (Listing) null).toList());
        }
        List<Uni<Map<String, Listing>>> calls = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += BATCH_CAP) {
            List<String> chunk = distinct.subList(i, Math.min(i + BATCH_CAP, distinct.size()));
            BatchGetListingsRequest.Builder request = BatchGetListingsRequest.newBuilder();
            chunk.forEach(id -> request.addKeys(ListingKey.newBuilder().setId(id)));
            calls.add(stub().batchGetListings(request.build()).map(r -> {
                // answered per key in request order
                Map<String, Listing> found = new HashMap<>();
                for (int k = 0; k < Math.min(chunk.size(), r.getResultsCount()); k++) {
                    ListingLookupResult result = r.getResults(k);
                    if (result.getFound()) {
                        found.put(chunk.get(k), result.getListing());
                    }
                }
                return found;
            }));
        }
        return Uni.join().all(calls).andFailFast().map(maps -> {
            Map<String, Listing> all = new HashMap<>();
            maps.forEach(all::putAll);
            List<Listing> aligned = new ArrayList<>(ids.size());
            ids.forEach(id -> aligned.add(id == null ? null : all.get(id)));
            return aligned;
        }).onFailure().transform(GrpcFailures::toApiError);
    }

    /**
     * The highest-scored listings of each brand that the caller may see, for Brand.listings: one
     * BatchListBrandListings per 500 distinct brands.
     */
    Uni<Map<String, BrandListings>> firstListingsOfBrands(Collection<String> brandIds) {
        // listing readers only (consumers and anonymous callers see brands, not their listings)
        return identity.current().invoke(Access::listingReader).flatMap(caller -> BrandRegistryCalls.inChunks(
                brandIds, chunk -> stub().batchListBrandListings(BatchListBrandListingsRequest.newBuilder()
                        .addAllBrandIds(chunk).build())
                        .map(r -> r.getResultsList().stream().filter(b -> !b.hasError())
                                .collect(Collectors.toMap(BrandListings::getBrandId, b -> b, (a, b) -> a)))));
    }

    /** The first transitions of each listing, for Listing.transitions: one call per 500 distinct listings. */
    Uni<Map<String, ListingTransitions>> firstTransitionsOfListings(Collection<String> listingIds) {
        return BrandRegistryCalls.inChunks(listingIds, chunk -> stub().batchListListingTransitions(
                BatchListListingTransitionsRequest.newBuilder().addAllListingIds(chunk).build())
                .map(r -> r.getResultsList().stream().filter(t -> !t.hasError())
                        .collect(Collectors.toMap(ListingTransitions::getListingId, t -> t, (a, b) -> a))));
    }

    /**
     * Shops by (platform, shop id) for batch resolvers: one BatchGetShops per 500 distinct keys.
     * Unknown shops (a shop exists once a listing or strike named it) are absent from the map.
     */
    Uni<Map<ShopKey, Shop>> shopsByKey(Collection<ShopKey> keys) {
        List<ShopKey> distinct = keys.stream().filter(k -> k != null && !k.getShopId().isEmpty()).distinct()
                .toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<Map<ShopKey, Shop>>> calls = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += BATCH_CAP) {
            List<ShopKey> chunk = distinct.subList(i, Math.min(i + BATCH_CAP, distinct.size()));
            calls.add(stub().batchGetShops(BatchGetShopsRequest.newBuilder().addAllShops(chunk).build()).map(r -> {
                // answered per key in request order, so the key asked for finds its shop however the
                // service writes the platform
                Map<ShopKey, Shop> found = new HashMap<>();
                for (int k = 0; k < Math.min(chunk.size(), r.getResultsCount()); k++) {
                    ShopLookupResult result = r.getResults(k);
                    if (result.getFound()) {
                        found.put(chunk.get(k), result.getShop());
                    }
                }
                return found;
            }));
        }
        return Uni.join().all(calls).andFailFast().map(maps -> {
            Map<ShopKey, Shop> all = new HashMap<>();
            maps.forEach(all::putAll);
            return all;
        }).onFailure().transform(GrpcFailures::toApiError);
    }

    static ShopKey shopKey(String platform, String shopId) {
        return ShopKey.newBuilder().setPlatform(Inputs.orEmpty(platform)).setShopId(Inputs.orEmpty(shopId)).build();
    }
}

package io.cloudsword.gateway.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.api.brand.v1.BatchGetBrandsRequest;
import io.cloudsword.api.brand.v1.BatchGetRightsOwnersRequest;
import io.cloudsword.api.brand.v1.BatchGetProductsByGtinRequest;
import io.cloudsword.api.brand.v1.BatchListBrandProductsRequest;
import io.cloudsword.api.brand.v1.BatchListBrandTrademarksRequest;
import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandProducts;
import io.cloudsword.api.brand.v1.BrandTrademarks;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.brand.v1.ProductLookupResult;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.MutinyBrandRegistryServiceGrpc.MutinyBrandRegistryServiceStub;
import io.cloudsword.gateway.error.GrpcFailures;
import io.cloudsword.gateway.security.Caller;
import io.cloudsword.gateway.security.CallerIdentity;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * One call to brand-registry-service as every resolver makes it: check the caller, call with a
 * fresh deadline (the caller's token is forwarded by ForwardAuthorization), and turn a failure
 * into an ApiError with code, field and reason.
 */
@ApplicationScoped
public class BrandRegistryCalls {

    /** Largest id list BatchGetBrands and BatchGetRightsOwners accept. */
    static final int BATCH_CAP = 500;
    /** Largest GTIN list BatchGetProductsByGtin accepts. */
    static final int GTIN_BATCH_CAP = 1000;

    private final MutinyBrandRegistryServiceStub brandRegistry;
    private final CallerIdentity identity;
    private final Duration deadline;

    public BrandRegistryCalls(@GrpcClient("brand-registry") MutinyBrandRegistryServiceStub brandRegistry,
            CallerIdentity identity, @ConfigProperty(name = "cloudsword.grpc.deadline") Duration deadline) {
        this.brandRegistry = brandRegistry;
        this.identity = identity;
        this.deadline = deadline;
    }

    /** A stub whose deadline starts now: a deadline is a point in time, so it is set per call. */
    MutinyBrandRegistryServiceStub stub() {
        return brandRegistry.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@code check} runs before any service call and refuses by throwing an ApiError. */
    <T> Uni<T> call(Consumer<Caller> check, Function<MutinyBrandRegistryServiceStub, Uni<T>> rpc) {
        return identity.current()
                .invoke(check)
                .flatMap(caller -> rpc.apply(stub()))
                .onFailure().transform(GrpcFailures::toApiError);
    }

    /**
     * Brands by id for a batch resolver: one BatchGetBrands per 500 distinct ids (the RPC's cap),
     * whatever the number of parents. Unknown ids are absent from the map.
     */
    public Uni<Map<String, Brand>> brandsById(Collection<String> ids) {
        return inChunks(ids, chunk -> stub().batchGetBrands(BatchGetBrandsRequest.newBuilder().addAllIds(chunk).build())
                .map(r -> r.getBrandsList().stream().collect(Collectors.toMap(Brand::getId, b -> b, (a, b) -> a))));
    }

    /**
     * Registered products by GTIN-14 for a batch resolver (code batches, verifications, the
     * consumer page): one BatchGetProductsByGtin per 1,000 distinct GTINs. GTINs with no product,
     * and invalid ones, are absent from the map.
     */
    public Uni<Map<String, Product>> productsByGtin(Collection<String> gtins) {
        List<String> distinct = gtins.stream().filter(g -> g != null && !g.isEmpty()).distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<Map<String, Product>>> calls = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += GTIN_BATCH_CAP) {
            List<String> chunk = distinct.subList(i, Math.min(i + GTIN_BATCH_CAP, distinct.size()));
            calls.add(stub().batchGetProductsByGtin(BatchGetProductsByGtinRequest.newBuilder().addAllGtins(chunk).build())
                    .map(r -> r.getResultsList().stream().filter(ProductLookupResult::getFound)
                            .collect(Collectors.toMap(l -> l.getProduct().getGtin(), ProductLookupResult::getProduct,
                                    (a, b) -> a))));
        }
        return Uni.join().all(calls).andFailFast().map(maps -> {
            Map<String, Product> all = new HashMap<>();
            maps.forEach(all::putAll);
            return all;
        }).onFailure().transform(GrpcFailures::toApiError);
    }

    /** Owners by id; the service leaves out ids the caller may not see, so those are absent too. */
    Uni<Map<String, RightsOwner>> ownersById(Collection<String> ids) {
        return inChunks(ids, chunk -> stub()
                .batchGetRightsOwners(BatchGetRightsOwnersRequest.newBuilder().addAllIds(chunk).build())
                .map(r -> r.getOwnersList().stream()
                        .collect(Collectors.toMap(RightsOwner::getId, o -> o, (a, b) -> a))));
    }

    /**
     * The first trademarks of each brand for Brand.trademarks: one BatchListBrandTrademarks per 500
     * distinct brands. Brands with an item error (unknown, malformed) are absent from the map.
     */
    Uni<Map<String, BrandTrademarks>> firstTrademarksOfBrands(Collection<String> brandIds) {
        return inChunks(brandIds, chunk -> stub().batchListBrandTrademarks(BatchListBrandTrademarksRequest.newBuilder()
                .addAllBrandIds(chunk).build()).map(r -> r.getResultsList().stream().filter(t -> !t.hasError())
                        .collect(Collectors.toMap(BrandTrademarks::getBrandId, t -> t, (a, b) -> a))));
    }

    /** The first products of each brand for Brand.products: one BatchListBrandProducts per 500 distinct brands. */
    Uni<Map<String, BrandProducts>> firstProductsOfBrands(Collection<String> brandIds) {
        return inChunks(brandIds, chunk -> stub().batchListBrandProducts(BatchListBrandProductsRequest.newBuilder()
                .addAllBrandIds(chunk).build()).map(r -> r.getResultsList().stream().filter(p -> !p.hasError())
                        .collect(Collectors.toMap(BrandProducts::getBrandId, p -> p, (a, b) -> a))));
    }

    /**
     * Calls {@code batch} once per {@link #BATCH_CAP} distinct non-empty ids, all at once, and merges
     * the answers; a failed call fails the whole (the fields that asked get its error).
     */
    static <V> Uni<Map<String, V>> inChunks(Collection<String> ids,
            Function<List<String>, Uni<Map<String, V>>> batch) {
        List<String> distinct = ids.stream().filter(id -> id != null && !id.isEmpty()).distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<Map<String, V>>> calls = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += BATCH_CAP) {
            calls.add(batch.apply(distinct.subList(i, Math.min(i + BATCH_CAP, distinct.size()))));
        }
        return Uni.join().all(calls).andFailFast().map(maps -> {
            Map<String, V> all = new HashMap<>();
            maps.forEach(all::putAll);
            return all;
        }).onFailure().transform(GrpcFailures::toApiError);
    }

    /** For nested fields whose parent already checked the caller. */
    <T> Uni<T> nested(Function<MutinyBrandRegistryServiceStub, Uni<T>> rpc) {
        return Uni.createFrom().deferred(() -> rpc.apply(stub())).onFailure().transform(GrpcFailures::toApiError);
    }
}

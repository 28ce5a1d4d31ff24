package io.cloudsword.listing.brand;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.cloudsword.api.brand.v1.BatchGetBrandsRequest;
import io.cloudsword.api.brand.v1.BatchGetProductsByGtinRequest;
import io.cloudsword.api.brand.v1.BatchIsAuthorizedSellerRequest;
import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.BrandChangeKind;
import io.cloudsword.api.brand.v1.IsAuthorizedSellerRequest;
import io.cloudsword.api.brand.v1.ListBrandsRequest;
import io.cloudsword.api.brand.v1.ListBrandsResponse;
import io.cloudsword.api.brand.v1.MutinyBrandRegistryServiceGrpc.MutinyBrandRegistryServiceStub;
import io.cloudsword.api.brand.v1.ProductLookupResult;
import io.cloudsword.api.brand.v1.SellerAuthorization;
import io.cloudsword.api.brand.v1.WatchBrandChangesRequest;
import io.cloudsword.api.brand.v1.WatchBrandChangesResponse;
import io.cloudsword.api.common.v1.PageRequest;
import io.cloudsword.kit.auth.ServiceIdentity;
import io.cloudsword.kit.error.DomainException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * The calls listing-service makes to brand-registry-service, on its own identity
 * ({@link ServiceIdentity}: WatchBrandChanges and BatchIsAuthorizedSeller need the system role),
 * each with a deadline. A request larger than the registry's batch limit is split, so one call
 * here may be several RPCs; a chunk of up to 1,000 listings never needs more than one.
 * <p>
 * Blocking (the brand cache runs on worker threads). Whatever goes wrong on the way (no answer in
 * time, connection refused, a refused identity) is UNAVAILABLE / DEPENDENCY_UNAVAILABLE to the
 * caller: the cache cannot answer without the registry, and a retry later may succeed.
 */
@ApplicationScoped
public class BrandRegistryClient {

    /** brand-registry's limits: BatchGetBrands 500 ids, the other batches 1,000 items, pages 500. */
    static final int MAX_BRAND_IDS = 500;
    static final int MAX_ITEMS = 1_000;
    static final int PAGE_SIZE = 500;
    private static final Logger LOG = Logger.getLogger(BrandRegistryClient.class);

    private final MutinyBrandRegistryServiceStub registry;
    private final ServiceIdentity identity;
    private final Duration deadline;

    @Inject
    public BrandRegistryClient(@GrpcClient("brand-registry") MutinyBrandRegistryServiceStub registry,
            ServiceIdentity identity,
            @ConfigProperty(name = "cloudsword.brand-registry.deadline", defaultValue = "5s") Duration deadline) {
        this.registry = registry;
        this.identity = identity;
        this.deadline = deadline;
    }

    private MutinyBrandRegistryServiceStub stub() {
        return identity.authorize(registry).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every brand of the registry, page by page. */
    public List<Brand> listAllBrands() {
        List<Brand> all = new ArrayList<>();
        String after = "";
        while (true) {
            String cursor = after;
            ListBrandsResponse page = call("ListBrands", () -> stub().listBrands(ListBrandsRequest.newBuilder()
                    .setPage(PageRequest.newBuilder().setFirst(PAGE_SIZE).setAfter(cursor)).build()));
            all.addAll(page.getBrandsList());
            if (!page.getPageInfo().getHasNextPage() || page.getPageInfo().getEndCursor().isEmpty()) {
                return all;
            }
            after = page.getPageInfo().getEndCursor();
        }
    }

    /** The brands that exist among {@code ids}; missing ones are simply absent. */
    public List<Brand> brands(Collection<String> ids) {
        return chunked(new ArrayList<>(ids), MAX_BRAND_IDS, chunk -> call("BatchGetBrands",
                () -> stub().batchGetBrands(BatchGetBrandsRequest.newBuilder().addAllIds(chunk).build()))
                .getBrandsList());
    }

    /** One result per GTIN, in order. */
    public List<ProductLookupResult> productsByGtin(List<String> gtin14s) {
        return chunked(gtin14s, MAX_ITEMS, chunk -> call("BatchGetProductsByGtin",
                () -> stub().batchGetProductsByGtin(BatchGetProductsByGtinRequest.newBuilder().addAllGtins(chunk).build()))
                .getResultsList());
    }

    /** One answer per check, in order. */
    public List<SellerAuthorization> authorizedSellers(List<IsAuthorizedSellerRequest> checks) {
        return chunked(checks, MAX_ITEMS, chunk -> call("BatchIsAuthorizedSeller",
                () -> stub().batchIsAuthorizedSeller(BatchIsAuthorizedSellerRequest.newBuilder().addAllChecks(chunk).build()))
                .getResultsList());
    }

    /**
     * The change stream from after {@code afterSequence} (null: from now on). No deadline: the
     * stream is meant to stay open; the watcher notices a dead one by its missing heartbeats.
     */
    public Multi<WatchBrandChangesResponse> watch(Long afterSequence, List<BrandChangeKind> kinds) {
        WatchBrandChangesRequest.Builder request = WatchBrandChangesRequest.newBuilder().addAllKinds(kinds);
        if (afterSequence != null) {
            request.setAfterSequence(afterSequence);
        }
        return Multi.createFrom().deferred(() -> identity.authorize(registry).watchBrandChanges(request.build()));
    }

    private static <T, R> List<R> chunked(List<T> items, int size, Function<List<T>, List<R>> call) {
        if (items.isEmpty()) {
            return List.of();
        }
        if (items.size() <= size) {
            return call.apply(items);
        }
        List<R> out = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += size) {
            out.addAll(call.apply(items.subList(from, Math.min(items.size(), from + size))));
        }
        return out;
    }

    private <T> T call(String method, Supplier<Uni<T>> rpc) {
        try {
            // the gRPC deadline ends the call; the await bound only guards against a lost answer
            return rpc.get().await().atMost(deadline.plusSeconds(1));
        } catch (DomainException e) {
            throw e; // no service token: already UNAVAILABLE
        } catch (StatusRuntimeException | TimeoutException e) {
            throw unavailable(method, e);
        } catch (RuntimeException e) {
            // not the registry's answer: a fault on this side, logged where it can be found
            LOG.errorf(e, "Calling brand-registry %s failed", method);
            throw unavailable(method, e);
        }
    }

    static DomainException unavailable(String method, Throwable failure) {
        Status.Code code = Status.fromThrowable(failure).getCode();
        if (code == Status.Code.UNAUTHENTICATED || code == Status.Code.PERMISSION_DENIED) {
            // a deployment mistake rather than an outage: say so in the log, where an operator looks
            LOG.errorf("brand-registry refused listing-service's identity on %s (%s): configure "
                    + "cloudsword.service-auth.* with a token that has the system role", method, code);
        }
        return DomainException.unavailable("DEPENDENCY_UNAVAILABLE", "brand-registry-service did not answer "
                + method + " (" + (code == Status.Code.UNKNOWN ? failure.getClass().getSimpleName() : code)
                + "); retry later");
    }
}

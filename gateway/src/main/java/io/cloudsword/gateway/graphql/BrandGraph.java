package io.cloudsword.gateway.graphql;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.cloudsword.api.brand.v1.BatchGetBrandsRequest;
import io.cloudsword.api.brand.v1.MutinyBrandRegistryServiceGrpc.MutinyBrandRegistryServiceStub;
import io.cloudsword.api.brand.v1.GetBrandRequest;
import io.cloudsword.api.brand.v1.GetRightsOwnerRequest;
import io.cloudsword.gateway.error.ApiError;
import io.cloudsword.gateway.error.GrpcFailures;
import io.cloudsword.gateway.security.Caller;
import io.cloudsword.gateway.security.CallerIdentity;
import io.cloudsword.gateway.security.Role;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;

/** brand-registry-service's slice of the graph. */
@GraphQLApi
@Link(url = "https://specs.apollo.dev/federation/v2.3", _import = { @Import(name = "@key") })
public class BrandGraph {

    private final MutinyBrandRegistryServiceStub brandRegistry;
    private final CallerIdentity identity;
    private final Duration deadline;

    public BrandGraph(@GrpcClient("brand-registry") MutinyBrandRegistryServiceStub brandRegistry,
            CallerIdentity identity, @ConfigProperty(name = "cloudsword.grpc.deadline") Duration deadline) {
        this.brandRegistry = brandRegistry;
        this.identity = identity;
        this.deadline = deadline;
    }

    /** A stub whose deadline starts now: a deadline is a point in time, so it is set per call. */
    private MutinyBrandRegistryServiceStub brands() {
        return brandRegistry.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Query
    @Description("A brand by id. Any signed-in role may read brands. Also resolves the Brand entity for federation.")
    public Uni<BrandView> brand(@Id @NonNull String id) {
        return identity.current()
                .invoke(Caller::requireSignedIn)
                .flatMap(caller -> brands().getBrand(GetBrandRequest.newBuilder().setId(id).build()))
                .map(r -> BrandView.of(r.getBrand()))
                .onFailure().transform(GrpcFailures::toApiError);
    }

    @Query
    @Description("Several brands in one call, in the order asked; unknown ids are left out.")
    public Uni<List<BrandView>> brands(@Id @NonNull List<@NonNull String> ids) {
        return identity.current()
                .invoke(Caller::requireSignedIn)
                .flatMap(caller -> brands().batchGetBrands(BatchGetBrandsRequest.newBuilder().addAllIds(ids).build()))
                .map(r -> r.getBrandsList().stream().map(BrandView::of).toList())
                .onFailure().transform(GrpcFailures::toApiError);
    }

    @Query
    @Description("A rights owner with its contact data: the owner itself, reviewers and admins only.")
    public Uni<RightsOwnerView> rightsOwner(@Id @NonNull String id) {
        return identity.current()
                .invoke(caller -> requireOwnerOrStaff(caller.require(Role.RIGHTS_OWNER, Role.REVIEWER, Role.ADMIN),
                        id))
                .flatMap(caller -> brands().getRightsOwner(GetRightsOwnerRequest.newBuilder().setId(id).build()))
                .map(r -> RightsOwnerView.of(r.getOwner()))
                .onFailure().transform(GrpcFailures::toApiError);
    }

    @Mutation
    @Description("Registers a company as a rights owner (PENDING until a reviewer verifies it). Idempotent on "
            + "country and trade-register number.")
    public Uni<RightsOwnerView> registerRightsOwner(@NonNull RegisterRightsOwnerInput input) {
        return identity.current()
                .invoke(caller -> caller.require(Role.RIGHTS_OWNER, Role.ADMIN))
                .flatMap(caller -> brands().registerRightsOwner(input.toRequest()))
                .map(r -> RightsOwnerView.of(r.getOwner()))
                .onFailure().transform(GrpcFailures::toApiError);
    }

    @Mutation
    @Description("Registers a brand for its owner. Idempotent on the owner and the folded name.")
    public Uni<BrandView> registerBrand(@NonNull RegisterBrandInput input) {
        return identity.current()
                .invoke(caller -> requireOwnerOrStaff(caller.require(Role.RIGHTS_OWNER, Role.ADMIN), input.ownerId))
                .flatMap(caller -> brands().registerBrand(input.toRequest()))
                .map(r -> BrandView.of(r.getBrand()))
                .onFailure().transform(GrpcFailures::toApiError);
    }

    /** A rights owner acts only on its own records; reviewers and admins act on any. */
    private static void requireOwnerOrStaff(Caller caller, String ownerId) {
        if (caller.is(Role.ADMIN) || caller.is(Role.REVIEWER)) {
            return;
        }
        if (caller.ownerId() == null || !caller.ownerId().equals(ownerId)) {
            throw new ApiError(io.cloudsword.gateway.error.ErrorCode.FORBIDDEN, "ownerId", "NOT_OWNER",
                    "A rights owner may act only on its own records");
        }
    }
}

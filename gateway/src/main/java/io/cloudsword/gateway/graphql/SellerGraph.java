package io.cloudsword.gateway.graphql;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.cloudsword.api.brand.v1.IsAuthorizedSellerRequest;
import io.cloudsword.api.brand.v1.ListAuthorizedSellersRequest;
import io.cloudsword.api.brand.v1.RemoveAuthorizedSellerRequest;
import io.cloudsword.gateway.security.Caller;
import io.cloudsword.gateway.security.Role;
import io.smallrye.mutiny.Uni;

/**
 * Authorized sellers: the list is private to the brand's owner and staff; whether one shop is
 * authorized is answered to any signed-in caller (platform partners check their shops).
 */
@GraphQLApi
public class SellerGraph {

    private final BrandRegistryCalls calls;

    public SellerGraph(BrandRegistryCalls calls) {
        this.calls = calls;
    }

    @Query
    @Description("A brand's authorized sellers by platform, then shop id: the brand's owner, reviewers, admins.")
    public Uni<AuthorizedSellerConnection> authorizedSellers(
            @Description("The brand whose authorized sellers are listed.") @Id @NonNull String brandId,
            @Description("Only this platform; null = all") String platform,
            @Description("Only entries valid at this instant; null = all") Instant validAt,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(caller -> caller.require(Role.RIGHTS_OWNER, Role.REVIEWER, Role.ADMIN), s -> {
            ListAuthorizedSellersRequest.Builder request = ListAuthorizedSellersRequest.newBuilder().setBrandId(brandId)
                    .setPlatform(Inputs.orEmpty(platform)).setPage(Paging.of(first, after));
            if (validAt != null) {
                request.setValidAt(Times.toProto(validAt));
            }
            return s.listAuthorizedSellers(request.build());
        }).map(r -> AuthorizedSellerConnection.of(r.getSellersList(), r.getPageInfo()));
    }

    @Query
    @Name("isAuthorizedSeller")
    @Description("May this shop sell this brand in this market at `at` (default now)? Any signed-in role; the "
            + "brand's seller list stays private. A malformed check is an INVALID_ARGUMENT error.")
    public Uni<SellerAuthorizationView> isAuthorizedSeller(
            @Description("The brand.") @Id @NonNull String brandId,
            @Description("Platform slug, e.g. \"taobao\".") @NonNull String platform,
            @Description("The platform's shop id.") @NonNull String shopId,
            @Description("Market of the sale, ISO 3166-1 alpha-2") @NonNull String country,
            Instant at) {
        return calls.call(Caller::requireSignedIn, s -> {
            IsAuthorizedSellerRequest.Builder request = IsAuthorizedSellerRequest.newBuilder().setBrandId(brandId)
                    .setPlatform(platform).setShopId(shopId).setCountry(country);
            if (at != null) {
                request.setAt(Times.toProto(at));
            }
            return s.isAuthorizedSeller(request.build());
        }).map(r -> {
            if (ItemErrors.present(r.getResult().hasError(), r.getResult().getError())) {
                throw ItemErrors.toApiError(r.getResult().getError());
            }
            return SellerAuthorizationView.of(r.getResult());
        });
    }

    @Mutation
    @Description("Authorizes a shop for the caller's brand. Idempotent on brand, platform and shop.")
    public Uni<AuthorizedSellerView> addAuthorizedSeller(
            @Description("The shop, brand, markets and validity window to authorize.")
            @NonNull AddAuthorizedSellerInput input) {
        return calls.call(Access::ownerWrite, s -> s.addAuthorizedSeller(input.toRequest()))
                .map(r -> AuthorizedSellerView.of(r.getSeller()));
    }

    @Mutation
    @Description("Changes territory, validity or note. The brand's owner or an admin.")
    public Uni<AuthorizedSellerView> updateAuthorizedSeller(
            @Description("The entry and the fields to change; unset fields stay as they are.")
            @NonNull UpdateAuthorizedSellerInput input) {
        return calls.call(Access::ownerWrite, s -> s.updateAuthorizedSeller(input.toRequest()))
                .map(r -> AuthorizedSellerView.of(r.getSeller()));
    }

    @Mutation
    @Description("Removes an entry; false when it was already removed. Idempotent.")
    public Uni<Boolean> removeAuthorizedSeller(
            @Description("The authorized-seller entry to remove.") @Id @NonNull String id) {
        return calls.call(Access::ownerWrite,
                s -> s.removeAuthorizedSeller(RemoveAuthorizedSellerRequest.newBuilder().setId(id).build()))
                .map(r -> r.getRemoved());
    }
}

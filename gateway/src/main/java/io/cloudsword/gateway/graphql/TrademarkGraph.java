package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.cloudsword.api.brand.v1.ListTrademarksRequest;
import io.cloudsword.api.brand.v1.CheckRightStandingRequest;
import io.cloudsword.api.brand.v1.GetTrademarkRequest;
import io.cloudsword.api.brand.v1.TrademarkOffice;
import io.cloudsword.api.brand.v1.TrademarkStatus;
import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.gateway.security.Caller;
import io.cloudsword.gateway.security.Role;
import io.smallrye.mutiny.Uni;

/** Trademarks: public registry data; the brand's owner (or an admin) registers and changes them. */
@GraphQLApi
public class TrademarkGraph {

    private final BrandRegistryCalls calls;

    public TrademarkGraph(BrandRegistryCalls calls) {
        this.calls = calls;
    }

    @Query
    @Description("A trademark by id. Any signed-in role.")
    public Uni<TrademarkView> trademark(@Description("The trademark's id.") @Id @NonNull String id) {
        return calls.call(Caller::requireSignedIn,
                s -> s.getTrademark(GetTrademarkRequest.newBuilder().setId(id).build()))
                .map(r -> TrademarkView.of(r.getTrademark()));
    }

    @Query
    @Description("Trademarks by office, then registration number. Any signed-in role.")
    public Uni<TrademarkConnection> trademarks(
            @Description("Only this owner's trademarks.") @Id String ownerId,
            @Description("Only this brand's trademarks.") @Id String brandId,
            @Description("e.g. EUIPO; null = any") String office,
            @Description("Effective statuses; empty = any") List<String> statuses,
            @Description("Exact, normalized; with office for a natural-key lookup") String registrationNumber,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(Caller::requireSignedIn, s -> s.listTrademarks(ListTrademarksRequest.newBuilder()
                .setOwnerId(Inputs.orEmpty(ownerId)).setBrandId(Inputs.orEmpty(brandId))
                .setOffice(Enums.parse(TrademarkOffice.class, TrademarkView.OFFICE, office, "office"))
                .addAllStatuses(Enums.parseAll(TrademarkStatus.class, TrademarkView.STATUS, statuses, "statuses"))
                .setRegistrationNumber(Inputs.orEmpty(registrationNumber)).setPage(Paging.of(first, after)).build()))
                .map(r -> TrademarkConnection.of(r.getTrademarksList(), r.getPageInfo()));
    }

    @Query
    @Description("Can this notifier (owner or agent) rely on this trademark at `at` (default now)? Rights owners "
            + "for themselves, reviewers, admins. A malformed check is an INVALID_ARGUMENT error.")
    public Uni<RightStandingView> checkRightStanding(
            @Description("The rights owner (or its agent) that wants to rely on the trademark.")
            @Id @NonNull String notifierOwnerId,
            @Description("The trademark relied on.") @Id @NonNull String trademarkId, Instant at) {
        return calls.call(caller -> Access.requireOwnerOrStaff(caller.require(Role.RIGHTS_OWNER, Role.REVIEWER,
                Role.ADMIN), notifierOwnerId, "notifierOwnerId"), s -> {
                    CheckRightStandingRequest.Builder request = CheckRightStandingRequest.newBuilder()
                            .setNotifierOwnerId(notifierOwnerId).setTrademarkId(trademarkId);
                    if (at != null) {
                        request.setAt(Times.toProto(at));
                    }
                    return s.checkRightStanding(request.build());
                })
                .map(r -> {
                    if (ItemErrors.present(r.getStanding().hasError(), r.getStanding().getError())) {
                        throw ItemErrors.toApiError(r.getStanding().getError());
                    }
                    return RightStandingView.of(r.getStanding());
                });
    }

    @Name("brand")
    @Description("The trademark's brand. Batched: one BatchGetBrands per request, however many trademarks.")
    public Uni<List<BrandView>> trademarkBrand(@Source List<TrademarkView> trademarks) {
        return calls.brandsById(trademarks.stream().map(t -> t.brandId).toList())
                .map(brands -> trademarks.stream().map(t -> brands.get(t.brandId))
                        .map(b -> b == null ? null : BrandView.of(b)).toList());
    }

    @Name("trademarks")
    @Description("The brand's trademarks by office and registration number. First page only: the first 10, in one "
            + "BatchListBrandTrademarks call for every brand of the request (no call per brand); "
            + "pageInfo.hasNextPage tells whether more exist, read them with the query trademarks(brandId:).")
    public Uni<List<TrademarkConnection>> brandTrademarks(@Source List<BrandView> brands) {
        return calls.firstTrademarksOfBrands(brands.stream().map(b -> b.id).toList())
                .map(found -> brands.stream().map(b -> found.get(b.id))
                        .map(t -> t == null ? null : TrademarkConnection.of(t.getTrademarksList(),
                                PageInfo.newBuilder().setHasNextPage(t.getHasMore()).build()))
                        .toList());
    }

    @Mutation
    @Description("Registers a trademark of the caller's brand. Idempotent on office and registration number.")
    public Uni<TrademarkView> registerTrademark(
            @Description("The trademark to register.") @NonNull RegisterTrademarkInput input) {
        return calls.call(Access::ownerWrite, s -> s.registerTrademark(input.toRequest()))
                .map(r -> TrademarkView.of(r.getTrademark()));
    }

    @Mutation
    @Description("Changes the fields set in the input. The brand's owner or an admin.")
    public Uni<TrademarkView> updateTrademark(
            @Description("The trademark and the fields to change; unset fields stay as they are.")
            @NonNull UpdateTrademarkInput input) {
        return calls.call(Access::ownerWrite, s -> s.updateTrademark(input.toRequest()))
                .map(r -> TrademarkView.of(r.getTrademark()));
    }
}

package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.cloudsword.api.listing.v1.GetShopRequest;
import io.cloudsword.api.listing.v1.ListShopEventsRequest;
import io.cloudsword.api.listing.v1.ListShopStrikesRequest;
import io.cloudsword.api.listing.v1.ReinstateShopRequest;
import io.smallrye.mutiny.Uni;

/**
 * Shops and repeat-infringer strikes (listing-service). Strikes come from complaint-service for
 * upheld notices and from reviewers; reinstating a suspended shop is for reviewers and admins.
 * listing-service enforces who may do what on the forwarded token.
 */
@GraphQLApi
public class ShopGraph {

    private final ListingCalls calls;

    public ShopGraph(ListingCalls calls) {
        this.calls = calls;
    }

    @Query
    @Description("A shop by platform and the platform's shop id, with its strike standing; SHOP_NOT_FOUND when "
            + "listing-service has never seen it.")
    public Uni<ShopView> shop(@NonNull @Description("Slug of the shop's platform.") String platform,
            @NonNull @Description("The platform's id of the shop.") String shopId) {
        return calls.call(caller -> Access.shopReader(caller, platform), s -> s.getShop(GetShopRequest
                .newBuilder()
                .setShop(ListingCalls.shopKey(platform, shopId)).build()))
                .map(r -> ShopView.of(r.getShop()));
    }

    @Query
    @Description("A shop's strikes, newest first; live ones only unless includeInactive.")
    public Uni<StrikeView.Connection> shopStrikes(@NonNull @Description("Slug of the shop's platform.") String platform,
            @NonNull @Description("The platform's id of the shop.") String shopId,
            @Description("Include expired and revoked strikes; default false.") Boolean includeInactive,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(caller -> Access.shopReader(caller, platform), s -> s.listShopStrikes(ListShopStrikesRequest
                .newBuilder()
                .setShop(ListingCalls.shopKey(platform, shopId))
                .setIncludeInactive(Boolean.TRUE.equals(includeInactive)).setPage(Paging.of(first, after)).build()))
                .map(r -> StrikeView.Connection.of(r.getStrikesList(), r.getPageInfo()));
    }

    @Query
    @Description("A shop's history (strikes, warnings, suspension, reinstatement), oldest first.")
    public Uni<ShopEventView.Connection> shopEvents(@NonNull @Description("Slug of the shop's platform.") String platform,
            @NonNull @Description("The platform's id of the shop.") String shopId,
            @Description("Page size 1..500, default 50.") Integer first,
            @Description("pageInfo.endCursor of the previous page.") String after) {
        return calls.call(caller -> Access.shopReader(caller, platform), s -> s.listShopEvents(ListShopEventsRequest
                .newBuilder()
                .setShop(ListingCalls.shopKey(platform, shopId)).setPage(Paging.of(first, after)).build()))
                .map(r -> ShopEventView.Connection.of(r.getEventsList(), r.getPageInfo()));
    }

    @Mutation
    @Description("Records a strike against a shop for an upheld notice. Idempotent per (shop, noticeId). 1 and 2 live "
            + "strikes warn; the 3rd suspends the shop and takes down all its active listings at once.")
    public Uni<ListingPayloads.AddStrike> addStrike(
            @Description("The shop, the reason and the decision the strike rests on.")
            @NonNull StrikeInputs.AddStrike input) {
        return calls.call(Access::staff, s -> s.addStrike(input.toProto()))
                .map(ListingPayloads.AddStrike::of);
    }

    @Mutation
    @Description("Revokes a strike (appeal granted, notice withdrawn). Idempotent. A SUSPENDED shop stays suspended "
            + "until a reviewer reinstates it.")
    public Uni<ListingPayloads.RevokeStrike> revokeStrike(
            @Description("The strike to revoke and why.") @NonNull StrikeInputs.RevokeStrike input) {
        return calls.call(Access::staff, s -> s.revokeStrike(input.toProto()))
                .map(ListingPayloads.RevokeStrike::of);
    }

    @Mutation
    @Description("Reinstates a suspended shop (SUSPENDED -> ACTIVE or WARNED) and restores its listings that no "
            + "notice holds down. Reviewers and admins. Idempotent.")
    public Uni<ListingPayloads.ReinstateShop> reinstateShop(
            @NonNull @Description("Slug of the shop's platform.") String platform,
            @NonNull @Description("The platform's id of the shop.") String shopId,
            @NonNull @Description("Why the shop is reinstated.") String reason) {
        return calls.call(Access::staff, s -> s.reinstateShop(ReinstateShopRequest.newBuilder()
                .setShop(ListingCalls.shopKey(platform, shopId)).setReason(reason).build()))
                .map(ListingPayloads.ReinstateShop::of);
    }

    @Name("listing")
    @Description("The listing the strike's notice was about; null if none or not visible to the caller. Batched: "
            + "one BatchGetListings per request, however many strikes.")
    public Uni<List<ListingView>> strikeListing(@Source List<StrikeView> strikes) {
        return calls.listingsById(strikes.stream().map(s -> s.listingId).toList())
                .map(listings -> listings.stream().map(l -> l == null ? null : ListingView.of(l)).toList());
    }
}

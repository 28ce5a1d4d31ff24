package io.cloudsword.gateway.graphql;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.listing.v1.Shop;

@Name("Shop")
@Description("A seller's shop on a platform, with its repeat-infringer standing: 1 or 2 live strikes warn, the 3rd "
        + "suspends the shop and takes its listings down.")
public class ShopView {
    @Id
    @NonNull
    @Description("listing-service's id of the shop.")
    public String id;
    @NonNull
    @Description("Slug of the platform the shop is on.")
    public String platform;
    @NonNull
    @Description("The platform's id of the shop; with platform the shop's key.")
    public String shopId;
    @Description("The platform's id of the seller account; null when unknown.")
    public String sellerId;
    @NonNull
    @Description("ACTIVE (no live strikes), WARNED (1 or 2 live strikes) or SUSPENDED (reached the strike threshold; "
            + "its listings are taken down until a reviewer reinstates it).")
    public String status;
    @Description("Strikes issued within the last 365 days and not revoked, at the time of the answer.")
    public int liveStrikes;
    @Description("When the shop was suspended; null unless SUSPENDED.")
    public Instant suspendedAt;
    @Description("Why the shop was suspended; null unless SUSPENDED.")
    public String suspensionReason;
    @Description("The shop's live listings (ACTIVE, FLAGGED, RESTORED).")
    public long activeListings;
    @Description("The shop's TAKEN_DOWN listings.")
    public long takenDownListings;
    @NonNull
    @Description("When listing-service first saw the shop.")
    public Instant createdAt;
    @NonNull
    @Description("When the shop last changed.")
    public Instant updatedAt;

    static ShopView of(Shop s) {
        ShopView v = new ShopView();
        v.id = s.getId();
        v.platform = s.getPlatform();
        v.shopId = s.getShopId();
        v.sellerId = CodeVerificationView.blankToNull(s.getSellerId());
        v.status = Enums.name(s.getStatus(), "SHOP_STATUS_");
        v.liveStrikes = s.getLiveStrikes();
        v.suspendedAt = Times.ofOptional(s.hasSuspendedAt(), s.getSuspendedAt());
        v.suspensionReason = CodeVerificationView.blankToNull(s.getSuspensionReason());
        v.activeListings = s.getActiveListings();
        v.takenDownListings = s.getTakenDownListings();
        v.createdAt = Times.of(s.getCreatedAt());
        v.updatedAt = Times.of(s.getUpdatedAt());
        return v;
    }

    /** Null when the answer carries no shop. */
    static ShopView ofOptional(boolean present, Shop s) {
        return present ? of(s) : null;
    }
}

package io.cloudsword.gateway.graphql;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.listing.v1.AddStrikeRequest;
import io.cloudsword.api.listing.v1.RevokeStrikeRequest;

/** The inputs of the strike mutations. */
final class StrikeInputs {
    private StrikeInputs() {
    }

    @Input("AddStrikeInput")
    @Description("A strike against a shop for an upheld notice. Idempotent per (shop, noticeId).")
    public static class AddStrike {
        @NonNull
        @Description("Slug of the shop's platform.")
        public String platform;
        @NonNull
        @Description("The platform's id of the shop; a shop not seen before is created on its first strike.")
        public String shopId;
        @Id
        @NonNull
        @Description("The upheld notice; with the shop the idempotency key.")
        public String noticeId;
        @Id
        @Description("The listing the notice was about, if one.")
        public String listingId;
        @Description("Why the strike is given.")
        public String reason;
        @Description("When the notice was upheld; default now. Expiry (365 days) counts from it.")
        public Instant issuedAt;

        AddStrikeRequest toProto() {
            AddStrikeRequest.Builder b = AddStrikeRequest.newBuilder().setShop(ListingCalls.shopKey(platform, shopId))
                    .setNoticeId(noticeId).setListingId(Inputs.orEmpty(listingId)).setReason(Inputs.orEmpty(reason));
            if (issuedAt != null) {
                b.setIssuedAt(Times.toProto(issuedAt));
            }
            return b.build();
        }
    }

    @Input("RevokeStrikeInput")
    @Description("Names the strike to revoke: by strikeId, or by (platform, shopId, noticeId).")
    public static class RevokeStrike {
        @Id
        @Description("The strike's id.")
        public String strikeId;
        @Description("Slug of the shop's platform; with shopId and noticeId instead of strikeId.")
        public String platform;
        @Description("The platform's id of the shop.")
        public String shopId;
        @Id
        @Description("The notice the strike was for.")
        public String noticeId;
        @NonNull
        @Description("Why the strike is revoked (appeal granted, notice withdrawn, ...).")
        public String reason;

        RevokeStrikeRequest toProto() {
            RevokeStrikeRequest.Builder b = RevokeStrikeRequest.newBuilder().setStrikeId(Inputs.orEmpty(strikeId))
                    .setNoticeId(Inputs.orEmpty(noticeId)).setReason(reason);
            if (platform != null || shopId != null) {
                b.setShop(ListingCalls.shopKey(platform, shopId));
            }
            return b.build();
        }
    }
}

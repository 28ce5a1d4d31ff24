package io.cloudsword.gateway.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import io.cloudsword.api.common.v1.Money;
import io.cloudsword.api.listing.v1.ListingInput;
import io.cloudsword.api.listing.v1.ListingKey;
import io.cloudsword.api.listing.v1.PlatformListingKey;
import io.cloudsword.gateway.error.ApiError;
import io.cloudsword.gateway.error.ErrorCode;

/**
 * A listing as a platform describes it. Fields the service requires are nullable here on
 * purpose: in ingestListings a missing title must reject that one item (FIELD_REQUIRED), not
 * fail the whole document in GraphQL validation.
 */
@Input("ListingInput")
@Description("A listing as the platform describes it. Re-sending the same (platform, externalId) updates the "
        + "listing, never duplicates it. Fields marked required are checked by listing-service "
        + "(INVALID_ARGUMENT / FIELD_REQUIRED naming the field), per item in ingestListings.")
public class ListingDataInput {
    @Description("Required. The platform's slug, e.g. taobao; must be the caller's own platform (else NOT_OWNER).")
    public String platform;
    @Description("Required. The platform's id of the listing, max 128 characters; unique per platform.")
    public String externalId;
    @Description("Required. The platform's id of the shop that offers it.")
    public String shopId;
    @Description("The platform's id of the seller account.")
    public String sellerId;
    @Description("Required. The title as offered, max 1,000 characters.")
    public String title;
    @Description("The description, max 20,000 characters.")
    public String description;
    @Description("Required. The price in the currency's minor unit, >= 0.")
    public MarketPriceInput.MoneyInput price;
    @Description("Required. ISO 3166-1 alpha-2 country where the listing is offered.")
    public String marketCountry;
    @Description("ISO 3166-1 alpha-2 country the goods ship from.")
    public String shipsFromCountry;
    @Description("GTIN-8/12/13/14 if the platform has one; stored as GTIN-14.")
    public String gtin;
    @Description("Up to 20 64-bit perceptual hashes of the listing's images, 16 hex digits each.")
    public List<String> imageHashes;
    @Description("https URL of the listing page.")
    public String url;

    ListingInput toProto() {
        ListingInput.Builder b = ListingInput.newBuilder().setPlatform(Inputs.orEmpty(platform))
                .setExternalId(Inputs.orEmpty(externalId)).setShopId(Inputs.orEmpty(shopId))
                .setSellerId(Inputs.orEmpty(sellerId)).setTitle(Inputs.orEmpty(title))
                .setDescription(Inputs.orEmpty(description)).setMarketCountry(Inputs.orEmpty(marketCountry))
                .setShipsFromCountry(Inputs.orEmpty(shipsFromCountry)).setGtin(Inputs.orEmpty(gtin))
                .addAllImageHashes(Inputs.orEmpty(imageHashes)).setUrl(Inputs.orEmpty(url));
        if (price != null) {
            b.setPrice(Money.newBuilder().setAmountMinor(price.amountMinor).setCurrency(Inputs.orEmpty(price.currency)));
        }
        return b.build();
    }

    @Input("ListingKeyInput")
    @Description("Names one listing: exactly one of id, (platform and externalId), or url.")
    public static class ListingKeyInput {
        @Id
        @Description("listing-service's id of the listing.")
        public String id;
        @Description("The platform's slug; with externalId.")
        public String platform;
        @Description("The platform's id of the listing; with platform.")
        public String externalId;
        @Description("The listing's URL as ingested (compared after normalization: scheme and host lower case, no "
                + "fragment, no tracking parameters).")
        public String url;

        /**
         * GraphQL has no oneof, so the gateway checks the key's shape: none or more than one way
         * of naming the listing is INVALID_ARGUMENT on {@code field}.
         */
        ListingKey toProto(String field) {
            boolean byId = id != null && !id.isBlank();
            boolean byExternal = (platform != null && !platform.isBlank()) || (externalId != null && !externalId.isBlank());
            boolean byUrl = url != null && !url.isBlank();
            int ways = (byId ? 1 : 0) + (byExternal ? 1 : 0) + (byUrl ? 1 : 0);
            if (ways == 0) {
                throw new ApiError(ErrorCode.INVALID_ARGUMENT, field, "FIELD_REQUIRED",
                        field + " needs one of id, platform and externalId, or url");
            }
            if (ways > 1) {
                throw new ApiError(ErrorCode.INVALID_ARGUMENT, field, "INVALID_FORMAT",
                        field + " takes only one of id, platform and externalId, or url");
            }
            if (byId) {
                return ListingKey.newBuilder().setId(id).build();
            }
            if (byUrl) {
                return ListingKey.newBuilder().setUrl(url).build();
            }
            return ListingKey.newBuilder().setExternal(PlatformListingKey.newBuilder()
                    .setPlatform(Inputs.orEmpty(platform)).setExternalId(Inputs.orEmpty(externalId))).build();
        }
    }
}

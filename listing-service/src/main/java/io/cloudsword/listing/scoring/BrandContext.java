package io.cloudsword.listing.scoring;

import java.util.List;

/**
 * What brand-registry says about the brands around one listing, gathered by listing-service's
 * brand cache before scoring (never fetched by the scorer itself, which stays pure).
 *
 * @param mentions every brand mentioned in title or description, in order of position
 * @param gtinOwner the brand whose GS1 prefix covers the listing's GTIN; null without a GTIN or
 *        when no registered brand owns the prefix
 * @param brandId the brand the listing is scored against: the GTIN owner, else the first
 *        mention (see {@link #scoredBrand}); null when neither exists
 * @param brandName that brand's display name, for explanations
 * @param msrp the scored brand's recommended retail price of this GTIN in the listing's market;
 *        null when unknown (no GTIN, product not registered, no price for the market)
 * @param exclusiveDistribution the scored brand declares exclusive distribution
 * @param sellerAuthorized whether the listing's shop is on the scored brand's authorized-seller
 *        list for the market; null when not checked (no scored brand)
 * @param officialImageHashes the scored brand's official image hashes (brand and product images)
 */
public record BrandContext(List<Mention> mentions, Brand gtinOwner, String brandId, String brandName, Msrp msrp,
        boolean exclusiveDistribution, Boolean sellerAuthorized, List<String> officialImageHashes) {

    public static final BrandContext NONE = new BrandContext(List.of(), null, null, null, null, false, null, List.of());

    public BrandContext {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        officialImageHashes = officialImageHashes == null ? List.of() : List.copyOf(officialImageHashes);
    }

    /** A brand by id and display name. */
    public record Brand(String brandId, String name) {
    }

    /** A brand name or alias found in the text: the brand, its display name, the text as written. */
    public record Mention(String brandId, String brandName, String matchedText) {
    }

    /** A recommended retail price in minor units. */
    public record Msrp(long amountMinor, String currency, String country) {
    }

    /** The brand a listing is scored against: the GTIN's owner, else the first brand mentioned. */
    public static Brand scoredBrand(Brand gtinOwner, List<Mention> mentions) {
        if (gtinOwner != null) {
            return gtinOwner;
        }
        return mentions.isEmpty() ? null : new Brand(mentions.get(0).brandId(), mentions.get(0).brandName());
    }
}

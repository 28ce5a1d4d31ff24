package io.cloudsword.listing.scoring;

import java.util.List;

/**
 * What the scorer knows about one listing: its validated fields (GTIN already GTIN-14, image
 * hashes lower-case hex) and the counts listing-service keeps about it and its shop.
 *
 * @param gtin14 null when the listing carries no GTIN
 */
public record ListingFacts(String platform, String shopId, String title, String description, long priceMinor,
        String currency, String marketCountry, String gtin14, List<String> imageHashes, int shopLiveStrikes,
        int consumerReports) {

    public ListingFacts {
        description = description == null ? "" : description;
        imageHashes = imageHashes == null ? List.of() : List.copyOf(imageHashes);
    }
}

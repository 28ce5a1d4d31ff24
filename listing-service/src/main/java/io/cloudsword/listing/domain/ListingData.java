package io.cloudsword.listing.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.cloudsword.kit.Gtin;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;

/** A listing as a platform sends it; {@link #validated()} holds the rules for each field. */
public record ListingData(String platform, String externalId, String shopId, String sellerId, String title,
        String description, long priceMinor, String currency, String marketCountry, String shipsFromCountry,
        String gtin, List<String> imageHashes, String url) {

    private static final Pattern IMAGE_HASH = Pattern.compile("^[0-9a-f]{16}$");
    static final int MAX_IMAGES = 50;

    public ListingData validated() {
        String p = Checks.platform("platform", platform);
        if (priceMinor < 0) {
            throw DomainException.invalid("price.amount_minor", "NEGATIVE_PRICE", "price must not be negative");
        }
        return new ListingData(p,
                Checks.text("external_id", externalId, 200),
                Checks.text("shop_id", shopId, 200),
                Checks.text("seller_id", sellerId, 200),
                Checks.text("title", title, 500),
                Checks.optionalText("description", description, 20_000),
                priceMinor,
                Checks.currency("price.currency", currency),
                Checks.country("market_country", marketCountry),
                Checks.country("ships_from_country", shipsFromCountry),
                gtin == null || gtin.isBlank() ? null : Gtin.toGtin14("gtin", gtin),
                imageHashes(imageHashes),
                url(url));
    }

    private static List<String> imageHashes(List<String> hashes) {
        if (hashes == null) {
            return List.of();
        }
        if (hashes.size() > MAX_IMAGES) {
            throw DomainException.invalid("image_hashes", "TOO_MANY_ITEMS", "At most " + MAX_IMAGES + " image hashes");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            String h = hashes.get(i) == null ? "" : hashes.get(i).strip().toLowerCase(Locale.ROOT);
            if (!IMAGE_HASH.matcher(h).matches()) {
                throw DomainException.invalid("image_hashes[" + i + "]", "INVALID_IMAGE_HASH",
                        "image hashes are 64-bit perceptual hashes written as 16 hex digits");
            }
            out.add(h);
        }
        return out;
    }

    private static String url(String url) {
        String u = Checks.optionalText("url", url, 2048);
        if (u.isEmpty()) {
            return u;
        }
        try {
            URI uri = new URI(u);
            if (("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null) {
                return u;
            }
        } catch (URISyntaxException ignored) {
            // refused below
        }
        throw DomainException.invalid("url", "INVALID_URL", "url must be an http(s) address of the listing");
    }
}

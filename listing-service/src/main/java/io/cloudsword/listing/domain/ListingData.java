package io.cloudsword.listing.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import io.cloudsword.kit.Gtin;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;

/**
 * A listing as a platform sends it; {@link #validated()} holds the rules for each field and
 * answers the same listing normalized (GTIN-14, lower-case hashes, trimmed text).
 *
 * @param gtin null or empty when the listing carries none
 */
public record ListingData(String platform, String externalId, String shopId, String sellerId, String title,
        String description, long priceMinor, String currency, String marketCountry, String shipsFromCountry,
        String gtin, List<String> imageHashes, String url) {

    public static final int MAX_EXTERNAL_ID = 128;
    public static final int MAX_TITLE = 1_000;
    public static final int MAX_DESCRIPTION = 20_000;
    public static final int MAX_IMAGES = 20;

    /** Query parameters that only track the visitor; two URLs differing in them are one listing. */
    private static final List<String> TRACKING_PARAMETERS = List.of("utm_", "spm", "scm", "gclid", "fbclid",
            "ref", "_trkparms", "pvid", "algo_");

    public ListingData validated() {
        String p = Checks.platform("platform", platform);
        if (priceMinor < 0) {
            throw DomainException.invalid("price.amount_minor", "NEGATIVE_PRICE", "price must not be negative");
        }
        return new ListingData(p,
                Checks.text("external_id", externalId, MAX_EXTERNAL_ID),
                Checks.text("shop_id", shopId, 200),
                Checks.optionalText("seller_id", sellerId, 200),
                Checks.text("title", title, MAX_TITLE),
                Checks.optionalText("description", description, MAX_DESCRIPTION),
                priceMinor,
                Checks.currency("price.currency", currency),
                Checks.country("market_country", marketCountry),
                shipsFromCountry == null || shipsFromCountry.isBlank() ? ""
                        : Checks.country("ships_from_country", shipsFromCountry),
                gtin == null || gtin.isBlank() ? null : Gtin.toGtin14("gtin", gtin.strip()),
                imageHashes(imageHashes),
                url(url));
    }

    public boolean hasGtin() {
        return gtin != null && !gtin.isEmpty();
    }

    private static List<String> imageHashes(List<String> hashes) {
        if (hashes == null) {
            return List.of();
        }
        if (hashes.size() > MAX_IMAGES) {
            throw DomainException.invalid("image_hashes", "TOO_MANY_ITEMS", "At most " + MAX_IMAGES
                    + " image hashes per listing, got " + hashes.size());
        }
        List<String> out = new ArrayList<>(hashes.size());
        for (int i = 0; i < hashes.size(); i++) {
            String h = hashes.get(i) == null ? "" : hashes.get(i).strip().toLowerCase(Locale.ROOT);
            if (!isHexHash(h)) {
                throw DomainException.invalid("image_hashes[" + i + "]", "INVALID_IMAGE_HASH",
                        "image_hashes[" + i + "] must be a 64-bit perceptual hash written as 16 hex digits");
            }
            out.add(h);
        }
        return List.copyOf(out);
    }

    private static boolean isHexHash(String h) {
        if (h.length() != 16) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            char c = h.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static String url(String url) {
        String u = Checks.optionalText("url", url, 2048);
        if (u.isEmpty()) {
            return u;
        }
        if (urlKey(u) == null) {
            throw DomainException.invalid("url", "INVALID_URL", "url must be the http(s) address of the listing page");
        }
        return u;
    }

    /**
     * The URL as a lookup key: scheme and host lower case, no fragment, no tracking parameters,
     * so "HTTPS://Shop.Example/item/1?utm_source=x#top" and "https://shop.example/item/1" are one
     * listing. Null when the text is not an http(s) URL with a host.
     */
    public static String urlKey(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                return null;
            }
            StringJoiner query = new StringJoiner("&");
            if (uri.getRawQuery() != null) {
                for (String parameter : uri.getRawQuery().split("&")) {
                    String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
                    if (!parameter.isEmpty() && TRACKING_PARAMETERS.stream().noneMatch(name::startsWith)) {
                        query.add(parameter);
                    }
                }
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return "https://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path
                    + (query.length() == 0 ? "" : "?" + query);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

package io.cloudsword.listing.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cloudsword.kit.text.MentionMatcher;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A small brand catalogue for scoring tests (test resource {@code scoring/fixture-brands.json}):
 * names and aliases, GS1 prefixes, MSRPs per market per GTIN, exclusive distribution, authorized
 * shops per market, official image hashes. It builds a listing's {@link BrandContext} the way
 * listing-service's brand cache does: mentions by the kit's MentionMatcher (the one
 * brand-registry uses), the GTIN's owner by the longest matching prefix, the scored brand per
 * {@link BrandContext#scoredBrand}.
 */
final class FixtureBrands {

    record Product(String gtin14, String name, Map<String, BrandContext.Msrp> msrpByMarket) {
    }

    record Brand(String id, String name, List<String> prefixes, boolean exclusive,
            Map<String, Set<String>> authorizedShops, List<String> officialImages, Map<String, Product> products) {
    }

    private final Map<String, Brand> brands = new LinkedHashMap<>();
    private final MentionMatcher matcher;

    private FixtureBrands(JsonObject json) {
        List<MentionMatcher.Name> names = new ArrayList<>();
        for (Object o : json.getJsonArray("brands")) {
            JsonObject b = (JsonObject) o;
            String id = b.getString("id");
            names.add(new MentionMatcher.Name(id, b.getString("name")));
            for (Object alias : b.getJsonArray("aliases")) {
                names.add(new MentionMatcher.Name(id, (String) alias));
            }
            Map<String, Set<String>> shops = new HashMap<>();
            JsonObject authorized = b.getJsonObject("authorized_shops");
            for (String market : authorized.fieldNames()) {
                shops.put(market, Set.copyOf(strings(authorized.getJsonArray(market))));
            }
            Map<String, Product> products = new HashMap<>();
            for (Object p : b.getJsonArray("products")) {
                JsonObject product = (JsonObject) p;
                String gtin14 = gtin14(product.getString("gtin"));
                Map<String, BrandContext.Msrp> msrps = new HashMap<>();
                for (Object m : product.getJsonArray("msrp")) {
                    JsonObject msrp = (JsonObject) m;
                    msrps.put(msrp.getString("market"), new BrandContext.Msrp(msrp.getLong("amount_minor"),
                            msrp.getString("currency"), msrp.getString("market")));
                }
                products.put(gtin14, new Product(gtin14, product.getString("name"), msrps));
            }
            brands.put(id, new Brand(id, b.getString("name"), strings(b.getJsonArray("gs1_prefixes")),
                    b.getBoolean("exclusive_distribution"), shops, strings(b.getJsonArray("official_image_hashes")),
                    products));
        }
        matcher = new MentionMatcher(names);
    }

    static FixtureBrands load() {
        return new FixtureBrands(new JsonObject(resource("scoring/fixture-brands.json")));
    }

    Map<String, Brand> brands() {
        return brands;
    }

    /** What the brand cache would hand the scorer for this listing. */
    BrandContext contextFor(ListingFacts listing) {
        List<BrandContext.Mention> mentions = new ArrayList<>();
        for (MentionMatcher.Mention m : matcher.find(listing.title() + "\n" + listing.description(), Set.of())) {
            mentions.add(new BrandContext.Mention(m.brandId(), brands.get(m.brandId()).name(), m.matchedText()));
        }
        Brand owner = gtinOwner(listing.gtin14());
        BrandContext.Brand gtinOwner = owner == null ? null : new BrandContext.Brand(owner.id(), owner.name());
        BrandContext.Brand scored = BrandContext.scoredBrand(gtinOwner, mentions);
        if (scored == null) {
            return new BrandContext(mentions, null, null, null, null, false, null, List.of());
        }
        Brand brand = brands.get(scored.brandId());
        Product product = listing.gtin14() == null ? null : brand.products().get(listing.gtin14());
        BrandContext.Msrp msrp = product == null ? null : product.msrpByMarket().get(listing.marketCountry());
        boolean authorized = brand.authorizedShops().getOrDefault(listing.marketCountry(), Set.of())
                .contains(listing.shopId());
        return new BrandContext(mentions, gtinOwner, brand.id(), brand.name(), msrp, brand.exclusive(), authorized,
                brand.officialImages());
    }

    private Brand gtinOwner(String gtin14) {
        if (gtin14 == null) {
            return null;
        }
        String companyPart = gtin14.substring(1); // after the indicator digit
        Brand best = null;
        int bestLength = 0;
        for (Brand b : brands.values()) {
            for (String prefix : b.prefixes()) {
                if (companyPart.startsWith(prefix) && prefix.length() > bestLength) {
                    best = b;
                    bestLength = prefix.length();
                }
            }
        }
        return best;
    }

    static String gtin14(String gtin) {
        return gtin == null ? null : io.cloudsword.kit.Gtin.toGtin14("gtin", gtin);
    }

    private static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>();
        for (Object o : array) {
            out.add((String) o);
        }
        return out;
    }

    static String resource(String name) {
        try (InputStream in = FixtureBrands.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

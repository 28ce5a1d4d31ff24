package io.cloudsword.brand.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.cloudsword.kit.Gtin;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.text.BrandNames;

/**
 * A product as a caller describes it, for registration or as the merged result of an update;
 * {@link #validated} checks and normalizes it (GTIN-14, lower-case hashes, upper-case codes).
 */
public record NewProduct(String brandId, String gtin, String name, String hsCode, List<Product.Msrp> msrps,
        List<String> imageHashes) {

    public static final Set<String> UPDATABLE = Set.of("name", "hs_code", "msrps", "image_hashes");
    public static final int MAX_IMAGE_HASHES = 100;

    private static final Pattern HS_CODE = Pattern.compile("^[0-9]{6}$");
    private static final Pattern IMAGE_HASH = Pattern.compile("^[0-9a-f]{16}$");

    /** The request of RegisterProduct, checked. */
    public NewProduct validatedForRegistration() {
        String brand = Checks.id("brand_id", brandId);
        if (gtin == null || gtin.isBlank()) {
            throw DomainException.invalid("gtin", "FIELD_REQUIRED", "gtin is required");
        }
        String gtin14 = Gtin.toGtin14("gtin", gtin);
        NewProduct rest = validated("");
        return new NewProduct(brand, gtin14, rest.name, rest.hsCode, rest.msrps, rest.imageHashes);
    }

    /** Checks name, HS code, prices and image hashes (fields named {@code prefix + name}). */
    public NewProduct validated(String prefix) {
        String n = Checks.text(prefix + "name", name, 300);
        String hs = hsCode == null ? "" : hsCode.strip();
        if (hs.isEmpty()) {
            throw DomainException.invalid(prefix + "hs_code", "FIELD_REQUIRED", "hs_code is required");
        }
        if (!HS_CODE.matcher(hs).matches()) {
            throw DomainException.invalid(prefix + "hs_code", "INVALID_HS_CODE",
                    "hs_code must be a 6-digit Harmonized System subheading, got '" + hsCode + "'");
        }
        List<Product.Msrp> prices = new ArrayList<>();
        Set<String> countries = new HashSet<>();
        List<Product.Msrp> given = msrps == null ? List.of() : msrps;
        for (int i = 0; i < given.size(); i++) {
            String field = prefix + "msrps[" + i + "]";
            Product.Msrp m = given.get(i);
            String country = Checks.country(field + ".country", m.country());
            String currency = Checks.currency(field + ".price.currency", m.currency());
            if (m.amountMinor() <= 0) {
                throw DomainException.invalid(field + ".price.amount_minor", "VALUE_OUT_OF_RANGE",
                        "A suggested price must be positive, got " + m.amountMinor());
            }
            if (!countries.add(country)) {
                throw DomainException.invalid(field + ".country", "INVALID_FORMAT",
                        "At most one suggested price per market; " + country + " appears twice");
            }
            prices.add(new Product.Msrp(country, currency, m.amountMinor()));
        }
        List<String> hashes = imageHashes(prefix + "image_hashes", imageHashes == null ? List.of() : imageHashes);
        return new NewProduct(brandId, gtin, n, hs, prices, hashes);
    }

    private static List<String> imageHashes(String field, List<String> values) {
        if (values.size() > MAX_IMAGE_HASHES) {
            throw DomainException.invalid(field, "TOO_MANY_ITEMS", "At most " + MAX_IMAGE_HASHES + " image hashes, got "
                    + values.size());
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? "" : values.get(i).strip().toLowerCase(Locale.ROOT);
            if (!IMAGE_HASH.matcher(v).matches()) {
                throw DomainException.invalid(field + "[" + i + "]", "INVALID_IMAGE_HASH",
                        field + "[" + i + "] must be a perceptual hash of 16 hex characters");
            }
            out.add(v);
        }
        return new ArrayList<>(out);
    }

    public static NewProduct of(Product p) {
        return new NewProduct(p.brandId.toString(), p.gtin, p.name, p.hsCode, p.prices(), p.imageHashes);
    }

    /** These values with the masked fields taken from {@code changes}; the GTIN never changes. */
    public NewProduct with(NewProduct changes, Set<String> paths) {
        return new NewProduct(brandId, gtin,
                paths.contains("name") ? changes.name : name,
                paths.contains("hs_code") ? changes.hsCode : hsCode,
                paths.contains("msrps") ? changes.msrps : msrps,
                paths.contains("image_hashes") ? changes.imageHashes : imageHashes);
    }

    void applyTo(Product p) {
        p.name = name;
        p.nameKey = BrandNames.fold(name);
        p.hsCode = hsCode;
        p.msrps = new ArrayList<>(msrps.stream().map(Product.Msrp::encode).toList());
        p.imageHashes = new ArrayList<>(imageHashes);
    }
}

package io.cloudsword.brand.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;

/** What an owner declares when registering a brand. */
public record NewBrand(String ownerId, String name, List<String> aliases, List<String> officialDomains,
        List<String> gs1CompanyPrefixes, boolean exclusiveDistribution, List<String> officialImageHashes,
        List<String> distributionTerritories) {

    static final int MAX_LIST = 100;
    /** The fields UpdateBrand may change. */
    public static final Set<String> UPDATABLE = Set.of("name", "aliases", "official_domains", "gs1_company_prefixes",
            "exclusive_distribution", "official_image_hashes", "distribution_territories");
    /** GS1 company prefixes in GTIN-13 form: 6 to 12 digits (a U.P.C. prefix carries its leading 0). */
    private static final Pattern GS1_PREFIX = Pattern.compile("^[0-9]{6,12}$");
    /** A 64-bit perceptual hash as 16 hex digits. */
    private static final Pattern IMAGE_HASH = Pattern.compile("^[0-9a-f]{16}$");

    public NewBrand validated() {
        return new NewBrand(
                Checks.id("owner_id", ownerId),
                Checks.text("name", name, 200),
                each("aliases", aliases, (field, v) -> Checks.text(field, v, 200)),
                each("official_domains", officialDomains, NewBrand::domain),
                each("gs1_company_prefixes", gs1CompanyPrefixes, (field, v) -> matching(field, v, GS1_PREFIX,
                        "INVALID_GS1_PREFIX", "a GS1 company prefix of 6 to 12 digits in GTIN-13 form")),
                exclusiveDistribution,
                each("official_image_hashes", officialImageHashes, (field, v) -> matching(field,
                        v.toLowerCase(Locale.ROOT), IMAGE_HASH, "INVALID_IMAGE_HASH",
                        "a 64-bit perceptual hash as 16 hex digits")),
                each("distribution_territories", distributionTerritories, NewBrand::territory));
    }

    /** A market: an ISO 3166-1 alpha-2 country, or "EU" for the whole Union. */
    static String territory(String field, String value) {
        return "EU".equalsIgnoreCase(value) ? "EU" : Checks.country(field, value);
    }

    static List<String> each(String field, List<String> values, BiFunction<String, String, String> check) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_LIST) {
            throw DomainException.invalid(field, "TOO_MANY_ITEMS", field + " holds at most " + MAX_LIST + " entries");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(check.apply(field + "[" + i + "]", values.get(i) == null ? "" : values.get(i).strip()));
        }
        return new ArrayList<>(out);
    }

    private static String matching(String field, String value, Pattern pattern, String reason, String what) {
        if (!pattern.matcher(value).matches()) {
            throw DomainException.invalid(field, reason, field + " must be " + what + ", got '" + value + "'");
        }
        return value;
    }

    private static String domain(String field, String value) {
        String ascii = Checks.hostnameOrNull(value);
        if (ascii == null) {
            throw DomainException.invalid(field, "INVALID_FORMAT",
                    field + " must be a domain name such as brand.example, got '" + value + "'");
        }
        return ascii;
    }

    static NewBrand of(Brand b) {
        return new NewBrand(b.ownerId.toString(), b.name, b.aliases, b.officialDomains, b.gs1CompanyPrefixes,
                b.exclusiveDistribution, b.officialImageHashes, b.distributionTerritories);
    }

    /** These values where {@code paths} name a field, the current ones elsewhere. */
    NewBrand with(NewBrand changes, Set<String> paths) {
        return new NewBrand(ownerId,
                paths.contains("name") ? changes.name : name,
                paths.contains("aliases") ? changes.aliases : aliases,
                paths.contains("official_domains") ? changes.officialDomains : officialDomains,
                paths.contains("gs1_company_prefixes") ? changes.gs1CompanyPrefixes : gs1CompanyPrefixes,
                paths.contains("exclusive_distribution") ? changes.exclusiveDistribution : exclusiveDistribution,
                paths.contains("official_image_hashes") ? changes.officialImageHashes : officialImageHashes,
                paths.contains("distribution_territories") ? changes.distributionTerritories : distributionTerritories);
    }
}

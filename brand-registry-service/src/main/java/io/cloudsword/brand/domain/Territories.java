package io.cloudsword.brand.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.cloudsword.kit.error.Checks;

/**
 * Markets as the contracts write them: ISO 3166-1 alpha-2 codes, plus "EU" (ISO "exceptionally
 * reserved") for all member states of the European Union.
 */
public final class Territories {

    public static final String EU = "EU";

    /** The 27 member states since 1 February 2020 (ISO codes; Greece is GR, not EL). */
    public static final Set<String> EU_MEMBERS = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
            "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private Territories() {
    }

    /** An alpha-2 country or "EU", upper case; INVALID_COUNTRY naming {@code field} otherwise. */
    public static String territory(String field, String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        return EU.equals(v) ? EU : Checks.country(field, v);
    }

    /** Each checked (field "name[i]"), duplicates dropped, first-seen order kept. */
    public static List<String> territories(String field, List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(territory(field + "[" + i + "]", values.get(i)));
        }
        return new ArrayList<>(out);
    }

    /** Whether {@code territories} cover {@code country}; an empty list covers every market. */
    public static boolean covers(List<String> territories, String country) {
        if (territories.isEmpty() || territories.contains(country)) {
            return true;
        }
        return territories.contains(EU) && EU_MEMBERS.contains(country);
    }

    /** The territories with "EU" expanded to its members (and "EU" itself kept), for matching by equality. */
    public static List<String> expanded(List<String> territories) {
        Set<String> out = new LinkedHashSet<>(territories);
        if (territories.contains(EU)) {
            EU_MEMBERS.stream().sorted().forEach(out::add);
        }
        return new ArrayList<>(out);
    }
}

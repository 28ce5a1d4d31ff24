package io.cloudsword.kit.error;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Field checks that every service needs, each failing with the field's name and a reason. */
public final class Checks {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    /** Platform codes are short stable slugs: "tmall", "amazon.de", "ebay-uk". */
    private static final Pattern PLATFORM = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,62}$");
    private static final Pattern HOSTNAME = Pattern.compile(
            "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");

    private Checks() {
    }

    /** A marketplace's code, lower-cased. */
    public static String platform(String field, String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!PLATFORM.matcher(v).matches()) {
            throw DomainException.invalid(field, "INVALID_FORMAT",
                    field + " must be a code of 2-63 lower-case letters, digits, '.', '_' or '-'");
        }
        return v;
    }

    /** A DNS host name (internationalized names in their ASCII form), lower-cased; null when it is not one. */
    public static String hostnameOrNull(String value) {
        try {
            String ascii = java.net.IDN.toASCII(value.strip().toLowerCase(Locale.ROOT), java.net.IDN.USE_STD3_ASCII_RULES);
            return HOSTNAME.matcher(ascii).matches() ? ascii : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Trimmed, non-blank, at most {@code max} characters. */
    public static String text(String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw DomainException.invalid(field, "FIELD_REQUIRED", field + " is required");
        }
        if (v.codePointCount(0, v.length()) > max) {
            throw DomainException.invalid(field, "FIELD_TOO_LONG", field + " is longer than " + max + " characters");
        }
        return v;
    }

    /** Like {@link #text} but may be empty (then returns ""). */
    public static String optionalText(String field, String value, int max) {
        return value == null || value.isBlank() ? "" : text(field, value, max);
    }

    /** ISO 3166-1 alpha-2, upper case. */
    public static String country(String field, String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(v)) {
            throw DomainException.invalid(field, "INVALID_COUNTRY",
                    field + " must be an ISO 3166-1 alpha-2 country code, got '" + value + "'");
        }
        return v;
    }

    /** ISO 4217 currency code, upper case. */
    public static String currency(String field, String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        try {
            if (v.length() == 3) {
                return Currency.getInstance(v).getCurrencyCode();
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the refusal
        }
        throw DomainException.invalid(field, "INVALID_CURRENCY",
                field + " must be an ISO 4217 currency code, got '" + value + "'");
    }

    public static String email(String field, String value) {
        String v = text(field, value, 254);
        if (!EMAIL.matcher(v).matches()) {
            throw DomainException.invalid(field, "INVALID_EMAIL", field + " is not an email address");
        }
        return v;
    }

    /** An id as we issue them (a UUID); anything else cannot name a record of ours. */
    public static String id(String field, String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!UUID.matcher(v).matches()) {
            throw DomainException.invalid(field, "INVALID_FORMAT", field + " must be an id (UUID), got '" + value + "'");
        }
        return v;
    }
}

package io.cloudsword.complaint.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.cloudsword.kit.error.DomainException;

/** Field checks this service needs beyond the kit's {@code Checks}. */
final class Texts {

    static final int MAX_URL = 2_048;

    private Texts() {
    }

    /** An absolute https URL with a host, at most 2,048 characters, else INVALID_URL. */
    static String httpsUrl(String field, String value) {
        String url = value.strip();
        if (url.length() > MAX_URL) {
            throw DomainException.invalid(field, "FIELD_TOO_LONG", field + " is longer than " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")
                    || uri.getHost() == null || uri.getHost().isEmpty()) {
                throw DomainException.invalid(field, "INVALID_URL", field + " must be an https URL with a host");
            }
            return url;
        } catch (URISyntaxException e) {
            throw DomainException.invalid(field, "INVALID_URL", field + " is not a valid URL");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

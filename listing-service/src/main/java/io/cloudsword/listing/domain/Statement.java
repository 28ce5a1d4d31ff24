package io.cloudsword.listing.domain;

import io.cloudsword.kit.error.DomainException;

/**
 * A DSA-style statement of reasons given to the seller: its decision (CONTENT_REMOVED, ...) and
 * the whole statement as JSON, stored with the transition it explains.
 */
public record Statement(String decision, String json) {

    /** Refuses a missing statement or one whose decision does not fit the measure. */
    public static Statement require(Statement s, String field, String... decisions) {
        if (s == null || s.decision() == null || s.decision().isEmpty()) {
            throw DomainException.invalid(field, "FIELD_REQUIRED", field + " (the statement of reasons) is required");
        }
        for (String d : decisions) {
            if (d.equals(s.decision())) {
                return s;
            }
        }
        throw DomainException.invalid(field + ".decision", "INVALID_DECISION", field + ".decision must be "
                + String.join(" or ", decisions) + " here, got " + s.decision());
    }
}

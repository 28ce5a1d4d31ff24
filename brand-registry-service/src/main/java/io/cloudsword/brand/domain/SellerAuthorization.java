package io.cloudsword.brand.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cloudsword.kit.error.DomainException;

/**
 * The answer to "may this shop sell this brand here and now?" for one check.
 *
 * @param sellerId the entry that decided (also for OUTSIDE_TERRITORY / OUTSIDE_VALIDITY); null otherwise
 * @param error    set for a malformed or forbidden check; basis is then null
 */
public record SellerAuthorization(Check check, Basis basis, boolean exclusiveDistribution, UUID sellerId,
        DomainException error) {

    public enum Basis {
        LISTED, NOT_LISTED, OUTSIDE_TERRITORY, OUTSIDE_VALIDITY, BRAND_NOT_FOUND
    }

    /** One check as asked; {@code at} null = now. Fields are raw until validated by AuthorizedSellers. */
    public record Check(String brandId, String platform, String shopId, String country, Instant at) {
    }

    /** The subset of an entry that a check needs. */
    public record Entry(UUID id, List<String> territories, Instant validFrom, Instant validUntil) {
    }

    public boolean authorized() {
        return basis == Basis.LISTED;
    }

    static SellerAuthorization failed(Check check, DomainException error) {
        return new SellerAuthorization(check, null, false, null, error);
    }

    /**
     * The pure rule. The territory is checked before the window: a market the entry never covers
     * is the more lasting mismatch, so it is the one reported when both fail. The window is
     * half-open: an entry valid until T no longer covers T itself.
     */
    public static Basis decide(Entry entry, String country, Instant at) {
        if (entry == null) {
            return Basis.NOT_LISTED;
        }
        if (!Territories.covers(entry.territories(), country)) {
            return Basis.OUTSIDE_TERRITORY;
        }
        if (at.isBefore(entry.validFrom()) || (entry.validUntil() != null && !at.isBefore(entry.validUntil()))) {
            return Basis.OUTSIDE_VALIDITY;
        }
        return Basis.LISTED;
    }
}

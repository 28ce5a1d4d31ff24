package io.cloudsword.listing.brand;

import java.util.List;
import java.util.function.Consumer;

import io.cloudsword.listing.scoring.BrandContext;

/**
 * Brand data for scoring, from brand-registry-service through a cache kept fresh by its change
 * stream: a chunk of listings costs at most a few batched calls for what the cache misses, never
 * one call per listing.
 */
public interface BrandFacts {

    /** The parts of a listing that decide its brand context. gtin14 may be null. */
    record Subject(String platform, String shopId, String marketCountry, String gtin14, String title,
            String description) {
    }

    /**
     * One context per subject, in order. Blocking; call from a worker thread.
     *
     * @throws io.cloudsword.kit.error.DomainException UNAVAILABLE / DEPENDENCY_UNAVAILABLE when
     *         brand-registry is unreachable and the cache cannot answer
     */
    List<BrandContext> contexts(List<Subject> subjects);

    /**
     * The ids of the brands a rights owner owns (a rights owner sees listings of its brands only).
     * From the cache; empty for an unknown owner.
     */
    java.util.Set<String> brandsOwnedBy(String ownerId);

    /**
     * Called with a brand id whenever a change to that brand (its names, prefixes, products,
     * MSRPs, authorized sellers, images, exclusivity) may change scores of its listings.
     */
    void onBrandChanged(Consumer<String> listener);
}

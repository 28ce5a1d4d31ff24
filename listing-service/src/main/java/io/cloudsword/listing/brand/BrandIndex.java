package io.cloudsword.listing.brand;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.kit.text.MentionMatcher;

/**
 * Every brand of the registry, as scoring needs it, with the two lookups that run per listing
 * without calling out: the brand mentioned in a text (the kit's {@link MentionMatcher}, the very
 * code behind brand-registry's ResolveBrandMentions) and the brand owning a GTIN (longest
 * matching GS1 company prefix, as brand-registry's GtinOwners decides it).
 * <p>
 * It also answers which brands a rights owner owns (a rights owner sees its own brands' listings).
 * <p>
 * Immutable: a change produces a new index, so a chunk of listings is scored against one
 * consistent view. The matcher is built on first use, so a burst of brand changes rebuilds it
 * once, when the next chunk needs it.
 */
final class BrandIndex {

    /** A brand as cached: names for mentions, prefixes for GTIN ownership, the facts for scoring. */
    record CachedBrand(String id, String ownerId, String name, List<String> aliases, List<String> gs1Prefixes,
            boolean exclusiveDistribution, List<String> officialImageHashes, List<String> distributionTerritories) {

        static CachedBrand of(Brand b) {
            return new CachedBrand(b.getId(), b.getOwnerId(), b.getName(), List.copyOf(b.getAliasesList()),
                    List.copyOf(b.getGs1CompanyPrefixesList()), b.getExclusiveDistribution(),
                    List.copyOf(b.getOfficialImageHashesList()), List.copyOf(b.getDistributionTerritoriesList()));
        }
    }

    /** brand-registry's GS1 company prefixes are 6..12 digits in GTIN-13 form (GtinOwners). */
    static final int MIN_PREFIX = 6;
    static final int MAX_PREFIX = 12;

    static final BrandIndex EMPTY = new BrandIndex(Map.of(), Map.of());

    private final Map<String, CachedBrand> brands;
    private final Map<String, String> prefixOwners;
    private volatile MentionMatcher matcher;
    private volatile Map<String, Set<String>> brandsByOwner;

    private BrandIndex(Map<String, CachedBrand> brands, Map<String, String> prefixOwners) {
        this.brands = brands;
        this.prefixOwners = prefixOwners;
    }

    static BrandIndex of(Collection<CachedBrand> all) {
        Map<String, CachedBrand> brands = new HashMap<>(all.size() * 2);
        Map<String, String> prefixes = new HashMap<>();
        for (CachedBrand b : all) {
            brands.put(b.id(), b);
            b.gs1Prefixes().forEach(p -> prefixes.put(p, b.id()));
        }
        return new BrandIndex(brands, prefixes);
    }

    /** This index with {@code brand} added or replaced. */
    BrandIndex with(CachedBrand brand) {
        Map<String, CachedBrand> brands = new HashMap<>(this.brands);
        Map<String, String> prefixes = new HashMap<>(this.prefixOwners);
        CachedBrand old = brands.put(brand.id(), brand);
        if (old != null) {
            old.gs1Prefixes().forEach(p -> prefixes.remove(p, old.id()));
        }
        // a prefix moves from one brand to another in two changes; the later one wins meanwhile
        brand.gs1Prefixes().forEach(p -> prefixes.put(p, brand.id()));
        return new BrandIndex(brands, prefixes);
    }

    /** This index without the brand (the registry no longer knows it). */
    BrandIndex without(String brandId) {
        if (!brands.containsKey(brandId)) {
            return this;
        }
        Map<String, CachedBrand> brands = new HashMap<>(this.brands);
        Map<String, String> prefixes = new HashMap<>(this.prefixOwners);
        CachedBrand old = brands.remove(brandId);
        old.gs1Prefixes().forEach(p -> prefixes.remove(p, brandId));
        return new BrandIndex(brands, prefixes);
    }

    CachedBrand brand(String id) {
        return brands.get(id);
    }

    Collection<CachedBrand> brands() {
        return brands.values();
    }

    int size() {
        return brands.size();
    }

    /**
     * The brand whose GS1 company prefix covers the GTIN-14, longest prefix first: the prefixes
     * are in GTIN-13 form, so they are matched against the digits after the indicator digit.
     */
    CachedBrand gtinOwner(String gtin14) {
        if (gtin14 == null || gtin14.length() != 14) {
            return null;
        }
        for (int n = MAX_PREFIX; n >= MIN_PREFIX; n--) {
            String owner = prefixOwners.get(gtin14.substring(1, 1 + n));
            if (owner != null) {
                return brands.get(owner);
            }
        }
        return null;
    }

    /** The ids of the owner's brands; empty for an unknown owner. */
    Set<String> brandsOwnedBy(String ownerId) {
        Map<String, Set<String>> byOwner = brandsByOwner;
        if (byOwner == null) {
            Map<String, Set<String>> built = new HashMap<>();
            for (CachedBrand b : brands.values()) {
                built.computeIfAbsent(b.ownerId(), o -> new HashSet<>()).add(b.id());
            }
            built.replaceAll((owner, ids) -> Set.copyOf(ids));
            byOwner = built;
            brandsByOwner = byOwner; // built twice at worst, never half
        }
        return byOwner.getOrDefault(ownerId, Set.of());
    }

    /** Brand names and aliases in {@code text}, in order of position (longest of overlapping matches). */
    List<MentionMatcher.Mention> mentions(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return matcher().find(text, Set.of());
    }

    private MentionMatcher matcher() {
        MentionMatcher m = matcher;
        if (m == null) {
            synchronized (this) {
                m = matcher;
                if (m == null) {
                    List<MentionMatcher.Name> names = new ArrayList<>();
                    for (CachedBrand b : brands.values()) {
                        names.add(new MentionMatcher.Name(b.id(), b.name()));
                        b.aliases().forEach(alias -> names.add(new MentionMatcher.Name(b.id(), alias)));
                    }
                    m = new MentionMatcher(names);
                    matcher = m;
                }
            }
        }
        return m;
    }
}

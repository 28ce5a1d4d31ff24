package io.cloudsword.listing.brand;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.IsAuthorizedSellerRequest;
import io.cloudsword.api.brand.v1.MarketPrice;
import io.cloudsword.api.brand.v1.ProductLookupResult;
import io.cloudsword.api.brand.v1.SellerAuthorization;
import io.cloudsword.kit.Gtin;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.text.MentionMatcher;
import io.cloudsword.listing.brand.BrandIndex.CachedBrand;
import io.cloudsword.listing.scoring.BrandContext;

/**
 * listing-service's copy of what brand-registry knows about brands, for scoring chunks of
 * listings without a call per listing.
 * <ul>
 * <li>Every brand (names, aliases, GS1 prefixes, exclusivity, official images) is held in memory,
 * loaded page by page at first use: brand mentions and GTIN owners are then found locally, with
 * the same matcher and the same longest-prefix rule as brand-registry.</li>
 * <li>Products (MSRPs, product images) and seller authorizations are fetched for what a chunk
 * misses, in one batch call per kind, and kept in bounded LRU caches; products that are not
 * registered are remembered as such.</li>
 * <li>{@link BrandWatch} applies brand-registry's change stream here, one change at a time, and
 * then tells the {@link #onBrandChanged} listeners: a change is visible to the next
 * {@link #contexts} call before any listener hears of it.</li>
 * </ul>
 * Seller authorizations also expire after a while: an entry's validity window opens and closes
 * with time alone, and the registry sends no change for that.
 */
@ApplicationScoped
public class BrandCache implements BrandFacts {

    private static final Logger LOG = Logger.getLogger(BrandCache.class);

    /** A product as far as scoring is concerned; {@link #NOT_REGISTERED} for an unknown GTIN. */
    record KnownProduct(boolean registered, String brandId, Map<String, BrandContext.Msrp> msrpByCountry,
            List<String> imageHashes) {

        static final KnownProduct NOT_REGISTERED = new KnownProduct(false, null, Map.of(), List.of());

        static KnownProduct of(ProductLookupResult r) {
            if (!r.getFound() || r.hasError()) {
                return NOT_REGISTERED;
            }
            Map<String, BrandContext.Msrp> msrps = new HashMap<>();
            for (MarketPrice m : r.getProduct().getMsrpsList()) {
                msrps.put(m.getCountry(), new BrandContext.Msrp(m.getPrice().getAmountMinor(), m.getPrice().getCurrency(),
                        m.getCountry()));
            }
            return new KnownProduct(true, r.getProduct().getBrandId(), Map.copyOf(msrps),
                    List.copyOf(r.getProduct().getImageHashesList()));
        }
    }

    /** Whose seller list: one entry holds the answers for every market asked so far. */
    record SellerKey(String brandId, String platform, String shopId) {
    }

    /** One authorization question: this shop, this brand, this market. */
    record SellerCheck(SellerKey key, String market) {
    }

    /** UNKNOWN: brand-registry refused the check itself (a malformed market, say); not a yes or no. */
    enum Authorization {
        AUTHORIZED, NOT_AUTHORIZED, UNKNOWN
    }

    /** What one subject needs, worked out from the index before anything is fetched. */
    private record Draft(String gtin14, CachedBrand owner, List<BrandContext.Mention> mentions, String market,
            SellerCheck sellerCheck) {
    }

    private final BrandRegistryClient registry;
    private final BoundedCache<String, KnownProduct> products;
    private final BoundedCache<SellerKey, Map<String, Authorization>> sellers;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    /** Guards loading and changing the index, so the change stream and a first load never interleave. */
    private final Object indexLock = new Object();
    /** Null until first use, and after everything was dropped. */
    private volatile BrandIndex index;
    /**
     * The latest Brand.version this cache has accounted for, per brand (the registry increases
     * it with every change to a brand or its products and sellers), to tell after a resync
     * which brands changed while the stream could not say.
     */
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    @Inject
    public BrandCache(BrandRegistryClient registry,
            @ConfigProperty(name = "cloudsword.brand-cache.max-products", defaultValue = "200000") int maxProducts,
            @ConfigProperty(name = "cloudsword.brand-cache.max-sellers", defaultValue = "200000") int maxSellers,
            @ConfigProperty(name = "cloudsword.brand-cache.seller-ttl", defaultValue = "5m") Duration sellerTtl) {
        this.registry = registry;
        this.products = new BoundedCache<>(maxProducts, null);
        this.sellers = new BoundedCache<>(maxSellers, sellerTtl);
    }

    @Override
    public void onBrandChanged(Consumer<String> listener) {
        listeners.add(listener);
    }

    @Override
    public Set<String> brandsOwnedBy(String ownerId) {
        return ownerId == null || ownerId.isBlank() ? Set.of() : index().brandsOwnedBy(ownerId);
    }

    @Override
    public List<BrandContext> contexts(List<Subject> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        BrandIndex idx = index();
        // noted before anything is read: an invalidation from here on keeps our answers out of the caches
        long productGeneration = products.generation();
        long sellerGeneration = sellers.generation();

        List<Draft> drafts = new ArrayList<>(subjects.size());
        Map<String, KnownProduct> knownProducts = new HashMap<>();
        Set<String> missingProducts = new LinkedHashSet<>();
        Map<SellerCheck, Authorization> knownSellers = new HashMap<>();
        Set<SellerCheck> missingSellers = new LinkedHashSet<>();
        for (Subject subject : subjects) {
            Draft d = draft(idx, subject);
            drafts.add(d);
            // a registered product lies under its brand's prefixes, so a GTIN without an owner has none
            if (d.owner() != null && !knownProducts.containsKey(d.gtin14()) && !missingProducts.contains(d.gtin14())) {
                KnownProduct p = products.get(d.gtin14());
                if (p != null) {
                    knownProducts.put(d.gtin14(), p);
                } else {
                    missingProducts.add(d.gtin14());
                }
            }
            SellerCheck check = d.sellerCheck();
            if (check != null && !knownSellers.containsKey(check) && !missingSellers.contains(check)) {
                Map<String, Authorization> byMarket = sellers.get(check.key());
                Authorization a = byMarket == null ? null : byMarket.get(check.market());
                if (a != null) {
                    knownSellers.put(check, a);
                } else {
                    missingSellers.add(check);
                }
            }
        }

        if (!missingProducts.isEmpty()) {
            List<String> gtins = new ArrayList<>(missingProducts);
            List<ProductLookupResult> results = registry.productsByGtin(gtins);
            for (int i = 0; i < gtins.size(); i++) {
                KnownProduct p = i < results.size() ? KnownProduct.of(results.get(i)) : KnownProduct.NOT_REGISTERED;
                knownProducts.put(gtins.get(i), p);
                products.mergeIfCurrent(gtins.get(i), p, (old, fresh) -> fresh, productGeneration);
            }
        }
        if (!missingSellers.isEmpty()) {
            List<SellerCheck> checks = new ArrayList<>(missingSellers);
            List<SellerAuthorization> results = registry.authorizedSellers(checks.stream()
                    .map(c -> IsAuthorizedSellerRequest.newBuilder().setBrandId(c.key().brandId())
                            .setPlatform(c.key().platform()).setShopId(c.key().shopId()).setCountry(c.market()).build())
                    .toList());
            for (int i = 0; i < checks.size(); i++) {
                SellerCheck c = checks.get(i);
                Authorization a = i < results.size() ? authorization(results.get(i)) : Authorization.UNKNOWN;
                knownSellers.put(c, a);
                sellers.mergeIfCurrent(c.key(), Map.of(c.market(), a), BrandCache::withMarkets, sellerGeneration);
            }
        }

        List<BrandContext> out = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            out.add(context(idx, d, d.owner() == null ? null : knownProducts.get(d.gtin14()),
                    d.sellerCheck() == null ? null : knownSellers.get(d.sellerCheck())));
        }
        return out;
    }

    private static Draft draft(BrandIndex idx, Subject s) {
        String gtin14 = gtin14(s.gtin14());
        CachedBrand owner = gtin14 == null ? null : idx.gtinOwner(gtin14);
        List<BrandContext.Mention> mentions = mentions(idx, s.title(), s.description());
        String market = blankToNull(s.marketCountry(), v -> v.toUpperCase(Locale.ROOT));
        String scoredId = owner != null ? owner.id() : mentions.isEmpty() ? null : mentions.get(0).brandId();
        SellerCheck check = null;
        String platform = blankToNull(s.platform(), v -> v.toLowerCase(Locale.ROOT));
        String shop = blankToNull(s.shopId(), v -> v);
        if (scoredId != null && market != null && platform != null && shop != null) {
            check = new SellerCheck(new SellerKey(scoredId, platform, shop), market);
        }
        return new Draft(gtin14, owner, mentions, market, check);
    }

    /**
     * Mentions in the title, then in the description, each in order of position. The same brand
     * written the same way again adds nothing; written differently ("Nike", "耐克") it does.
     */
    private static List<BrandContext.Mention> mentions(BrandIndex idx, String title, String description) {
        Map<String, BrandContext.Mention> distinct = new LinkedHashMap<>();
        for (String text : new String[] { title, description }) {
            for (MentionMatcher.Mention m : idx.mentions(text)) {
                CachedBrand b = idx.brand(m.brandId());
                distinct.putIfAbsent(m.brandId() + '\u0000' + m.matchedText(),
                        new BrandContext.Mention(m.brandId(), b == null ? m.matchedName() : b.name(), m.matchedText()));
            }
        }
        return List.copyOf(distinct.values());
    }

    private static BrandContext context(BrandIndex idx, Draft d, KnownProduct product, Authorization authorization) {
        BrandContext.Brand owner = d.owner() == null ? null : new BrandContext.Brand(d.owner().id(), d.owner().name());
        BrandContext.Brand scored = BrandContext.scoredBrand(owner, d.mentions());
        if (scored == null) {
            return new BrandContext(d.mentions(), null, null, null, null, false, null, List.of());
        }
        CachedBrand brand = idx.brand(scored.brandId());
        KnownProduct own = product != null && product.registered() && scored.brandId().equals(product.brandId())
                ? product : null;
        BrandContext.Msrp msrp = own == null || d.market() == null ? null : own.msrpByCountry().get(d.market());
        Set<String> images = new LinkedHashSet<>(brand == null ? List.of() : brand.officialImageHashes());
        if (own != null) {
            images.addAll(own.imageHashes());
        }
        Boolean authorized = authorization == null || authorization == Authorization.UNKNOWN ? null
                : authorization == Authorization.AUTHORIZED;
        return new BrandContext(d.mentions(), owner, scored.brandId(), scored.name(), msrp,
                brand != null && brand.exclusiveDistribution(), authorized, List.copyOf(images));
    }

    private static Authorization authorization(SellerAuthorization r) {
        if (r.hasError()) {
            return Authorization.UNKNOWN;
        }
        return r.getAuthorized() ? Authorization.AUTHORIZED : Authorization.NOT_AUTHORIZED;
    }

    private static Map<String, Authorization> withMarkets(Map<String, Authorization> old, Map<String, Authorization> fresh) {
        Map<String, Authorization> merged = new HashMap<>(old);
        merged.putAll(fresh);
        return Map.copyOf(merged);
    }

    /** The GTIN-14 of a valid GTIN; null without one (a listing's bad GTIN is not a brand fact). */
    private static String gtin14(String gtin) {
        if (gtin == null || gtin.isBlank()) {
            return null;
        }
        try {
            return Gtin.toGtin14("gtin", gtin);
        } catch (DomainException invalid) {
            return null;
        }
    }

    private static String blankToNull(String value, UnaryOperator<String> normalize) {
        return value == null || value.isBlank() ? null : normalize.apply(value.strip());
    }

    // ----- the index: loaded at first use, changed only by the change stream

    private BrandIndex index() {
        BrandIndex current = index;
        if (current != null) {
            return current;
        }
        synchronized (indexLock) {
            if (index == null) {
                index = load(registry.listAllBrands());
                LOG.infof("Brand cache loaded %d brands from brand-registry", index.size());
            }
            return index;
        }
    }

    private BrandIndex load(List<Brand> all) {
        versions.clear();
        all.forEach(b -> versions.put(b.getId(), b.getVersion()));
        return BrandIndex.of(all.stream().map(CachedBrand::of).toList());
    }

    // ----- changes, applied by BrandWatch one at a time, each before its listeners are told

    /** A brand was created or changed (names, prefixes, exclusivity, images): reload it. */
    void brandChanged(String brandId, long version) {
        synchronized (indexLock) {
            if (index == null) {
                versions.merge(brandId, version, Math::max); // the next load reads it as it is now
                return;
            }
            List<Brand> found = registry.brands(List.of(brandId));
            if (found.isEmpty()) {
                index = index.without(brandId);
                versions.remove(brandId);
            } else {
                index = index.with(CachedBrand.of(found.get(0)));
                versions.put(brandId, found.get(0).getVersion());
            }
        }
    }

    /** A product was registered or changed (MSRPs, images). */
    void productChanged(String gtin14, String brandId, long version) {
        products.invalidate(gtin14);
        noteVersion(brandId, version);
    }

    /** A seller of the brand was added, changed or removed. */
    void sellerChanged(String brandId, String platform, String shopId, long version) {
        sellers.invalidate(new SellerKey(brandId, platform.strip().toLowerCase(Locale.ROOT), shopId.strip()));
        noteVersion(brandId, version);
    }

    private void noteVersion(String brandId, long version) {
        if (brandId != null && !brandId.isEmpty()) {
            versions.merge(brandId, version, Math::max);
        }
    }

    /**
     * The stream could not say what changed: drop everything and reload every brand.
     *
     * @return the brands that changed since this cache last knew them (by Brand.version), plus
     *         new and vanished ones; every brand when nothing was known before
     */
    Set<String> resync() {
        synchronized (indexLock) {
            products.invalidateAll();
            sellers.invalidateAll();
            index = null; // if the reload fails, the next contexts() call loads instead
            List<Brand> all = registry.listAllBrands();
            Map<String, Long> before = Map.copyOf(versions);
            Set<String> changed = new LinkedHashSet<>();
            Set<String> seen = new HashSet<>();
            for (Brand b : all) {
                seen.add(b.getId());
                Long known = before.get(b.getId());
                if (known == null || known != b.getVersion()) {
                    changed.add(b.getId());
                }
            }
            before.keySet().stream().filter(id -> !seen.contains(id)).forEach(changed::add);
            index = load(all);
            return changed;
        }
    }

    /**
     * Forget everything without telling anyone: used when the stream restarts without a position
     * (nothing was ever persisted), so changes in between may have been missed. The next call reloads.
     */
    void forgetAll() {
        synchronized (indexLock) {
            products.invalidateAll();
            sellers.invalidateAll();
            index = null;
        }
    }

    void notifyChanged(String brandId) {
        if (brandId == null || brandId.isEmpty()) {
            return;
        }
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(brandId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "A brand-change listener failed for brand %s", brandId);
            }
        }
    }
}

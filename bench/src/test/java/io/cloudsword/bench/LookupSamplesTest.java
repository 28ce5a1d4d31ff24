package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.brand.v1.SellerAuthorizationBasis;
import io.cloudsword.bench.seed.DemoCatalog;

class LookupSamplesTest {

    private final DemoCatalog.Catalog catalog = DemoCatalog.generate(400, 30, 42);

    @Test
    void gtinBatchesHaveTheSizeAndMostlyRegisteredGtinsTheRestValidButUnknown() {
        Set<String> registered = new HashSet<>();
        catalog.brands().forEach(b -> b.products().forEach(p -> registered.add(p.gtin14())));
        List<List<String>> batches = LookupSamples.gtinBatches(catalog, 50, 100, 10, new Random(1));
        assertEquals(50, batches.size());
        int misses = 0;
        for (List<String> batch : batches) {
            assertEquals(100, batch.size());
            for (String gtin : batch) {
                assertEquals(14, gtin.length());
                assertEquals(DemoCatalog.checkDigit(gtin.substring(0, 13)), gtin.charAt(13) - '0', gtin);
                if (!registered.contains(gtin)) {
                    misses++;
                    assertTrue(catalog.brands().stream().anyMatch(b -> gtin.substring(1).startsWith(b.gs1Prefix())),
                            "a miss is still under a brand's prefix: " + gtin);
                }
            }
        }
        assertTrue(misses > 300 && misses < 700, "about 10 % misses: " + misses);
        assertEquals(batches, LookupSamples.gtinBatches(catalog, 50, 100, 10, new Random(1)));
        assertTrue(LookupSamples.gtinBatches(catalog, 5, 100, 0, new Random(1)).stream().flatMap(List::stream)
                .allMatch(registered::contains));
    }

    @Test
    void sellerChecksMixAuthorizedAndUnauthorizedWithTheAnswerTheCatalogueImplies() {
        List<LookupSamples.SellerCheck> checks = LookupSamples.sellerChecks(catalog, 5_000, new Random(7));
        assertEquals(5_000, checks.size());
        Map<SellerAuthorizationBasis, Integer> byBasis = new EnumMap<>(SellerAuthorizationBasis.class);
        for (LookupSamples.SellerCheck c : checks) {
            byBasis.merge(c.expected(), 1, Integer::sum);
            assertEquals(c.expected(), expectedFromCatalogue(c), c.toString());
        }
        assertTrue(byBasis.get(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_LISTED) > 2_000, byBasis.toString());
        for (SellerAuthorizationBasis b : List.of(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_NOT_LISTED,
                SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_OUTSIDE_TERRITORY,
                SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_OUTSIDE_VALIDITY)) {
            assertTrue(byBasis.getOrDefault(b, 0) > 200, byBasis.toString());
        }
        assertEquals(checks, LookupSamples.sellerChecks(catalog, 5_000, new Random(7)));
    }

    /** The rule the service applies, written out against the catalogue (at any date after 2024). */
    private SellerAuthorizationBasis expectedFromCatalogue(LookupSamples.SellerCheck c) {
        DemoCatalog.Seller entry = catalog.brands().get(c.brandIndex()).sellers().stream()
                .filter(s -> s.platform().equals(c.platform()) && s.shopId().equals(c.shopId())).findFirst()
                .orElse(null);
        if (entry == null) {
            return SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_NOT_LISTED;
        }
        if (!entry.territories().isEmpty() && !entry.territories().contains(c.country())) {
            return SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_OUTSIDE_TERRITORY;
        }
        if (entry.validUntil() != null) {
            return SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_OUTSIDE_VALIDITY;
        }
        return SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_LISTED;
    }
}

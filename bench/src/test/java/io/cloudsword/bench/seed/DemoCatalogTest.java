package io.cloudsword.bench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class DemoCatalogTest {

    private final DemoCatalog.Catalog catalog = DemoCatalog.generate(400, 30, 42);

    @Test
    void hasTheFieldsScale() {
        assertEquals(400, catalog.brands().size());
        assertEquals(12_000, catalog.productCount());
        assertEquals(100, catalog.owners().size());
        assertTrue(catalog.sellerCount() >= 2_000 && catalog.sellerCount() <= 5_000, "sellers: " + catalog.sellerCount());
        assertTrue(catalog.recordationCount() >= 200, "recordations: " + catalog.recordationCount());
    }

    @Test
    void isTheSameOnEveryRun() {
        assertEquals(catalog, DemoCatalog.generate(400, 30, 42));
    }

    @Test
    void everyOwnerHasSeveralBrandsAndUniqueNaturalKeys() {
        Map<Integer, Long> brandsPerOwner = catalog.brands().stream()
                .collect(Collectors.groupingBy(DemoCatalog.Brand::ownerIndex, Collectors.counting()));
        assertEquals(catalog.owners().size(), brandsPerOwner.size());
        assertTrue(brandsPerOwner.values().stream().allMatch(n -> n >= 2));
        Set<String> keys = new HashSet<>();
        for (DemoCatalog.Owner o : catalog.owners()) {
            assertTrue(keys.add(o.country() + "/" + o.tradeRegisterNumber()));
            assertTrue(o.phone().matches("\\+[1-9][0-9]{6,14}"), o.phone());
        }
    }

    @Test
    void prefixesHave6To12DigitsAreUniqueAndNoneNestsInAnother() {
        Set<Integer> lengths = new HashSet<>();
        List<String> prefixes = catalog.brands().stream().map(DemoCatalog.Brand::gs1Prefix).toList();
        assertEquals(prefixes.size(), new HashSet<>(prefixes).size());
        for (String p : prefixes) {
            assertTrue(p.matches("[0-9]{6,12}"), p);
            lengths.add(p.length());
            for (String q : prefixes) {
                assertTrue(p.equals(q) || !q.startsWith(p), p + " is a prefix of " + q);
            }
        }
        assertTrue(lengths.containsAll(Set.of(6, 7, 8, 9, 10, 11, 12)), "lengths " + lengths);
    }

    @Test
    void gtinsAreValidUniqueAndOwnedByTheirBrandByLongestPrefix() {
        assertEquals(3, DemoCatalog.checkDigit("629104150021")); // DOMAIN.md's example
        Map<String, DemoCatalog.Brand> byPrefix = new HashMap<>();
        catalog.brands().forEach(b -> byPrefix.put(b.gs1Prefix(), b));
        Set<String> gtins = new HashSet<>();
        for (DemoCatalog.Brand brand : catalog.brands()) {
            assertFalse(brand.products().isEmpty(), brand.name());
            assertTrue(brand.products().size() <= brand.capacity());
            for (DemoCatalog.Product p : brand.products()) {
                assertEquals(13, p.gtin13().length());
                assertEquals(DemoCatalog.checkDigit(p.gtin13().substring(0, 12)), p.gtin13().charAt(12) - '0');
                assertEquals(brand, longestPrefixOwner(byPrefix, p.gtin13()), p.gtin13());
                assertTrue(gtins.add(p.gtin14()), "GTIN repeated: " + p.gtin14());
                assertEquals(14, p.gtin14().length());
                assertTrue(p.hsCode().matches("[0-9]{6}"));
            }
        }
    }

    private static DemoCatalog.Brand longestPrefixOwner(Map<String, DemoCatalog.Brand> byPrefix, String gtin13) {
        for (int length = 12; length >= 6; length--) {
            DemoCatalog.Brand owner = byPrefix.get(gtin13.substring(0, length));
            if (owner != null) {
                return owner;
            }
        }
        return null;
    }

    @Test
    void msrpsAreInSeveralMarketsInTheirCurrencies() {
        Map<String, String> currencyOf = Map.of("DE", "EUR", "FR", "EUR", "IT", "EUR", "US", "USD", "GB", "GBP",
                "CN", "CNY", "JP", "JPY", "KR", "KRW");
        Set<String> currencies = new HashSet<>();
        for (DemoCatalog.Brand brand : catalog.brands()) {
            for (DemoCatalog.Product p : brand.products()) {
                assertTrue(p.msrps().size() >= 3, p.name());
                assertEquals(p.msrps().size(), p.msrps().stream().map(DemoCatalog.Msrp::country).distinct().count());
                for (DemoCatalog.Msrp m : p.msrps()) {
                    assertEquals(currencyOf.get(m.country()), m.currency());
                    assertTrue(m.amountMinor() > 0);
                    Currency.getInstance(m.currency());
                    currencies.add(m.currency());
                }
            }
        }
        assertEquals(Set.of("EUR", "USD", "GBP", "CNY", "JPY", "KRW"), currencies);
    }

    @Test
    void oneToThreeTrademarksPerBrandAtDifferentOfficesInForceNow() {
        Set<String> keys = new HashSet<>();
        Set<String> offices = new HashSet<>();
        LocalDate now = LocalDate.of(2026, 12, 1);
        for (DemoCatalog.Brand brand : catalog.brands()) {
            List<DemoCatalog.Trademark> marks = brand.trademarks();
            assertTrue(marks.size() >= 1 && marks.size() <= 3);
            assertEquals(marks.size(), marks.stream().map(DemoCatalog.Trademark::office).distinct().count());
            for (DemoCatalog.Trademark t : marks) {
                assertTrue(keys.add(t.office() + "/" + t.registrationNumber()));
                assertTrue(t.registrationNumber().matches("[A-Z0-9]+"));
                assertTrue(t.niceClasses().stream().allMatch(c -> c >= 1 && c <= 45));
                assertEquals(t.niceClasses().stream().sorted().distinct().toList(), t.niceClasses());
                assertFalse(t.territories().isEmpty());
                assertTrue(t.registered().isBefore(now) && t.expires().isAfter(now));
                assertTrue(t.evidenceSha256().matches("[0-9a-f]{64}"));
                offices.add(t.office());
            }
        }
        assertTrue(offices.containsAll(Set.of("CNIPA", "USPTO", "EUIPO", "WIPO")), "offices " + offices);
    }

    @Test
    void sellersAreOnSeveralPlatformsForManyBrandsSomeExclusive() {
        long withSellers = catalog.brands().stream().filter(b -> !b.sellers().isEmpty()).count();
        assertTrue(withSellers >= 200, "brands with sellers: " + withSellers);
        assertTrue(catalog.brands().stream().anyMatch(DemoCatalog.Brand::exclusiveDistribution));
        Set<String> platforms = new HashSet<>();
        long ended = 0;
        for (DemoCatalog.Brand brand : catalog.brands()) {
            Set<String> keys = new HashSet<>();
            for (DemoCatalog.Seller s : brand.sellers()) {
                assertTrue(keys.add(s.platform() + "/" + s.shopId()), "seller repeated in " + brand.name());
                assertTrue(s.platform().matches("[a-z0-9][a-z0-9._-]{1,62}"));
                assertTrue(s.validUntil() == null || s.validFrom().isBefore(s.validUntil()));
                platforms.add(s.platform());
                ended += s.validUntil() == null ? 0 : 1;
            }
        }
        assertTrue(platforms.containsAll(Set.of("taobao", "tmall", "jd", "amazon-de", "amazon-us")), "" + platforms);
        assertTrue(ended > 0, "some distribution contracts ended");
    }

    @Test
    void recordationsCoverTheBrandsOwnMarksOfTheMatchingOfficeWithinTheirValidity() {
        Map<String, String> officeOf = Map.of("EU_AFA", "EUIPO", "US_CBP", "USPTO", "CN_GACC", "CNIPA");
        Set<String> keys = new HashSet<>();
        long brandsWithRecordations = 0;
        for (DemoCatalog.Brand brand : catalog.brands()) {
            brandsWithRecordations += brand.recordations().isEmpty() ? 0 : 1;
            for (DemoCatalog.Recordation r : brand.recordations()) {
                assertTrue(keys.add(r.authority() + "/" + r.number()));
                assertTrue(r.number().matches("[A-Z0-9]+"), r.number());
                assertFalse(r.trademarkIndexes().isEmpty());
                for (int t : r.trademarkIndexes()) {
                    assertEquals(officeOf.get(r.authority()), brand.trademarks().get(t).office());
                }
                assertTrue(r.hsCodes().stream().allMatch(h -> h.matches("[0-9]{6}")));
                assertFalse(r.territories().isEmpty());
                assertFalse(r.authorizedDistributors().isEmpty());
                assertTrue(r.detentionContact().email().contains("@"));
                assertTrue(r.validFrom().isBefore(r.validUntil()));
                assertTrue(!r.validUntil().isAfter(r.validFrom().plusYears(10)), "at most 10 years");
                r.authenticGtins().forEach(g -> assertEquals(14, g.length()));
            }
        }
        assertTrue(brandsWithRecordations >= 160, "brands with recordations: " + brandsWithRecordations);
        assertEquals(Set.of("EU_AFA", "US_CBP", "CN_GACC"), catalog.brands().stream()
                .flatMap(b -> b.recordations().stream()).map(DemoCatalog.Recordation::authority)
                .collect(Collectors.toSet()));
    }

    @Test
    void brandNamesAreUniqueAndHaveAliasesInThreeOtherScripts() {
        Set<String> names = new HashSet<>();
        for (DemoCatalog.Brand brand : catalog.brands()) {
            assertTrue(names.add(brand.name().toLowerCase()), "name repeated: " + brand.name());
            assertEquals(3, brand.aliases().size());
            assertTrue(brand.aliases().get(0).codePoints().allMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN));
            assertTrue(brand.aliases().get(1).codePoints().allMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.CYRILLIC));
        }
    }

    @Test
    void productCountsMakeUpTheTotalWhenLongPrefixesHaveLittleRoom() {
        int[] counts = DemoCatalog.productCounts(new int[] { 12, 11, 7, 10 }, 30);
        assertEquals(1, counts[0]);
        assertEquals(10, counts[1]);
        assertEquals(120, counts[0] + counts[1] + counts[2] + counts[3]);
        assertTrue(counts[3] <= 100);
        // no room anywhere: stops rather than looping
        assertEquals(2, java.util.Arrays.stream(DemoCatalog.productCounts(new int[] { 12, 12 }, 30)).sum());
    }
}

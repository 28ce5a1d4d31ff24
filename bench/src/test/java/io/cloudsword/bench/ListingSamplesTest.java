package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.listing.v1.ListingInput;
import io.cloudsword.bench.seed.DemoCatalog;

class ListingSamplesTest {

    static final DemoCatalog.Catalog CATALOG = DemoCatalog.generate(400, 30, 42);
    static final List<String> ALL = ListingSamples.PLATFORMS.stream().map(ListingSamples.Platform::slug).toList();
    static final Pattern HASH = Pattern.compile("[0-9a-f]{16}");
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    static final Pattern KANA = Pattern.compile("[\\p{IsKatakana}\\p{IsHiragana}]");
    static final Pattern LATIN = Pattern.compile("[A-Za-z]{3}");
    static final List<String> TERMS = List.of("replica", "1:1", "super copy", "mirror quality", "AAA quality",
            "高仿", "复刻", "A货", "超A", "原单");

    private static final ListingSamples SAMPLES = new ListingSamples(CATALOG, ALL, 42, 1000);
    private static final List<ListingSamples.Sample> MANY = many(SAMPLES, 21_000, "t-");

    private static List<ListingSamples.Sample> many(ListingSamples samples, int n, String prefix) {
        List<ListingSamples.Sample> out = new ArrayList<>(n);
        for (long b = 0; b < samples.blocks(n); b++) {
            out.addAll(samples.blockOf(b, n, prefix));
        }
        return out;
    }

    @Test
    void theSameIndexIsTheSameListingAndOnlyItsKeyAndAddressFollowThePrefix() {
        ListingSamples again = new ListingSamples(DemoCatalog.generate(400, 30, 42), ALL, 42, 1000);
        for (long i : new long[] { 0, 1, 999, 1000, 123_456, 999_999 }) {
            ListingSamples.Sample a = SAMPLES.sample(i, "bench-li-x-s1-");
            assertEquals(a, again.sample(i, "bench-li-x-s1-"), "deterministic");
            ListingSamples.Sample b = SAMPLES.sample(i, "bench-li-x-b1-");
            assertEquals("bench-li-x-s1-" + i, a.listing().getExternalId());
            assertEquals("bench-li-x-b1-" + i, b.listing().getExternalId());
            assertEquals(a.listing().toBuilder().clearExternalId().clearUrl().build(),
                    b.listing().toBuilder().clearExternalId().clearUrl().build(), "same row under another key");
            assertEquals(a.kind(), b.kind());
        }
        assertNotEquals(SAMPLES.sample(5, "p-").listing().getTitle() + SAMPLES.sample(5, "p-").listing().getDescription(),
                new ListingSamples(CATALOG, ALL, 43, 1000).sample(5, "p-").listing().getTitle()
                        + new ListingSamples(CATALOG, ALL, 43, 1000).sample(5, "p-").listing().getDescription(),
                "another seed, other listings");
    }

    @Test
    void everyListingIsOneTheContractAccepts() {
        Set<String> externalIds = new HashSet<>();
        Set<String> shopIds = new HashSet<>(SAMPLES.shopIds());
        for (ListingSamples.Sample s : MANY) {
            ListingInput l = s.listing();
            String id = l.getExternalId();
            assertTrue(externalIds.add(id), "unique external id " + id);
            assertTrue(id.length() <= 128);
            ListingSamples.Platform p = ListingSamples.platform(l.getPlatform());
            assertEquals(p.market(), l.getMarketCountry(), id);
            assertEquals(p.currency(), l.getPrice().getCurrency(), id);
            assertTrue(l.getPrice().getAmountMinor() > 0, id);
            assertTrue(l.getShipsFromCountry().matches("[A-Z]{2}"), id);
            assertTrue(shopIds.contains(l.getShopId()), "a shop the clean-up knows: " + l.getShopId());
            assertFalse(l.getSellerId().isBlank(), id);
            assertFalse(l.getTitle().isBlank(), id);
            assertTrue(l.getTitle().length() <= 1000, id);
            int d = l.getDescription().length();
            assertTrue(d >= 200 && d <= 400, id + " description of " + d + " characters: " + l.getDescription());
            assertTrue(l.getGtin().isEmpty() || validGtin(l.getGtin()), id + " GTIN " + l.getGtin());
            assertTrue(l.getImageHashesCount() <= 5);
            l.getImageHashesList().forEach(h -> assertTrue(HASH.matcher(h).matches(), h));
            assertTrue(l.getUrl().startsWith("https://"), l.getUrl());
            assertFalse(l.getUrl().contains(" "), l.getUrl());
        }
    }

    @Test
    void theMixIsMostlyInnocentWithFiveToTenPercentCounterfeitLooking() {
        Map<ListingSamples.Kind, Long> counts = MANY.stream()
                .collect(Collectors.groupingBy(ListingSamples.Sample::kind, () -> new EnumMap<>(ListingSamples.Kind.class),
                        Collectors.counting()));
        double n = MANY.size();
        assertEquals(0.62, counts.get(ListingSamples.Kind.BRANDED) / n, 0.015);
        assertEquals(0.25, counts.get(ListingSamples.Kind.UNBRANDED) / n, 0.015);
        assertEquals(0.05, counts.get(ListingSamples.Kind.USED) / n, 0.01);
        double fake = counts.get(ListingSamples.Kind.COUNTERFEIT_LOOKING) / n;
        assertTrue(fake >= 0.05 && fake <= 0.10, "counterfeit-looking share " + fake);
        // some with GTINs, some without; most with image hashes
        long withGtin = MANY.stream().filter(s -> !s.listing().getGtin().isEmpty()).count();
        assertTrue(withGtin > n * 0.4 && withGtin < n * 0.8, "with a GTIN: " + withGtin);
        long withImages = MANY.stream().filter(s -> s.listing().getImageHashesCount() > 0).count();
        assertEquals(0.85, withImages / n, 0.02);
    }

    @Test
    void counterfeitLookingListingsShowAtLeastTwoSignsAndInnocentOnesNone() {
        Map<String, String> prefixOwner = new java.util.HashMap<>();
        Map<String, String> gtinBrand = new java.util.HashMap<>();
        for (DemoCatalog.Brand b : CATALOG.brands()) {
            b.products().forEach(p -> gtinBrand.put(p.gtin13(), b.name()));
            prefixOwner.put(b.gs1Prefix(), b.name());
        }
        int checked = 0;
        for (ListingSamples.Sample s : MANY) {
            ListingInput l = s.listing();
            String text = l.getTitle() + " " + l.getDescription();
            boolean vocabulary = TERMS.stream().anyMatch(text::contains);
            double share = s.msrpMinor() == 0 ? Double.NaN : l.getPrice().getAmountMinor() / (double) s.msrpMinor();
            switch (s.kind()) {
                case COUNTERFEIT_LOOKING -> {
                    String brand = mentionedBrand(text);
                    assertTrue(brand != null, "mentions a brand: " + text);
                    String gtinOwner = gtinBrand.get(l.getGtin());
                    boolean foreignGtin = gtinOwner != null && !gtinOwner.equals(brand);
                    boolean lowPrice = share < 0.32; // 5-25 %, rounded as shops round
                    boolean crossBorder = !l.getMarketCountry().equals(l.getShipsFromCountry());
                    int signs = (vocabulary ? 1 : 0) + (lowPrice ? 1 : 0) + (foreignGtin ? 1 : 0) + (crossBorder ? 1 : 0);
                    assertTrue(signs >= 2, "two signs at least: " + l);
                    int shop = shopIndex(l);
                    assertTrue(shop >= ListingSamples.COUNTERFEIT_SHOPS_FROM, "a counterfeiter's shop: " + l.getShopId());
                    checked++;
                }
                case BRANDED -> {
                    assertFalse(vocabulary, text);
                    // 60-105 % of the MSRP, rounded to a whole unit (x.99): a little more either side on cheap goods
                    assertTrue(share >= 0.55 && share <= 1.10, "price share " + share + " of " + l);
                    assertTrue(mentionedBrand(text) != null, text);
                    String gtinOwner = gtinBrand.get(l.getGtin().length() == 14 ? l.getGtin().substring(1) : l.getGtin());
                    assertTrue(l.getGtin().isEmpty() || mentionedBrand(text).equals(gtinOwner), "own GTIN: " + l);
                }
                case USED -> {
                    assertFalse(vocabulary, text);
                    assertTrue(share >= 0.25 && share <= 0.65, "price share " + share);
                }
                case UNBRANDED -> {
                    assertFalse(vocabulary, text);
                    assertNull(mentionedBrand(text), text);
                    assertTrue(l.getGtin().isEmpty() || l.getGtin().startsWith("789"), l.getGtin());
                }
            }
        }
        assertTrue(checked > 1000, "counterfeit-looking checked: " + checked);
    }

    @Test
    void textIsChineseWithEnglishOnChinesePlatformsJapaneseOnAmazonJpAndEnglishElsewhere() {
        Map<String, int[]> han = new java.util.HashMap<>(); // platform -> {listings, with Han, with Latin, with kana}
        for (ListingSamples.Sample s : MANY) {
            String text = s.listing().getTitle() + " " + s.listing().getDescription();
            int[] c = han.computeIfAbsent(s.listing().getPlatform(), k -> new int[4]);
            c[0]++;
            c[1] += HAN.matcher(text).find() ? 1 : 0;
            c[2] += LATIN.matcher(text).find() ? 1 : 0;
            c[3] += KANA.matcher(text).find() ? 1 : 0;
        }
        for (String p : List.of("taobao", "tmall", "jd")) {
            int[] c = han.get(p);
            assertEquals(c[0], c[1], p + ": every listing has Chinese");
            assertTrue(c[2] > c[0] / 2, p + ": most mix in English or a Latin brand name");
        }
        int[] jp = han.get("amazon-jp");
        assertTrue(jp[3] > jp[0] / 2, "amazon-jp: mostly Japanese");
        for (String p : List.of("amazon-de", "amazon-us", "ebay-uk")) {
            int[] c = han.get(p);
            assertEquals(c[0], c[2], p + ": every listing has English");
            assertTrue(c[1] > 0 && c[1] < c[0] / 5, p + ": a few cross-border sellers write Chinese: " + c[1]);
        }
    }

    @Test
    void blocksAreOnOnePlatformEachAndTakeThePlatformsInTurn() {
        ListingSamples three = new ListingSamples(CATALOG, List.of("jd", "ebay-uk", "amazon-jp"), 7, 100);
        assertEquals(List.of("jd", "ebay-uk", "amazon-jp"), three.platforms().stream().map(ListingSamples.Platform::slug)
                .toList());
        assertEquals(11, three.blocks(1001));
        for (long b = 0; b < 11; b++) {
            List<ListingSamples.Sample> block = three.blockOf(b, 1001, "k-");
            assertEquals(b == 10 ? 1 : 100, block.size());
            String expected = List.of("jd", "ebay-uk", "amazon-jp").get((int) (b % 3));
            block.forEach(s -> assertEquals(expected, s.listing().getPlatform()));
            assertEquals("k-" + b * 100, block.get(0).listing().getExternalId());
        }
        // platform by platform, every block once
        assertArrayEquals(new long[] { 0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8 }, ChunkFeed.order(three, 1001));
        assertThrows(IllegalArgumentException.class, () -> new ListingSamples(CATALOG, List.of("shopee"), 1, 10));
        assertThrows(IllegalArgumentException.class, () -> new ListingSamples(CATALOG, List.of(), 1, 10));
    }

    @Test
    void theFeedHandsOutEveryChunkInPlatformOrderThenNothing() throws InterruptedException {
        ListingSamples two = new ListingSamples(CATALOG, List.of("taobao", "amazon-us"), 3, 10);
        List<Long> seen = new ArrayList<>();
        try (ChunkFeed feed = ChunkFeed.start(two, 45, "f-", 2)) {
            for (ChunkFeed.Chunk c; (c = feed.next()) != null;) {
                seen.add(c.index());
                assertEquals(c.index() % 2 == 0 ? "taobao" : "amazon-us", c.platform());
                assertEquals(two.blockOf(c.index(), 45, "f-"), c.samples());
            }
            assertNull(feed.next(), "still nothing after the end");
        }
        assertEquals(List.of(0L, 2L, 4L, 1L, 3L), seen);
    }

    @Test
    void pricesAreWhatShopsWrite() {
        assertEquals(4_999, ListingSamples.shopPrice("EUR", 4_960));
        assertEquals(89_900, ListingSamples.shopPrice("CNY", 89_912));
        assertEquals(16_000, ListingSamples.shopPrice("JPY", 15_996));
        assertEquals(145_000, ListingSamples.shopPrice("KRW", 144_980));
        assertEquals(1, ListingSamples.shopPrice("USD", 3), "never free");
        DemoCatalog.Product product = CATALOG.brands().get(0).products().get(0);
        DemoCatalog.Msrp first = product.msrps().get(0);
        ListingSamples.Platform home = ListingSamples.PLATFORMS.stream()
                .filter(p -> p.market().equals(first.country()) && p.currency().equals(first.currency())).findFirst()
                .orElse(null);
        if (home != null) {
            assertEquals(first.amountMinor(), ListingSamples.msrp(product, home), "the market's own MSRP");
        }
        // no MSRP for the market: converted at the catalogue's rates
        DemoCatalog.Product p = new DemoCatalog.Product("4000000000000", "X running shoe XR-001", "640411",
                List.of(new DemoCatalog.Msrp("DE", "EUR", 10_000)));
        assertEquals(78_000, ListingSamples.msrp(p, ListingSamples.platform("taobao")));
        assertEquals(16_000, ListingSamples.msrp(p, ListingSamples.platform("amazon-jp")));
        assertEquals(ListingSamples.GOODS.get(0), ListingSamples.goodsOf(p));
        assertEquals("XR-001", ListingSamples.model(p.name()));
    }

    @Test
    void gtinsOutsideTheCatalogueAreValidAndInAnUnusedRange() {
        SplittableRandom r = new SplittableRandom(1);
        Set<String> prefixes = CATALOG.brands().stream().map(b -> b.gs1Prefix().substring(0, 3))
                .collect(Collectors.toSet());
        assertFalse(prefixes.contains("789"));
        for (int i = 0; i < 100; i++) {
            String g = ListingSamples.unknownGtin13(r);
            assertTrue(g.startsWith("789") && validGtin(g), g);
        }
    }

    @Test
    void urlsAreThePlatformsOwnAndFollowTheExternalId() {
        SplittableRandom r = new SplittableRandom(1);
        for (ListingSamples.Platform p : ListingSamples.PLATFORMS) {
            String a = ListingSamples.url(p, "bench-li-1-s1-7", new SplittableRandom(9));
            assertEquals(a, ListingSamples.url(p, "bench-li-1-s1-7", new SplittableRandom(9)));
            assertNotEquals(a, ListingSamples.url(p, "bench-li-1-s1-8", new SplittableRandom(9)));
            assertTrue(java.net.URI.create(ListingSamples.url(p, "x", r)).getHost().contains(
                    p.slug().startsWith("amazon") ? "amazon" : p.slug().replace("-uk", "")), a);
        }
    }

    static String mentionedBrand(String text) {
        for (DemoCatalog.Brand b : CATALOG.brands()) {
            if (text.contains(b.name()) || text.contains(b.aliases().get(0)) || text.contains(b.aliases().get(2))) {
                return b.name();
            }
        }
        return null;
    }

    /** The shop's position in DemoCatalog.shopId's numbering for its platform. */
    static int shopIndex(ListingInput l) {
        for (int i = 0; i < 500; i++) {
            if (DemoCatalog.shopId(l.getPlatform(), i).equals(l.getShopId())) {
                return i;
            }
        }
        return -1;
    }

    static boolean validGtin(String gtin) {
        if (!gtin.matches("\\d{8}|\\d{12,14}")) {
            return false;
        }
        String body = gtin.substring(0, gtin.length() - 1);
        return DemoCatalog.checkDigit(body) == gtin.charAt(gtin.length() - 1) - '0';
    }

    @Test
    void columnsForTheBaselineAreTheListingsFieldsGtinsAsGtin14() {
        List<ListingInput> chunk = Arrays.asList(MANY.get(0).listing(), MANY.get(1).listing(), MANY.get(2).listing());
        ListingsDb.Columns c = ListingsDb.Columns.of(chunk);
        for (int i = 0; i < 3; i++) {
            ListingInput l = chunk.get(i);
            assertEquals(l.getExternalId(), c.externalId()[i]);
            assertEquals(l.getPlatform(), c.platform()[i]);
            assertEquals(l.getTitle(), c.title()[i]);
            assertEquals(l.getPrice().getAmountMinor(), c.priceMinor()[i]);
            assertEquals(String.join(",", l.getImageHashesList()), c.images()[i]);
            assertEquals(l.getGtin().isEmpty() ? null : "0".repeat(14 - l.getGtin().length()) + l.getGtin(),
                    c.gtin()[i]);
            assertEquals(7, c.ids()[i].version());
        }
        assertNull(ListingsDb.gtin14(""));
        assertEquals("04012345000016", ListingsDb.gtin14("4012345000016"));
        assertEquals("00000096385074", ListingsDb.gtin14("96385074"));
        assertTrue(ListingsDb.uuid7(1_000).compareTo(ListingsDb.uuid7(2_000)) < 0, "time-ordered");
        assertEquals(2, ListingsDb.uuid7(5).variant());
    }
}

package io.cloudsword.listing.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cloudsword.listing.scoring.BrandContext.Brand;
import io.cloudsword.listing.scoring.BrandContext.Mention;
import io.cloudsword.listing.scoring.BrandContext.Msrp;

class RiskScorerTest {

    private static final String OFFICIAL = "d1a6e55e9b9b1325";
    private static final Brand NIKE = new Brand("b-nike", "Nike");
    private static final Brand LI_NING = new Brand("b-lining", "Li-Ning");
    private static final Mention NIKE_MENTION = new Mention("b-nike", "Nike", "NIKE");
    private static final String NIKE_GTIN = "00883412010009";

    private final RiskScorer scorer = RiskScorer.defaults();

    /** A listing to vary: an honest-looking one by default. */
    private static final class Facts {
        String shop = "shop-1";
        String title = "Running shoes";
        String description = "";
        long price = 89900;
        String currency = "CNY";
        String market = "CN";
        String gtin = NIKE_GTIN;
        List<String> images = List.of();
        int strikes;
        int reports;

        ListingFacts build() {
            return new ListingFacts("taobao", shop, title, description, price, currency, market, gtin, images, strikes,
                    reports);
        }
    }

    /** A brand context to vary: Nike owns the GTIN, MSRP CNY 999.00, not exclusive, seller not authorized. */
    private static final class Context {
        List<Mention> mentions = List.of(NIKE_MENTION);
        Brand gtinOwner = NIKE;
        Msrp msrp = new Msrp(99900, "CNY", "CN");
        boolean exclusive;
        Boolean authorized = false;
        List<String> official = List.of(OFFICIAL);

        BrandContext build() {
            Brand scored = BrandContext.scoredBrand(gtinOwner, mentions);
            return new BrandContext(mentions, gtinOwner, scored == null ? null : scored.brandId(),
                    scored == null ? null : scored.name(), msrp, exclusive, authorized, official);
        }
    }

    private RiskScore score(Facts facts, Context context) {
        return scorer.score(facts.build(), context.build());
    }

    private static Optional<RiskSignal> signal(RiskScore score, String code) {
        return score.signals().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    private static String flipBits(String hash, int bits) {
        long value = ImageHashes.parse(hash);
        for (int i = 0; i < bits; i++) {
            value ^= 1L << (i * 5 % 64);
        }
        return ImageHashes.format(value);
    }

    @Test
    void anHonestListingScoresZero() {
        RiskScore score = score(new Facts(), new Context());
        assertEquals(0, score.score());
        assertEquals(List.of(), score.signals());
        assertFalse(score.flag());
        assertEquals("b-nike", score.brandId());
        assertEquals(scorer.version(), score.scoringVersion());
    }

    // ----- PRICE_FAR_BELOW_MSRP

    @Test
    void aPriceFarBelowTheMsrpIsExplainedInMoneyAndPercent() {
        Facts facts = new Facts();
        facts.price = 8900;
        RiskSignal price = signal(score(facts, new Context()), RiskSignal.PRICE_FAR_BELOW_MSRP).orElseThrow();
        assertEquals(45, price.weight());
        assertEquals("Price CNY 89.00 is 9 % of the MSRP CNY 999.00 for CN (threshold 30 %).", price.explanation());
        assertEquals("b-nike", price.details().get("brand_id"));
        assertEquals("0.089", price.details().get("ratio"));
        assertEquals("0.3", price.details().get("threshold"));
        assertEquals("8900", price.details().get("price_minor"));
        assertEquals("99900", price.details().get("msrp_minor"));
    }

    @Test
    void thePriceThresholdIsStrict() {
        Context context = new Context();
        context.msrp = new Msrp(100000, "CNY", "CN");
        Facts facts = new Facts();
        facts.price = 30000; // exactly 30 %
        assertTrue(signal(score(facts, context), RiskSignal.PRICE_FAR_BELOW_MSRP).isEmpty());
        facts.price = 29999;
        RiskSignal price = signal(score(facts, context), RiskSignal.PRICE_FAR_BELOW_MSRP).orElseThrow();
        assertEquals("Price CNY 299.99 is 29.99 % of the MSRP CNY 1000.00 for CN (threshold 30 %).", price.explanation());
        facts.price = 29700;
        assertTrue(signal(score(facts, context), RiskSignal.PRICE_FAR_BELOW_MSRP).orElseThrow().explanation()
                .contains(" is 29.7 % of"));
    }

    @Test
    void aPriceOfZeroIsFarBelowAndCurrenciesWithoutDecimalsPrintWithout() {
        Facts facts = new Facts();
        facts.price = 0;
        assertTrue(signal(score(facts, new Context()), RiskSignal.PRICE_FAR_BELOW_MSRP).orElseThrow().explanation()
                .startsWith("Price CNY 0.00 is 0 % of"));
        Context japan = new Context();
        japan.msrp = new Msrp(24200, "JPY", "JP");
        facts.price = 5000;
        facts.currency = "JPY";
        facts.market = "JP";
        assertEquals("Price JPY 5000 is 21 % of the MSRP JPY 24200 for JP (threshold 30 %).",
                signal(score(facts, japan), RiskSignal.PRICE_FAR_BELOW_MSRP).orElseThrow().explanation());
    }

    @Test
    void noPriceSignalWithoutAComparableMsrp() {
        Facts facts = new Facts();
        facts.price = 100;
        Context context = new Context();
        context.msrp = null;
        assertTrue(signal(score(facts, context), RiskSignal.PRICE_FAR_BELOW_MSRP).isEmpty());
        context.msrp = new Msrp(99900, "USD", "US"); // another currency
        assertTrue(signal(score(facts, context), RiskSignal.PRICE_FAR_BELOW_MSRP).isEmpty());
        context.msrp = new Msrp(0, "CNY", "CN");
        assertTrue(signal(score(facts, context), RiskSignal.PRICE_FAR_BELOW_MSRP).isEmpty());
        context.msrp = new Msrp(99900, "cny", "CN"); // case does not matter
        assertTrue(signal(score(facts, context), RiskSignal.PRICE_FAR_BELOW_MSRP).isPresent());
    }

    // ----- UNAUTHORIZED_EXCLUSIVE_SELLER

    @Test
    void anExclusiveBrandsUnauthorizedSeller() {
        Context context = new Context();
        context.exclusive = true;
        RiskSignal exclusive = signal(score(new Facts(), context), RiskSignal.UNAUTHORIZED_EXCLUSIVE_SELLER).orElseThrow();
        assertEquals(30, exclusive.weight());
        assertEquals("Nike sells only through authorized sellers, and shop 'shop-1' is not one of them in CN.",
                exclusive.explanation());
        assertEquals("shop-1", exclusive.details().get("shop_id"));

        context.authorized = true;
        assertTrue(signal(score(new Facts(), context), RiskSignal.UNAUTHORIZED_EXCLUSIVE_SELLER).isEmpty());
        context.authorized = null;
        assertTrue(signal(score(new Facts(), context), RiskSignal.UNAUTHORIZED_EXCLUSIVE_SELLER).isEmpty());
        context.authorized = false;
        context.exclusive = false;
        assertTrue(signal(score(new Facts(), context), RiskSignal.UNAUTHORIZED_EXCLUSIVE_SELLER).isEmpty());
    }

    // ----- BRAND_MENTION_GTIN_MISSING

    @Test
    void aBrandMentionedWithoutGtin() {
        Facts facts = new Facts();
        facts.gtin = null;
        Context context = new Context();
        context.gtinOwner = null;
        context.msrp = null;
        RiskSignal missing = signal(score(facts, context), RiskSignal.BRAND_MENTION_GTIN_MISSING).orElseThrow();
        assertEquals(10, missing.weight());
        assertEquals("The listing mentions Nike but gives no GTIN.", missing.explanation());
        assertEquals("b-nike", missing.details().get("brand_id"));

        context.mentions = List.of(new Mention("b-nike", "Nike", "耐克"), new Mention("b-lv", "Louis Vuitton", "LV"));
        assertEquals("The listing mentions Nike (\"耐克\") and Louis Vuitton (\"LV\") but gives no GTIN.",
                signal(score(facts, context), RiskSignal.BRAND_MENTION_GTIN_MISSING).orElseThrow().explanation());

        context.mentions = List.of();
        assertTrue(signal(score(facts, context), RiskSignal.BRAND_MENTION_GTIN_MISSING).isEmpty());
        context.mentions = List.of(NIKE_MENTION);
        facts.gtin = NIKE_GTIN;
        assertTrue(signal(score(facts, context), RiskSignal.BRAND_MENTION_GTIN_MISSING).isEmpty());
    }

    // ----- BRAND_MENTION_GTIN_FOREIGN

    @Test
    void aGtinOfAnotherBrandThanTheOneMentioned() {
        Facts facts = new Facts();
        facts.gtin = "06922245010002";
        Context context = new Context();
        context.gtinOwner = LI_NING;
        context.msrp = null;
        RiskScore score = score(facts, context);
        assertEquals("b-lining", score.brandId(), "scored against the GTIN's owner");
        RiskSignal foreign = signal(score, RiskSignal.BRAND_MENTION_GTIN_FOREIGN).orElseThrow();
        assertEquals(30, foreign.weight());
        assertEquals("The GTIN 06922245010002 belongs to Li-Ning, but the listing mentions Nike.", foreign.explanation());
        assertEquals("b-nike", foreign.details().get("brand_id"));
        assertEquals("b-lining", foreign.details().get("gtin_owner_brand_id"));

        context.mentions = List.of(new Mention("b-lining", "Li-Ning", "李宁"));
        assertTrue(signal(score(facts, context), RiskSignal.BRAND_MENTION_GTIN_FOREIGN).isEmpty());
        context.mentions = List.of(NIKE_MENTION);
        context.gtinOwner = null;
        assertTrue(signal(score(facts, context), RiskSignal.BRAND_MENTION_GTIN_FOREIGN).isEmpty());
    }

    // ----- COUNTERFEIT_VOCABULARY

    @Test
    void vocabularyCountsEachDistinctTermOnceUpToTheCap() {
        Facts facts = new Facts();
        facts.title = "replica Nike";
        facts.description = "r3pl1ca, REPLICA";
        RiskSignal one = signal(score(facts, new Context()), RiskSignal.COUNTERFEIT_VOCABULARY).orElseThrow();
        assertEquals(40, one.weight());
        assertEquals("Counterfeit vocabulary: \"replica\" (title).", one.explanation());
        assertEquals("replica", one.details().get("term"));

        facts.title = "Nike shoes";
        facts.description = "r3pl1ca";
        assertEquals("Counterfeit vocabulary: \"replica\" written \"r3pl1ca\" (description).",
                signal(score(facts, new Context()), RiskSignal.COUNTERFEIT_VOCABULARY).orElseThrow().explanation());

        facts.title = "高仿 AJ1 高仿";
        facts.description = "原单";
        RiskSignal capped = signal(score(facts, new Context()), RiskSignal.COUNTERFEIT_VOCABULARY).orElseThrow();
        assertEquals(60, capped.weight());
        assertEquals("90", capped.details().get("points"));
        assertEquals("高仿", capped.details().get("term"));
        assertEquals("高仿, 原单", capped.details().get("terms"));
        assertTrue(capped.explanation().endsWith("; 90 points, capped at 60."), capped.explanation());

        facts.title = "AAA batteries for the remote";
        facts.description = "";
        assertTrue(signal(score(facts, new Context()), RiskSignal.COUNTERFEIT_VOCABULARY).isEmpty());
    }

    // ----- OFFICIAL_IMAGE_REUSE

    @Test
    void anOfficialImageWithinTheHammingDistanceFromAnUnauthorizedSeller() {
        Facts facts = new Facts();
        facts.images = List.of("0123456789abcdef", flipBits(OFFICIAL, 10));
        RiskSignal image = signal(score(facts, new Context()), RiskSignal.OFFICIAL_IMAGE_REUSE).orElseThrow();
        assertEquals(20, image.weight());
        assertEquals("10", image.details().get("hamming_distance"));
        assertEquals(OFFICIAL, image.details().get("official_hash"));
        assertEquals("A listing image matches an official Nike image (10 of 64 bits differ, at most 10 allowed), "
                + "and shop 'shop-1' is not an authorized seller.", image.explanation());

        facts.images = List.of(flipBits(OFFICIAL, 11));
        assertTrue(signal(score(facts, new Context()), RiskSignal.OFFICIAL_IMAGE_REUSE).isEmpty());

        facts.images = List.of(OFFICIAL);
        Context context = new Context();
        context.authorized = true;
        assertTrue(signal(score(facts, context), RiskSignal.OFFICIAL_IMAGE_REUSE).isEmpty());
        context.authorized = null;
        assertTrue(signal(score(facts, context), RiskSignal.OFFICIAL_IMAGE_REUSE).isEmpty());
        context.authorized = false;
        context.official = List.of();
        assertTrue(signal(score(facts, context), RiskSignal.OFFICIAL_IMAGE_REUSE).isEmpty());
    }

    // ----- SHOP_LIVE_STRIKES, CONSUMER_REPORTS

    @Test
    void strikesAndReportsAddPointsUpToTheirCaps() {
        Facts facts = new Facts();
        facts.strikes = 1;
        facts.reports = 2;
        RiskScore score = score(facts, new Context());
        assertEquals(15, signal(score, RiskSignal.SHOP_LIVE_STRIKES).orElseThrow().weight());
        assertEquals("Shop 'shop-1' has 1 live strike for upheld notices.",
                signal(score, RiskSignal.SHOP_LIVE_STRIKES).orElseThrow().explanation());
        assertEquals(20, signal(score, RiskSignal.CONSUMER_REPORTS).orElseThrow().weight());
        assertEquals("2 consumers reported this listing as a suspected fake.",
                signal(score, RiskSignal.CONSUMER_REPORTS).orElseThrow().explanation());

        facts.strikes = 3;
        facts.reports = 3;
        score = score(facts, new Context());
        assertEquals(45, signal(score, RiskSignal.SHOP_LIVE_STRIKES).orElseThrow().weight());
        assertEquals(30, signal(score, RiskSignal.CONSUMER_REPORTS).orElseThrow().weight());
        facts.strikes = 7;
        facts.reports = Integer.MAX_VALUE;
        score = score(facts, new Context());
        assertEquals(45, signal(score, RiskSignal.SHOP_LIVE_STRIKES).orElseThrow().weight());
        assertEquals(30, signal(score, RiskSignal.CONSUMER_REPORTS).orElseThrow().weight());

        facts.strikes = 0;
        facts.reports = -1;
        assertEquals(List.of(), score(facts, new Context()).signals());
    }

    // ----- the score

    @Test
    void theScoreIsCappedAt100AndSignalsComeStrongestFirst() {
        Facts facts = new Facts();
        facts.title = "高仿 Nike";
        facts.price = 100;
        facts.images = List.of(OFFICIAL);
        facts.strikes = 2;
        facts.reports = 1;
        Context context = new Context();
        context.exclusive = true;
        RiskScore score = score(facts, context);
        assertEquals(100, score.score());
        assertTrue(score.flag());
        List<String> codes = score.signals().stream().map(RiskSignal::code).toList();
        assertEquals(List.of(RiskSignal.COUNTERFEIT_VOCABULARY, RiskSignal.PRICE_FAR_BELOW_MSRP,
                RiskSignal.UNAUTHORIZED_EXCLUSIVE_SELLER, RiskSignal.SHOP_LIVE_STRIKES, RiskSignal.OFFICIAL_IMAGE_REUSE,
                RiskSignal.CONSUMER_REPORTS), codes);
        int sum = score.signals().stream().mapToInt(RiskSignal::weight).sum();
        assertEquals(50 + 45 + 30 + 30 + 20 + 10, sum);
    }

    @Test
    void theFlagIsAtOrAboveTheThreshold() {
        Facts facts = new Facts();
        facts.gtin = null;
        facts.title = "Nike replica"; // 40 + 10 without GTIN
        Context context = new Context();
        context.gtinOwner = null;
        context.msrp = null;
        RiskScore exactly = score(facts, context);
        assertEquals(50, exactly.score());
        assertTrue(exactly.flag());

        RiskScorer stricter = new RiskScorer(ScoringConfig.defaults().withBrandMentionGtinMissingWeight(9),
                Lexicon.load());
        RiskScore below = stricter.score(facts.build(), context.build());
        assertEquals(49, below.score());
        assertFalse(below.flag());
        assertEquals(stricter.version(), below.scoringVersion());
        assertTrue(!stricter.version().equals(scorer.version()));
    }

    @Test
    void aSignalConfiguredToZeroPointsIsLeftOut() {
        RiskScorer noImages = new RiskScorer(ScoringConfig.defaults().withOfficialImageReuseWeight(0), Lexicon.load());
        Facts facts = new Facts();
        facts.images = List.of(OFFICIAL);
        assertEquals(List.of(), noImages.score(facts.build(), new Context().build()).signals());
    }

    @Test
    void oddButValidInputNeverThrows() {
        ListingFacts odd = new ListingFacts(null, null, null, null, -5, null, null, null,
                List.of("xyz", "", "ZZZZZZZZZZZZZZZZ"), -3, -1);
        RiskScore none = scorer.score(odd, null);
        assertEquals(0, none.score());
        assertNull(none.brandId());

        BrandContext strange = new BrandContext(List.of(new Mention("b-x", null, null)), new Brand("b-y", null), "b-y",
                null, new Msrp(100, null, null), true, false, List.of("nope", ""));
        RiskScore score = scorer.score(odd, strange);
        assertTrue(score.score() > 0, "the unauthorized exclusive seller and the foreign GTIN still count");
        assertTrue(signal(score, RiskSignal.BRAND_MENTION_GTIN_FOREIGN).isPresent());
        assertTrue(signal(score, RiskSignal.UNAUTHORIZED_EXCLUSIVE_SELLER).isPresent());

        ListingFacts unknownCurrency = new ListingFacts("p", "s", "t", "", 1, "XYZ", "ZZ", "00883412010009", List.of(),
                0, 0);
        BrandContext xyz = new BrandContext(List.of(), NIKE, "b-nike", "Nike", new Msrp(1000, "XYZ", "ZZ"), false,
                false, List.of());
        assertEquals("Price XYZ 0.01 is 0 % of the MSRP XYZ 10.00 for ZZ (threshold 30 %).",
                signal(scorer.score(unknownCurrency, xyz), RiskSignal.PRICE_FAR_BELOW_MSRP).orElseThrow().explanation());
    }
}

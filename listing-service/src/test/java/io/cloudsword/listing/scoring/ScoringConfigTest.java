package io.cloudsword.listing.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class ScoringConfigTest {

    private final ScoringConfig defaults = ScoringConfig.defaults();

    @Test
    void theDefaults() {
        assertEquals(50, defaults.flagThreshold());
        assertEquals(0.30, defaults.priceRatioThreshold());
        assertEquals(10, defaults.maxImageHammingDistance());
        assertEquals(45, defaults.weight(RiskSignal.PRICE_FAR_BELOW_MSRP));
        assertEquals(10, defaults.weight(RiskSignal.BRAND_MENTION_GTIN_MISSING));
        assertEquals(60, defaults.weight(RiskSignal.COUNTERFEIT_VOCABULARY));
        assertEquals(45, defaults.weight(RiskSignal.SHOP_LIVE_STRIKES));
        assertEquals(30, defaults.weight(RiskSignal.CONSUMER_REPORTS));
        assertThrows(IllegalArgumentException.class, () -> defaults.weight("NO_SUCH_SIGNAL"));
    }

    @Test
    void theVersionIsStableAndChangesWithEveryValue() {
        String version = defaults.version();
        assertTrue(version.matches("[0-9a-f]{12}"), version);
        assertEquals(version, ScoringConfig.defaults().withPriceFarBelowMsrpWeight(45).version());
        assertEquals(version, defaults.version(Lexicon.load().version()));

        List<UnaryOperator<ScoringConfig>> changes = List.of(
                c -> c.withPriceFarBelowMsrpWeight(46),
                c -> c.withUnauthorizedExclusiveSellerWeight(31),
                c -> c.withBrandMentionGtinMissingWeight(11),
                c -> c.withBrandMentionGtinForeignWeight(31),
                c -> c.withOfficialImageReuseWeight(21),
                c -> c.withVocabularyCap(61),
                c -> c.withStrikes(16, 45),
                c -> c.withStrikes(15, 46),
                c -> c.withReports(11, 30),
                c -> c.withReports(10, 31),
                c -> c.withFlagThreshold(51),
                c -> c.withPriceRatioThreshold(0.31),
                c -> c.withMaxImageHammingDistance(11));
        for (UnaryOperator<ScoringConfig> change : changes) {
            ScoringConfig changed = change.apply(defaults);
            assertNotEquals(defaults, changed);
            assertNotEquals(version, changed.version(), changed.toString());
        }
        assertNotEquals(version, defaults.version("another-lexicon"));
        // 0.3 and 0.30 are one value, and one version
        assertEquals(version, defaults.withPriceRatioThreshold(0.3).version());
    }

    @Test
    void invalidValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> defaults.withFlagThreshold(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withFlagThreshold(101));
        assertThrows(IllegalArgumentException.class, () -> defaults.withPriceRatioThreshold(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withPriceRatioThreshold(1.5));
        assertThrows(IllegalArgumentException.class, () -> defaults.withPriceRatioThreshold(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxImageHammingDistance(65));
        assertThrows(IllegalArgumentException.class, () -> defaults.withOfficialImageReuseWeight(-1));
        assertThrows(IllegalArgumentException.class, () -> defaults.withStrikes(10, 101));
    }
}

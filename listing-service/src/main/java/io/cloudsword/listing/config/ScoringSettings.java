package io.cloudsword.listing.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.cloudsword.listing.scoring.Lexicon;
import io.cloudsword.listing.scoring.RiskScorer;
import io.cloudsword.listing.scoring.ScoringConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Weights and thresholds of the risk score, as configuration (`cloudsword.scoring.*`, or the
 * environment, e.g. CLOUDSWORD_SCORING_FLAG_THRESHOLD=60). The defaults are
 * {@link ScoringConfig#defaults()}; a change shows in every newly stored score's scoring_version.
 */
@ConfigMapping(prefix = "cloudsword.scoring")
public interface ScoringSettings {

    @WithDefault("45")
    int priceFarBelowMsrpWeight();

    @WithDefault("30")
    int unauthorizedExclusiveSellerWeight();

    @WithDefault("10")
    int brandMentionGtinMissingWeight();

    @WithDefault("30")
    int brandMentionGtinForeignWeight();

    @WithDefault("20")
    int officialImageReuseWeight();

    @WithDefault("60")
    int vocabularyCap();

    @WithDefault("15")
    int strikePoints();

    @WithDefault("45")
    int strikesCap();

    @WithDefault("10")
    int reportPoints();

    @WithDefault("30")
    int reportsCap();

    @WithDefault("50")
    int flagThreshold();

    /** Price / MSRP under this share is "far below" (0.30 = under 30 % of the MSRP). */
    @WithDefault("0.30")
    double priceRatioThreshold();

    /** Image hashes this many bits apart (of 64) or closer count as the same picture. */
    @WithDefault("10")
    int maxImageHammingDistance();

    /** The scorer every ingest and rescoring uses: this configuration and the shipped lexicon. */
    final class Producer {

        @Produces
        @Singleton
        RiskScorer scorer(ScoringSettings s) {
            return new RiskScorer(new ScoringConfig(s.priceFarBelowMsrpWeight(), s.unauthorizedExclusiveSellerWeight(),
                    s.brandMentionGtinMissingWeight(), s.brandMentionGtinForeignWeight(), s.officialImageReuseWeight(),
                    s.vocabularyCap(), s.strikePoints(), s.strikesCap(), s.reportPoints(), s.reportsCap(),
                    s.flagThreshold(), s.priceRatioThreshold(), s.maxImageHammingDistance()), Lexicon.load());
        }
    }
}

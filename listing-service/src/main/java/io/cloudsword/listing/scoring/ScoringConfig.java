package io.cloudsword.listing.scoring;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The scorer's weights and thresholds (configuration {@code cloudsword.scoring.*}). Every stored
 * score carries {@link #version()}, so a score can always be traced to the numbers (and the
 * lexicon) that produced it, and a change of configuration shows which scores are stale.
 * <p>
 * The defaults are tuned so that no single ambiguous signal flags a listing on its own: a price
 * under 30 % of the MSRP (a clearance sale, a placeholder price of 0), an unauthorized seller of
 * an exclusive brand (a grey-market reseller), official pictures (resellers of genuine goods use
 * them) or a missing GTIN each stay under the flag threshold, while any two strong ones, or an
 * unambiguous term such as 高仿 or "super copy", reach it.
 *
 * @param priceFarBelowMsrpWeight points when the price is under {@code priceRatioThreshold} of the MSRP
 * @param unauthorizedExclusiveSellerWeight points when a brand with exclusive distribution has not
 *        authorized the shop
 * @param brandMentionGtinMissingWeight points when a brand is mentioned and no GTIN is given (low:
 *        many honest listings omit GTINs)
 * @param brandMentionGtinForeignWeight points when the GTIN belongs to another brand than one mentioned
 * @param officialImageReuseWeight points when an unauthorized seller shows a brand's official image
 * @param vocabularyCap at most this many points from counterfeit vocabulary (the sum of the
 *        distinct terms' points)
 * @param strikePoints points per live strike of the shop
 * @param strikesCap at most this many points from strikes
 * @param reportPoints points per live consumer report on the listing
 * @param reportsCap at most this many points from consumer reports
 * @param flagThreshold a score at or above this flags the listing for review (1..100)
 * @param priceRatioThreshold price / MSRP under this is far below (0 < x <= 1; 0.30 = "under 30 %")
 * @param maxImageHammingDistance image hashes this many bits apart or closer (of 64) are the same picture
 */
public record ScoringConfig(int priceFarBelowMsrpWeight, int unauthorizedExclusiveSellerWeight,
        int brandMentionGtinMissingWeight, int brandMentionGtinForeignWeight, int officialImageReuseWeight,
        int vocabularyCap, int strikePoints, int strikesCap, int reportPoints, int reportsCap, int flagThreshold,
        double priceRatioThreshold, int maxImageHammingDistance) {

    private static final ScoringConfig DEFAULTS = new ScoringConfig(45, 30, 10, 30, 20, 60, 15, 45, 10, 30, 50, 0.30,
            10);

    public ScoringConfig {
        requirePoints("priceFarBelowMsrpWeight", priceFarBelowMsrpWeight);
        requirePoints("unauthorizedExclusiveSellerWeight", unauthorizedExclusiveSellerWeight);
        requirePoints("brandMentionGtinMissingWeight", brandMentionGtinMissingWeight);
        requirePoints("brandMentionGtinForeignWeight", brandMentionGtinForeignWeight);
        requirePoints("officialImageReuseWeight", officialImageReuseWeight);
        requirePoints("vocabularyCap", vocabularyCap);
        requirePoints("strikePoints", strikePoints);
        requirePoints("strikesCap", strikesCap);
        requirePoints("reportPoints", reportPoints);
        requirePoints("reportsCap", reportsCap);
        if (flagThreshold < 1 || flagThreshold > 100) {
            throw new IllegalArgumentException("flagThreshold must be 1..100, got " + flagThreshold);
        }
        if (!(priceRatioThreshold > 0 && priceRatioThreshold <= 1)) {
            throw new IllegalArgumentException("priceRatioThreshold must be in (0, 1], got " + priceRatioThreshold);
        }
        if (maxImageHammingDistance < 0 || maxImageHammingDistance > 64) {
            throw new IllegalArgumentException("maxImageHammingDistance must be 0..64, got " + maxImageHammingDistance);
        }
    }

    private static void requirePoints(String name, int value) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException(name + " must be 0..100, got " + value);
        }
    }

    /**
     * Price 45, exclusive seller 30, GTIN missing 10, foreign GTIN 30, official image 20,
     * vocabulary up to 60, 15 per strike up to 45, 10 per report up to 30; flag at 50; far below
     * = under 30 % of the MSRP; same image = within 10 bits.
     */
    public static ScoringConfig defaults() {
        return DEFAULTS;
    }

    /** The fixed weight of a signal, or the cap of a summed one (vocabulary, strikes, reports). */
    public int weight(String signalCode) {
        return switch (signalCode) {
            case RiskSignal.PRICE_FAR_BELOW_MSRP -> priceFarBelowMsrpWeight;
            case RiskSignal.UNAUTHORIZED_EXCLUSIVE_SELLER -> unauthorizedExclusiveSellerWeight;
            case RiskSignal.BRAND_MENTION_GTIN_MISSING -> brandMentionGtinMissingWeight;
            case RiskSignal.BRAND_MENTION_GTIN_FOREIGN -> brandMentionGtinForeignWeight;
            case RiskSignal.OFFICIAL_IMAGE_REUSE -> officialImageReuseWeight;
            case RiskSignal.COUNTERFEIT_VOCABULARY -> vocabularyCap;
            case RiskSignal.SHOP_LIVE_STRIKES -> strikesCap;
            case RiskSignal.CONSUMER_REPORTS -> reportsCap;
            default -> throw new IllegalArgumentException("unknown signal code " + signalCode);
        };
    }

    /**
     * A short stable hash of every value here and the shipped lexicon's version. Equal
     * configurations give equal versions on every machine and run.
     */
    public String version() {
        return version(Lexicon.load().version());
    }

    /** The version with another lexicon's version (what {@link RiskScorer} stores). */
    public String version(String lexiconVersion) {
        String canonical = "priceFarBelowMsrpWeight=" + priceFarBelowMsrpWeight
                + ";unauthorizedExclusiveSellerWeight=" + unauthorizedExclusiveSellerWeight
                + ";brandMentionGtinMissingWeight=" + brandMentionGtinMissingWeight
                + ";brandMentionGtinForeignWeight=" + brandMentionGtinForeignWeight
                + ";officialImageReuseWeight=" + officialImageReuseWeight
                + ";vocabularyCap=" + vocabularyCap
                + ";strikePoints=" + strikePoints + ";strikesCap=" + strikesCap
                + ";reportPoints=" + reportPoints + ";reportsCap=" + reportsCap
                + ";flagThreshold=" + flagThreshold
                + ";priceRatioThreshold=" + BigDecimal.valueOf(priceRatioThreshold).stripTrailingZeros().toPlainString()
                + ";maxImageHammingDistance=" + maxImageHammingDistance
                + ";lexicon=" + lexiconVersion;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public ScoringConfig withPriceFarBelowMsrpWeight(int v) {
        return new ScoringConfig(v, unauthorizedExclusiveSellerWeight, brandMentionGtinMissingWeight,
                brandMentionGtinForeignWeight, officialImageReuseWeight, vocabularyCap, strikePoints, strikesCap,
                reportPoints, reportsCap, flagThreshold, priceRatioThreshold, maxImageHammingDistance);
    }

    public ScoringConfig withUnauthorizedExclusiveSellerWeight(int v) {
        return new ScoringConfig(priceFarBelowMsrpWeight, v, brandMentionGtinMissingWeight,
                brandMentionGtinForeignWeight, officialImageReuseWeight, vocabularyCap, strikePoints, strikesCap,
                reportPoints, reportsCap, flagThreshold, priceRatioThreshold, maxImageHammingDistance);
    }

    public ScoringConfig withBrandMentionGtinMissingWeight(int v) {
        return new ScoringConfig(priceFarBelowMsrpWeight, unauthorizedExclusiveSellerWeight, v,
                brandMentionGtinForeignWeight, officialImageReuseWeight, vocabularyCap, strikePoints, strikesCap,
                reportPoints, reportsCap, flagThreshold, priceRatioThreshold, maxImageHammingDistance);
    }

    public ScoringConfig withBrandMentionGtinForeignWeight(int v) {
        return new ScoringConfig(priceFarBelowMsrpWeight, unauthorizedExclusiveSellerWeight,
                brandMentionGtinMissingWeight, v, officialImageReuseWeight, vocabularyCap, strikePoints, strikesCap,
                reportPoints, reportsCap, flagThreshold, priceRatioThreshold, maxImageHammingDistance);
    }

    public ScoringConfig withOfficialImageReuseWeight(int v) {
        return new ScoringConfig(priceFarBelowMsrpWeight, unauthorizedExclusiveSellerWeight,
                brandMentionGtinMissingWeight, brandMentionGtinForeignWeight, v, vocabularyCap, strikePoints,
                strikesCap, reportPoints, reportsCap, flagThreshold, priceRatioThreshold, maxImageHammingDistance);
    }

    public ScoringConfig withVocabularyCap(int v) {
        return new ScoringConfig(priceFarBelowMsrpWeight, unauthorizedExclusiveSellerWeight,
                brandMentionGtinMissingWeight, brandMentionGtinForeignWeight, officialImageReuseWeight, v,
                strikePoints, strikesCap, reportPoints, reportsCap, flagThreshold, priceRatioThreshold,
                maxImageHammingDistance);
    }

    public ScoringConfig withStrikes(int points, int cap) {
        return new ScoringConfig(priceFarBelowMsrpWeight, unauthorizedExclusiveSellerWeight,
                brandMentionGtinMissingWeight, brandMentionGtinForeignWeight, officialImageReuseWeight, vocabularyCap,
                points, cap, reportPoints, reportsCap, flagThreshold, priceRatioThreshold, maxImageHammingDistance);
    }

    public ScoringConfig withReports(int points, int cap) {
        return new ScoringConfig(priceFarBelowMsrpWeight, unauthorizedExclusiveSellerWeight,
                brandMentionGtinMissingWeight, brandMentionGtinForeignWeight, officialImageReuseWeight, vocabularyCap,
                strikePoints, strikesCap, points, cap, flagThreshold, priceRatioThreshold, maxImageHammingDistance);
    }

    public ScoringConfig withFlagThreshold(int v) {
        return new ScoringConfig(priceFarBelowMsrpWeight, unauthorizedExclusiveSellerWeight,
                brandMentionGtinMissingWeight, brandMentionGtinForeignWeight, officialImageReuseWeight, vocabularyCap,
                strikePoints, strikesCap, reportPoints, reportsCap, v, priceRatioThreshold, maxImageHammingDistance);
    }

    public ScoringConfig withPriceRatioThreshold(double v) {
        return new ScoringConfig(priceFarBelowMsrpWeight, unauthorizedExclusiveSellerWeight,
                brandMentionGtinMissingWeight, brandMentionGtinForeignWeight, officialImageReuseWeight, vocabularyCap,
                strikePoints, strikesCap, reportPoints, reportsCap, flagThreshold, v, maxImageHammingDistance);
    }

    public ScoringConfig withMaxImageHammingDistance(int v) {
        return new ScoringConfig(priceFarBelowMsrpWeight, unauthorizedExclusiveSellerWeight,
                brandMentionGtinMissingWeight, brandMentionGtinForeignWeight, officialImageReuseWeight, vocabularyCap,
                strikePoints, strikesCap, reportPoints, reportsCap, flagThreshold, priceRatioThreshold, v);
    }
}

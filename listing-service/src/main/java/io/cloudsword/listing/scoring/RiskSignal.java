package io.cloudsword.listing.scoring;

import java.util.Map;

/**
 * One reason that contributed to a risk score: a stable code, the points it added, a sentence a
 * seller or reviewer can read, and the facts behind the sentence.
 */
public record RiskSignal(String code, int weight, String explanation, Map<String, String> details) {

    public static final String PRICE_FAR_BELOW_MSRP = "PRICE_FAR_BELOW_MSRP";
    public static final String UNAUTHORIZED_EXCLUSIVE_SELLER = "UNAUTHORIZED_EXCLUSIVE_SELLER";
    public static final String BRAND_MENTION_GTIN_MISSING = "BRAND_MENTION_GTIN_MISSING";
    public static final String BRAND_MENTION_GTIN_FOREIGN = "BRAND_MENTION_GTIN_FOREIGN";
    public static final String COUNTERFEIT_VOCABULARY = "COUNTERFEIT_VOCABULARY";
    public static final String OFFICIAL_IMAGE_REUSE = "OFFICIAL_IMAGE_REUSE";
    public static final String SHOP_LIVE_STRIKES = "SHOP_LIVE_STRIKES";
    public static final String CONSUMER_REPORTS = "CONSUMER_REPORTS";

    public RiskSignal {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}

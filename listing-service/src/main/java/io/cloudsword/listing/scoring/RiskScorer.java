package io.cloudsword.listing.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The explainable counterfeit-risk score of one listing: each signal that applies adds its
 * points, the score is their sum capped at 100, and every signal says in a sentence why it
 * applies, with the facts behind the sentence as details. Pure: everything it needs is in the
 * {@link ListingFacts} and the {@link BrandContext} gathered beforehand, so the same inputs
 * always give the same score, and scoring a listing again after a brand change is cheap.
 * <p>
 * Signals (codes in {@link RiskSignal}, weights in {@link ScoringConfig}):
 * <ul>
 * <li>PRICE_FAR_BELOW_MSRP: the MSRP of the GTIN in the market is known, in the listing's
 * currency, and the price is under the configured share of it (a price of 0 is).
 * <li>UNAUTHORIZED_EXCLUSIVE_SELLER: the scored brand distributes exclusively and the shop is
 * not on its authorized list for the market.
 * <li>BRAND_MENTION_GTIN_MISSING: a brand is mentioned and the listing has no GTIN.
 * <li>BRAND_MENTION_GTIN_FOREIGN: the GTIN's prefix belongs to a brand and the listing mentions
 * another one.
 * <li>COUNTERFEIT_VOCABULARY: lexicon terms in title or description; each distinct term counts
 * once, the sum capped.
 * <li>OFFICIAL_IMAGE_REUSE: an image within the configured Hamming distance of one of the scored
 * brand's official images while the shop is not authorized by the brand.
 * <li>SHOP_LIVE_STRIKES, CONSUMER_REPORTS: points per strike or report, capped.
 * </ul>
 * Never throws for odd but valid input (no title, unknown currency, malformed image hashes,
 * negative counts): what cannot be judged adds nothing. Thread-safe.
 */
public final class RiskScorer {

    /** Tie-break for signals of equal weight: the order the codes are listed in the contract. */
    private static final List<String> CODE_ORDER = List.of(RiskSignal.PRICE_FAR_BELOW_MSRP,
            RiskSignal.UNAUTHORIZED_EXCLUSIVE_SELLER, RiskSignal.BRAND_MENTION_GTIN_MISSING,
            RiskSignal.BRAND_MENTION_GTIN_FOREIGN, RiskSignal.COUNTERFEIT_VOCABULARY, RiskSignal.OFFICIAL_IMAGE_REUSE,
            RiskSignal.SHOP_LIVE_STRIKES, RiskSignal.CONSUMER_REPORTS);

    private static final Comparator<RiskSignal> STRONGEST_FIRST = Comparator
            .comparingInt(RiskSignal::weight).reversed()
            .thenComparingInt(s -> CODE_ORDER.indexOf(s.code()));

    private final ScoringConfig config;
    private final Lexicon lexicon;
    private final String version;

    public RiskScorer(ScoringConfig config, Lexicon lexicon) {
        this.config = config;
        this.lexicon = lexicon;
        this.version = config.version(lexicon.version());
    }

    /** The scorer with the default configuration and the shipped lexicon. */
    public static RiskScorer defaults() {
        return new RiskScorer(ScoringConfig.defaults(), Lexicon.load());
    }

    /** The version stored with every score: configuration values and lexicon together. */
    public String version() {
        return version;
    }

    public ScoringConfig config() {
        return config;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public RiskScore score(ListingFacts listing, BrandContext brand) {
        BrandContext ctx = brand == null ? BrandContext.NONE : brand;
        String brandName = ctx.brandName() != null ? ctx.brandName() : ctx.brandId();
        List<RiskSignal> signals = new ArrayList<>(8);

        priceFarBelowMsrp(listing, ctx, brandName).ifPresent(signals::add);
        unauthorizedExclusiveSeller(listing, ctx, brandName).ifPresent(signals::add);
        brandMentionGtinMissing(listing, ctx).ifPresent(signals::add);
        brandMentionGtinForeign(listing, ctx).ifPresent(signals::add);
        counterfeitVocabulary(listing).ifPresent(signals::add);
        officialImageReuse(listing, ctx, brandName).ifPresent(signals::add);
        shopLiveStrikes(listing).ifPresent(signals::add);
        consumerReports(listing).ifPresent(signals::add);

        signals.removeIf(s -> s.weight() <= 0); // a signal configured to 0 points did not contribute
        signals.sort(STRONGEST_FIRST);
        int sum = 0;
        for (RiskSignal s : signals) {
            sum += s.weight();
        }
        int score = Math.min(100, sum);
        return new RiskScore(score, signals, ctx.brandId(), version, score >= config.flagThreshold());
    }

    // ------------------------------------------------------------------------------------------
    // the signals

    private Optional<RiskSignal> priceFarBelowMsrp(ListingFacts listing, BrandContext ctx, String brandName) {
        BrandContext.Msrp msrp = ctx.msrp();
        if (msrp == null || msrp.amountMinor() <= 0 || msrp.currency() == null || listing.currency() == null
                || !msrp.currency().equalsIgnoreCase(listing.currency())) {
            return Optional.empty(); // no MSRP, or in another currency: nothing to compare
        }
        BigDecimal price = BigDecimal.valueOf(listing.priceMinor());
        BigDecimal recommended = BigDecimal.valueOf(msrp.amountMinor());
        BigDecimal threshold = BigDecimal.valueOf(config.priceRatioThreshold());
        if (price.compareTo(recommended.multiply(threshold)) >= 0) {
            return Optional.empty();
        }
        BigDecimal ratio = price.divide(recommended, 6, RoundingMode.HALF_UP);
        String currency = msrp.currency().toUpperCase(Locale.ROOT);
        String market = msrp.country() != null ? msrp.country() : nullToEmpty(listing.marketCountry());
        BigDecimal thresholdPercent = threshold.movePointRight(2).stripTrailingZeros();
        String explanation = "Price " + money(currency, listing.priceMinor()) + " is "
                + percentBelow(ratio.movePointRight(2), thresholdPercent) + " % of the MSRP "
                + money(currency, msrp.amountMinor()) + (market.isEmpty() ? "" : " for " + market)
                + " (threshold " + thresholdPercent.toPlainString() + " %).";
        Map<String, String> details = details(ctx.brandId());
        details.put("ratio", ratio.setScale(4, RoundingMode.DOWN).stripTrailingZeros().toPlainString());
        details.put("threshold", threshold.stripTrailingZeros().toPlainString());
        details.put("price_minor", Long.toString(listing.priceMinor()));
        details.put("msrp_minor", Long.toString(msrp.amountMinor()));
        details.put("currency", currency);
        details.put("market", market);
        if (brandName != null) {
            details.put("brand_name", brandName);
        }
        return Optional.of(new RiskSignal(RiskSignal.PRICE_FAR_BELOW_MSRP, config.priceFarBelowMsrpWeight(),
                explanation, details));
    }

    private Optional<RiskSignal> unauthorizedExclusiveSeller(ListingFacts listing, BrandContext ctx, String brandName) {
        if (!ctx.exclusiveDistribution() || !Boolean.FALSE.equals(ctx.sellerAuthorized())) {
            return Optional.empty();
        }
        String market = nullToEmpty(listing.marketCountry());
        String explanation = (brandName != null ? brandName : "The brand")
                + " sells only through authorized sellers, and shop " + quote(listing.shopId())
                + " is not one of them" + (market.isEmpty() ? "" : " in " + market) + ".";
        Map<String, String> details = details(ctx.brandId());
        details.put("shop_id", nullToEmpty(listing.shopId()));
        details.put("market", market);
        return Optional.of(new RiskSignal(RiskSignal.UNAUTHORIZED_EXCLUSIVE_SELLER,
                config.unauthorizedExclusiveSellerWeight(), explanation, details));
    }

    private Optional<RiskSignal> brandMentionGtinMissing(ListingFacts listing, BrandContext ctx) {
        if (ctx.mentions().isEmpty() || (listing.gtin14() != null && !listing.gtin14().isBlank())) {
            return Optional.empty();
        }
        BrandContext.Mention first = ctx.mentions().get(0);
        Set<String> brandIds = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (BrandContext.Mention m : ctx.mentions()) {
            brandIds.add(m.brandId());
            names.add(displayName(m));
        }
        String explanation = "The listing mentions " + joinNames(names) + " but gives no GTIN.";
        Map<String, String> details = details(first.brandId());
        details.put("brand_ids", String.join(",", brandIds));
        details.put("matched_text", nullToEmpty(first.matchedText()));
        return Optional.of(new RiskSignal(RiskSignal.BRAND_MENTION_GTIN_MISSING,
                config.brandMentionGtinMissingWeight(), explanation, details));
    }

    private Optional<RiskSignal> brandMentionGtinForeign(ListingFacts listing, BrandContext ctx) {
        BrandContext.Brand owner = ctx.gtinOwner();
        if (owner == null || owner.brandId() == null) {
            return Optional.empty();
        }
        BrandContext.Mention foreign = null;
        Set<String> foreignNames = new LinkedHashSet<>();
        for (BrandContext.Mention m : ctx.mentions()) {
            if (m.brandId() != null && !m.brandId().equals(owner.brandId())) {
                if (foreign == null) {
                    foreign = m;
                }
                foreignNames.add(displayName(m));
            }
        }
        if (foreign == null) {
            return Optional.empty();
        }
        String ownerName = owner.name() != null ? owner.name() : owner.brandId();
        String explanation = "The GTIN " + nullToEmpty(listing.gtin14()) + " belongs to " + ownerName
                + ", but the listing mentions " + joinNames(foreignNames) + ".";
        Map<String, String> details = details(foreign.brandId());
        details.put("gtin", nullToEmpty(listing.gtin14()));
        details.put("gtin_owner_brand_id", owner.brandId());
        details.put("matched_text", nullToEmpty(foreign.matchedText()));
        return Optional.of(new RiskSignal(RiskSignal.BRAND_MENTION_GTIN_FOREIGN,
                config.brandMentionGtinForeignWeight(), explanation, details));
    }

    private Optional<RiskSignal> counterfeitVocabulary(ListingFacts listing) {
        // the first occurrence of each distinct term, title before description
        Map<String, Found> byTerm = new LinkedHashMap<>();
        collect(byTerm, lexicon.find(listing.title()), "title");
        collect(byTerm, lexicon.find(listing.description()), "description");
        if (byTerm.isEmpty()) {
            return Optional.empty();
        }
        List<Found> found = new ArrayList<>(byTerm.values());
        int sum = 0;
        for (Found f : found) {
            sum += f.match.points();
        }
        int weight = Math.min(sum, config.vocabularyCap());
        StringBuilder explanation = new StringBuilder("Counterfeit vocabulary: ");
        List<String> terms = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            String asWritten = f.match.matchedText().replaceAll("\\s+", " ");
            if (i > 0) {
                explanation.append(", ");
            }
            explanation.append('"').append(f.match.term()).append('"');
            if (!Lexicon.fold(asWritten).equals(Lexicon.fold(f.match.term()))) {
                explanation.append(" written \"").append(asWritten).append('"');
            }
            explanation.append(" (").append(f.field).append(')');
            terms.add(f.match.term());
            written.add(asWritten);
        }
        explanation.append(sum > weight ? "; " + sum + " points, capped at " + weight + "." : ".");
        Found strongest = found.stream().max(Comparator.comparingInt(f -> f.match.points())).orElseThrow();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("term", strongest.match.term());
        details.put("terms", String.join(", ", terms));
        details.put("matched_texts", String.join(" | ", written));
        details.put("language", strongest.match.language());
        details.put("points", Integer.toString(sum));
        return Optional.of(new RiskSignal(RiskSignal.COUNTERFEIT_VOCABULARY, weight, explanation.toString(), details));
    }

    private record Found(Lexicon.Match match, String field) {
    }

    private static void collect(Map<String, Found> byTerm, List<Lexicon.Match> matches, String field) {
        for (Lexicon.Match m : matches) {
            byTerm.putIfAbsent(m.term(), new Found(m, field));
        }
    }

    private Optional<RiskSignal> officialImageReuse(ListingFacts listing, BrandContext ctx, String brandName) {
        if (!Boolean.FALSE.equals(ctx.sellerAuthorized())) {
            return Optional.empty(); // authorized sellers use the official pictures, as they should
        }
        Optional<ImageHashes.Nearest> nearest = ImageHashes.nearest(listing.imageHashes(), ctx.officialImageHashes());
        if (nearest.isEmpty() || nearest.get().distance() > config.maxImageHammingDistance()) {
            return Optional.empty();
        }
        ImageHashes.Nearest n = nearest.get();
        String explanation = "A listing image matches an official " + (brandName != null ? brandName + " " : "")
                + "image (" + n.distance() + " of 64 bits differ, at most " + config.maxImageHammingDistance()
                + " allowed), and shop " + quote(listing.shopId()) + " is not an authorized seller.";
        Map<String, String> details = details(ctx.brandId());
        details.put("hamming_distance", Integer.toString(n.distance()));
        details.put("image_hash", n.imageHash());
        details.put("official_hash", n.officialHash());
        details.put("shop_id", nullToEmpty(listing.shopId()));
        return Optional.of(new RiskSignal(RiskSignal.OFFICIAL_IMAGE_REUSE, config.officialImageReuseWeight(),
                explanation, details));
    }

    private Optional<RiskSignal> shopLiveStrikes(ListingFacts listing) {
        int strikes = listing.shopLiveStrikes();
        if (strikes <= 0) {
            return Optional.empty();
        }
        int weight = (int) Math.min((long) strikes * config.strikePoints(), config.strikesCap());
        String explanation = "Shop " + quote(listing.shopId()) + " has " + strikes + " live "
                + (strikes == 1 ? "strike" : "strikes") + " for upheld notices.";
        Map<String, String> details = new LinkedHashMap<>();
        details.put("shop_id", nullToEmpty(listing.shopId()));
        details.put("live_strikes", Integer.toString(strikes));
        return Optional.of(new RiskSignal(RiskSignal.SHOP_LIVE_STRIKES, weight, explanation, details));
    }

    private Optional<RiskSignal> consumerReports(ListingFacts listing) {
        int reports = listing.consumerReports();
        if (reports <= 0) {
            return Optional.empty();
        }
        int weight = (int) Math.min((long) reports * config.reportPoints(), config.reportsCap());
        String explanation = reports == 1 ? "A consumer reported this listing as a suspected fake."
                : reports + " consumers reported this listing as a suspected fake.";
        Map<String, String> details = new LinkedHashMap<>();
        details.put("consumer_reports", Integer.toString(reports));
        return Optional.of(new RiskSignal(RiskSignal.CONSUMER_REPORTS, weight, explanation, details));
    }

    // ------------------------------------------------------------------------------------------
    // wording

    private static Map<String, String> details(String brandId) {
        Map<String, String> details = new LinkedHashMap<>();
        if (brandId != null) {
            details.put("brand_id", brandId);
        }
        return details;
    }

    /** An amount in minor units with its currency's decimals: "CNY 89.00", "JPY 12000". */
    static String money(String currency, long amountMinor) {
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException unknown) {
            // an unknown code keeps the usual two decimals
        }
        return currency + " " + BigDecimal.valueOf(amountMinor).movePointLeft(digits).setScale(digits).toPlainString();
    }

    /**
     * A percentage under the threshold, rounded to whole percent unless rounding would reach
     * the threshold ("29.7 %", not "30 %" against a threshold of 30 %).
     */
    static String percentBelow(BigDecimal percent, BigDecimal thresholdPercent) {
        for (int scale = 0; scale <= 2; scale++) {
            BigDecimal shown = percent.setScale(scale, RoundingMode.HALF_UP);
            if (shown.compareTo(thresholdPercent) < 0) {
                return shown.toPlainString();
            }
        }
        return percent.setScale(2, RoundingMode.DOWN).toPlainString();
    }

    private static String displayName(BrandContext.Mention m) {
        String name = m.brandName() != null ? m.brandName() : m.brandId();
        String written = m.matchedText();
        if (written == null || written.isBlank() || Lexicon.fold(written).equals(Lexicon.fold(name))) {
            return name;
        }
        return name + " (\"" + written.replaceAll("\\s+", " ") + "\")";
    }

    private static String joinNames(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        if (list.size() > 3) {
            int more = list.size() - 3;
            list = new ArrayList<>(list.subList(0, 3));
            list.add(more + " more");
        }
        if (list.size() == 1) {
            return list.get(0);
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
    }

    private static String quote(String s) {
        return "'" + nullToEmpty(s) + "'";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

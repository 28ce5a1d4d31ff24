package io.cloudsword.listing.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The scorer against a labelled corpus ({@code scoring/labelled-listings.jsonl}): listings in
 * English, Chinese, Japanese, Korean, Russian, Spanish, German, French, Turkish, Vietnamese,
 * Indonesian and Arabic, labelled as a human reviewer would label them (not by what the scorer
 * says), with their brand context built from {@code scoring/fixture-brands.json}.
 * <p>
 * The innocent half is chosen to be hard: words containing lexicon fragments ("replicate", AAA
 * batteries, 1:1 scale models, 原单位, 货架, 高仿真), denials ("not a replica", 拒绝高仿), official
 * retro releases called 复刻, licensed "replica" jerseys and props, used goods far under MSRP,
 * grey-market dealers using official pictures. The counterfeit half uses every disguise the
 * lexicon reads, plus stealthy listings that only price knowledge or an expert eye gives away;
 * those stay missed (see the notes in the corpus), which is why recall is not 1.
 */
class LabelledCorpusTest {

    /**
     * The figures reached when the corpus was written (239 listings, 110 counterfeit): 7
     * counterfeits missed (stealthy listings without GTIN or vocabulary), 2 innocent listings
     * flagged (a grey-market Rolex dealer and a private Chanel seller, both unauthorized for an
     * exclusive brand and using official pictures). A change to weights, thresholds or the lexicon
     * must not fall below them.
     */
    static final double REACHED_PRECISION = 0.98;
    static final double REACHED_RECALL = 0.93;

    record Labelled(int line, JsonObject json, ListingFacts facts, boolean counterfeit) {
    }

    private static List<Labelled> corpus;
    private static FixtureBrands brands;
    private final RiskScorer scorer = RiskScorer.defaults();

    @BeforeAll
    static void load() {
        brands = FixtureBrands.load();
        corpus = new ArrayList<>();
        String[] lines = FixtureBrands.resource("scoring/labelled-listings.jsonl").split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            JsonObject json = new JsonObject(lines[i]);
            List<String> hashes = new ArrayList<>();
            for (Object h : json.getJsonArray("image_hashes", new JsonArray())) {
                hashes.add(((String) h).toLowerCase(Locale.ROOT));
            }
            ListingFacts facts = new ListingFacts("corpus", json.getString("shop"), json.getString("title"),
                    json.getString("description", ""), json.getLong("price_minor"), json.getString("currency"),
                    json.getString("market"), FixtureBrands.gtin14(json.getString("gtin")), hashes,
                    json.getInteger("shop_live_strikes", 0), json.getInteger("consumer_reports", 0));
            String label = json.getString("label");
            assertTrue(Set.of("counterfeit", "innocent").contains(label), "line " + (i + 1) + ": label " + label);
            corpus.add(new Labelled(i + 1, json, facts, label.equals("counterfeit")));
        }
    }

    @Test
    void theCorpusIsLargeMixedAndWellFormed() {
        assertTrue(corpus.size() >= 200, "listings: " + corpus.size());
        long counterfeit = corpus.stream().filter(Labelled::counterfeit).count();
        assertTrue(counterfeit >= 80 && corpus.size() - counterfeit >= 80, "counterfeit: " + counterfeit);
        for (Labelled l : corpus) {
            String where = "line " + l.line();
            assertFalse(l.facts().title().isBlank(), where);
            assertTrue(l.facts().priceMinor() >= 0, where);
            assertTrue(l.facts().currency().matches("[A-Z]{3}"), where);
            assertTrue(l.facts().marketCountry().matches("[A-Z]{2}"), where);
            assertFalse(l.json().getString("note", "").isBlank(), where + ": every listing says why it has its label");
            l.facts().imageHashes().forEach(h -> assertTrue(ImageHashes.isValid(h), where + ": " + h));
        }
        assertTrue(countWith("\\p{IsHan}") >= 40, "Chinese");
        assertTrue(countWith("[\\p{IsHiragana}\\p{IsKatakana}]") >= 5, "Japanese");
        assertTrue(countWith("\\p{IsHangul}") >= 5, "Korean");
        assertTrue(countWith("\\p{IsCyrillic}") >= 5, "Russian");
        assertTrue(countWith("\\p{IsArabic}") >= 2, "Arabic");
        assertTrue(corpus.stream().map(l -> l.facts().marketCountry()).distinct().count() >= 15, "markets");
    }

    private long countWith(String regex) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
        return corpus.stream().filter(l -> p.matcher(l.facts().title() + l.facts().description()).find()).count();
    }

    @Test
    void precisionAndRecallAtTheDefaultFlagThreshold() {
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        List<String> mistakes = new ArrayList<>();
        for (Labelled l : corpus) {
            RiskScore score = scorer.score(l.facts(), brands.contextFor(l.facts()));
            if (score.flag() && l.counterfeit()) {
                truePositives++;
            } else if (score.flag()) {
                falsePositives++;
                mistakes.add("  false flag " + describe(l, score));
            } else if (l.counterfeit()) {
                falseNegatives++;
                mistakes.add("  missed     " + describe(l, score));
            }
        }
        double precision = truePositives / (double) Math.max(1, truePositives + falsePositives);
        double recall = truePositives / (double) Math.max(1, truePositives + falseNegatives);
        System.out.printf(Locale.ROOT, "corpus: n=%d, precision=%.3f, recall=%.3f%n", corpus.size(), precision, recall);
        mistakes.forEach(System.out::println);
        assertTrue(precision >= REACHED_PRECISION, "precision " + precision + "\n" + String.join("\n", mistakes));
        assertTrue(recall >= REACHED_RECALL, "recall " + recall + "\n" + String.join("\n", mistakes));
    }

    private static String describe(Labelled l, RiskScore score) {
        return "line " + l.line() + " score " + score.score() + " " + l.facts().title() + " ["
                + score.signals().stream().map(s -> s.code() + "=" + s.weight()).collect(Collectors.joining(", "))
                + "] (" + l.json().getString("note") + ")";
    }

    @Test
    void everyFlagIsExplainedAndScoringIsDeterministic() {
        for (Labelled l : corpus) {
            BrandContext context = brands.contextFor(l.facts());
            RiskScore score = scorer.score(l.facts(), context);
            assertEquals(score, scorer.score(l.facts(), context), "line " + l.line());
            assertEquals(Math.min(100, score.signals().stream().mapToInt(RiskSignal::weight).sum()), score.score());
            for (RiskSignal s : score.signals()) {
                assertTrue(s.weight() > 0 && s.explanation().endsWith("."), "line " + l.line() + ": " + s);
            }
        }
    }
}

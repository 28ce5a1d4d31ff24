package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class ListingsIngestReportTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final List<String> PLATFORMS = List.of("taobao", "amazon-de");

    /** An arm where every listing was stored and scored, chunks answered in the given milliseconds. */
    private static ListingsIngestReport.Arm arm(long listings, double seconds, long... chunkMillis) {
        return new ListingsIngestReport.Arm(listings, listings, 0, listings, listings, seconds,
                LongStream.of(chunkMillis).map(ms -> ms * 1_000_000).sorted().toArray());
    }

    private static IngestTally scored() {
        IngestTally t = new IngestTally();
        t.accepted(ListingSamples.Kind.BRANDED, 5, false, List.of());
        t.accepted(ListingSamples.Kind.BRANDED, 35, false, List.of("BRAND_MENTION_GTIN_MISSING"));
        t.accepted(ListingSamples.Kind.COUNTERFEIT_LOOKING, 95, true,
                List.of("COUNTERFEIT_VOCABULARY", "PRICE_FAR_BELOW_MSRP"));
        t.accepted(ListingSamples.Kind.UNBRANDED, 0, false, List.of());
        return t;
    }

    @Test
    void ratesAreMediansOverRunsAndTheRatioIsTheirQuotient() {
        // 1,000,000 listings in 40, 50 and 100 s: median 20,000/s; baseline 25, 20, 30 s: median 40,000/s
        ListingsIngestReport report = new ListingsIngestReport(1_000_000, 1000, 8, PLATFORMS, 1,
                List.of(arm(1_000_000, 40, 10, 20, 90), arm(1_000_000, 50, 30, 40, 100), arm(1_000_000, 100, 5, 6, 7)),
                List.of(arm(1_000_000, 25, 2, 4), arm(1_000_000, 20, 3, 5), arm(1_000_000, 30, 1, 9)), scored());
        assertEquals(20_000, report.listingsPerSecond(), 1e-6);
        assertEquals(40_000, report.baselinePerSecond(), 1e-6);
        assertEquals(0.5, report.ratio(), 1e-9);
        assertTrue(report.pass(), "both goals met exactly");
        String json = report.toJson();
        assertTrue(json.startsWith("{\"bench\":\"listings-ingest\",\"listings\":1000000,\"runs\":3,\"chunk_size\":1000,"
                + "\"window\":8,\"platforms\":\"taobao,amazon-de\",\"listings_per_s\":20000.0,\"seconds\":50.000,"
                + "\"chunk_p50_ms\":20.000,\"chunk_p99_ms\":90.000,\"accepted\":3000000,\"rejected\":0,"
                + "\"not_stored\":0,\"not_scored\":0,\"answer_mismatches\":0,"), json);
        assertTrue(json.contains("\"scores\":{\"accepted\":4,\"flagged\":1,\"flagged_share\":0.2500,\"mean_score\":33.75,"
                + "\"histogram\":{\"0-9\":2,\"10-19\":0,\"20-29\":0,\"30-39\":1,"), json);
        assertTrue(json.contains("\"by_kind\":{\"branded\":{\"listings\":2,\"flagged\":0,\"flagged_share\":0.0000,"
                + "\"mean_score\":20.00},\"unbranded\":{\"listings\":1,"), json);
        assertTrue(json.contains("\"counterfeit_looking\":{\"listings\":1,\"flagged\":1,\"flagged_share\":1.0000,"
                + "\"mean_score\":95.00}},\"signals\":{\"BRAND_MENTION_GTIN_MISSING\":1,\"COUNTERFEIT_VOCABULARY\":1,"
                + "\"PRICE_FAR_BELOW_MSRP\":1}},"), json);
        assertTrue(json.contains("\"rejections\":{\"count\":0,\"reasons\":{},\"first\":null},"), json);
        assertTrue(json.contains("\"baseline\":{\"name\":\"sql-insert-unnest\",\"connections\":1,"
                + "\"listings_per_s\":40000.0,\"seconds\":25.000,\"chunk_p50_ms\":2.000,\"chunk_p99_ms\":5.000,"
                + "\"not_stored\":0},\"ratio\":0.500,"), json);
        assertTrue(json.contains("\"goals\":{\"listings_per_s\":{\"goal\":\">= 20000\",\"value\":20000.000,\"pass\":true},"
                + "\"ratio\":{\"goal\":\">= 0.5\",\"value\":0.500,\"pass\":true}},\"pass\":true,"), json);
        assertTrue(json.endsWith("\"cores\":" + CORES + "}"), json);
        assertFalse(json.contains("\n"));
    }

    @Test
    void aMissedGoalFails() {
        ListingsIngestReport slow = new ListingsIngestReport(1000, 1000, 8, PLATFORMS, 1, List.of(arm(1000, 1, 5)),
                List.of(arm(1000, 0.01, 1)), scored());
        assertEquals(1000, slow.listingsPerSecond(), 1e-9);
        assertFalse(slow.goals().get(0).pass());
        assertFalse(slow.goals().get(1).pass());
        assertFalse(slow.pass());
    }

    @Test
    void fastButLosingListingsFails() {
        ListingsIngestReport.Arm rejectedSome = new ListingsIngestReport.Arm(1000, 990, 10, 990, 990, 0.01,
                new long[] { 1 });
        ListingsIngestReport.Arm unscored = new ListingsIngestReport.Arm(1000, 1000, 0, 1000, 999, 0.01,
                new long[] { 1 });
        ListingsIngestReport.Arm notStored = new ListingsIngestReport.Arm(1000, 1000, 0, 998, 998, 0.01,
                new long[] { 1 });
        List<ListingsIngestReport.Arm> baseline = List.of(arm(1000, 0.015, 1));
        for (ListingsIngestReport.Arm bad : List.of(rejectedSome, unscored, notStored)) {
            ListingsIngestReport report = new ListingsIngestReport(1000, 1000, 8, PLATFORMS, 1, List.of(bad),
                    baseline, scored());
            assertTrue(Goal.allPass(report.goals()), "fast enough");
            assertFalse(report.pass(), bad.toString());
        }
        ListingsIngestReport json = new ListingsIngestReport(1000, 1000, 8, PLATFORMS, 1, List.of(notStored, unscored),
                baseline, scored());
        assertTrue(json.toJson().contains("\"not_stored\":2,\"not_scored\":1,"), json.toJson());

        IngestTally mismatched = scored();
        mismatched.mismatch("chunk c-1 answered as 'c-2'");
        ListingsIngestReport report = new ListingsIngestReport(1000, 1000, 8, PLATFORMS, 1, List.of(arm(1000, 0.01, 1)),
                baseline, mismatched);
        assertTrue(Goal.allPass(report.goals()));
        assertFalse(report.pass(), "an answer that does not match its chunk fails the run");
    }

    @Test
    void withoutRunsNothingIsMeasuredAndNothingPasses() {
        ListingsIngestReport report = new ListingsIngestReport(10, 1000, 8, PLATFORMS, 1, List.of(), List.of(),
                new IngestTally());
        String json = report.toJson();
        assertTrue(json.contains("\"listings_per_s\":null,"), json);
        assertTrue(json.contains("\"flagged_share\":null,\"mean_score\":null,"), json);
        assertTrue(json.contains("\"ratio\":null,"), json);
        assertFalse(report.pass());
    }

    @Test
    void theTallyCountsRejectionsByReasonAndBucketsScores() {
        IngestTally t = new IngestTally();
        t.rejected("x-1", "INVALID_GTIN", "gtin", "bad check digit");
        t.rejected("x-2", "INVALID_GTIN", "gtin", "bad check digit");
        t.rejected("x-3", "FIELD_REQUIRED", "", "title is required");
        assertEquals(3, t.rejected());
        assertEquals("x-1: INVALID_GTIN gtin bad check digit", t.firstRejection());
        assertEquals("{\"count\":3,\"reasons\":{\"FIELD_REQUIRED\":1,\"INVALID_GTIN gtin\":2},"
                + "\"first\":\"x-1: INVALID_GTIN gtin bad check digit\"}", t.rejectionsJson().toString());
        assertEquals(0, IngestTally.bucket(0));
        assertEquals(6, IngestTally.bucket(69));
        assertEquals(9, IngestTally.bucket(90));
        assertEquals(9, IngestTally.bucket(100), "100 is in the top bucket");
        assertEquals(0.25, scored().flaggedShare(), 1e-9);
        assertEquals(1.0, scored().flaggedShare(ListingSamples.Kind.COUNTERFEIT_LOOKING), 1e-9);
        assertTrue(Double.isNaN(scored().flaggedShare(ListingSamples.Kind.USED)));
        assertEquals(1, scored().signal("COUNTERFEIT_VOCABULARY"));
    }
}

package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class LookupReportTest {

    private static LoadRun.Result result(long calls, long errors, long... latenciesMillis) {
        long[] nanos = java.util.Arrays.stream(latenciesMillis).map(ms -> ms * 1_000_000).sorted().toArray();
        return new LoadRun.Result(calls, errors, 1, nanos);
    }

    @Test
    void oneJsonLineWithAPartPerLookupMediansLookupsPerSecondAndRatio() {
        LookupReport.Part batch = new LookupReport.Part("batch-get-products-by-gtin", "sql-product-gtin-any", 100,
                List.of(result(10, 0, 4), result(30, 1, 8), result(20, 0, 6)),
                List.of(result(40, 0, 2), result(40, 0, 2), result(40, 0, 2)));
        LookupReport.Part single = new LookupReport.Part("is-authorized-seller", "sql-authorized-seller", 1,
                List.of(result(1000, 0, 1)), List.of(result(500, 0, 1)));
        String json = new LookupReport("brand-lookup", 32, List.of(batch, single), 0).toJson();
        assertTrue(json.startsWith("{\"bench\":\"brand-lookup\",\"runs\":3,\"concurrency\":32,\"parts\":[{"), json);
        assertTrue(json.contains("{\"name\":\"batch-get-products-by-gtin\",\"items_per_call\":100,"
                + "\"calls_per_s\":20.0,\"lookups_per_s\":2000.0,\"p50_ms\":6.000,\"p99_ms\":6.000,\"errors\":1,"
                + "\"baseline\":{\"name\":\"sql-product-gtin-any\",\"calls_per_s\":40.0,\"lookups_per_s\":4000.0,"), json);
        assertTrue(json.contains("\"ratio\":0.500}"), json);
        assertTrue(json.contains("\"name\":\"is-authorized-seller\",\"items_per_call\":1,\"calls_per_s\":1000.0,"
                + "\"lookups_per_s\":1000.0"), json);
        assertTrue(json.contains("\"ratio\":2.000}"), json);
        assertTrue(json.endsWith("\"answer_mismatches\":0,\"cores\":" + Runtime.getRuntime().availableProcessors()
                + "}"), json);
        assertTrue(!json.contains("\n"));
    }
}

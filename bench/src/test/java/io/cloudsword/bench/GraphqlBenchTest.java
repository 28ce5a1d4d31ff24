package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cloudsword.api.brand.v1.Product;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine;

class GraphqlBenchTest {

    private static GraphqlBench parse(String... args) {
        GraphqlBench bench = new GraphqlBench();
        new CommandLine(bench).parseArgs(args);
        return bench;
    }

    @Test
    void defaultsAreTheIssuesFigures() {
        GraphqlBench b = parse();
        assertEquals(3, b.runs);
        assertEquals(15, b.seconds);
        assertEquals(64, b.clients);
        assertEquals(200, b.customsRequests);
        assertEquals(30, b.warmupSeconds);
        b.validate();
    }

    @Test
    void optionsAreReadAndNonsenseRefused() {
        GraphqlBench b = parse("--runs", "5", "--seconds", "20", "--clients", "8", "--customs-requests", "50",
                "--warmup-seconds", "0");
        assertEquals(5, b.runs);
        assertEquals(20, b.seconds);
        assertEquals(8, b.clients);
        assertEquals(50, b.customsRequests);
        assertEquals(0, b.warmupSeconds);
        b.validate();
        assertThrows(IllegalArgumentException.class, () -> parse("--clients", "0").validate());
        assertThrows(IllegalArgumentException.class, () -> parse("--customs-requests", "0").validate());
        assertThrows(IllegalArgumentException.class, () -> parse("--runs", "0").validate());
    }

    @Test
    void brandBodyAsksForTheBrandById() {
        JsonObject body = new JsonObject(GraphqlRequests.brandBody("b-1"));
        assertTrue(body.getString("query").contains("brand(id: $id) { id name }"));
        assertEquals("b-1", body.getJsonObject("variables").getString("id"));
    }

    @Test
    void customsBodyCarriesEveryLineAsDeclared() {
        List<GraphqlRequests.Line> lines = List.of(new GraphqlRequests.Line("04012345000016", "Nike \"Air\"", "640411",
                "Shoe", 3), new GraphqlRequests.Line("04012345000023", null, "420221", "Bag", 1));
        JsonObject body = new JsonObject(GraphqlRequests.customsBody("EU_AFA", "D-1", "2026-11-29", lines));
        assertTrue(body.getString("query").contains("customsCheck(declaration: $d)"));
        JsonObject d = body.getJsonObject("variables").getJsonObject("d");
        assertEquals("EU_AFA", d.getString("authority"));
        assertEquals("D-1", d.getString("declarationId"));
        assertEquals("2026-11-29", d.getString("date"));
        assertEquals("CN", d.getString("origin"));
        assertNotNull(d.getJsonObject("consignor").getString("name"));
        JsonArray sent = d.getJsonArray("lines");
        assertEquals(2, sent.size());
        assertEquals("Nike \"Air\"", sent.getJsonObject(0).getString("declaredBrand"), "quotes survive the JSON");
        assertEquals("04012345000016", sent.getJsonObject(0).getString("gtin"));
        assertEquals("640411", sent.getJsonObject(0).getString("hsCode"));
        assertEquals(3, sent.getJsonObject(0).getInteger("quantity"));
        assertFalse(sent.getJsonObject(1).containsKey("declaredBrand"), "no brand known: none declared");
    }

    @Test
    void aBrandAnswerCountsOnlyWhenCleanAndTheBrandAsked() {
        assertNull(GraphqlRequests.checkBrand(200, "{\"data\":{\"brand\":{\"id\":\"b-1\",\"name\":\"X\"}}}", "b-1"));
        assertNotNull(GraphqlRequests.checkBrand(200, "{\"data\":{\"brand\":{\"id\":\"b-2\",\"name\":\"X\"}}}", "b-1"));
        assertNotNull(GraphqlRequests.checkBrand(200, "{\"data\":{\"brand\":null}}", "b-1"));
        assertNotNull(GraphqlRequests.checkBrand(200, "{\"errors\":[{\"message\":\"no\"}],\"data\":{\"brand\":"
                + "{\"id\":\"b-1\"}}}", "b-1"), "errors beside data still fail");
        assertNotNull(GraphqlRequests.checkBrand(401, "", "b-1"));
        assertNotNull(GraphqlRequests.checkBrand(200, "<html>", "b-1"));
    }

    private static String customsAnswer(String declarationId, int lines, boolean riskLevels) {
        JsonArray answered = new JsonArray();
        for (int i = 0; i < lines; i++) {
            JsonObject line = new JsonObject().put("index", i);
            if (riskLevels) {
                line.put("riskLevel", "LOW");
            }
            answered.add(line);
        }
        return new JsonObject().put("data", new JsonObject().put("customsCheck", new JsonObject()
                .put("declarationId", declarationId).put("riskLevel", "LOW").put("lines", answered))).encode();
    }

    @Test
    void aCustomsAnswerMustCheckEveryLine() {
        assertNull(GraphqlRequests.checkCustoms(200, customsAnswer("D-1", 100, true), "D-1", 100));
        assertNotNull(GraphqlRequests.checkCustoms(200, customsAnswer("D-1", 99, true), "D-1", 100));
        assertNotNull(GraphqlRequests.checkCustoms(200, customsAnswer("D-1", 100, false), "D-1", 100));
        assertNotNull(GraphqlRequests.checkCustoms(200, customsAnswer("D-2", 100, true), "D-1", 100));
        assertNotNull(GraphqlRequests.checkCustoms(200, "{\"errors\":[{\"message\":\"FORBIDDEN\"}],\"data\":"
                + "{\"customsCheck\":null}}", "D-1", 100));
        assertNotNull(GraphqlRequests.checkCustoms(500, customsAnswer("D-1", 100, true), "D-1", 100));
    }

    @Test
    void linesSpreadOverTheProductsAndTheirBrands() {
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            products.add(Product.newBuilder().setGtin(String.format("%014d", i)).setBrandId("b" + i / 30)
                    .setHsCode("6404" + String.format("%02d", i % 100)).setName("P" + i).build());
        }
        List<GraphqlRequests.Line> lines = GraphqlBench.pickLines(products, Map.of("b0", "Brand Zero"));
        assertEquals(GraphqlBench.CUSTOMS_LINES, lines.size());
        Set<String> gtins = new HashSet<>();
        lines.forEach(l -> gtins.add(l.gtin()));
        assertEquals(100, gtins.size(), "no product twice");
        assertEquals("Brand Zero", lines.get(0).brandName());
        assertNull(lines.get(99).brandName());
        assertEquals(products.get(20).getGtin(), lines.get(1).gtin());
        assertTrue(lines.stream().allMatch(l -> l.quantity() >= 1));
    }

    private static LoadRun.Result result(double seconds, long calls, long errors, long... millis) {
        long[] nanos = new long[millis.length];
        for (int i = 0; i < millis.length; i++) {
            nanos[i] = millis[i] * 1_000_000L;
        }
        java.util.Arrays.sort(nanos);
        return new LoadRun.Result(calls, errors, seconds, nanos);
    }

    @Test
    void reportTakesMediansAndJudgesTheGoals() {
        List<LoadRun.Result> gateway = List.of(result(1, 600, 0, 1, 2), result(1, 500, 0, 1, 3),
                result(1, 700, 0, 1, 2));
        List<LoadRun.Result> direct = List.of(result(1, 1000, 0, 1), result(1, 1000, 0, 1), result(1, 1200, 0, 1));
        List<LoadRun.Result> customs = List.of(result(1, 3, 0, 40, 50, 100), result(1, 3, 0, 40, 50, 120),
                result(1, 3, 0, 40, 50, 200));
        GraphqlReport report = new GraphqlReport(64, 15, 100, 1, gateway, direct, customs);
        assertEquals(0.6, report.ratio(), 1e-9);
        assertEquals(120, report.customsP99(), 1e-9);
        assertTrue(report.pass());
        JsonObject json = new JsonObject(report.toJson());
        assertEquals("graphql", json.getString("bench"));
        assertEquals(3, json.getInteger("runs"));
        assertEquals(600.0, json.getJsonObject("gateway").getDouble("ops_per_s"), 1e-9);
        assertEquals("grpc-get-brand", json.getJsonObject("baseline").getString("name"));
        assertEquals(9, json.getJsonObject("customs").getLong("requests"));
        assertEquals(">= 0.5", json.getJsonObject("goals").getJsonObject("ratio").getString("goal"));
        assertEquals("< 150", json.getJsonObject("goals").getJsonObject("customs_p99_ms").getString("goal"));
        assertTrue(json.getBoolean("pass"));
    }

    @Test
    void aSlowGatewayAFailedCallOrASlowCheckFails() {
        List<LoadRun.Result> direct = List.of(result(1, 1000, 0, 1));
        List<LoadRun.Result> fastCustoms = List.of(result(1, 2, 0, 40, 50));
        assertFalse(new GraphqlReport(64, 15, 100, 1, List.of(result(1, 400, 0, 1)), direct, fastCustoms).pass());
        assertFalse(new GraphqlReport(64, 15, 100, 1, List.of(result(1, 900, 1, 1)), direct, fastCustoms).pass(),
                "a failed call fails the run even when the figures pass");
        assertFalse(new GraphqlReport(64, 15, 100, 1, List.of(result(1, 900, 0, 1)), direct,
                List.of(result(1, 2, 0, 40, 150))).pass(), "150 ms is not below 150 ms");
        assertFalse(new GraphqlReport(64, 15, 100, 1, List.of(result(1, 900, 0, 1)), direct,
                List.of(result(1, 0, 2))).pass(), "no customs answer is no figure");
    }
}

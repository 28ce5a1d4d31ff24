package io.cloudsword.bench;

import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The GraphQL the graphql benchmark sends through the gateway and how it judges the answers:
 * pure, so the bodies and the checks are unit-tested without a suite. An answer counts only when
 * it is HTTP 200, has no {@code errors} and carries what was asked (the brand's id; a customs
 * check with one line per declared line, in order).
 */
final class GraphqlRequests {

    static final String BRAND_QUERY = "query Brand($id: ID!) { brand(id: $id) { id name } }";

    /** Scalars of the whole check and of every line: enough that every line is answered and serialized. */
    static final String CUSTOMS_QUERY = "query Customs($d: CustomsDeclarationInput!) { customsCheck(declaration: $d) "
            + "{ declarationId authority riskLevel highRiskLines lines { index gtin hsCode riskLevel "
            + "consignorAuthorized gtinListedAsAuthentic } } }";

    /** One line of the declaration: a seeded product as an importer declares it. */
    record Line(String gtin, String brandName, String hsCode, String productName, int quantity) {
    }

    private GraphqlRequests() {
    }

    static String brandBody(String brandId) {
        return new JsonObject().put("query", BRAND_QUERY).put("variables", new JsonObject().put("id", brandId))
                .encode();
    }

    static String customsBody(String authority, String declarationId, String date, List<Line> lines) {
        JsonArray jsonLines = new JsonArray();
        for (Line l : lines) {
            JsonObject line = new JsonObject().put("description", l.productName()).put("gtin", l.gtin())
                    .put("hsCode", l.hsCode()).put("quantity", l.quantity());
            if (l.brandName() != null && !l.brandName().isBlank()) {
                line.put("declaredBrand", l.brandName());
            }
            jsonLines.add(line);
        }
        JsonObject declaration = new JsonObject().put("authority", authority).put("declarationId", declarationId)
                .put("consignor", new JsonObject().put("name", "Cloud Sword Bench Trading Co., Ltd.")
                        .put("country", "CN"))
                .put("origin", "CN").put("date", date).put("lines", jsonLines);
        return new JsonObject().put("query", CUSTOMS_QUERY).put("variables", new JsonObject().put("d", declaration))
                .encode();
    }

    /** null when the answer is the brand asked for, else why not (counted as an error). */
    static String checkBrand(int status, String body, String brandId) {
        JsonObject data = data(status, body);
        if (data == null) {
            return failure(status, body);
        }
        JsonObject brand = data.getJsonObject("brand");
        if (brand == null || !brandId.equals(brand.getString("id"))) {
            return "answer is not brand " + brandId + ": " + abbreviate(body);
        }
        return null;
    }

    /** null when the answer checks the declaration line by line, else why not. */
    static String checkCustoms(int status, String body, String declarationId, int lines) {
        JsonObject data = data(status, body);
        if (data == null) {
            return failure(status, body);
        }
        JsonObject check = data.getJsonObject("customsCheck");
        if (check == null || !declarationId.equals(check.getString("declarationId"))) {
            return "no customs check of " + declarationId + ": " + abbreviate(body);
        }
        JsonArray answered = check.getJsonArray("lines");
        if (answered == null || answered.size() != lines) {
            return "expected " + lines + " lines, got " + (answered == null ? "none" : answered.size());
        }
        for (int i = 0; i < answered.size(); i++) {
            JsonObject line = answered.getJsonObject(i);
            if (line == null || line.getString("riskLevel") == null) {
                return "line " + i + " has no risk level";
            }
        }
        return null;
    }

    /** The {@code data} object of a clean answer, or null (HTTP error, GraphQL errors, not JSON). */
    private static JsonObject data(int status, String body) {
        if (status != 200 || body == null) {
            return null;
        }
        try {
            JsonObject json = new JsonObject(body);
            JsonArray errors = json.getJsonArray("errors");
            if (errors != null && !errors.isEmpty()) {
                return null;
            }
            return json.getJsonObject("data");
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String failure(int status, String body) {
        return "HTTP " + status + ": " + abbreviate(body);
    }

    static String abbreviate(String body) {
        if (body == null) {
            return "(no body)";
        }
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}

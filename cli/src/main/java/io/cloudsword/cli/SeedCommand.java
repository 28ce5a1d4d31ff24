package io.cloudsword.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cloudsword.support.tokens.DevKeys;
import io.cloudsword.support.tokens.DevTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Loads demo data into the running suite through the gateway, as an admin. Every write is
 * idempotent on its natural key, so seeding twice changes nothing. The data set grows with
 * each service's issue (brands, products, listings, notices, codes at the field's scale).
 */
@Command(name = "seed", description = "Load deterministic demo data into the running suite (idempotent).")
class SeedCommand implements Callable<Integer> {

    @Option(names = "--gateway", defaultValue = "http://localhost:8080/graphql", description = "GraphQL endpoint")
    String gateway;

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    record DemoBrand(String name, List<String> aliases, String prefix, String domain) {
    }

    static final List<DemoBrand> BRANDS = List.of(
            new DemoBrand("Sportwerk", List.of("スポルトヴェルク", "运动工坊"), "4012345", "sportwerk.example"),
            new DemoBrand("Aurora Timepieces", List.of("Аврора", "极光表"), "00850012", "aurora-time.example"),
            new DemoBrand("Lumen Skincare", List.of("ルーメン", "流明"), "6291041", "lumen-skin.example"));

    @Override
    public Integer call() throws Exception {
        DevKeys keys = DevKeys.loadOrCreate(CloudSword.root().resolve("target/cloudsword/dev-keys"));
        String token = new DevTokens(keys).token("seed").role("admin").sign();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String owner = post(http, token, """
                mutation { registerRightsOwner(input: {legalName: "Demo Brands Holding Ltd", country: "GB",
                  address: "1 Demo Street, London", phone: "+44 20 7946 0000", email: "legal@demo-brands.example",
                  tradeRegisterNumber: "DEMO-0001"}) { id } }""");
        String ownerId = firstId(owner);
        System.out.println("rights owner " + ownerId);
        for (DemoBrand b : BRANDS) {
            String aliases = b.aliases().stream().map(a -> "\"" + a + "\"").reduce((x, y) -> x + "," + y).orElse("");
            String brand = post(http, token, "mutation { registerBrand(input: {ownerId: \"" + ownerId + "\", name: \""
                    + b.name() + "\", aliases: [" + aliases + "], gs1CompanyPrefixes: [\"" + b.prefix()
                    + "\"], officialDomains: [\"" + b.domain() + "\"]}) { id name } }");
            System.out.println("brand " + firstId(brand) + " " + b.name());
        }
        return 0;
    }

    private String post(HttpClient http, String token, String query) throws Exception {
        String body = "{\"query\":" + jsonString(query) + "}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
            throw new IllegalStateException("The gateway refused a seed mutation: " + response.body());
        }
        return response.body();
    }

    private static String firstId(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No id in " + json);
        }
        return m.group(1);
    }

    static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}

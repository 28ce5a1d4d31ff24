package io.cloudsword.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cloudsword.cli.suite.ServiceSpec;
import io.cloudsword.cli.suite.Suite;
import io.cloudsword.cli.suite.SuiteOptions;
import io.cloudsword.support.tokens.DevTokens;

/**
 * The packaged suite as real processes, started the way `./cloudsword up` starts it (on free
 * ports and its own databases, so it never collides with a running suite): a GraphQL request
 * with a token goes through the gateway, over gRPC into brand-registry-service and PostgreSQL,
 * and back.
 */
class SuiteEndToEndIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Suite suite;
    private static DevTokens tokens;

    @BeforeAll
    static void startSuite() throws IOException {
        Path root = Path.of(System.getProperty("cloudsword.root", "..")).toAbsolutePath().normalize();
        Map<String, Integer> ports = new HashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            ports.put(spec.name(), freePort());
        }
        suite = Suite.start(new SuiteOptions(root, ports, "_e2e", System.getenv()),
                line -> System.out.println("[e2e] " + line));
        tokens = new DevTokens(suite.devKeys());
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void aRegisteredBrandComesBackThroughGatewayServiceAndDatabase() throws Exception {
        String admin = tokens.token("e2e-admin").role("admin").sign();
        String owner = graphql(admin, "mutation { registerRightsOwner(input: {legalName: \\\"E2E Sports Ltd\\\", "
                + "country: \\\"GB\\\", address: \\\"1 Test Road, London\\\", phone: \\\"+44 20 7946 0001\\\", "
                + "email: \\\"legal@e2e.example\\\", tradeRegisterNumber: \\\"E2E-" + UUID.randomUUID()
                + "\\\"}) { id status } }").body();
        assertTrue(owner.contains("\"status\":\"PENDING\""), owner);
        String ownerId = id(owner);

        String brand = graphql(admin, "mutation { registerBrand(input: {ownerId: \\\"" + ownerId
                + "\\\", name: \\\"Ｅ２Ｅ Sports\\\", aliases: [\\\"运动\\\"]}) { id name } }").body();
        String brandId = id(brand);

        String ownersToken = tokens.token("e2e-owner").role("rights_owner").claim("owner_id", ownerId).sign();
        String read = graphql(ownersToken, "{ brand(id: \\\"" + brandId + "\\\") { id ownerId name aliases } }")
                .body();
        assertTrue(read.contains("\"name\":\"Ｅ２Ｅ Sports\""), read);
        assertTrue(read.contains("\"aliases\":[\"运动\"]"), read);
        assertTrue(read.contains("\"ownerId\":\"" + ownerId + "\""), read);
    }

    @Test
    void ownerACannotReadOrChangeOwnerBsRecordsThroughTheGateway() throws Exception {
        String admin = tokens.token("e2e-admin").role("admin").sign();
        String ownerA = id(graphql(admin, registerOwner("A")).body());
        String ownerB = id(graphql(admin, registerOwner("B")).body());
        String tokenA = tokens.token("e2e-a").role("rights_owner").claim("owner_id", ownerA).sign();
        String tokenB = tokens.token("e2e-b").role("rights_owner").claim("owner_id", ownerB).sign();
        String prefixB = String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        String brandB = id(graphql(tokenB, "mutation { registerBrand(input: {ownerId: \\\"" + ownerB
                + "\\\", name: \\\"Bravo " + prefixB + "\\\", gs1CompanyPrefixes: [\\\"" + prefixB + "\\\"]}) { id } }").body());

        String readB = graphql(tokenA, "{ rightsOwner(id: \\\"" + ownerB + "\\\") { id email } }").body();
        assertTrue(readB.contains("\"code\":\"NOT_OWNER\""), readB);
        assertTrue(!readB.contains("@e2e.example"), "B's contact data must not leak: " + readB);

        String rename = graphql(tokenA, "mutation { updateBrand(input: {id: \\\"" + brandB
                + "\\\", name: \\\"Hijacked\\\"}) { id name } }").body();
        assertTrue(rename.contains("\"code\":\"NOT_OWNER\""), rename);

        String gtin = prefixB + "000" + checkDigit(prefixB + "000"); // a GTIN-13 under B's prefix
        String product = graphql(tokenA, "mutation { registerProduct(input: {brandId: \\\"" + brandB + "\\\", gtin: \\\""
                + gtin + "\\\", name: \\\"Fake\\\", hsCode: \\\"640411\\\"}) { id } }").body();
        assertTrue(product.contains("\"code\":\"NOT_OWNER\""), product);

        String brand = graphql(tokenB, "{ brand(id: \\\"" + brandB + "\\\") { name version } }").body();
        assertTrue(brand.contains("\"name\":\"Bravo " + prefixB + "\"") && brand.contains("\"version\":1"), brand);
        String none = graphql(tokenB, "{ productByGtin(gtin: \\\"" + gtin + "\\\") { id } }").body();
        assertTrue(none.contains("\"productByGtin\":null"), "nothing stored for A's attempt: " + none);

        String badCheckDigit = graphql(tokenB, "mutation { registerProduct(input: {brandId: \\\"" + brandB
                + "\\\", gtin: \\\"6291041500214\\\", name: \\\"X\\\", hsCode: \\\"640411\\\"}) { id } }").body();
        assertTrue(badCheckDigit.contains("\"code\":\"INVALID_GTIN\"") && badCheckDigit.contains("\"field\":\"gtin\""),
                badCheckDigit);
        String outside = graphql(tokenB, "mutation { registerProduct(input: {brandId: \\\"" + brandB
                + "\\\", gtin: \\\"6291041500213\\\", name: \\\"X\\\", hsCode: \\\"640411\\\"}) { id } }").body();
        assertTrue(outside.contains("\"code\":\"GTIN_OUTSIDE_BRAND_PREFIXES\""), outside);
    }

    private static String registerOwner(String tag) {
        return "mutation { registerRightsOwner(input: {legalName: \\\"E2E " + tag + " Ltd\\\", country: \\\"GB\\\", "
                + "address: \\\"1 Test Road, London\\\", phone: \\\"+44 20 7946 0001\\\", email: \\\"legal@e2e.example\\\", "
                + "tradeRegisterNumber: \\\"E2E-" + UUID.randomUUID() + "\\\"}) { id } }";
    }

    private static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(digits.length() - 1 - i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10;
    }

    @Test
    void noTokenIsUnauthenticatedAndAWrongRoleIsForbidden() throws Exception {
        String anonymous = graphql(null, "{ brand(id: \\\"" + UUID.randomUUID() + "\\\") { id } }").body();
        assertTrue(anonymous.contains("\"status\":\"UNAUTHENTICATED\""), anonymous);

        String consumer = tokens.token("e2e-consumer").role("consumer").sign();
        String forbidden = graphql(consumer, "mutation { registerBrand(input: {ownerId: \\\"" + UUID.randomUUID()
                + "\\\", name: \\\"X\\\"}) { id } }").body();
        assertTrue(forbidden.contains("\"status\":\"FORBIDDEN\""), forbidden);

        String forged = new DevTokens(io.cloudsword.support.tokens.DevKeys.generate()).token("mallory")
                .role("admin").sign();
        String refused = graphql(forged, "{ brand(id: \\\"" + UUID.randomUUID() + "\\\") { id } }").body();
        assertTrue(refused.contains("\"status\":\"UNAUTHENTICATED\""), refused);
    }

    @Test
    void badInputIsAClearErrorNeverA500() throws Exception {
        String admin = tokens.token("e2e-admin").role("admin").sign();
        HttpResponse<String> malformed = graphql(admin, "{ brand(id: ");
        assertTrue(malformed.statusCode() < 500, malformed.toString());
        assertTrue(malformed.body().contains("\"errors\""), malformed.body());

        String invalid = graphql(admin, "{ brand(id: \\\"not-a-uuid\\\") { id } }").body();
        assertTrue(invalid.contains("\"status\":\"INVALID_ARGUMENT\""), invalid);
        assertTrue(invalid.contains("\"field\":\"id\""), invalid);

        String unknown = graphql(admin, "{ brand(id: \\\"" + UUID.randomUUID() + "\\\") { id } }").body();
        assertTrue(unknown.contains("\"status\":\"NOT_FOUND\""), unknown);
    }

    @Test
    void everyServiceIsReadyAndExposesMetrics() throws Exception {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            int port = suite.portOf(spec.name());
            HttpResponse<String> ready = get("http://127.0.0.1:" + port + "/q/health/ready");
            assertEquals(200, ready.statusCode(), spec.name() + ": " + ready.body());
            assertTrue(ready.body().contains("\"status\": \"UP\"") || ready.body().contains("\"status\":\"UP\""),
                    ready.body());
            assertEquals(200, get("http://127.0.0.1:" + port + "/q/metrics").statusCode(), spec.name());
        }
    }

    private static HttpResponse<String> graphql(String token, String query) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.graphqlUrl()))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String id(String json) {
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

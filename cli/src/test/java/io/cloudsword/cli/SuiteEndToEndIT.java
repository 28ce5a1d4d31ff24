package io.cloudsword.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cloudsword.cli.suite.DevSecrets;
import io.cloudsword.cli.suite.ServiceSpec;
import io.cloudsword.cli.suite.Suite;
import io.cloudsword.cli.suite.SuiteOptions;
import io.cloudsword.support.tokens.DevTokens;
import picocli.CommandLine;

/**
 * The packaged suite as real processes, started the way `./cloudsword up` starts it (on free
 * ports and its own databases, so it never collides with a running suite): a GraphQL request
 * with a token goes through the gateway, over gRPC into brand-registry-service and PostgreSQL,
 * and back. A verified owner's code batch goes the whole way too: ordered through the graph,
 * issued by verification-service into its transparency log, downloaded as CSV, checked
 * anonymously (graph and consumer page), and proven offline by `cloudsword verify-proof`.
 */
class SuiteEndToEndIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Suite suite;
    private static SuiteOptions options;
    private static DevTokens tokens;
    /** The code tests' batch, ordered once by whichever of them runs first. */
    private static IssuedBatch batch;

    @BeforeAll
    static void startSuite() throws IOException {
        Path root = Path.of(System.getProperty("cloudsword.root", "..")).toAbsolutePath().normalize();
        Map<String, Integer> ports = new HashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            ports.put(spec.name(), freePort());
        }
        options = new SuiteOptions(root, ports, "_e2e", System.getenv());
        suite = Suite.start(options, line -> System.out.println("[e2e] " + line));
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

    // --- Serialized codes and the transparency log (issue 4) ---------------------------------

    /** A verified owner's completed batch of {@link #CODES} codes for its own GTIN, and the CSV it downloaded. */
    private record IssuedBatch(String ownerToken, String id, String gtin14, String resolverHost, long firstCodeLogIndex,
            String productName, String brandName, HttpResponse<String> csv) {

        /** The CSV's data rows as [index, serial, digital_link] (no field of ours needs quoting). */
        List<String[]> rows() {
            String[] lines = csv.body().split("\r\n", -1);
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isEmpty()) {
                    rows.add(lines[i].split(",", -1));
                }
            }
            return rows;
        }

        String link(int index) {
            return rows().get(index)[2];
        }
    }

    private static final int CODES = 300;

    /**
     * An admin registers and verifies a rights owner (only VERIFIED owners get codes); the owner
     * registers a brand under a fresh GS1 company prefix and a product under it, orders the batch,
     * follows it until COMPLETED and downloads its codes.
     */
    private static synchronized IssuedBatch issuedBatch() throws Exception {
        if (batch != null) {
            return batch;
        }
        String admin = tokens.token("e2e-admin").role("admin").sign();
        String ownerId = id(graphql(admin, registerOwner("Codes")).body());
        String verified = graphql(admin, "mutation { verifyRightsOwner(id: \\\"" + ownerId
                + "\\\", note: \\\"e2e: documents checked\\\") { id status } }").body();
        assertTrue(verified.contains("\"status\":\"VERIFIED\""), verified);

        String owner = tokens.token("e2e-codes").role("rights_owner").claim("owner_id", ownerId).sign();
        String prefix = String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        String brandName = "Codes " + prefix;
        String brandId = id(graphql(owner, "mutation { registerBrand(input: {ownerId: \\\"" + ownerId + "\\\", name: \\\""
                + brandName + "\\\", gs1CompanyPrefixes: [\\\"" + prefix + "\\\"]}) { id } }").body());
        String gtin13 = prefix + "123" + checkDigit(prefix + "123");
        String productName = "Trail Runner " + prefix;
        String product = graphql(owner, "mutation { registerProduct(input: {brandId: \\\"" + brandId + "\\\", gtin: \\\""
                + gtin13 + "\\\", name: \\\"" + productName + "\\\", hsCode: \\\"640411\\\"}) { id gtin } }").body();
        assertTrue(product.contains("\"id\":"), product);

        String created = graphql(owner, "mutation { createCodeBatch(input: {gtin: \\\"" + gtin13 + "\\\", quantity: "
                + CODES + ", idempotencyKey: \\\"e2e-" + UUID.randomUUID()
                + "\\\"}) { created batch { id ownerId gtin quantity status resolverHost } } }").body();
        assertTrue(created.contains("\"created\":true") && created.contains("\"ownerId\":\"" + ownerId + "\""), created);
        String batchId = id(created);
        String gtin14 = "0" + gtin13;
        assertEquals(gtin14, JsonText.string(created, "gtin"), created);

        // the batch is a background job: follow it (bounded, so a stuck job fails here rather than hanging the build)
        String read = awaitAnswer(Duration.ofSeconds(60), "the batch to finish", () -> graphql(owner,
                "{ codeBatch(id: \\\"" + batchId + "\\\") { id status codesDone quantity failureReason firstCodeLogIndex "
                        + "commitmentLogIndex progress { percent codesDone codesTotal } product { name } brand { name } } }")
                .body(), answer -> !Set.of("PENDING", "RUNNING").contains(JsonText.string(answer, "status")));
        String status = JsonText.string(read, "status");
        assertEquals("COMPLETED", status, read);
        assertEquals(CODES, JsonText.number(read, "codesDone"), read);
        assertTrue(read.contains("\"percent\":100") && read.contains("\"codesTotal\":" + CODES), read);
        assertTrue(read.contains("\"product\":{\"name\":\"" + productName + "\"}")
                && read.contains("\"brand\":{\"name\":\"" + brandName + "\"}"), read);
        // the log holds the codes [first, first + quantity) and the commitment right after them
        long firstCodeLogIndex = JsonText.number(read, "firstCodeLogIndex");
        assertEquals(firstCodeLogIndex + CODES, JsonText.number(read, "commitmentLogIndex"), read);

        HttpResponse<String> csv = get(gatewayUrl("/codes/batches/" + batchId + "/codes.csv"), owner);
        assertEquals(200, csv.statusCode(), csv.body());
        batch = new IssuedBatch(owner, batchId, gtin14, JsonText.string(created, "resolverHost"), firstCodeLogIndex,
                productName, brandName, csv);
        return batch;
    }

    @Test
    void anAcceptedComplaintTakesTheListingDownThroughTheOutboxOfTheRealServices() throws Exception {
        String admin = tokens.token("e2e-admin").role("admin").sign();
        String ownerId = id(graphql(admin, registerOwner("N")).body());
        String verified = graphql(admin, "mutation { verifyRightsOwner(id: \\\"" + ownerId
                + "\\\", note: \\\"documents checked\\\") { status } }").body();
        assertTrue(verified.contains("\"VERIFIED\""), verified);
        String owner = tokens.token("e2e-notifier").role("rights_owner").claim("owner_id", ownerId).sign();
        String brandId = id(graphql(owner, "mutation { registerBrand(input: {ownerId: \\\"" + ownerId
                + "\\\", name: \\\"Noticewerk " + UUID.randomUUID().toString().substring(0, 6) + "\\\"}) { id } }").body());
        String trademark = graphql(owner, "mutation { registerTrademark(input: {brandId: \\\"" + brandId
                + "\\\", office: \\\"EUIPO\\\", registrationNumber: \\\"" + String.format("%09d",
                        Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L))
                + "\\\", status: \\\"REGISTERED\\\", registrationDate: \\\"2020-01-01\\\", expiryDate: \\\"2035-01-01\\\", "
                + "niceClasses: [25], territories: [\\\"EU\\\"], markText: \\\"NOTICEWERK\\\", evidenceSha256: \\\""
                + "a".repeat(64) + "\\\"}) { id status } }").body();
        String trademarkId = id(trademark);

        String platform = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String partner = tokens.token("e2e-partner").role("platform_partner").claim("platform_id", platform).sign();
        String ingested = graphql(partner, "mutation { ingestListings(inputs: [{platform: \\\"" + platform
                + "\\\", externalId: \\\"item-1\\\", shopId: \\\"shop-1\\\", title: \\\"Running shoe\\\", "
                + "price: {amountMinor: 8999, currency: \\\"EUR\\\"}, marketCountry: \\\"DE\\\"}]) "
                + "{ accepted { listingId } rejected { code field } } }").body();
        String listingId = JsonText.string(ingested, "listingId");

        String filed = graphql(owner, "mutation { fileComplaint(idempotencyKey: \\\"" + UUID.randomUUID()
                + "\\\", input: {platform: \\\"" + platform + "\\\", jurisdiction: \\\"CN\\\", "
                + "notifierName: \\\"Legal team\\\", notifierEmail: \\\"legal@e2e.example\\\", "
                + "right: {type: \\\"TRADEMARK\\\", trademarkId: \\\"" + trademarkId + "\\\"}, "
                + "explanation: \\\"Counterfeit shoes bearing our mark\\\", evidence: [{sha256: \\\"" + "b".repeat(64)
                + "\\\"}], listings: [{externalId: \\\"item-1\\\"}], statements: {goodFaith: true, accurate: true, "
                + "signature: \\\"Legal team\\\"}}) { created complaint { id state items { id state } } } }").body();
        assertTrue(filed.contains("\"state\":\"RECEIVED\""), filed);
        String complaintId = JsonText.string(filed, "id");
        String itemId = Pattern.compile("\"items\":\\[\\{\"id\":\"([0-9a-f-]{36})\"").matcher(filed).results()
                .findFirst().orElseThrow().group(1);

        String reviewer = tokens.token("e2e-reviewer").role("reviewer").sign();
        String started = graphql(reviewer, "mutation { startComplaintReview(complaintId: \\\"" + complaintId
                + "\\\") { state } }").body();
        assertTrue(started.contains("UNDER_REVIEW"), started);
        String decided = graphql(reviewer, "mutation { decideComplaint(complaintId: \\\"" + complaintId
                + "\\\", decisions: [{itemId: \\\"" + itemId + "\\\", outcome: \\\"ACCEPT\\\", reason: "
                + "\\\"INFRINGEMENT_ESTABLISHED\\\", explanation: \\\"Goods bear the mark without consent\\\"}]) "
                + "{ state items { state } } }").body();
        assertTrue(decided.contains("\"state\":\"ACCEPTED\""), decided);

        // the takedown travels through complaint-service's outbox into listing-service
        String read = awaitAnswer(Duration.ofSeconds(30), "the listing to be taken down", () -> graphql(admin,
                "{ complaint(id: \\\"" + complaintId + "\\\") { items { takedownAppliedAt listing { id state } } } "
                        + "verifyComplaintAuditTrail(complaintId: \\\"" + complaintId + "\\\") { intact } }").body(),
                answer -> answer.contains("\"state\":\"TAKEN_DOWN\"") && !answer.contains("\"takedownAppliedAt\":null"));
        assertTrue(read.contains(listingId), read);
        assertTrue(read.contains("\"intact\":true"), read);
    }

    @Test
    void aVerifiedOwnerOrdersCodesAndDownloadsEveryOneAsCsv() throws Exception {
        IssuedBatch b = issuedBatch();
        assertTrue(b.csv().headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), b.csv().headers().toString());
        assertTrue(b.csv().body().startsWith("index,serial,digital_link\r\n"), b.csv().body());
        assertTrue(b.csv().body().endsWith("\r\n"), "CRLF after the last row too");

        List<String[]> rows = b.rows();
        assertEquals(CODES, rows.size(), b.csv().body());
        Set<String> serials = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            assertEquals(3, row.length, String.join(",", row));
            assertEquals(Integer.toString(i), row[0], "rows in index order: " + String.join(",", row));
            assertTrue(row[1].matches("[A-Za-z0-9_-]{1,20}"), "a base64url serial: " + row[1]);
            assertTrue(serials.add(row[1]), "serial " + row[1] + " issued twice");
            assertEquals("https://" + b.resolverHost() + "/01/" + b.gtin14() + "/21/" + row[1], row[2]);
        }

        // the codes are the owner's: without a token there is no download
        HttpResponse<String> anonymous = get(gatewayUrl("/codes/batches/" + b.id() + "/codes.csv"), null);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertTrue(!anonymous.body().contains(rows.get(0)[1]), anonymous.body());
    }

    @Test
    void anIssuedCodeIsGenuineOnTheGraphAndTheConsumerPageAndAForgedOneIsInvalidAndNotRecorded() throws Exception {
        IssuedBatch b = issuedBatch();
        String[] row = b.rows().get(7);
        String serial = row[1];
        String link = row[2];

        String genuine = graphql(null, "{ verifyCode(code: \\\"" + link + "\\\", context: {country: \\\"DE\\\", channel: "
                + "\\\"CONSUMER_APP\\\"}) { verdict reasons { code } gtin serial scanCount firstScanCountry scanId logIndex "
                + "product { name } brand { name } } }").body();
        assertTrue(genuine.contains("\"verdict\":\"GENUINE\"") && genuine.contains("\"reasons\":[]"), genuine);
        assertEquals(serial, JsonText.string(genuine, "serial"), genuine);
        assertEquals(b.gtin14(), JsonText.string(genuine, "gtin"), genuine);
        assertEquals(1, JsonText.number(genuine, "scanCount"), genuine);
        assertTrue(genuine.contains("\"firstScanCountry\":\"DE\""), genuine);
        assertTrue(genuine.matches("(?s).*\"scanId\":\"[^\"]+\".*"), "the scan is recorded: " + genuine);
        assertEquals(b.firstCodeLogIndex() + 7, JsonText.number(genuine, "logIndex"), genuine);
        assertTrue(genuine.contains("\"product\":{\"name\":\"" + b.productName() + "\"}")
                && genuine.contains("\"brand\":{\"name\":\"" + b.brandName() + "\"}"), genuine);

        // what a phone opens after scanning the printed QR code: the same code's GS1 path on the gateway
        String path = "/01/" + b.gtin14() + "/21/" + serial;
        HttpResponse<String> page = get(gatewayUrl(path), null);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""), page.headers().toString());
        String html = page.body();
        assertTrue(html.contains("data-verdict=\"genuine\"")
                && html.contains("<span id=\"verdict-title\">Genuine product</span>"), html);
        assertTrue(html.contains("This code was issued by " + b.brandName()), html);
        assertTrue(html.contains("<dd id=\"product-name\">" + b.productName() + "</dd>"), html);
        assertTrue(html.contains("<dd id=\"serial\">" + serial + "</dd>"), html);
        assertTrue(html.contains("2 times, including this one"), "the page's check is the code's second scan: " + html);
        assertTrue(!html.contains("may be fake") && !html.contains("not issued by the brand"), html);

        // a copier who guesses a serial: same key id and nonce, one MAC character changed
        char last = serial.charAt(serial.length() - 1);
        String forgedSerial = serial.substring(0, serial.length() - 1) + (last == 'A' ? 'B' : 'A');
        String forgedLink = "https://" + b.resolverHost() + "/01/" + b.gtin14() + "/21/" + forgedSerial;
        String forged = graphql(null, "{ verifyCode(code: \\\"" + forgedLink + "\\\", context: {country: \\\"DE\\\"}) "
                + "{ verdict reasons { code } serial scanCount scanId logIndex product { name } brand { name } } }").body();
        assertTrue(forged.contains("\"verdict\":\"INVALID\""), forged);
        assertEquals(forgedSerial, JsonText.string(forged, "serial"), forged);
        assertEquals(0, JsonText.number(forged, "scanCount"), forged);
        assertTrue(forged.contains("\"scanId\":null") && forged.contains("\"logIndex\":null"), "nothing recorded: " + forged);
        assertTrue(forged.contains("\"product\":null") && forged.contains("\"brand\":null"),
                "a forgery must not borrow the real product's name: " + forged);

        // the owner's view agrees: the forged serial has no scans, the real code exactly the two above
        String forgedScans = graphql(b.ownerToken(), "{ codeScans(code: \\\"" + forgedLink + "\\\") { edges { node { id } } } }")
                .body();
        assertTrue(forgedScans.contains("\"code\":\"CODE_NOT_FOUND\""), forgedScans);
        String scans = graphql(b.ownerToken(), "{ codeScans(code: \\\"" + link + "\\\") { edges { node { id channel "
                + "verdict country } } } }").body();
        assertEquals(2, scans.split("\"node\":", -1).length - 1, scans);
        assertTrue(scans.contains("\"channel\":\"CONSUMER_WEB\"") && scans.contains("\"channel\":\"CONSUMER_APP\""), scans);
        assertTrue(!scans.contains("\"verdict\":\"INVALID\"") && !scans.contains("\"verdict\":\"SUSPECT\""), scans);
    }

    @Test
    void anIssuedCodesProofBundleVerifiesOfflineAndNoFlippedBitGetsThrough(@TempDir Path dir) throws Exception {
        IssuedBatch b = issuedBatch();
        String[] row = b.rows().get(150);
        Path key = DevSecrets.loadOrCreate(options.secretsDir()).verifierKey();
        String vkey = Files.readString(key).strip();

        // the key the suite wrote is the one the log publishes (and signs with)
        String info = graphql(null, "{ logInfo { origin keys { name vkey active } checkpoint { treeSize } } }").body();
        assertEquals(DevSecrets.LOG_ORIGIN, JsonText.string(info, "origin"), info);
        assertTrue(info.contains("\"vkey\":\"" + vkey + "\",\"active\":true"), vkey + " in " + info);

        String answer = graphql(null, "{ proofBundle(code: \\\"" + row[2] + "\\\") { code gtin serial entry { index type } "
                + "checkpoint { origin treeSize } tlogProof } }").body();
        long index = b.firstCodeLogIndex() + 150;
        assertEquals(index, JsonText.number(answer, "index"), answer);
        assertTrue(answer.contains("\"type\":\"CODE\""), answer);
        assertTrue(JsonText.number(answer, "treeSize") > index, answer);
        String proof = JsonText.string(answer, "tlogProof");
        assertTrue(proof.startsWith("c2sp.org/tlog-proof@v1\n"), proof);
        Path bundle = Files.writeString(dir.resolve("code-150.tlog-proof"), proof, StandardCharsets.UTF_8);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new CommandLine(new VerifyProofCommand(new PrintStream(out, true, StandardCharsets.UTF_8)))
                .execute(bundle.toString(), "--key", key.toString());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        assertTrue(printed.startsWith("VALID: entry " + index + " of " + DevSecrets.LOG_ORIGIN + ", in the tree of size "),
                printed);
        assertTrue(printed.contains("entry: cloudsword/code/v1\n01/" + b.gtin14() + "/21/" + row[1] + "\nbatch " + b.id()
                + " 150\n"), "the entry names the code, its batch and its place: " + printed);

        // one bit flipped anywhere must not verify: a bit of every byte (the bit cycling with the position, so
        // all eight are exercised), and every bit of every byte of the signature line
        byte[] original = Files.readAllBytes(bundle);
        int signature = lastIndexOf(original, "\n\u2014 ".getBytes(StandardCharsets.UTF_8)) + 1;
        assertTrue(signature > 0, proof);
        List<String> accepted = new ArrayList<>();
        int tries = 0;
        int notUtf8 = 0;
        for (int at = 0; at < original.length; at++) {
            for (int bit = 0; bit < 8; bit++) {
                if (at < signature && bit != at % 8) {
                    continue;
                }
                byte[] tampered = original.clone();
                tampered[at] ^= (byte) (1 << bit);
                Files.write(bundle, tampered);
                out.reset();
                StringWriter err = new StringWriter();
                CommandLine command = new CommandLine(new VerifyProofCommand(new PrintStream(out, true,
                        StandardCharsets.UTF_8)));
                command.setErr(new PrintWriter(err, true));
                exit = command.execute(bundle.toString(), "--key", key.toString());
                printed = out.toString(StandardCharsets.UTF_8);
                tries++;
                notUtf8 += isUtf8(tampered) ? 0 : 1;
                boolean refused = exit == 1 && printed.startsWith("NOT VALID: ");
                if (!refused) {
                    accepted.add("byte " + at + " bit " + bit + ": exit " + exit + ", " + printed.strip()
                            + err.toString().lines().findFirst().orElse(""));
                }
            }
        }
        System.out.println("[e2e] verify-proof refused " + (tries - accepted.size()) + " of " + tries
                + " one-bit changes of a " + original.length + "-byte bundle (" + notUtf8 + " no longer UTF-8)");
        assertTrue(accepted.isEmpty(), accepted.size() + " of " + tries + " one-bit changes were not refused, e.g. "
                + accepted.subList(0, Math.min(10, accepted.size())));
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            int j = 0;
            while (j < needle.length && haystack[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A query's answer once it satisfies {@code done}, asked again every 200 ms; fails after {@code within}. */
    private static String awaitAnswer(Duration within, String what, java.util.concurrent.Callable<String> ask,
            java.util.function.Predicate<String> done) throws Exception {
        long giveUp = System.nanoTime() + within.toNanos();
        while (true) {
            String answer = ask.call();
            if (done.test(answer)) {
                return answer;
            }
            assertTrue(System.nanoTime() < giveUp, "waited " + within.toSeconds() + " s for " + what + ": " + answer);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
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
        return get(url, null);
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String gatewayUrl(String path) {
        return "http://127.0.0.1:" + suite.portOf("gateway") + path;
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

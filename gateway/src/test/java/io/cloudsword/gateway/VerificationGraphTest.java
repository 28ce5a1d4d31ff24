package io.cloudsword.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cloudsword.api.brand.v1.Brand;
import io.cloudsword.api.brand.v1.Product;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.verification.v1.CodeBatch;
import io.cloudsword.api.verification.v1.ScanChannel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The verification-service surface of the graph against FakeVerification: batches, keys, verdicts, scans, events, the log. */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
@QuarkusTestResource(FakeBrandRegistry.class)
@QuarkusTestResource(FakeVerification.class)
@QuarkusTestResource(FakeComplaint.class)
class VerificationGraphTest {

    static String token(String role, String ownerId) {
        return TestKeys.TOKENS.token("test-" + role).role(role).claim("owner_id", ownerId).sign();
    }

    static ValidatableResponse graphql(String token, String query) {
        return graphql(token, query, Map.of());
    }

    static ValidatableResponse graphql(String token, String query, Map<String, Object> variables) {
        var request = given().contentType("application/json").body(Map.of("query", query, "variables", variables));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/graphql").then().log().ifValidationFails().statusCode(200);
    }

    /** A verified owner with a brand and one registered product, fresh for each test. */
    record Catalogue(RightsOwner owner, Brand brand, Product product) {
        String ownerToken() {
            return token("rights_owner", owner.getId());
        }
    }

    static Catalogue catalogue(String productName) {
        RightsOwner owner = FakeBrandRegistry.owner("Codes GmbH " + productName);
        String prefix = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Brand brand = FakeBrandRegistry.brand(owner.getId(), "Brand of " + productName, prefix);
        Product product = FakeBrandRegistry.product(brand, FakeBrandRegistry.gtin14(prefix + "00042"), productName);
        return new Catalogue(owner, brand, product);
    }

    @AfterEach
    void serviceUpAgain() {
        FakeVerification.down = false;
    }

    @Test
    void anOwnerCreatesABatchIdempotentlyAndReadsItsProgressProductAndBrand() {
        Catalogue c = catalogue("Runner");
        String key = UUID.randomUUID().toString();
        String create = "mutation { createCodeBatch(input: {gtin: \"" + c.product().getGtin() + "\", quantity: 2000, "
                + "resolverHost: \"id.runner.example\", idempotencyKey: \"" + key + "\"}) { created batch { id ownerId "
                + "gtin quantity status codesDone resolverHost progress { percent codesDone codesTotal codesPerSecond "
                + "estimatedCompletionAt } } } }";
        var first = graphql(c.ownerToken(), create).body("errors", nullValue())
                .body("data.createCodeBatch.created", equalTo(true))
                .body("data.createCodeBatch.batch.ownerId", equalTo(c.owner().getId()))
                .body("data.createCodeBatch.batch.status", equalTo("RUNNING"))
                .body("data.createCodeBatch.batch.resolverHost", equalTo("id.runner.example"))
                .body("data.createCodeBatch.batch.progress.percent", equalTo(50.0f))
                .body("data.createCodeBatch.batch.progress.codesDone", equalTo(1000))
                .body("data.createCodeBatch.batch.progress.codesTotal", equalTo(2000))
                .body("data.createCodeBatch.batch.progress.codesPerSecond", equalTo(1234.5f))
                .body("data.createCodeBatch.batch.progress.estimatedCompletionAt", notNullValue())
                .extract();
        String id = first.path("data.createCodeBatch.batch.id");
        assertEquals(c.owner().getId(), FakeVerification.BATCHES.get(id).getOwnerId(),
                "the owner id defaults to the token's owner_id");
        graphql(c.ownerToken(), create).body("errors", nullValue())
                .body("data.createCodeBatch.created", equalTo(false))
                .body("data.createCodeBatch.batch.id", equalTo(id));

        graphql(c.ownerToken(), "{ codeBatch(id: \"" + id + "\") { id gtin failureReason commitmentLogIndex "
                + "firstCodeLogIndex product { name } brand { name } } }").body("errors", nullValue())
                .body("data.codeBatch.gtin", equalTo(c.product().getGtin()))
                .body("data.codeBatch.failureReason", nullValue())
                .body("data.codeBatch.commitmentLogIndex", nullValue())
                .body("data.codeBatch.firstCodeLogIndex", notNullValue())
                .body("data.codeBatch.product.name", equalTo("Runner"))
                .body("data.codeBatch.brand.name", equalTo("Brand of Runner"));
    }

    @Test
    void batchesOfManyProductsResolveProductsAndBrandsInOneCallEach() {
        Catalogue a = catalogue("Alpha");
        Product second = FakeBrandRegistry.product(a.brand(),
                FakeBrandRegistry.gtin14(a.brand().getGs1CompanyPrefixes(0) + "00043"), "Alpha two");
        for (int i = 0; i < 3; i++) {
            FakeVerification.issue(a.product(), 2);
            FakeVerification.issue(second, 2);
        }
        int products = FakeBrandRegistry.calls("BatchGetProductsByGtin");
        int brands = FakeBrandRegistry.calls("BatchGetBrands");
        graphql(a.ownerToken(), "{ codeBatches(first: 10) { edges { node { gtin status product { name } brand { name } } } "
                + "pageInfo { hasNextPage } } }").body("errors", nullValue())
                .body("data.codeBatches.edges", hasSize(6))
                .body("data.codeBatches.edges.node.status", everyItem(equalTo("COMPLETED")))
                .body("data.codeBatches.edges.node.brand.name", everyItem(equalTo("Brand of Alpha")))
                .body("data.codeBatches.edges.node.product.name", everyItem(org.hamcrest.Matchers.startsWith("Alpha")))
                .body("data.codeBatches.pageInfo.hasNextPage", equalTo(false));
        assertEquals(1, FakeBrandRegistry.calls("BatchGetProductsByGtin") - products, "one product lookup for 6 batches");
        assertEquals(1, FakeBrandRegistry.calls("BatchGetBrands") - brands, "one brand lookup for 6 batches");

        graphql(a.ownerToken(), "{ codeBatches(statuses: [\"RUNNING\"]) { edges { node { id } } } }")
                .body("errors", nullValue()).body("data.codeBatches.edges", hasSize(0));
        graphql(a.ownerToken(), "{ codeBatches(first: 4) { edges { node { id } } pageInfo { hasNextPage endCursor } } }")
                .body("data.codeBatches.edges", hasSize(4)).body("data.codeBatches.pageInfo.hasNextPage", equalTo(true));
    }

    @Test
    void createCodeBatchRefusalsNameTheirReason() {
        Catalogue c = catalogue("Refused");
        String create = "mutation { createCodeBatch(input: {%s gtin: \"%s\", quantity: %d, idempotencyKey: \"%s\"}) "
                + "{ batch { id } } }";
        String bad = c.product().getGtin().substring(0, 13) + ((c.product().getGtin().charAt(13) - '0' + 1) % 10);
        int batches = FakeVerification.BATCHES.size();
        graphql(c.ownerToken(), String.format(create, "", bad, 10, "k1"))
                .body("errors[0].extensions.code", equalTo("INVALID_GTIN"))
                .body("errors[0].extensions.status", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].extensions.field", equalTo("gtin"))
                .body("data.createCodeBatch", nullValue());
        graphql(c.ownerToken(), String.format(create, "", c.product().getGtin(), 0, "k2"))
                .body("errors[0].extensions.code", equalTo("VALUE_OUT_OF_RANGE"))
                .body("errors[0].extensions.field", equalTo("quantity"));
        assertEquals(batches, FakeVerification.BATCHES.size(), "nothing created by a refusal");

        int calls = FakeVerification.CALLERS.calls("CreateCodeBatch");
        graphql(null, String.format(create, "", c.product().getGtin(), 10, "k3"))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        graphql(token("consumer", null), String.format(create, "", c.product().getGtin(), 10, "k3"))
                .body("errors[0].extensions.status", equalTo("FORBIDDEN"));
        graphql(c.ownerToken(), String.format(create, "ownerId: \"" + UUID.randomUUID() + "\",",
                c.product().getGtin(), 10, "k3"))
                .body("errors[0].extensions.code", equalTo("NOT_OWNER"))
                .body("errors[0].extensions.field", equalTo("input.ownerId"));
        assertEquals(calls, FakeVerification.CALLERS.calls("CreateCodeBatch"), "refused before any call");

        graphql(c.ownerToken(), "{ codeBatches(statuses: [\"DONE\"]) { edges { node { id } } } }")
                .body("errors[0].extensions.code", equalTo("INVALID_FORMAT"))
                .body("errors[0].extensions.field", equalTo("statuses[0]"))
                .body("errors[0].message", containsString("COMPLETED"));
    }

    @Test
    void anotherOwnersBatchIsRefusedByTheService() {
        Catalogue mine = catalogue("Mine");
        CodeBatch theirs = FakeVerification.issue(catalogue("Theirs").product(), 3);
        graphql(mine.ownerToken(), "{ codeBatch(id: \"" + theirs.getId() + "\") { id } }")
                .body("errors[0].extensions.code", equalTo("NOT_OWNER"))
                .body("errors[0].extensions.status", equalTo("FORBIDDEN"))
                .body("data.codeBatch", nullValue());
        graphql(null, "{ codeBatch(id: \"" + theirs.getId() + "\") { id } }")
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        graphql(mine.ownerToken(), "{ codeBatch(id: \"" + UUID.randomUUID() + "\") { id } }")
                .body("errors[0].extensions.code", equalTo("CODE_BATCH_NOT_FOUND"))
                .body("errors[0].extensions.status", equalTo("NOT_FOUND"));
        graphql(token("admin", null), "{ codeBatch(id: \"" + theirs.getId() + "\") { id } }")
                .body("errors", nullValue()).body("data.codeBatch.id", equalTo(theirs.getId()));
    }

    @Test
    void anonymousConsumersVerifyACodeAndSeeProductAndBrand() {
        Catalogue c = catalogue("Verified shoe");
        CodeBatch batch = FakeVerification.issue(c.product(), 3);
        String code = FakeVerification.code(batch, 1).link();
        String query = "query($code: String!) { verifyCode(code: $code, context: {country: \"DE\", channel: \"CONSUMER_APP\", "
                + "location: {latitude: 52.52, longitude: 13.40}}) { verdict reasons { code } gtin serial brandId batchId "
                + "scanCount firstScannedAt firstScanCountry lifecycleStatus scanId logIndex product { name } brand { name } } }";
        graphql(null, query, Map.of("code", code)).body("errors", nullValue())
                .body("data.verifyCode.verdict", equalTo("GENUINE"))
                .body("data.verifyCode.reasons", hasSize(0))
                .body("data.verifyCode.serial", equalTo(FakeVerification.code(batch, 1).serial()))
                .body("data.verifyCode.batchId", equalTo(batch.getId()))
                .body("data.verifyCode.scanCount", equalTo(1))
                .body("data.verifyCode.firstScanCountry", equalTo("DE"))
                .body("data.verifyCode.lifecycleStatus", equalTo("ISSUED"))
                .body("data.verifyCode.scanId", notNullValue())
                .body("data.verifyCode.product.name", equalTo("Verified shoe"))
                .body("data.verifyCode.brand.name", equalTo("Brand of Verified shoe"));
        var sent = FakeVerification.LAST_VERIFY.get();
        assertEquals(ScanChannel.SCAN_CHANNEL_CONSUMER_APP, sent.getContext().getChannel());
        assertEquals(52.52, sent.getContext().getLocation().getLatitude());
        assertEquals("null", FakeVerification.CALLERS.authorization.get("Verify"), "no token, none forwarded");
        String clientKey = FakeVerification.CALLERS.clientKey.get("Verify");
        assertNotEquals("null", clientKey, "the hashed client key goes with every call");
        assertFalse(clientKey.contains("127.0.0.1"), "the key does not reveal the address");

        graphql(null, query, Map.of("code", code)).body("data.verifyCode.scanCount", equalTo(2));
        assertEquals(clientKey, FakeVerification.CALLERS.clientKey.get("Verify"), "one client, one key");
    }

    @Test
    void aForgedCodeIsInvalidWithoutProductAndAMalformedOneIsAnError() {
        Catalogue c = catalogue("Forged");
        CodeBatch batch = FakeVerification.issue(c.product(), 1);
        graphql(null, "{ verifyCode(code: \"" + FakeVerification.forgedLink(batch) + "\") { verdict gtin scanId brandId "
                + "product { name } brand { name } } }").body("errors", nullValue())
                .body("data.verifyCode.verdict", equalTo("INVALID"))
                .body("data.verifyCode.gtin", equalTo(c.product().getGtin()))
                .body("data.verifyCode.scanId", nullValue())
                .body("data.verifyCode.product", nullValue())
                .body("data.verifyCode.brand", nullValue());
        graphql(null, "{ verifyCode(code: \"https://x.example/01/123/21/A\") { verdict } }")
                .body("errors[0].extensions.code", equalTo("INVALID_GTIN"))
                .body("errors[0].extensions.field", equalTo("code"));
        graphql(null, "{ verifyCode(code: \"not a code\") { verdict } }")
                .body("errors[0].extensions.code", equalTo("INVALID_DIGITAL_LINK"));
        graphql(null, "{ verifyCode(code: \"x\", context: {channel: \"CARRIER_PIGEON\"}) { verdict } }")
                .body("errors[0].extensions.code", equalTo("INVALID_FORMAT"))
                .body("errors[0].extensions.field", equalTo("context.channel"));
    }

    @Test
    void aDecommissionedCodeIsSuspectAndItsOwnerSeesEventsAndScans() {
        Catalogue c = catalogue("Sold shoe");
        CodeBatch batch = FakeVerification.issue(c.product(), 4);
        String code = FakeVerification.code(batch, 2).link();
        String eventId = UUID.randomUUID().toString();
        String record = "mutation($e: RecordLifecycleEventInput!) { recordLifecycleEvent(input: $e) { created event { "
                + "eventId action businessStep range { batchId startIndex endIndex } codes codeCount logIndex ownerId "
                + "eventTimeZoneOffset place { country readPoint } } } }";
        Map<String, Object> event = Map.of("eventId", eventId, "action", "DELETE", "businessStep", "DECOMMISSIONING",
                "range", Map.of("batchId", batch.getId(), "startIndex", 2, "endIndex", 4),
                "eventTime", "2026-11-28T10:00:00Z", "eventTimeZoneOffset", "+01:00",
                "place", Map.of("country", "DE", "readPoint", "urn:epc:id:sgln:4012345.00001.0"));
        graphql(token("consumer", null), record, Map.of("e", event)).body("errors[0].extensions.status", equalTo("FORBIDDEN"));
        graphql(c.ownerToken(), record, Map.of("e", event)).body("errors", nullValue())
                .body("data.recordLifecycleEvent.created", equalTo(true))
                .body("data.recordLifecycleEvent.event.action", equalTo("DELETE"))
                .body("data.recordLifecycleEvent.event.range.endIndex", equalTo(4))
                .body("data.recordLifecycleEvent.event.codeCount", equalTo(2))
                .body("data.recordLifecycleEvent.event.place.country", equalTo("DE"))
                .body("data.recordLifecycleEvent.event.ownerId", equalTo(c.owner().getId()));

        graphql(null, "{ verifyCode(code: \"" + code + "\") { verdict reasons { code explanation details { key value } } "
                + "lifecycleStatus } }").body("errors", nullValue())
                .body("data.verifyCode.verdict", equalTo("SUSPECT"))
                .body("data.verifyCode.reasons[0].code", equalTo("SCANNED_AFTER_DECOMMISSIONING"))
                .body("data.verifyCode.reasons[0].explanation", containsString("taken out of circulation"))
                .body("data.verifyCode.lifecycleStatus", equalTo("DECOMMISSIONED"));
        graphql(null, "{ verifyCode(code: \"" + FakeVerification.code(batch, 1).link() + "\") { verdict } }")
                .body("data.verifyCode.verdict", equalTo("GENUINE"));

        String history = "{ lifecycleEvents(code: \"" + code + "\") { edges { node { eventId businessStep } } } "
                + "codeScans(code: \"" + code + "\") { edges { node { verdict channel reasons { code } } } } }";
        graphql(c.ownerToken(), history).body("errors", nullValue())
                .body("data.lifecycleEvents.edges[0].node.eventId", equalTo(eventId))
                .body("data.lifecycleEvents.edges[0].node.businessStep", equalTo("DECOMMISSIONING"))
                .body("data.codeScans.edges", hasSize(1))
                .body("data.codeScans.edges[0].node.verdict", equalTo("SUSPECT"))
                .body("data.codeScans.edges[0].node.reasons[0].code", equalTo("SCANNED_AFTER_DECOMMISSIONING"));
        graphql(null, history).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("data.codeScans", nullValue());
        graphql(catalogue("Other").ownerToken(), history)
                .body("errors[0].extensions.code", equalTo("NOT_OWNER"));
    }

    @Test
    void repeatedScansPastTheLimitAreSuspectWithTheirFacts() {
        CodeBatch batch = FakeVerification.issue(catalogue("Copied").product(), 1);
        String query = "{ verifyCode(code: \"" + FakeVerification.code(batch, 0).link() + "\") { verdict scanCount "
                + "reasons { code details { key value } } } }";
        for (int i = 1; i <= FakeVerification.SCAN_LIMIT; i++) {
            graphql(null, query).body("data.verifyCode.verdict", equalTo("GENUINE"));
        }
        graphql(null, query).body("data.verifyCode.verdict", equalTo("SUSPECT"))
                .body("data.verifyCode.scanCount", equalTo(FakeVerification.SCAN_LIMIT + 1))
                .body("data.verifyCode.reasons[0].code", equalTo("SCAN_COUNT_EXCEEDED"))
                .body("data.verifyCode.reasons[0].details.key", equalTo(List.of("limit", "scan_count")))
                .body("data.verifyCode.reasons[0].details[0].value", equalTo(String.valueOf(FakeVerification.SCAN_LIMIT)));
    }

    @Test
    void verifyCodesAnswersPerItemAndRefusesTooManyBeforeAnyCall() {
        Catalogue c = catalogue("Customs line");
        CodeBatch batch = FakeVerification.issue(c.product(), 2);
        String mutation = "mutation($r: [VerifyCodeInput!]!) { verifyCodes(requests: $r) { code verification { verdict "
                + "product { name } brand { name } } error { code status field message } } }";
        List<Map<String, Object>> requests = List.of(
                Map.of("code", FakeVerification.code(batch, 0).link(), "context", Map.of("channel", "CUSTOMS")),
                Map.of("code", "https://id.example.com/01/" + c.product().getGtin() + "/21/" + "x".repeat(25)),
                Map.of("code", FakeVerification.forgedLink(batch)),
                Map.of("code", FakeVerification.code(batch, 1).link()));
        int products = FakeBrandRegistry.calls("BatchGetProductsByGtin");
        graphql(token("customs", null), mutation, Map.of("r", requests)).body("errors", nullValue())
                .body("data.verifyCodes", hasSize(4))
                .body("data.verifyCodes[0].verification.verdict", equalTo("GENUINE"))
                .body("data.verifyCodes[0].verification.product.name", equalTo("Customs line"))
                .body("data.verifyCodes[0].error", nullValue())
                .body("data.verifyCodes[1].verification", nullValue())
                .body("data.verifyCodes[1].error.code", equalTo("INVALID_SERIAL"))
                .body("data.verifyCodes[1].error.status", equalTo("INVALID_ARGUMENT"))
                .body("data.verifyCodes[1].error.field", equalTo("requests[1].code"))
                .body("data.verifyCodes[2].verification.verdict", equalTo("INVALID"))
                .body("data.verifyCodes[2].verification.product", nullValue())
                .body("data.verifyCodes[3].verification.brand.name", equalTo("Brand of Customs line"));
        assertEquals(1, FakeBrandRegistry.calls("BatchGetProductsByGtin") - products, "one lookup for all items");

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("code", FakeVerification.code(batch, 0).link()));
        }
        int calls = FakeVerification.CALLERS.calls("BatchVerify");
        graphql(token("customs", null), mutation, Map.of("r", tooMany))
                .body("errors[0].extensions.code", equalTo("TOO_MANY_ITEMS"))
                .body("errors[0].extensions.field", equalTo("requests"));
        graphql(null, mutation, Map.of("r", requests.subList(0, 1)))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        assertEquals(calls, FakeVerification.CALLERS.calls("BatchVerify"), "refused before any call");
    }

    @Test
    void keysRotateForTheBrandsOwnerOnly() {
        Catalogue c = catalogue("Keys");
        String rotate = "mutation { rotateCodeKey(brandId: \"" + c.brand().getId() + "\", reason: \"%s\", "
                + "idempotencyKey: \"%s\") { created activeKey { version status logIndex } retiredKey { version status "
                + "retiredAt } } }";
        graphql(c.ownerToken(), String.format(rotate, "first", "r1")).body("errors", nullValue())
                .body("data.rotateCodeKey.activeKey.version", equalTo(1))
                .body("data.rotateCodeKey.retiredKey", nullValue());
        graphql(c.ownerToken(), String.format(rotate, "yearly", "r2")).body("errors", nullValue())
                .body("data.rotateCodeKey.activeKey.version", equalTo(2))
                .body("data.rotateCodeKey.activeKey.status", equalTo("ACTIVE"))
                .body("data.rotateCodeKey.retiredKey.version", equalTo(1))
                .body("data.rotateCodeKey.retiredKey.status", equalTo("RETIRED"));
        graphql(c.ownerToken(), "{ codeKeys(brandId: \"" + c.brand().getId() + "\") { version status } }")
                .body("errors", nullValue())
                .body("data.codeKeys.version", equalTo(List.of(2, 1)))
                .body("data.codeKeys.status", equalTo(List.of("ACTIVE", "RETIRED")));
        graphql(catalogue("Rival").ownerToken(), String.format(rotate, "take over", "r3"))
                .body("errors[0].extensions.code", equalTo("NOT_OWNER"));
        graphql(token("customs", null), "{ codeKeys(brandId: \"" + c.brand().getId() + "\") { version } }")
                .body("errors[0].extensions.status", equalTo("FORBIDDEN"));
        assertEquals(2, FakeVerification.KEYS.get(c.brand().getId()).size());
    }

    @Test
    void theLogIsPublicWithBase64HashesAndRefusesSizesThatDoNotLineUp() {
        CodeBatch batch = FakeVerification.issue(catalogue("Logged").product(), 2);
        String code = FakeVerification.code(batch, 1).link();
        var info = graphql(null, "{ logInfo { origin keys { name vkey active publicKey keyId } checkpoint { treeSize "
                + "rootHash signedNote } } checkpoint { treeSize rootHash } }").body("errors", nullValue())
                .body("data.logInfo.origin", equalTo("cloudsword.test/log"))
                .body("data.logInfo.keys[0].active", equalTo(true)).extract();
        String root = info.path("data.checkpoint.rootHash");
        assertEquals(32, Base64.getDecoder().decode(root).length, "a SHA-256 root, base64");
        assertEquals(32, Base64.getDecoder().decode((String) info.path("data.logInfo.keys[0].publicKey")).length);
        String note = info.path("data.logInfo.checkpoint.signedNote");
        assertTrue(note.startsWith("cloudsword.test/log\n"), note);
        int size = info.path("data.checkpoint.treeSize");

        graphql(null, "{ inclusionProof(code: \"" + code + "\") { leafIndex treeSize leafHash hashes checkpoint { treeSize } } }")
                .body("errors", nullValue())
                .body("data.inclusionProof.leafIndex", equalTo((int) batch.getFirstCodeLogIndex() + 1))
                .body("data.inclusionProof.checkpoint.treeSize", equalTo(size))
                .body("data.inclusionProof.hashes", everyItem(org.hamcrest.Matchers.matchesPattern("[A-Za-z0-9+/]{43}=")));
        graphql(null, "{ inclusionProof(leafIndex: 0, treeSize: 1) { leafIndex hashes checkpoint { treeSize } } }")
                .body("errors", nullValue()).body("data.inclusionProof.hashes", hasSize(0))
                .body("data.inclusionProof.checkpoint", nullValue());
        graphql(null, "{ inclusionProof(leafIndex: " + size + ", treeSize: " + size + ") { leafIndex } }")
                .body("errors[0].extensions.code", equalTo("INVALID_TREE_SIZE"))
                .body("errors[0].extensions.status", equalTo("INVALID_ARGUMENT"));
        int calls = FakeVerification.CALLERS.calls("GetInclusionProof");
        graphql(null, "{ inclusionProof { leafIndex } }").body("errors[0].extensions.code", equalTo("FIELD_REQUIRED"))
                .body("errors[0].extensions.field", equalTo("leafIndex"));
        graphql(null, "{ inclusionProof(leafIndex: 1, code: \"" + code + "\") { leafIndex } }")
                .body("errors[0].extensions.code", equalTo("FIELD_REQUIRED"));
        assertEquals(calls, FakeVerification.CALLERS.calls("GetInclusionProof"));

        graphql(null, "{ consistencyProof(first: 1) { firstTreeSize secondTreeSize hashes } }").body("errors", nullValue())
                .body("data.consistencyProof.secondTreeSize", equalTo(size))
                .body("data.consistencyProof.hashes", hasSize(1));
        graphql(null, "{ consistencyProof(first: 0) { hashes } }")
                .body("errors[0].extensions.code", equalTo("INVALID_TREE_SIZE"));

        graphql(null, "{ proofBundle(code: \"" + code + "\") { code gtin serial tlogProof entry { index type data } "
                + "inclusionProof { leafIndex treeSize } checkpoint { treeSize signedNote } } }").body("errors", nullValue())
                .body("data.proofBundle.code", equalTo(code))
                .body("data.proofBundle.entry.type", equalTo("CODE"))
                .body("data.proofBundle.tlogProof", org.hamcrest.Matchers.startsWith("c2sp.org/tlog-proof@v1\n"))
                .body("data.proofBundle.inclusionProof.treeSize", equalTo(size));
    }

    @Test
    void aServiceThatIsDownIsUnavailable() {
        FakeVerification.down = true;
        graphql(null, "{ verifyCode(code: \"https://x.example/01/04012345000016/21/ABC\") { verdict } }")
                .body("errors[0].extensions.code", equalTo("UNAVAILABLE"))
                .body("errors[0].message", containsString("retry"));
    }

    @Test
    void theSchemaHasTheVerificationTypes() {
        String schema = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        for (String expected : List.of("verifyCode(", "verifyCodes(", "codeBatches(", "type CodeBatch ",
                "type BatchProgress", "type CodeVerification ", "type ProofBundle", "createCodeBatch(",
                "rotateCodeKey(", "recordLifecycleEvent(", "consistencyProof(", "type ScanConnection")) {
            assertNotEquals(-1, schema.indexOf(expected), expected + " missing from\n" + schema);
        }
    }
}

package io.cloudsword.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cloudsword.support.tokens.DevKeys;
import io.cloudsword.support.tokens.DevTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(TestKeys.class)
@QuarkusTestResource(FakeBrandRegistry.class)
class GraphQLGatewayTest {

    private static final String OWNER = UUID.randomUUID().toString();

    private static String token(String role, String ownerId) {
        return TestKeys.TOKENS.token("test-" + role).role(role).claim("owner_id", ownerId).sign();
    }

    private static ValidatableResponse graphql(String token, String query) {
        var request = given().contentType("application/json").body(java.util.Map.of("query", query));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/graphql").then().log().ifValidationFails();
    }

    private static String registerBrand(String ownerId, String name) {
        return "mutation { registerBrand(input: {ownerId: \"" + ownerId + "\", name: \"" + name
                + "\", aliases: [\"耐克\"], gs1CompanyPrefixes: [\"00850012\"]}) { id ownerId name aliases createdAt } }";
    }

    @Test
    void anOwnerRegistersItsBrandAndTheTokenIsForwardedToTheService() {
        String token = token("rights_owner", OWNER);
        String id = graphql(token, registerBrand(OWNER, "Sportwerk")).statusCode(200)
                .body("errors", nullValue())
                .body("data.registerBrand.name", equalTo("Sportwerk"))
                .body("data.registerBrand.aliases", hasItem("耐克"))
                .body("data.registerBrand.createdAt", equalTo("2023-11-14T22:13:20Z"))
                .extract().path("data.registerBrand.id");
        assertEquals("Bearer " + token, FakeBrandRegistry.LAST_AUTHORIZATION.get());
        graphql(token("consumer", null), "{ brand(id: \"" + id + "\") { name ownerId } }")
                .body("data.brand.name", equalTo("Sportwerk")).body("data.brand.ownerId", equalTo(OWNER));
    }

    @Test
    void withoutATokenAProtectedFieldIsUnauthenticated() {
        int before = FakeBrandRegistry.CALLS.get();
        graphql(null, "{ brand(id: \"" + UUID.randomUUID() + "\") { id } }").statusCode(200)
                .body("errors[0].extensions.status", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", containsString("bearer token"))
                .body("data.brand", nullValue());
        assertEquals(before, FakeBrandRegistry.CALLS.get(), "no service call without a token");
    }

    @Test
    void aTokenWithoutTheRoleIsForbidden() {
        graphql(token("consumer", null), registerBrand(OWNER, "X")).statusCode(200)
                .body("errors[0].extensions.status", equalTo("FORBIDDEN"));
    }

    @Test
    void anOwnerCannotActForAnotherOwner() {
        graphql(token("rights_owner", OWNER), registerBrand(UUID.randomUUID().toString(), "X")).statusCode(200)
                .body("errors[0].extensions.status", equalTo("FORBIDDEN"))
                .body("errors[0].extensions.reason", equalTo("NOT_OWNER"))
                .body("errors[0].extensions.field", equalTo("ownerId"));
    }

    @Test
    void badTokensAreUnauthenticated() {
        String query = "{ brand(id: \"" + UUID.randomUUID() + "\") { id } }";
        String expired = TestKeys.TOKENS.token("late").role("admin").issuedAt(Instant.now().minus(Duration.ofDays(2)))
                .lifetime(Duration.ofHours(1)).sign();
        String foreignKey = new DevTokens(DevKeys.generate()).token("mallory").role("admin").sign();
        String otherIssuer = TestKeys.TOKENS.token("x").role("admin").issuer("https://evil.example/").sign();
        String otherAudience = TestKeys.TOKENS.token("x").role("admin").audience("someone-else").sign();
        java.util.Map<String, String> badTokens = java.util.Map.of("expired", expired, "foreign key", foreignKey,
                "other issuer", otherIssuer, "other audience", otherAudience, "not a JWT", "not.a.jwt");
        StringBuilder wrong = new StringBuilder();
        badTokens.forEach((why, bad) -> {
            var response = given().contentType("application/json").header("Authorization", "Bearer " + bad)
                    .body(java.util.Map.of("query", query)).post("/graphql");
            if (response.statusCode() != 200 || !"UNAUTHENTICATED".equals(response.path("errors[0].extensions.status"))) {
                wrong.append(why).append(": ").append(response.statusCode()).append(' ').append(response.asString())
                        .append('\n');
            }
        });
        assertEquals("", wrong.toString());
    }

    @Test
    void aServiceRefusalKeepsItsCodeFieldAndReason() {
        graphql(token("admin", null), "mutation { registerBrand(input: {ownerId: \"" + OWNER
                + "\", name: \"X\", gs1CompanyPrefixes: [\"12x\"]}) { id } }").statusCode(200)
                .body("errors[0].extensions.status", equalTo("INVALID_ARGUMENT"))
                .body("errors[0].extensions.field", equalTo("gs1_company_prefixes[0]"))
                .body("errors[0].extensions.reason", equalTo("INVALID_GS1_PREFIX"))
                .body("errors[0].extensions", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("exception")));
        graphql(token("admin", null), "{ brand(id: \"" + UUID.randomUUID() + "\") { id } }")
                .body("errors[0].extensions.status", equalTo("NOT_FOUND"))
                .body("errors[0].extensions.reason", equalTo("BRAND_NOT_FOUND"));
    }

    @Test
    void theDeadlineCountsFromEachCallNotFromTheClientsCreation() {
        String token = token("rights_owner", OWNER);
        String id = graphql(token, registerBrand(OWNER, "Steady")).extract().path("data.registerBrand.id");
        // calls keep succeeding for longer than one deadline (1 s in tests) after the first
        long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        int calls = 0;
        while (System.nanoTime() < end || calls < 3) {
            graphql(token, "{ brand(id: \"" + id + "\") { name } }").body("errors", nullValue())
                    .body("data.brand.name", equalTo("Steady"));
            calls++;
        }
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsUnavailable() {
        graphql(token("admin", null), "{ brand(id: \"" + FakeBrandRegistry.SLOW_ID + "\") { id } }").statusCode(200)
                .body("errors[0].extensions.status", equalTo("UNAVAILABLE"));
    }

    @Test
    void malformedDocumentsAndUnknownFieldsAreClientErrorsNot500() {
        graphql(token("admin", null), "{ brand(id: ").statusCode(200)
                .body("errors[0].message", equalTo("Unparseable input document"));
        graphql(token("admin", null), "{ brand(id: \"x\") { noSuchField } }").statusCode(200)
                .body("errors[0].extensions.classification", equalTo("ValidationError"));
        graphql(token("admin", null), "{ brand(id: true) { id } }").statusCode(200)
                .body("errors[0].extensions.classification", equalTo("ValidationError"));
        given().contentType("application/json").body("{not json").post("/graphql").then()
                .statusCode(org.hamcrest.Matchers.lessThan(500));
    }

    @Test
    void tooDeepADocumentIsRefusedBeforeItRuns() {
        StringBuilder deep = new StringBuilder("{ __schema { types { fields { type ");
        for (int i = 0; i < 12; i++) {
            deep.append("{ ofType ");
        }
        deep.append("{ name }").append(" }".repeat(12)).append(" } } } }");
        graphql(null, deep.toString()).statusCode(200)
                .body("errors[0].message", containsString("depth"))
                .body("data", nullValue());
    }

    @Test
    void theSchemaIsAFederation2Subgraph() {
        graphql(null, "{ _service { sdl } }").statusCode(200)
                .body("data._service.sdl", containsString("url : \"https://specs.apollo.dev/federation/v2.7\""))
                .body("data._service.sdl", containsString("schema @link(import : [\"@key\"]"))
                .body("data._service.sdl", containsString("type Brand @key(fields : \"id\")"));
    }
}

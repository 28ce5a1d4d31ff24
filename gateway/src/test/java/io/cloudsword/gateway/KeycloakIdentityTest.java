package io.cloudsword.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.cloudsword.support.tokens.DevKeys;
import io.cloudsword.support.tokens.DevTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Several issuers at once against a real Keycloak (KeycloakTestResource): a partner platform's
 * backend from the {@code cloudsword-partners} realm (client-credentials grant, realm role
 * {@code platform_partner}, {@code platform_id} from a hardcoded-claim mapper) and a brand owner from
 * the {@code cloudsword-brands} realm (password grant, realm role {@code brand-owner} mapped to
 * rights_owner, the owner id in {@code brand_owner_id} from a user attribute), next to the dev-key
 * tokens every other test uses. The tenant is chosen by the token's issuer.
 */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
@QuarkusTestResource(FakeBrandRegistry.class)
@QuarkusTestResource(FakeListingService.class)
@QuarkusTestResource(FakeComplaint.class)
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
class KeycloakIdentityTest {

    /** The partner's platform, as the partners realm's hardcoded claim says. */
    private static final String PLATFORM = "marketly";
    /** The brand owner's id, as the brands realm's user attribute says. */
    private static final String BRAND_OWNER = "0190c3c4-5a5b-7c6d-8e9f-0a1b2c3d4e5f";

    @TestHTTPResource("/graphql")
    URI graphqlUri;

    private static String partnerToken() {
        return given().baseUri(KeycloakTestResource.baseUrl).auth().preemptive()
                .basic("marketly-integration", "marketly-test-secret")
                .formParam("grant_type", "client_credentials")
                .post("/realms/cloudsword-partners/protocol/openid-connect/token")
                .then().log().ifValidationFails().statusCode(200).extract().path("access_token");
    }

    private static String brandOwnerToken() {
        return given().baseUri(KeycloakTestResource.baseUrl)
                .formParam("grant_type", "password").formParam("client_id", "brand-portal")
                .formParam("username", "sportwerk-admin").formParam("password", "sportwerk-test-password")
                .post("/realms/cloudsword-brands/protocol/openid-connect/token")
                .then().log().ifValidationFails().statusCode(200).extract().path("access_token");
    }

    private static ValidatableResponse graphql(String token, String query) {
        return given().contentType("application/json").header("Authorization", "Bearer " + token)
                .body(Map.of("query", query)).post("/graphql").then().log().ifValidationFails().statusCode(200);
    }

    private static String registerBrand(String ownerId, String name) {
        return "mutation { registerBrand(input: {ownerId: \"" + ownerId + "\", name: \"" + name
                + "\", gs1CompanyPrefixes: [\"4012345\"]}) { id ownerId name } }";
    }

    /** Reviewers and admins only. */
    private static final String STAFF_ONLY = "{ reviewQueue(platform: \"nowhere\", first: 1) { pageInfo { hasNextPage } } }";

    @Test
    void aBrandOwnerSignedInWithAPasswordActsOnItsOwnRecordsOnly() {
        String token = brandOwnerToken();
        graphql(token, registerBrand(BRAND_OWNER, "Sportwerk")).body("errors", nullValue())
                .body("data.registerBrand.ownerId", equalTo(BRAND_OWNER))
                .body("data.registerBrand.name", equalTo("Sportwerk"));
        assertEquals("Bearer " + token, FakeBrandRegistry.LAST_AUTHORIZATION.get(), "the Keycloak token is forwarded");

        graphql(token, registerBrand(UUID.randomUUID().toString(), "Not mine"))
                .body("errors[0].extensions.status", equalTo("FORBIDDEN"))
                .body("errors[0].extensions.reason", equalTo("NOT_OWNER"))
                .body("errors[0].extensions.field", equalTo("ownerId"));
        // the realm also gives this user its own "admin" role: the brands role map does not name it
        graphql(token, STAFF_ONLY).body("errors[0].extensions.status", equalTo("FORBIDDEN"));
    }

    @Test
    void aPartnerSignedInWithClientCredentialsWatchesItsOwnPlatformOnly() throws Exception {
        String token = partnerToken();
        // signed in, but a partner is no rights owner
        graphql(token, registerBrand(BRAND_OWNER, "X")).body("errors[0].extensions.status", equalTo("FORBIDDEN"));

        ComplaintGraphTest.TransportWs client = ComplaintGraphTest.TransportWs.open(graphqlUri, token);
        try {
            client.send(ComplaintGraphTest.subscribe("other", "another-platform", null));
            JsonPath refused = client.next();
            assertEquals("other", refused.getString("id"));
            String errors = refused.prettify();
            assertTrue(errors.contains("FORBIDDEN") && errors.contains("NOT_OWNER"), errors);

            client.send(ComplaintGraphTest.subscribe("own", PLATFORM, null));
            ComplaintGraphTest.await(FakeNotices.WATCHING, PLATFORM);
            assertEquals("Bearer " + token, FakeComplaint.CALLERS.authorization.get("WatchDecisions"),
                    "the stream carries the partner's Keycloak token");
            client.send("{\"id\":\"own\",\"type\":\"complete\"}");
            ComplaintGraphTest.await(FakeNotices.UNWATCHED, PLATFORM);
        } finally {
            client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    @Test
    void devKeyTokensStillWorkNextToTheKeycloakIssuers() {
        String owner = UUID.randomUUID().toString();
        String dev = TestKeys.TOKENS.token("dev-owner").role("rights_owner").claim("owner_id", owner).sign();
        graphql(dev, registerBrand(owner, "Devbrand")).body("errors", nullValue())
                .body("data.registerBrand.ownerId", equalTo(owner));
        graphql(dev, registerBrand(BRAND_OWNER, "X")).body("errors[0].extensions.reason", equalTo("NOT_OWNER"));
        String admin = TestKeys.TOKENS.token("dev-admin").role("admin").sign();
        graphql(admin, STAFF_ONLY).body("errors", nullValue()).body("data.reviewQueue.pageInfo", notNullValue());
    }

    @Test
    void unknownIssuersForgeriesAndTamperedTokensAreUnauthenticated() {
        String partners = KeycloakTestResource.baseUrl + "/realms/cloudsword-partners";
        DevTokens mallory = new DevTokens(DevKeys.generate());
        String keycloak = partnerToken();
        String[] parts = keycloak.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherPlatform = payload.replace("\"platform_id\":\"marketly\"", "\"platform_id\":\"another-platform\"");
        assertNotEquals(payload, otherPlatform);
        Map<String, String> bad = Map.of(
                "unknown issuer", mallory.token("m").role("admin").issuer("https://login.evil.example/realms/x").sign(),
                "the partners issuer, another key", mallory.token("m").role("platform_partner")
                        .claim("platform_id", PLATFORM).issuer(partners).sign(),
                "a Keycloak token with its claims changed", parts[0] + "."
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(otherPlatform.getBytes(StandardCharsets.UTF_8))
                        + "." + parts[2],
                "a Keycloak token with its signature cut", parts[0] + "." + parts[1] + ".",
                "the brands issuer, another key and audience", mallory.token("m").role("brand-owner")
                        .issuer(KeycloakTestResource.baseUrl + "/realms/cloudsword-brands").audience("someone-else").sign(),
                "not a JWT", "not.a.jwt");
        StringBuilder wrong = new StringBuilder();
        bad.forEach((why, token) -> {
            var answer = given().contentType("application/json").header("Authorization", "Bearer " + token)
                    .body(Map.of("query", STAFF_ONLY)).post("/graphql");
            if (answer.statusCode() != 200 || !"UNAUTHENTICATED".equals(answer.path("errors[0].extensions.status"))) {
                wrong.append(why).append(": ").append(answer.statusCode()).append(' ').append(answer.asString()).append('\n');
            }
        });
        assertEquals("", wrong.toString());
        // and the untouched token is fine: the refusals above are the changes, not the token
        graphql(keycloak, registerBrand(BRAND_OWNER, "X")).body("errors[0].extensions.status", equalTo("FORBIDDEN"));
    }
}

package io.cloudsword.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Callers without a token get a per-client budget; past it they get 429 before anything is parsed. */
@QuarkusTest
@TestProfile(AnonymousRateLimitTest.SmallBudget.class)
class AnonymousRateLimitTest {

    /** Five requests at once, then one per minute: the sixth within the minute is refused. */
    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cloudsword.anonymous-rate-limit.requests-per-minute", "1",
                    "cloudsword.anonymous-rate-limit.burst", "5");
        }
    }

    private static io.restassured.response.ValidatableResponse anonymous(String query) {
        return given().contentType("application/json").body(Map.of("query", query)).post("/graphql").then();
    }

    @Test
    void anAnonymousClientGetsItsBurstThen429WhileSignedInCallersAndHealthChecksPass() {
        for (int i = 0; i < 5; i++) {
            anonymous("{ __typename }").statusCode(200).body("data.__typename", equalTo("Query"));
        }
        String retryAfter = anonymous("{ __typename }").statusCode(429)
                .body("errors[0].extensions.code", equalTo("UNAVAILABLE"))
                .body("errors[0].extensions.reason", equalTo("RATE_LIMITED"))
                .body("data", nullValue())
                .extract().header("Retry-After");
        assertTrue(Integer.parseInt(retryAfter) >= 1 && Integer.parseInt(retryAfter) <= 60, retryAfter);
        // a malformed document is refused by the limit too, before the parser sees it
        anonymous("{ {{{ ").statusCode(429);

        String token = TestKeys.TOKENS.token("limited-test").role("consumer").sign();
        given().contentType("application/json").header("Authorization", "Bearer " + token)
                .body(Map.of("query", "{ __typename }")).post("/graphql").then().statusCode(200)
                .body("data.__typename", equalTo("Query"));
        given().get("/q/health/live").then().statusCode(200);
    }
}

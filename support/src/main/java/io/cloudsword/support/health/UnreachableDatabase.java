package io.cloudsword.support.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Readiness must fail while the database is unreachable, and liveness must not (restarting a
 * service does not bring its database back). A service's test extends this with
 * {@code @QuarkusTest @TestProfile(UnreachableDatabase.Profile.class)}.
 */
public abstract class UnreachableDatabase {

    /** Points the service at port 1 on loopback, where connections are refused at once. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cloudsword.db.port", "1",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.hibernate-orm.schema-management.strategy", "none");
        }
    }

    @Test
    void notReadyButAlive() {
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}

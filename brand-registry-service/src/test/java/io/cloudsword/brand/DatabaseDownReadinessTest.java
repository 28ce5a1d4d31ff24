package io.cloudsword.brand;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Readiness must fail while the database is unreachable, while liveness stays up. */
@QuarkusTest
@TestProfile(DatabaseDownReadinessTest.UnreachableDatabase.class)
class DatabaseDownReadinessTest {

    public static class UnreachableDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // port 1 on loopback: nothing listens there, connections are refused at once
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/brand_registry_test",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/brand_registry_test",
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

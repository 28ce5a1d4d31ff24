package io.cloudsword.support.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.quarkus.grpc.GrpcClient;

/**
 * What every service promises operators (ARCHITECTURE.md, k8s probes): ready and live while its
 * database answers, the standard gRPC health service SERVING, Prometheus metrics. A service's
 * test extends this with {@code @QuarkusTest}; the gRPC client "self" points at the service.
 */
public abstract class ServiceHealthContract {

    @GrpcClient("self")
    HealthGrpc.HealthBlockingStub health;

    @Test
    void readyAndLiveWhenTheDatabaseAnswers() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void grpcHealthServiceAnswersServing() {
        assertEquals(HealthCheckResponse.ServingStatus.SERVING,
                health.check(HealthCheckRequest.newBuilder().build()).getStatus());
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}

package io.cloudsword.verification;

import io.cloudsword.support.health.ServiceHealthContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndMetricsTest extends ServiceHealthContract {
}

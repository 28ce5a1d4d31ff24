package io.cloudsword.brand;

import io.cloudsword.support.health.ServiceHealthContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndMetricsTest extends ServiceHealthContract {
}

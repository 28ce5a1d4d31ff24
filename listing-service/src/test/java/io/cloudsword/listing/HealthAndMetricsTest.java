package io.cloudsword.listing;

import io.cloudsword.support.health.ServiceHealthContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndMetricsTest extends ServiceHealthContract {
}

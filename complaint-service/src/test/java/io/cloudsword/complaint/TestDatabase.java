package io.cloudsword.complaint;

import io.cloudsword.support.postgres.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against a real PostgreSQL, in a database made fresh for the run. */
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "complaints_test"))
public final class TestDatabase {
    private TestDatabase() {
    }
}

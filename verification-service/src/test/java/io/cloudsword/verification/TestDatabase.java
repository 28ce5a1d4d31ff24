package io.cloudsword.verification;

import io.cloudsword.support.postgres.PostgresTestResource;
import io.cloudsword.support.tokens.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this module runs against a real PostgreSQL, in a database made fresh for the
 * run, and trusts tokens signed by a key made for the run (TestTokens).
 */
@QuarkusTestResource(value = TestTokens.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "verification_test"))
public final class TestDatabase {
    private TestDatabase() {
    }
}

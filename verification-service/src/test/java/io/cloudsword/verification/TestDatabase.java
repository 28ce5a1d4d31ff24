package io.cloudsword.verification;

import io.cloudsword.support.postgres.PostgresTestResource;
import io.cloudsword.support.tokens.TestTokens;
import io.cloudsword.verification.support.FakeBrandRegistry;
import io.cloudsword.verification.support.TestLogKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this module runs against a real PostgreSQL, in a database made fresh for the
 * run, trusts tokens signed by a key made for the run (TestTokens), keeps its secrets made for the
 * run (TestLogKeys), and asks a stand-in brand-registry (FakeBrandRegistry).
 */
@QuarkusTestResource(value = TestTokens.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestLogKeys.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeBrandRegistry.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "verification_test"))
public final class TestDatabase {
    private TestDatabase() {
    }
}

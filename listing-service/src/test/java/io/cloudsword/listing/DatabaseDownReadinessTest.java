package io.cloudsword.listing;

import io.cloudsword.support.health.UnreachableDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(UnreachableDatabase.Profile.class)
class DatabaseDownReadinessTest extends UnreachableDatabase {
}

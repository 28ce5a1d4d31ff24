package io.cloudsword.support.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocalPostgresTest {

    private final List<String> log = new ArrayList<>();

    @Test
    void throwawayClusterServesDatabasesAndIsGoneAfterClose() throws Exception {
        PostgresSettings settings = PostgresSettings.fromEnvironment(Map.of("CLOUDSWORD_DB_THROWAWAY", "true"),
                Path.of("target"));
        PostgresEndpoint endpoint;
        try (LocalPostgres pg = LocalPostgres.ensure(settings, log::add)) {
            assertTrue(pg.isThrowaway());
            endpoint = pg.endpoint();
            pg.createDatabaseIfMissing("cloudsword_probe");
            pg.createDatabaseIfMissing("cloudsword_probe"); // second call is a no-op, not an error
            try (Connection c = java.sql.DriverManager.getConnection(endpoint.jdbcUrl("cloudsword_probe"),
                    endpoint.user(), endpoint.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT current_database()")) {
                assertTrue(rs.next());
                assertEquals("cloudsword_probe", rs.getString(1));
            }
            pg.recreateDatabase("cloudsword_probe");
        }
        assertNotNull(LocalPostgres.probe(endpoint), "the throwaway cluster must be stopped on close");
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Throwaway PostgreSQL on 127.0.0.1:")), log::toString);
    }

    @Test
    void explicitlyConfiguredServerThatDoesNotAnswerIsAnErrorNotAFallback() {
        PostgresSettings settings = PostgresSettings.fromEnvironment(
                Map.of("CLOUDSWORD_DB_HOST", "127.0.0.1", "CLOUDSWORD_DB_PORT", "1"), Path.of("target"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LocalPostgres.ensure(settings, log::add));
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
    }

    @Test
    void settingsDefaultToLoopback5432AndRejectAPortThatIsNotANumber() {
        PostgresSettings defaults = PostgresSettings.fromEnvironment(Map.of(), Path.of("target"));
        assertEquals("127.0.0.1", defaults.host());
        assertEquals(5432, defaults.port());
        assertEquals("postgres", defaults.user());
        assertFalse(defaults.explicit());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PostgresSettings.fromEnvironment(Map.of("CLOUDSWORD_DB_PORT", "fivefourthreetwo"), Path.of(".")));
        assertTrue(e.getMessage().contains("CLOUDSWORD_DB_PORT"));
    }

    @Test
    void databaseNamesAreCheckedBeforeTheyReachSql() {
        PostgresSettings settings = PostgresSettings.fromEnvironment(Map.of("CLOUDSWORD_DB_THROWAWAY", "true"),
                Path.of("target"));
        try (LocalPostgres pg = LocalPostgres.ensure(settings, log::add)) {
            assertThrows(IllegalArgumentException.class, () -> pg.createDatabaseIfMissing("x; DROP DATABASE postgres"));
            assertNull(LocalPostgres.probe(pg.endpoint()));
        }
    }
}

package io.cloudsword.support.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Finds the PostgreSQL the suite should use, so that neither {@code ./cloudsword up} nor the
 * test command needs a setup step: the configured server if it answers, otherwise a throwaway
 * cluster started from the machine's PostgreSQL binaries (or the ones on Maven Central).
 * Closing it stops the throwaway cluster, if one was started.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The databases of the four services (see ARCHITECTURE.md). */
    public static final List<String> SERVICE_DATABASES =
            List.of("brand_registry", "listings", "complaints", "verification");

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final PostgresEndpoint endpoint;
    private final ThrowawayCluster cluster;

    private LocalPostgres(PostgresEndpoint endpoint, ThrowawayCluster cluster) {
        this.endpoint = endpoint;
        this.cluster = cluster;
    }

    public static LocalPostgres ensure(PostgresSettings settings, Consumer<String> log) {
        PostgresEndpoint configured = new PostgresEndpoint(settings.host(), settings.port(), settings.user(),
                settings.password());
        if (!settings.forceThrowaway()) {
            SQLException failure = probe(configured);
            if (failure == null) {
                log.accept("Using PostgreSQL at " + configured.host() + ":" + configured.port());
                return new LocalPostgres(configured, null);
            }
            if (settings.explicit()) {
                throw new IllegalStateException("PostgreSQL at " + configured.host() + ":" + configured.port()
                        + " (CLOUDSWORD_DB_HOST/CLOUDSWORD_DB_PORT) does not answer: " + failure.getMessage(), failure);
            }
            log.accept("No usable PostgreSQL at " + configured.host() + ":" + configured.port() + " ("
                    + failure.getMessage() + "); starting a throwaway cluster");
        }
        ThrowawayCluster cluster = ThrowawayCluster.start(PostgresBinaries.locate(log), settings.workDir(), log);
        return new LocalPostgres(cluster.endpoint(), cluster);
    }

    public PostgresEndpoint endpoint() {
        return endpoint;
    }

    public boolean isThrowaway() {
        return cluster != null;
    }

    /** Creates the database if it is missing; safe when several processes race to create it. */
    public void createDatabaseIfMissing(String name) {
        requireDatabaseName(name);
        try (Connection c = connect(endpoint)) {
            if (exists(c, name)) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: another process won the race
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Drops and creates the database, so a test run starts from an empty schema. */
    public void recreateDatabase(String name) {
        requireDatabaseName(name);
        try (Connection c = connect(endpoint); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot recreate database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.stop();
        }
    }

    private static void requireDatabaseName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** @return null when the server answers and accepts the login, else why not. */
    static SQLException probe(PostgresEndpoint endpoint) {
        try (Connection c = connect(endpoint)) {
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    static Connection connect(PostgresEndpoint endpoint) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", endpoint.user());
        props.setProperty("password", endpoint.password());
        props.setProperty("connectTimeout", "3");
        props.setProperty("socketTimeout", "60");
        props.setProperty("ApplicationName", "cloudsword-bootstrap");
        return DriverManager.getConnection(endpoint.jdbcUrl("postgres"), props);
    }
}

package io.cloudsword.listing.repository;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the listing table's planner statistics roughly current when the server's autovacuum is
 * off (as on some development machines). Ingest finds existing listings by (platform, external
 * id); planned on statistics taken when the table was nearly empty, PostgreSQL may read a whole
 * platform per key, and a bulk load slows from thousands of listings a second to hundreds. With
 * autovacuum on, this does nothing.
 */
@ApplicationScoped
public class StatisticsKeeper {

    private static final Logger LOG = Logger.getLogger(StatisticsKeeper.class);
    private static final String[] TABLES = { "listing", "listing_transition", "listing_hold" };

    private final DataSource db;
    private final boolean enabled;
    private ScheduledExecutorService runner;

    public StatisticsKeeper(DataSource db,
            @ConfigProperty(name = "cloudsword.statistics-keeper.enabled", defaultValue = "true") boolean enabled) {
        this.db = db;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        runner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "statistics-keeper");
            t.setDaemon(true);
            return t;
        });
        runner.scheduleWithFixedDelay(this::check, 5, 5, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (runner != null) {
            runner.shutdownNow();
        }
    }

    /** ANALYZE each table changed by more than a fifth of its size since its last ANALYZE. */
    void check() {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT current_setting('autovacuum') = 'on'")) {
                if (rs.next() && rs.getBoolean(1)) {
                    return;
                }
            }
            for (String table : TABLES) {
                long changed;
                double size;
                try (ResultSet rs = s.executeQuery("SELECT n_mod_since_analyze, greatest(c.reltuples, 0) "
                        + "FROM pg_stat_user_tables t JOIN pg_class c ON c.oid = t.relid WHERE t.relname = '" + table + "'")) {
                    if (!rs.next()) {
                        continue;
                    }
                    changed = rs.getLong(1);
                    size = rs.getDouble(2);
                }
                if (changed > Math.max(1_000, size / 5)) {
                    s.execute("ANALYZE " + table);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Statistics check skipped: %s", e.getMessage());
        }
    }
}

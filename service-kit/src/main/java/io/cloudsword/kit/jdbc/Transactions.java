package io.cloudsword.kit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * Runs work in one JDBC transaction, for the services that write through JDBC (listing-service,
 * complaint-service). A deadlock or serialization failure is retried a few times
 * (the work is re-run from the start, reading what the other side committed); anything else rolls
 * back and propagates, so nothing is half-written. Work that must happen only after a commit
 * (waking the outbox relay) is registered with {@link #afterCommit}.
 */
@ApplicationScoped
public class Transactions {

    /** The work of one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final int ATTEMPTS = 5;

    private final DataSource db;

    public Transactions(DataSource db) {
        this.db = db;
    }

    private static final ThreadLocal<java.util.List<Runnable>> AFTER_COMMIT = new ThreadLocal<>();

    /** Runs {@code action} once the current transaction has committed (never if it rolls back). */
    public static void afterCommit(Runnable action) {
        java.util.List<Runnable> actions = AFTER_COMMIT.get();
        if (actions == null) {
            throw new IllegalStateException("afterCommit outside a transaction");
        }
        actions.add(action);
    }

    public <T> T inTransaction(Work<T> work) {
        for (int attempt = 1;; attempt++) {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                java.util.List<Runnable> actions = new java.util.ArrayList<>();
                AFTER_COMMIT.set(actions);
                try {
                    T result = work.run(c);
                    c.commit();
                    AFTER_COMMIT.remove();
                    actions.forEach(Runnable::run);
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                } finally {
                    AFTER_COMMIT.remove();
                }
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && retryable(e)) {
                    continue;
                }
                throw new IllegalStateException("database: " + e.getSQLState(), e);
            }
        }
    }

    /** Read-only work on a connection in auto-commit mode. */
    public <T> T read(Work<T> work) {
        try (Connection c = db.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            // the kit's mapper answers UNAVAILABLE for connection failures, INTERNAL for the rest
            throw new IllegalStateException("database: " + e.getSQLState(), e);
        }
    }

    private static boolean retryable(SQLException e) {
        return "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it and nothing was committed
        }
    }
}

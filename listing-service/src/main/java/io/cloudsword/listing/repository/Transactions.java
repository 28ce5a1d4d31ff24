package io.cloudsword.listing.repository;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * Runs work in one JDBC transaction. A deadlock or serialization failure (two chunks racing for
 * the same listings) is retried a few times, because the work is idempotent and the other side
 * has committed by then; anything else rolls back and propagates, so nothing is half-written.
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

    public <T> T inTransaction(Work<T> work) {
        for (int attempt = 1;; attempt++) {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                }
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && retryable(e)) {
                    continue;
                }
                throw new IllegalStateException("listings database: " + e.getSQLState(), e);
            }
        }
    }

    /** Read-only work on a connection in auto-commit mode. */
    public <T> T read(Work<T> work) {
        try (Connection c = db.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            // the kit's mapper answers UNAVAILABLE for connection failures, INTERNAL for the rest
            throw new IllegalStateException("listings database: " + e.getSQLState(), e);
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

package io.cloudsword.listing.brand;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The last brand-change sequence the cache applied (table brand_watch, one row), so that after
 * a restart the stream resumes where it stopped and the listeners hear of the changes made while
 * listing-service was down.
 */
@ApplicationScoped
public class WatchPosition {

    private final DataSource db;

    public WatchPosition(DataSource db) {
        this.db = db;
    }

    /** The persisted sequence, or empty when the stream was never followed. */
    public OptionalLong load() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT last_sequence FROM brand_watch WHERE id = 1");
                ResultSet rows = select.executeQuery()) {
            return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
        }
    }

    /**
     * Not "the greatest so far": after a RESYNC_REQUIRED (a registry whose numbering started over)
     * the new position may be lower than the old one.
     */
    public void save(long sequence) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement upsert = c.prepareStatement("INSERT INTO brand_watch (id, last_sequence) VALUES (1, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence")) {
            upsert.setLong(1, sequence);
            upsert.executeUpdate();
        }
    }
}

package io.cloudsword.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.cloudsword.api.listing.v1.ListingInput;

/**
 * listing-service's database ({@code listings}), written and read beside the service by
 * listings-ingest over plain JDBC (the driver the service writes its chunks with): the baseline's
 * inserts, the check that what the service accepted is stored with its score, and the removal of
 * the benchmark's rows.
 */
final class ListingsDb implements AutoCloseable {

    /**
     * The baseline: a chunk as one plain INSERT of the columns a listing row has without any
     * scoring (state ACTIVE, risk score 0; signals, brands, search text and fingerprint left at
     * their defaults), the rows passed as one array per column and taken apart by unnest, image
     * hashes comma-joined per row as the service passes them.
     */
    static final String INSERT = """
            INSERT INTO listing (id, platform, external_id, shop_id, seller_id, title, description, price_minor,
                currency, market_country, ships_from_country, gtin, image_hashes, url, state, risk_score, created_at,
                updated_at)
            SELECT u.id, u.platform, u.external_id, u.shop_id, u.seller_id, u.title, u.description, u.price_minor,
                u.currency, u.market_country, u.ships_from_country, u.gtin, string_to_array(u.images, ','), u.url,
                'ACTIVE', 0, ?, ?
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 AS u(id, platform, external_id, shop_id, seller_id, title, description, price_minor, currency,
                      market_country, ships_from_country, gtin, images, url)
            """;

    /** Rows under a key prefix, and how many of them carry a score (scored_at and scoring_version set). */
    static final String COUNT = """
            SELECT count(*), count(*) FILTER (WHERE scored_at IS NOT NULL AND scoring_version <> '')
            FROM listing WHERE platform = ANY(?) AND starts_with(external_id, ?)
            """;

    /** Tables that point at a listing, emptied of the benchmark's listings before the listings themselves. */
    static final List<String> LISTING_CHILDREN = List.of("listing_transition", "listing_hold", "consumer_report");

    /**
     * Shops created since the arm started that nothing refers to any more: the ones ingest made
     * for the benchmark's listings. A shop with strikes or history is never touched.
     */
    static final String DELETE_SHOPS = """
            DELETE FROM shop s WHERE s.platform = ANY(?) AND s.created_at >= ? AND (?::text[] IS NULL OR s.shop_id = ANY(?))
              AND NOT EXISTS (SELECT 1 FROM listing l WHERE l.platform = s.platform AND l.shop_id = s.shop_id)
              AND NOT EXISTS (SELECT 1 FROM strike t WHERE t.platform = s.platform AND t.shop_id = s.shop_id)
              AND NOT EXISTS (SELECT 1 FROM shop_event e WHERE e.platform = s.platform AND e.shop_id = s.shop_id)
            """;

    /** What removing one arm's rows deleted. */
    record Removed(long listings, long children, long shops, double seconds) {
    }

    private final Connection connection;
    private final String description;

    ListingsDb(String host, int port, String user, String password, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("ApplicationName", "bench-listings-ingest");
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        // the driver directly: DriverManager may not see it from Quarkus' class loader
        this.connection = new org.postgresql.Driver().connect(url, props);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver refused " + url);
        }
        connection.setAutoCommit(true);
        this.description = host + ":" + port + "/" + database;
    }

    String description() {
        return description;
    }

    /** Whether the database has the table, i.e. listing-service migrated it. */
    boolean hasTable(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * A note for the reader when nothing gathers planner statistics during the run (autovacuum
     * off): the service's queries are then planned on what the last ANALYZE saw, if any. Null
     * when autovacuum is on.
     */
    String statisticsNote() throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT current_setting('autovacuum'), c.reltuples::bigint,
                       greatest(s.last_analyze, s.last_autoanalyze)
                FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid
                WHERE c.oid = 'listing'::regclass
                """)) {
            if (!rs.next() || "on".equals(rs.getString(1))) {
                return null;
            }
            Timestamp analyzed = rs.getTimestamp(3);
            return "note: autovacuum is off, so no statistics are gathered while listings pour in: the service's "
                    + "queries are planned on " + (analyzed == null ? "none (listing was never analyzed)"
                            : "those of the last ANALYZE of listing (" + analyzed.toInstant() + ")")
                    + "; pg_class.reltuples " + rs.getLong(2);
        }
    }

    /** The database server's clock, which stamps the service's rows too (same machine). */
    Instant now() throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    /** One baseline chunk in one statement (its own transaction, as the service commits per chunk). */
    void insert(List<ListingInput> chunk, Instant now) throws SQLException {
        Columns c = Columns.of(chunk);
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            int p = 1;
            ps.setTimestamp(p++, Timestamp.from(now));
            ps.setTimestamp(p++, Timestamp.from(now));
            ps.setArray(p++, connection.createArrayOf("uuid", c.ids()));
            for (Object[] column : List.of(c.platform(), c.externalId(), c.shopId(), c.sellerId(), c.title(),
                    c.description())) {
                ps.setArray(p++, connection.createArrayOf("text", column));
            }
            ps.setArray(p++, connection.createArrayOf("int8", c.priceMinor()));
            for (Object[] column : List.of(c.currency(), c.market(), c.shipsFrom(), c.gtin(), c.images(), c.url())) {
                ps.setArray(p++, connection.createArrayOf("text", column));
            }
            int rows = ps.executeUpdate();
            if (rows != chunk.size()) {
                throw new SQLException("inserted " + rows + " of " + chunk.size() + " rows");
            }
        }
    }

    /** {rows, rows with a score} under the prefix on these platforms. */
    long[] count(List<String> platforms, String prefix) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(COUNT)) {
            ps.setArray(1, connection.createArrayOf("text", platforms.toArray()));
            ps.setString(2, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] { rs.getLong(1), rs.getLong(2) };
            }
        }
    }

    /**
     * Deletes the listings under the prefix on these platforms with their transitions, holds and
     * consumer reports, then the shops made for them since {@code since} (of these ids only, when
     * {@code shopIds} is not null) that nothing refers to any more, and vacuums the tables
     * so the next arm starts from the same table: the dead rows are the benchmark's doing, and
     * the suite's PostgreSQL may run without autovacuum. No ANALYZE: the planner's statistics are
     * the database's business, and the service must plan well with whatever they are.
     */
    Removed remove(List<String> platforms, String prefix, Instant since, List<String> shopIds) throws SQLException {
        long t0 = System.nanoTime();
        Array platformArray = connection.createArrayOf("text", platforms.toArray());
        long children = 0;
        for (String child : LISTING_CHILDREN) {
            if (!hasTable(child)) {
                continue;
            }
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + child + " c USING listing l "
                    + "WHERE c.listing_id = l.id AND l.platform = ANY(?) AND starts_with(l.external_id, ?)")) {
                ps.setArray(1, platformArray);
                ps.setString(2, prefix);
                children += ps.executeUpdate();
            }
        }
        long listings;
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM listing WHERE platform = ANY(?) AND starts_with(external_id, ?)")) {
            ps.setArray(1, platformArray);
            ps.setString(2, prefix);
            listings = ps.executeUpdate();
        }
        long shops = 0;
        if (hasTable("shop") && hasTable("strike") && hasTable("shop_event")) {
            try (PreparedStatement ps = connection.prepareStatement(DELETE_SHOPS)) {
                Array ids = shopIds == null ? null : connection.createArrayOf("text", shopIds.toArray());
                ps.setArray(1, platformArray);
                ps.setTimestamp(2, Timestamp.from(since));
                ps.setArray(3, ids);
                ps.setArray(4, ids);
                shops = ps.executeUpdate();
            }
        }
        if (listings > 0) {
            try (Statement st = connection.createStatement()) {
                st.execute("VACUUM listing");
                if (hasTable("listing_transition")) {
                    st.execute("VACUUM listing_transition");
                }
            }
        }
        return new Removed(listings, children, shops, (System.nanoTime() - t0) / 1e9);
    }

    /** A chunk as one array per column, in the shapes {@link #INSERT} takes. */
    record Columns(UUID[] ids, String[] platform, String[] externalId, String[] shopId, String[] sellerId,
            String[] title, String[] description, Long[] priceMinor, String[] currency, String[] market,
            String[] shipsFrom, String[] gtin, String[] images, String[] url) {

        static Columns of(List<ListingInput> chunk) {
            int n = chunk.size();
            Columns c = new Columns(new UUID[n], new String[n], new String[n], new String[n], new String[n],
                    new String[n], new String[n], new Long[n], new String[n], new String[n], new String[n],
                    new String[n], new String[n], new String[n]);
            long millis = System.currentTimeMillis();
            for (int i = 0; i < n; i++) {
                ListingInput l = chunk.get(i);
                c.ids[i] = uuid7(millis);
                c.platform[i] = l.getPlatform();
                c.externalId[i] = l.getExternalId();
                c.shopId[i] = l.getShopId();
                c.sellerId[i] = l.getSellerId();
                c.title[i] = l.getTitle();
                c.description[i] = l.getDescription();
                c.priceMinor[i] = l.getPrice().getAmountMinor();
                c.currency[i] = l.getPrice().getCurrency();
                c.market[i] = l.getMarketCountry();
                c.shipsFrom[i] = l.getShipsFromCountry();
                c.gtin[i] = gtin14(l.getGtin());
                c.images[i] = String.join(",", l.getImageHashesList());
                c.url[i] = l.getUrl();
            }
            return c;
        }
    }

    /** The column is GTIN-14: shorter GTINs left-padded with zeros (no check, the samples are valid); null for none. */
    static String gtin14(String gtin) {
        if (gtin == null || gtin.isEmpty()) {
            return null;
        }
        return "0".repeat(Math.max(0, 14 - gtin.length())) + gtin;
    }

    /**
     * A time-ordered UUID (version 7) as the service makes its ids, so both sides add to the
     * primary-key index at its end.
     */
    static UUID uuid7(long epochMillis) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (r.nextLong() & 0x0FFFL);
        long lsb = r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

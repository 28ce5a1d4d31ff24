package io.cloudsword.listing.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.listing.domain.ListingData;
import io.cloudsword.listing.domain.ListingState;
import io.cloudsword.listing.domain.StoredListing;

/**
 * The listing table and its holds and transitions, in plain JDBC: ingest writes a whole chunk
 * with one statement (arrays unnested), which is what makes tens of thousands of listings a
 * second possible on a small machine.
 */
@ApplicationScoped
public class ListingStore {

    /** Every column of a stored listing, and its live holds; alias l. */
    public static final String COLUMNS = """
            l.id, l.platform, l.external_id, l.shop_id, l.seller_id, l.title, l.description, l.price_minor,
            l.currency, l.market_country, l.ships_from_country, l.gtin, l.image_hashes, l.url, l.state,
            l.risk_score, l.signals::text AS signals, l.brand_id, l.mentioned_brand_ids, l.scored_at,
            l.scoring_version, l.held_by_shop_suspension, l.consumer_reports, l.version, l.created_at,
            l.updated_at, l.fingerprint, l.flag_cleared_fingerprint,
            ARRAY(SELECT h.notice_id FROM listing_hold h WHERE h.listing_id = l.id AND h.released_at IS NULL
                  ORDER BY h.created_at, h.notice_id) AS holds
            """;

    /** A listing's identity on its platform. */
    public record Key(String platform, String externalId) {
    }

    /** What a chunk's upsert needs to know about a listing that already exists, read under a row lock. */
    public record Existing(UUID id, ListingState state, String flagClearedFingerprint, int consumerReports,
            int liveHolds, boolean heldByShopSuspension) {
    }

    /** One row of a chunk's upsert. */
    public record Write(UUID id, ListingData data, ListingState state, int riskScore, String signalsJson,
            String brandId, List<String> mentionedBrandIds, String scoringVersion, String searchText,
            String fingerprint, boolean heldByShopSuspension, Instant now) {
    }

    /** The upsert's answer for one key. */
    public record Upserted(UUID id, boolean created) {
    }

    /** One state change, with who, why and the statement of reasons. */
    public record Transition(UUID id, UUID listingId, ListingState from, ListingState to, String actorSubject,
            String actorRole, String actorOwner, String actorPlatform, String reason, String noticeId, UUID strikeId,
            String statementJson, Instant at) {
    }

    /** Locks the listings of these keys that exist, in key order (so two chunks never deadlock on them). */
    public Map<Key, Existing> lockExisting(Connection c, List<Key> keys) throws SQLException {
        Map<Key, Existing> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT l.id, l.platform, l.external_id, l.state, l.flag_cleared_fingerprint, l.consumer_reports,
                       l.held_by_shop_suspension,
                       (SELECT count(*) FROM listing_hold h WHERE h.listing_id = l.id AND h.released_at IS NULL) AS holds
                FROM unnest(?::text[], ?::text[]) AS k(platform, external_id)
                -- one unique-index probe per key, whatever the table's statistics say (a join may
                -- otherwise scan a whole platform per key on a table autovacuum has not analyzed)
                CROSS JOIN LATERAL (
                    SELECT * FROM listing x WHERE x.platform = k.platform AND x.external_id = k.external_id
                    FOR UPDATE) AS l
                """)) {
            ps.setArray(1, c.createArrayOf("text", keys.stream().map(Key::platform).toArray()));
            ps.setArray(2, c.createArrayOf("text", keys.stream().map(Key::externalId).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(new Key(rs.getString(2), rs.getString(3)), new Existing(rs.getObject(1, UUID.class),
                            ListingState.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6), rs.getInt(8),
                            rs.getBoolean(7)));
                }
            }
        }
        return found;
    }

    /** Inserts or updates a chunk in one statement; rows must be in key order and keys distinct. */
    public Map<Key, Upserted> upsert(Connection c, List<Write> rows) throws SQLException {
        Map<Key, Upserted> out = new HashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        int n = rows.size();
        Object[] id = new Object[n], platform = new Object[n], externalId = new Object[n], shop = new Object[n],
                seller = new Object[n], title = new Object[n], description = new Object[n], price = new Object[n],
                currency = new Object[n], market = new Object[n], shipsFrom = new Object[n], gtin = new Object[n],
                images = new Object[n], url = new Object[n], state = new Object[n], score = new Object[n],
                signals = new Object[n], brand = new Object[n], mentions = new Object[n], version = new Object[n],
                search = new Object[n], fingerprint = new Object[n], held = new Object[n], urlKey = new Object[n];
        for (int i = 0; i < n; i++) {
            Write w = rows.get(i);
            ListingData d = w.data();
            id[i] = w.id();
            platform[i] = d.platform();
            externalId[i] = d.externalId();
            shop[i] = d.shopId();
            seller[i] = d.sellerId();
            title[i] = d.title();
            description[i] = d.description();
            price[i] = d.priceMinor();
            currency[i] = d.currency();
            market[i] = d.marketCountry();
            shipsFrom[i] = d.shipsFromCountry();
            gtin[i] = d.hasGtin() ? d.gtin() : null;
            images[i] = String.join(",", d.imageHashes());
            url[i] = d.url();
            state[i] = w.state().name();
            score[i] = w.riskScore();
            signals[i] = w.signalsJson();
            brand[i] = w.brandId() == null ? null : UUID.fromString(w.brandId());
            mentions[i] = String.join(",", w.mentionedBrandIds());
            version[i] = w.scoringVersion();
            search[i] = w.searchText();
            fingerprint[i] = w.fingerprint();
            held[i] = w.heldByShopSuspension();
            urlKey[i] = ListingData.urlKey(d.url());
        }
        Instant now = rows.get(0).now();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO listing AS l (id, platform, external_id, shop_id, seller_id, title, description, price_minor,
                    currency, market_country, ships_from_country, gtin, image_hashes, url, state, risk_score, signals,
                    brand_id, mentioned_brand_ids, scoring_version, search_text, fingerprint, held_by_shop_suspension,
                    url_key, scored_at, created_at, updated_at)
                SELECT u.id, u.platform, u.external_id, u.shop_id, u.seller_id, u.title, u.description, u.price_minor,
                    u.currency, u.market_country, u.ships_from_country, u.gtin, string_to_array(u.images, ','), u.url,
                    u.state, u.risk_score, u.signals::jsonb, u.brand_id, string_to_array(u.mentions, ',')::uuid[],
                    u.scoring_version, u.search_text, u.fingerprint, u.held, u.url_key, ?, ?, ?
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[],
                            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int4[],
                            ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bool[], ?::text[])
                     AS u(id, platform, external_id, shop_id, seller_id, title, description, price_minor, currency,
                          market_country, ships_from_country, gtin, images, url, state, risk_score, signals, brand_id,
                          mentions, scoring_version, search_text, fingerprint, held, url_key)
                ON CONFLICT (platform, external_id) DO UPDATE SET
                    shop_id = excluded.shop_id, seller_id = excluded.seller_id, title = excluded.title,
                    description = excluded.description, price_minor = excluded.price_minor,
                    currency = excluded.currency, market_country = excluded.market_country,
                    ships_from_country = excluded.ships_from_country, gtin = excluded.gtin,
                    image_hashes = excluded.image_hashes, url = excluded.url, state = excluded.state,
                    risk_score = excluded.risk_score, signals = excluded.signals, brand_id = excluded.brand_id,
                    mentioned_brand_ids = excluded.mentioned_brand_ids, scoring_version = excluded.scoring_version,
                    search_text = excluded.search_text, fingerprint = excluded.fingerprint,
                    held_by_shop_suspension = excluded.held_by_shop_suspension, url_key = excluded.url_key,
                    scored_at = excluded.scored_at, updated_at = excluded.updated_at,
                    removed_at = NULL,
                    version = l.version + 1
                RETURNING l.id, l.platform, l.external_id, (l.xmax = 0) AS inserted
                """)) {
            int p = 1;
            ps.setTimestamp(p++, Timestamp.from(now));
            ps.setTimestamp(p++, Timestamp.from(now));
            ps.setTimestamp(p++, Timestamp.from(now));
            for (Object[] column : List.of(id, platform, externalId, shop, seller, title, description, price, currency,
                    market, shipsFrom, gtin, images, url, state, score, signals, brand, mentions, version, search,
                    fingerprint, held, urlKey)) {
                ps.setArray(p++, c.createArrayOf(sqlType(column), column));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(new Key(rs.getString(2), rs.getString(3)),
                            new Upserted(rs.getObject(1, UUID.class), rs.getBoolean(4)));
                }
            }
        }
        return out;
    }

    private static String sqlType(Object[] column) {
        for (Object o : column) {
            if (o instanceof UUID) {
                return "uuid";
            }
            if (o instanceof Long) {
                return "int8";
            }
            if (o instanceof Integer) {
                return "int4";
            }
            if (o instanceof Boolean) {
                return "bool";
            }
            if (o != null) {
                return "text";
            }
        }
        return "text";
    }

    public void insertTransitions(Connection c, List<Transition> transitions) throws SQLException {
        if (transitions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO listing_transition (id, listing_id, from_state, to_state, actor_subject, actor_role,
                    actor_owner, actor_platform, reason, notice_id, strike_id, statement, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                """)) {
            for (Transition t : transitions) {
                ps.setObject(1, t.id());
                ps.setObject(2, t.listingId());
                ps.setString(3, t.from() == null ? null : t.from().name());
                ps.setString(4, t.to().name());
                ps.setString(5, nz(t.actorSubject()));
                ps.setString(6, nz(t.actorRole()));
                ps.setString(7, nz(t.actorOwner()));
                ps.setString(8, nz(t.actorPlatform()));
                ps.setString(9, t.reason());
                ps.setString(10, t.noticeId());
                ps.setObject(11, t.strikeId());
                ps.setString(12, t.statementJson());
                ps.setTimestamp(13, Timestamp.from(t.at()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** One listing by id, optionally locked for an update in this transaction. */
    public StoredListing find(Connection c, UUID id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM listing l WHERE l.id = ?"
                + (forUpdate ? " FOR UPDATE OF l" : ""))) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    /** Listings by a query selecting {@link #COLUMNS} from listing l. */
    public List<StoredListing> query(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, parameters);
            List<StoredListing> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    /** Binds parameters: arrays of String become text[], of UUID uuid[]; null as a typed null. */
    public static void bind(Connection c, PreparedStatement ps, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p instanceof String[] s) {
                ps.setArray(i + 1, c.createArrayOf("text", s));
            } else if (p instanceof UUID[] u) {
                ps.setArray(i + 1, c.createArrayOf("uuid", u));
            } else if (p instanceof Instant t) {
                ps.setTimestamp(i + 1, Timestamp.from(t));
            } else if (p == null) {
                ps.setNull(i + 1, Types.OTHER);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    public static StoredListing read(ResultSet rs) throws SQLException {
        String gtin = rs.getString("gtin");
        ListingData data = new ListingData(rs.getString("platform"), rs.getString("external_id"),
                rs.getString("shop_id"), rs.getString("seller_id"), rs.getString("title"), rs.getString("description"),
                rs.getLong("price_minor"), rs.getString("currency"), rs.getString("market_country").strip(),
                rs.getString("ships_from_country").strip(), gtin, strings(rs.getArray("image_hashes")),
                rs.getString("url"));
        Timestamp scoredAt = rs.getTimestamp("scored_at");
        UUID brand = rs.getObject("brand_id", UUID.class);
        return new StoredListing(rs.getObject("id", UUID.class), data, ListingState.valueOf(rs.getString("state")),
                rs.getInt("risk_score"), SignalsJson.read(rs.getString("signals")),
                brand == null ? null : brand.toString(), strings(rs.getArray("mentioned_brand_ids")),
                scoredAt == null ? null : scoredAt.toInstant(), rs.getString("scoring_version"),
                strings(rs.getArray("holds")), rs.getBoolean("held_by_shop_suspension"), rs.getInt("consumer_reports"),
                rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("fingerprint"),
                rs.getString("flag_cleared_fingerprint"));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }
}

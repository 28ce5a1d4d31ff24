package io.cloudsword.listing.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.kit.Ids;

/** Shops, strikes and shop events in plain JDBC. */
@ApplicationScoped
public class ShopStore {

    /** A shop on its platform. */
    public record ShopKey(String platform, String shopId) {
    }

    /** What scoring and ingest need to know about a shop. */
    public record ShopFacts(int liveStrikes, boolean suspended) {
        public static final ShopFacts NONE = new ShopFacts(0, false);
    }

    /** Shops known to exist, so a chunk does not insert its shops again (bounded; a miss only costs a no-op insert). */
    private final Set<ShopKey> known = ConcurrentHashMap.newKeySet();

    /** Creates the shops not seen before (ON CONFLICT DO NOTHING), with their seller id. */
    public void ensure(Connection c, Map<ShopKey, String> sellers, Instant now) throws SQLException {
        List<Map.Entry<ShopKey, String>> missing = sellers.entrySet().stream().filter(e -> !known.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(ShopKey::platform)
                        .thenComparing(ShopKey::shopId)))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO shop (id, platform, shop_id, seller_id, created_at, updated_at)
                SELECT u.id, u.platform, u.shop_id, u.seller_id, ?, ?
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) AS u(id, platform, shop_id, seller_id)
                ON CONFLICT (platform, shop_id) DO NOTHING
                """)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setArray(3, c.createArrayOf("uuid", missing.stream().map(e -> UUID.fromString(Ids.newId())).toArray()));
            ps.setArray(4, c.createArrayOf("text", missing.stream().map(e -> e.getKey().platform()).toArray()));
            ps.setArray(5, c.createArrayOf("text", missing.stream().map(e -> e.getKey().shopId()).toArray()));
            ps.setArray(6, c.createArrayOf("text", missing.stream().map(e -> e.getValue() == null ? "" : e.getValue())
                    .toArray()));
            ps.executeUpdate();
        }
        if (known.size() > 100_000) {
            known.clear();
        }
        // remembered once this transaction's insert is visible to others; a rollback only costs a repeated no-op insert
        missing.forEach(e -> known.add(e.getKey()));
    }

    /** Live strikes and suspension of these shops, in one query. */
    public Map<ShopKey, ShopFacts> facts(Connection c, Collection<ShopKey> shops, Instant now) throws SQLException {
        Map<ShopKey, ShopFacts> out = new HashMap<>();
        if (shops.isEmpty()) {
            return out;
        }
        List<ShopKey> keys = new ArrayList<>(shops);
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.platform, s.shop_id, s.suspended_at IS NOT NULL,
                       (SELECT count(*) FROM strike t WHERE t.platform = s.platform AND t.shop_id = s.shop_id
                          AND t.revoked_at IS NULL AND t.expires_at > ?)
                FROM shop s JOIN unnest(?::text[], ?::text[]) AS k(platform, shop_id)
                  ON s.platform = k.platform AND s.shop_id = k.shop_id
                """)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setArray(2, c.createArrayOf("text", keys.stream().map(ShopKey::platform).toArray()));
            ps.setArray(3, c.createArrayOf("text", keys.stream().map(ShopKey::shopId).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(new ShopKey(rs.getString(1), rs.getString(2)), new ShopFacts(rs.getInt(4), rs.getBoolean(3)));
                }
            }
        }
        return out;
    }

    /** The shop row, locked, created first if it was never seen (a shop's first strike may precede its listings). */
    public void lockOrCreate(Connection c, ShopKey key, Instant now) throws SQLException {
        ensure(c, Map.of(key, ""), now);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM shop WHERE platform = ? AND shop_id = ? FOR UPDATE")) {
            ps.setString(1, key.platform());
            ps.setString(2, key.shopId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) { // forgotten by a rolled-back transaction: insert for real
                    known.remove(key);
                    ensure(c, Map.of(key, ""), now);
                }
            }
        }
    }

    private static final String SHOP_COLUMNS = """
            s.id, s.platform, s.shop_id, s.seller_id, s.suspended_at, s.suspension_reason, s.created_at, s.updated_at,
            (SELECT count(*) FROM strike t WHERE t.platform = s.platform AND t.shop_id = s.shop_id
               AND t.revoked_at IS NULL AND t.expires_at > ?) AS live,
            (SELECT count(*) FROM listing l WHERE l.platform = s.platform AND l.shop_id = s.shop_id
               AND l.state IN ('ACTIVE', 'FLAGGED', 'RESTORED')) AS active,
            (SELECT count(*) FROM listing l WHERE l.platform = s.platform AND l.shop_id = s.shop_id
               AND l.state = 'TAKEN_DOWN') AS down
            """;

    public Map<ShopKey, io.cloudsword.listing.domain.Shop> shops(Connection c, Collection<ShopKey> keys, Instant now)
            throws SQLException {
        Map<ShopKey, io.cloudsword.listing.domain.Shop> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        List<ShopKey> list = new ArrayList<>(keys);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SHOP_COLUMNS + """
                FROM shop s JOIN unnest(?::text[], ?::text[]) AS k(platform, shop_id)
                  ON s.platform = k.platform AND s.shop_id = k.shop_id
                """)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setArray(2, c.createArrayOf("text", list.stream().map(ShopKey::platform).toArray()));
            ps.setArray(3, c.createArrayOf("text", list.stream().map(ShopKey::shopId).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp suspended = rs.getTimestamp("suspended_at");
                    int live = rs.getInt("live");
                    out.put(new ShopKey(rs.getString("platform"), rs.getString("shop_id")),
                            new io.cloudsword.listing.domain.Shop(rs.getObject("id", UUID.class), rs.getString("platform"),
                                    rs.getString("shop_id"), rs.getString("seller_id"),
                                    io.cloudsword.listing.domain.Shop.status(suspended != null, live), live,
                                    suspended == null ? null : suspended.toInstant(), rs.getString("suspension_reason"),
                                    rs.getLong("active"), rs.getLong("down"), rs.getTimestamp("created_at").toInstant(),
                                    rs.getTimestamp("updated_at").toInstant()));
                }
            }
        }
        return out;
    }

    private static final String STRIKE_COLUMNS = "id, platform, shop_id, notice_id, listing_id, reason, issued_at, "
            + "expires_at, revoked_at, revoke_reason";

    /** Inserts the strike unless the (shop, notice) already has one; answers the stored strike and whether it is new. */
    public Map.Entry<io.cloudsword.listing.domain.Strike, Boolean> addStrike(Connection c,
            io.cloudsword.listing.domain.Strike s, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO strike (id, platform, shop_id, notice_id, listing_id, reason, issued_at, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, shop_id, notice_id) DO NOTHING
                """)) {
            ps.setObject(1, s.id());
            ps.setString(2, s.platform());
            ps.setString(3, s.shopId());
            ps.setString(4, s.noticeId());
            ps.setString(5, s.listingId());
            ps.setString(6, s.reason());
            ps.setTimestamp(7, Timestamp.from(s.issuedAt()));
            ps.setTimestamp(8, Timestamp.from(s.expiresAt()));
            ps.setTimestamp(9, Timestamp.from(now));
            boolean created = ps.executeUpdate() == 1;
            return Map.entry(strikes(c, "platform = ? AND shop_id = ? AND notice_id = ?", s.platform(), s.shopId(),
                    s.noticeId()).get(0), created);
        }
    }

    public List<io.cloudsword.listing.domain.Strike> strikes(Connection c, String where, Object... parameters)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + STRIKE_COLUMNS + " FROM strike WHERE " + where)) {
            ListingStore.bind(c, ps, parameters);
            List<io.cloudsword.listing.domain.Strike> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp revoked = rs.getTimestamp("revoked_at");
                    out.add(new io.cloudsword.listing.domain.Strike(rs.getObject("id", UUID.class), rs.getString("platform"),
                            rs.getString("shop_id"), rs.getString("notice_id"), rs.getString("listing_id"),
                            rs.getString("reason"), rs.getTimestamp("issued_at").toInstant(),
                            rs.getTimestamp("expires_at").toInstant(), revoked == null ? null : revoked.toInstant(),
                            rs.getString("revoke_reason")));
                }
            }
            return out;
        }
    }

    public int liveStrikes(Connection c, ShopKey key, Instant now) throws SQLException {
        return facts(c, List.of(key), now).getOrDefault(key, ShopFacts.NONE).liveStrikes();
    }

    public void addEvent(Connection c, io.cloudsword.listing.domain.ShopEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO shop_event (id, platform, shop_id, type, strike_id, notice_id, live_strikes_after,
                    listings_affected, actor_subject, actor_role, reason, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            ListingStore.bind(c, ps, e.id(), e.platform(), e.shopId(), e.type().name(), e.strikeId(), e.noticeId(),
                    e.liveStrikesAfter(), e.listingsAffected(), e.actorSubject() == null ? "" : e.actorSubject(),
                    e.actorRole() == null ? "" : e.actorRole(), e.reason() == null ? "" : e.reason(),
                    e.occurredAt());
            ps.executeUpdate();
        }
    }

    public List<io.cloudsword.listing.domain.ShopEvent> events(Connection c, String where, Object... parameters)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, platform, shop_id, type, strike_id, notice_id, live_strikes_after, listings_affected,
                       actor_subject, actor_role, reason, occurred_at FROM shop_event WHERE """ + " " + where)) {
            ListingStore.bind(c, ps, parameters);
            List<io.cloudsword.listing.domain.ShopEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new io.cloudsword.listing.domain.ShopEvent(rs.getObject("id", UUID.class),
                            rs.getString("platform"), rs.getString("shop_id"),
                            io.cloudsword.listing.domain.ShopEvent.Type.valueOf(rs.getString("type")),
                            rs.getObject("strike_id", UUID.class), rs.getString("notice_id"),
                            rs.getInt("live_strikes_after"), rs.getLong("listings_affected"),
                            rs.getString("actor_subject"), rs.getString("actor_role"), rs.getString("reason"),
                            rs.getTimestamp("occurred_at").toInstant()));
                }
            }
            return out;
        }
    }

    public void setSuspended(Connection c, ShopKey key, Instant suspendedAt, String reason, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE shop SET suspended_at = ?, suspension_reason = ?, updated_at = ? WHERE platform = ? AND shop_id = ?")) {
            ListingStore.bind(c, ps, suspendedAt, reason, now, key.platform(), key.shopId());
            ps.executeUpdate();
        }
    }
}

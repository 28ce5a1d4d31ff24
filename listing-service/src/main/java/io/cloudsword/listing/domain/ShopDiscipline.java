package io.cloudsword.listing.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.paging.Page;
import io.cloudsword.listing.repository.ListingStore;
import io.cloudsword.listing.repository.ShopStore;
import io.cloudsword.listing.repository.ShopStore.ShopKey;
import io.cloudsword.kit.jdbc.Transactions;

/**
 * Repeat-infringer rules (DOMAIN.md "Notice and action"): an upheld notice is a strike on the
 * shop, once per notice however often it is delivered; a strike counts for 365 days; 1 and 2 live
 * strikes warn; the 3rd suspends the shop and takes down all its live listings in the same
 * transaction, recorded in the shop's history and in each listing's transitions.
 */
@ApplicationScoped
public class ShopDiscipline {

    private final Transactions tx;
    private final ShopStore shops;
    private final ListingStore listings;
    private final Rescoring rescoring;
    private final Clock clock;
    private final int suspendAt;
    private final Duration strikeLifetime;

    public ShopDiscipline(Transactions tx, ShopStore shops, ListingStore listings, Rescoring rescoring, Clock clock,
            @ConfigProperty(name = "cloudsword.strikes.suspend-at", defaultValue = "3") int suspendAt,
            @ConfigProperty(name = "cloudsword.strikes.lifetime", defaultValue = "P365D") Duration strikeLifetime) {
        this.tx = tx;
        this.shops = shops;
        this.listings = listings;
        this.rescoring = rescoring;
        this.clock = clock;
        this.suspendAt = suspendAt;
        this.strikeLifetime = strikeLifetime;
    }

    /** The result of AddStrike. */
    public record StrikeAdded(Strike strike, boolean created, Shop shop, long listingsTakenDown) {
    }

    /** The result of RevokeStrike. */
    public record StrikeRevoked(Strike strike, Shop shop, boolean changed) {
    }

    /** The result of ReinstateShop. */
    public record Reinstated(Shop shop, long listingsRestored, boolean changed) {
    }

    public static ShopKey key(String platform, String shopId) {
        return new ShopKey(Checks.platform("shop.platform", platform), Checks.text("shop.shop_id", shopId, 200));
    }

    public StrikeAdded addStrike(Caller caller, ShopKey shop, String noticeId, String listingId, String reason,
            Instant issuedAt) {
        caller.requireRole(Caller.SYSTEM, Caller.REVIEWER, Caller.ADMIN);
        ShopKey key = key(shop.platform(), shop.shopId());
        String notice = Checks.text("notice_id", noticeId, 200);
        String why = Checks.optionalText("reason", reason, 2_000);
        String listing = Checks.optionalText("listing_id", listingId, 200);
        Instant now = clock.instant();
        Instant issued = issuedAt == null ? now : issuedAt;
        if (issued.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw DomainException.invalid("issued_at", "IN_THE_FUTURE", "issued_at must not be in the future");
        }
        return tx.inTransaction(c -> {
            shops.lockOrCreate(c, key, now);
            Map.Entry<Strike, Boolean> stored = shops.addStrike(c, new Strike(UUID.fromString(Ids.newId()), key.platform(),
                    key.shopId(), notice, listing, why, issued, issued.plus(strikeLifetime), null, ""), now);
            Strike strike = stored.getKey();
            if (!stored.getValue()) {
                return new StrikeAdded(strike, false, shop(c, key, now), 0);
            }
            int live = shops.liveStrikes(c, key, now);
            shops.addEvent(c, event(key, ShopEvent.Type.STRIKE_ADDED, strike, live, 0, caller,
                    why.isEmpty() ? "strike for upheld notice " + notice : why, now));
            Shop before = shop(c, key, now);
            long takenDown = 0;
            if (live >= suspendAt && before.suspendedAt() == null) {
                String because = "suspended after " + live + " live strikes (threshold " + suspendAt + ")";
                shops.setSuspended(c, key, now, because, now);
                takenDown = takeDownShopListings(c, caller, key, strike.id(), because, now);
                shops.addEvent(c, event(key, ShopEvent.Type.SUSPENDED, strike, live, takenDown, caller, because, now));
            } else if (live > 0 && live < suspendAt) {
                shops.addEvent(c, event(key, ShopEvent.Type.WARNED, strike, live, 0, caller,
                        "warning: " + live + " of " + suspendAt + " live strikes", now));
            }
            rescoreShop(c, key, now);
            return new StrikeAdded(strike, true, shop(c, key, now), takenDown);
        });
    }

    public StrikeRevoked revokeStrike(Caller caller, String strikeId, ShopKey shop, String noticeId, String reason) {
        caller.requireRole(Caller.SYSTEM, Caller.REVIEWER, Caller.ADMIN);
        String why = Checks.text("reason", reason, 2_000);
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            List<Strike> found;
            if (strikeId != null && !strikeId.isBlank()) {
                found = shops.strikes(c, "id = ?", UUID.fromString(Checks.id("strike_id", strikeId)));
            } else {
                if (shop == null) {
                    throw DomainException.invalid("strike_id", "FIELD_REQUIRED", "strike_id, or shop and notice_id, is required");
                }
                ShopKey key = key(shop.platform(), shop.shopId());
                found = shops.strikes(c, "platform = ? AND shop_id = ? AND notice_id = ?", key.platform(), key.shopId(),
                        Checks.text("notice_id", noticeId, 200));
            }
            if (found.isEmpty()) {
                throw DomainException.notFound("strike_id", "STRIKE_NOT_FOUND", "No such strike");
            }
            Strike s = found.get(0);
            ShopKey key = new ShopKey(s.platform(), s.shopId());
            shops.lockOrCreate(c, key, now);
            if (s.revokedAt() != null) {
                return new StrikeRevoked(s, shop(c, key, now), false);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE strike SET revoked_at = ?, revoke_reason = ? WHERE id = ?")) {
                ListingStore.bind(c, ps, now, why, s.id());
                ps.executeUpdate();
            }
            int live = shops.liveStrikes(c, key, now);
            // a suspended shop stays suspended below the threshold until a reviewer reinstates it
            shops.addEvent(c, event(key, ShopEvent.Type.STRIKE_REVOKED, s, live, 0, caller, why, now));
            rescoreShop(c, key, now);
            Strike revoked = shops.strikes(c, "id = ?", s.id()).get(0);
            return new StrikeRevoked(revoked, shop(c, key, now), true);
        });
    }

    public Reinstated reinstate(Caller caller, ShopKey shop, String reason) {
        caller.requireRole(Caller.REVIEWER, Caller.ADMIN);
        ShopKey key = key(shop.platform(), shop.shopId());
        String why = Checks.text("reason", reason, 2_000);
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            Shop before = shop(c, key, now);
            if (before == null) {
                throw DomainException.notFound("shop", "SHOP_NOT_FOUND", "No shop " + key.shopId() + " on " + key.platform());
            }
            if (before.suspendedAt() == null) {
                return new Reinstated(before, 0, false);
            }
            shops.setSuspended(c, key, null, "", now);
            long restored = releaseShopHold(c, caller, key, "shop reinstated: " + why, now);
            shops.addEvent(c, new ShopEvent(UUID.fromString(Ids.newId()), key.platform(), key.shopId(),
                    ShopEvent.Type.REINSTATED, null, null, shops.liveStrikes(c, key, now), restored, caller.subject(),
                    Ingestion.role(caller), why, now));
            return new Reinstated(shop(c, key, now), restored, true);
        });
    }

    /** The shop's live strikes are a signal of each of its listings: score them again. */
    private void rescoreShop(Connection c, ShopKey key, Instant now) throws SQLException {
        rescoring.rescore(c, listings.query(c, "SELECT " + ListingStore.COLUMNS
                + " FROM listing l WHERE l.platform = ? AND l.shop_id = ? ORDER BY l.id FOR UPDATE OF l",
                key.platform(), key.shopId()), Rescoring.RESCORER, now);
    }

    /** Takes down every live listing of the shop and marks all its listings held by the suspension. */
    private long takeDownShopListings(Connection c, Caller caller, ShopKey key, UUID strikeId, String reason, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                WITH target AS (
                    SELECT id, state FROM listing WHERE platform = ? AND shop_id = ? ORDER BY id FOR UPDATE),
                changed AS (
                    UPDATE listing l SET held_by_shop_suspension = true,
                        state = CASE WHEN t.state IN ('ACTIVE', 'FLAGGED', 'RESTORED') THEN 'TAKEN_DOWN' ELSE l.state END,
                        version = l.version + 1, updated_at = ?
                    FROM target t WHERE l.id = t.id
                    RETURNING l.id, t.state AS from_state, l.state AS to_state)
                INSERT INTO listing_transition (id, listing_id, from_state, to_state, actor_subject, actor_role,
                    actor_owner, actor_platform, reason, strike_id, occurred_at)
                SELECT gen_random_uuid(), id, from_state, to_state, ?, ?, ?, ?, ?, ?, ?
                FROM changed WHERE from_state <> to_state
                """)) {
            ListingStore.bind(c, ps, key.platform(), key.shopId(), now, nz(caller.subject()), Ingestion.role(caller),
                    nz(caller.ownerId()), nz(caller.platformId()), reason, strikeId, now);
            return ps.executeUpdate();
        }
    }

    /** Lifts the suspension's hold: listings held by no notice come back RESTORED. */
    private long releaseShopHold(Connection c, Caller caller, ShopKey key, String reason, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                WITH target AS (
                    SELECT id, state FROM listing WHERE platform = ? AND shop_id = ? AND held_by_shop_suspension
                    ORDER BY id FOR UPDATE),
                changed AS (
                    UPDATE listing l SET held_by_shop_suspension = false,
                        state = CASE WHEN t.state = 'TAKEN_DOWN' AND NOT EXISTS (SELECT 1 FROM listing_hold h
                                     WHERE h.listing_id = l.id AND h.released_at IS NULL)
                                THEN 'RESTORED' ELSE l.state END,
                        version = l.version + 1, updated_at = ?
                    FROM target t WHERE l.id = t.id
                    RETURNING l.id, t.state AS from_state, l.state AS to_state)
                INSERT INTO listing_transition (id, listing_id, from_state, to_state, actor_subject, actor_role,
                    actor_owner, actor_platform, reason, occurred_at)
                SELECT gen_random_uuid(), id, from_state, to_state, ?, ?, ?, ?, ?, ?
                FROM changed WHERE from_state <> to_state
                """)) {
            ListingStore.bind(c, ps, key.platform(), key.shopId(), now, nz(caller.subject()), Ingestion.role(caller),
                    nz(caller.ownerId()), nz(caller.platformId()), reason, now);
            return ps.executeUpdate();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static ShopEvent event(ShopKey key, ShopEvent.Type type, Strike strike, int live, long affected,
            Caller caller, String reason, Instant now) {
        return new ShopEvent(UUID.fromString(Ids.newId()), key.platform(), key.shopId(), type, strike.id(),
                strike.noticeId(), live, affected, caller.subject(), Ingestion.role(caller), reason, now);
    }

    private Shop shop(Connection c, ShopKey key, Instant now) throws SQLException {
        return shops.shops(c, List.of(key), now).get(key);
    }

    // ----- reads

    /** Shops are seen by their platform's partner, rights owners, customs, staff and services. */
    static void requireShopReader(Caller caller, String platform) {
        caller.requireRole(Caller.PLATFORM_PARTNER, Caller.RIGHTS_OWNER, Caller.CUSTOMS, Caller.REVIEWER, Caller.ADMIN,
                Caller.SYSTEM);
        if (caller.hasRole(Caller.PLATFORM_PARTNER) && !caller.isStaff() && !caller.hasRole(Caller.SYSTEM)
                && !caller.hasRole(Caller.RIGHTS_OWNER) && !caller.hasRole(Caller.CUSTOMS)) {
            caller.requireActsForPlatform(platform);
        }
    }

    public Shop get(Caller caller, ShopKey shop) {
        ShopKey key = key(shop.platform(), shop.shopId());
        requireShopReader(caller, key.platform());
        Shop found = tx.read(c -> shop(c, key, clock.instant()));
        if (found == null) {
            throw DomainException.notFound("shop", "SHOP_NOT_FOUND", "No shop " + key.shopId() + " on " + key.platform());
        }
        return found;
    }

    /** One lookup per key in order: the shop, null when unknown, or the key's own error. */
    public record ShopLookup(ShopKey key, Shop shop, DomainException error) {
    }

    public List<ShopLookup> batchGet(Caller caller, List<ShopKey> keys) {
        caller.requireRole(Caller.PLATFORM_PARTNER, Caller.RIGHTS_OWNER, Caller.CUSTOMS, Caller.REVIEWER, Caller.ADMIN,
                Caller.SYSTEM);
        if (keys.size() > 500) {
            throw DomainException.invalid("shops", "TOO_MANY_ITEMS", "At most 500 shops per call, got " + keys.size());
        }
        // each key normalized, or its own refusal (a malformed key, another platform's shop)
        Object[] checked = new Object[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            try {
                ShopKey k = key(keys.get(i).platform(), keys.get(i).shopId());
                requireShopReader(caller, k.platform());
                checked[i] = k;
            } catch (DomainException e) {
                checked[i] = e;
            }
        }
        Map<ShopKey, Shop> found = tx.read(c -> shops.shops(c, java.util.Arrays.stream(checked)
                .filter(ShopKey.class::isInstance).map(ShopKey.class::cast).toList(), clock.instant()));
        List<ShopLookup> out = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            out.add(checked[i] instanceof ShopKey k ? new ShopLookup(keys.get(i), found.get(k), null)
                    : new ShopLookup(keys.get(i), null, (DomainException) checked[i]));
        }
        return out;
    }

    public Page.Slice<Strike> strikes(Caller caller, ShopKey shop, boolean includeInactive, Page page) {
        ShopKey key = key(shop.platform(), shop.shopId());
        requireShopReader(caller, key.platform());
        Instant now = clock.instant();
        List<Strike> rows = tx.read(c -> {
            List<Object> params = new ArrayList<>(List.of(key.platform(), key.shopId()));
            String where = "platform = ? AND shop_id = ?";
            if (!includeInactive) {
                where += " AND revoked_at IS NULL AND expires_at > ?";
                params.add(now);
            }
            if (!page.first()) {
                where += " AND (issued_at, id) < (?, ?)";
                params.add(Instant.parse(page.after().get(0)));
                params.add(UUID.fromString(page.after().get(1)));
            }
            params.add(page.size() + 1);
            return shops.strikes(c, where + " ORDER BY issued_at DESC, id DESC LIMIT ?", params.toArray());
        });
        return page.slice(rows);
    }

    public Page.Slice<ShopEvent> events(Caller caller, ShopKey shop, Page page) {
        ShopKey key = key(shop.platform(), shop.shopId());
        requireShopReader(caller, key.platform());
        List<ShopEvent> rows = tx.read(c -> {
            List<Object> params = new ArrayList<>(List.of(key.platform(), key.shopId()));
            String where = "platform = ? AND shop_id = ?";
            if (!page.first()) {
                where += " AND (occurred_at, id) > (?, ?)";
                params.add(Instant.parse(page.after().get(0)));
                params.add(UUID.fromString(page.after().get(1)));
            }
            params.add(page.size() + 1);
            return shops.events(c, where + " ORDER BY occurred_at, id LIMIT ?", params.toArray());
        });
        return page.slice(rows);
    }

    /** Cursor queries and keys: the adapter parses pages with these and builds end cursors from the last item. */
    public static final String STRIKES = "strikes";
    public static final String EVENTS = "shop-events";

    public static String cursor(Strike s) {
        return Page.cursor(STRIKES, s.issuedAt().toString(), s.id().toString());
    }

    public static String cursor(ShopEvent e) {
        return Page.cursor(EVENTS, e.occurredAt().toString(), e.id().toString());
    }
}

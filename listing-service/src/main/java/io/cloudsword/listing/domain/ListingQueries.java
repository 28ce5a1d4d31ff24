package io.cloudsword.listing.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.paging.Page;
import io.cloudsword.listing.brand.BrandFacts;
import io.cloudsword.listing.repository.ListingStore;
import io.cloudsword.kit.jdbc.Transactions;
import io.cloudsword.listing.scoring.Lexicon;

/**
 * Reading listings: by id, by key in batches, search with keyset pagination, and their
 * transitions. Who sees what: staff, services and customs see every listing; a platform partner
 * (and a reviewer whose token names a platform) its platform's; a rights owner those scored
 * against or mentioning its brands.
 */
@ApplicationScoped
public class ListingQueries {

    public static final int MAX_BATCH = 500;

    private final Transactions tx;
    private final ListingStore listings;
    private final BrandFacts brands;

    public ListingQueries(Transactions tx, ListingStore listings, BrandFacts brands) {
        this.tx = tx;
        this.listings = listings;
        this.brands = brands;
    }

    static void requireReader(Caller caller) {
        caller.requireRole(Caller.PLATFORM_PARTNER, Caller.RIGHTS_OWNER, Caller.CUSTOMS, Caller.REVIEWER, Caller.ADMIN,
                Caller.SYSTEM);
    }

    /** Platform a caller is confined to, or null when it sees every platform. */
    private static String confinedPlatform(Caller caller) {
        if (caller.hasRole(Caller.ADMIN) || caller.hasRole(Caller.SYSTEM) || caller.hasRole(Caller.CUSTOMS)) {
            return null;
        }
        if (caller.hasRole(Caller.REVIEWER) || caller.hasRole(Caller.PLATFORM_PARTNER)) {
            return caller.platformId() == null && caller.hasRole(Caller.REVIEWER) ? null
                    : caller.platformId() == null ? "" : caller.platformId();
        }
        return null;
    }

    /** Brands a caller is confined to (a rights owner), or null when not confined by brand. */
    private Set<String> confinedBrands(Caller caller) {
        if (caller.hasRole(Caller.RIGHTS_OWNER) && !caller.isStaff() && !caller.hasRole(Caller.SYSTEM)
                && !caller.hasRole(Caller.CUSTOMS) && !caller.hasRole(Caller.PLATFORM_PARTNER)) {
            return caller.ownerId() == null ? Set.of() : brands.brandsOwnedBy(caller.ownerId());
        }
        return null;
    }

    boolean maySee(Caller caller, StoredListing l) {
        String platform = confinedPlatform(caller);
        if (platform != null && !platform.equalsIgnoreCase(l.data().platform())) {
            return false;
        }
        Set<String> owned = confinedBrands(caller);
        if (owned != null) {
            return (l.brandId() != null && owned.contains(l.brandId()))
                    || l.mentionedBrandIds().stream().anyMatch(owned::contains);
        }
        return true;
    }

    public StoredListing get(Caller caller, String id) {
        requireReader(caller);
        UUID listingId = Moderation.listingId(id);
        StoredListing l = tx.read(c -> listings.find(c, listingId, false));
        if (l == null) {
            throw DomainException.notFound("id", "LISTING_NOT_FOUND", "No listing with id " + id);
        }
        if (!maySee(caller, l)) {
            throw DomainException.forbidden("NOT_OWNER", "This listing belongs to a platform or brand the caller does not act for");
        }
        return l;
    }

    /** A listing key: exactly one of id, (platform, external id) or URL. */
    public record Key(String id, String platform, String externalId, String url) {
    }

    /** One answer of a batch lookup: the listing (null when absent or not visible), or the key's error. */
    public record Lookup(Key key, StoredListing listing, DomainException error) {
    }

    public List<Lookup> batchGet(Caller caller, List<Key> keys) {
        requireReader(caller);
        if (keys.size() > MAX_BATCH) {
            throw DomainException.invalid("keys", "TOO_MANY_ITEMS", "At most " + MAX_BATCH + " keys per call, got "
                    + keys.size());
        }
        List<Lookup> out = new ArrayList<>(keys.size());
        Set<UUID> ids = new LinkedHashSet<>();
        Set<ListingStore.Key> externals = new LinkedHashSet<>();
        Set<String> urls = new LinkedHashSet<>();
        Object[] normalized = new Object[keys.size()];
        DomainException[] errors = new DomainException[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            Key k = keys.get(i);
            String field = "keys[" + i + "]";
            try {
                if (k.id() != null && !k.id().isEmpty()) {
                    UUID id;
                    try {
                        id = UUID.fromString(Checks.id(field + ".id", k.id()));
                    } catch (IllegalArgumentException e) {
                        throw DomainException.invalid(field + ".id", "INVALID_ID", field + ".id is not a listing id");
                    }
                    ids.add(id);
                    normalized[i] = id;
                } else if (k.url() != null && !k.url().isEmpty()) {
                    String url = ListingData.urlKey(k.url());
                    if (url == null) {
                        throw DomainException.invalid(field + ".url", "INVALID_URL", field + ".url is not an http(s) URL");
                    }
                    urls.add(url);
                    normalized[i] = url;
                } else if (k.platform() != null || k.externalId() != null) {
                    ListingStore.Key key = new ListingStore.Key(Checks.platform(field + ".external.platform", k.platform()),
                            Checks.text(field + ".external.external_id", k.externalId(), ListingData.MAX_EXTERNAL_ID));
                    externals.add(key);
                    normalized[i] = key;
                } else {
                    throw DomainException.invalid(field, "FIELD_REQUIRED", field + " needs an id, an external key or a url");
                }
            } catch (DomainException e) {
                errors[i] = e;
            }
        }
        Map<Object, StoredListing> found = tx.read(c -> {
            Map<Object, StoredListing> m = new HashMap<>();
            if (!ids.isEmpty()) {
                for (StoredListing l : listings.query(c, "SELECT " + ListingStore.COLUMNS
                        + " FROM listing l WHERE l.id = ANY(?)", (Object) ids.toArray(UUID[]::new))) {
                    m.put(l.id(), l);
                }
            }
            if (!externals.isEmpty()) {
                for (StoredListing l : listings.query(c, "SELECT " + ListingStore.COLUMNS
                        + " FROM listing l JOIN unnest(?::text[], ?::text[]) AS k(platform, external_id)"
                        + " ON l.platform = k.platform AND l.external_id = k.external_id",
                        externals.stream().map(ListingStore.Key::platform).toArray(String[]::new),
                        externals.stream().map(ListingStore.Key::externalId).toArray(String[]::new))) {
                    m.put(new ListingStore.Key(l.data().platform(), l.data().externalId()), l);
                }
            }
            if (!urls.isEmpty()) {
                for (StoredListing l : listings.query(c, "SELECT " + ListingStore.COLUMNS
                        + ", l.url_key FROM listing l WHERE l.url_key = ANY(?) ORDER BY l.updated_at DESC",
                        (Object) urls.toArray(String[]::new))) {
                    m.putIfAbsent(ListingData.urlKey(l.data().url()), l);
                }
            }
            return m;
        });
        for (int i = 0; i < keys.size(); i++) {
            StoredListing l = errors[i] == null ? found.get(normalized[i]) : null;
            out.add(new Lookup(keys.get(i), l != null && maySee(caller, l) ? l : null, errors[i]));
        }
        return out;
    }

    /** Orders of a search. */
    public enum Order {
        UPDATED_AT_DESC, RISK_SCORE_DESC, CREATED_AT_DESC
    }

    /** A search's filters; empty strings and nulls mean "any". */
    public record Search(String platform, String shopId, String brandId, Set<ListingState> states, Integer minRiskScore,
            String text, Order order) {
    }

    /** A page of search results and the cursor after its last listing. */
    public record SearchPage(List<StoredListing> listings, boolean hasNextPage, String endCursor) {
    }

    public SearchPage search(Caller caller, Search s, int first, String after) {
        requireReader(caller);
        Order order = s.order() == null ? Order.UPDATED_AT_DESC : s.order();
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        String platform = s.platform() == null || s.platform().isEmpty() ? null : Checks.platform("platform", s.platform());
        String confined = confinedPlatform(caller);
        if (confined != null) {
            if (platform != null && !platform.equalsIgnoreCase(confined)) {
                throw DomainException.forbidden("NOT_OWNER", "A platform partner or reviewer searches its own platform only");
            }
            platform = confined;
        }
        if (platform != null) {
            where.add("l.platform = ?");
            params.add(platform);
        }
        if (s.shopId() != null && !s.shopId().isEmpty()) {
            if (platform == null) {
                throw DomainException.invalid("shop_id", "FIELD_REQUIRED", "shop_id needs platform");
            }
            where.add("l.shop_id = ?");
            params.add(Checks.text("shop_id", s.shopId(), 200));
        }
        Set<String> owned = confinedBrands(caller);
        if (s.brandId() != null && !s.brandId().isEmpty()) {
            UUID brand;
            try {
                brand = UUID.fromString(Checks.id("brand_id", s.brandId()));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("brand_id", "INVALID_ID", "brand_id is not a brand id");
            }
            if (owned != null && !owned.contains(brand.toString())) {
                throw DomainException.forbidden("NOT_OWNER", "A rights owner searches listings of its own brands only");
            }
            where.add("(l.brand_id = ? OR l.mentioned_brand_ids @> ARRAY[?]::uuid[])");
            params.add(brand);
            params.add(brand);
        } else if (owned != null) {
            UUID[] brandIds = owned.stream().map(UUID::fromString).toArray(UUID[]::new);
            where.add("(l.brand_id = ANY(?) OR l.mentioned_brand_ids && ?::uuid[])");
            params.add(brandIds);
            params.add(brandIds);
        }
        if (s.states() != null && !s.states().isEmpty()) {
            where.add("l.state = ANY(?)");
            params.add(s.states().stream().map(Enum::name).toArray(String[]::new));
        }
        if (s.minRiskScore() != null) {
            if (s.minRiskScore() < 0 || s.minRiskScore() > 100) {
                throw DomainException.invalid("min_risk_score", "OUT_OF_RANGE", "min_risk_score must be 0..100");
            }
            where.add("l.risk_score >= ?");
            params.add(s.minRiskScore());
        }
        if (s.text() != null && !s.text().isBlank()) {
            String folded = Lexicon.fold(Checks.text("text", s.text(), 200));
            where.add("l.search_text LIKE ? ESCAPE '\\'");
            params.add("%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        // a cursor belongs to one order and one set of filters
        String query = "listings-" + order + "-" + Integer.toHexString(List.of(String.valueOf(platform),
                String.valueOf(s.shopId()), String.valueOf(s.brandId()), String.valueOf(s.states()),
                String.valueOf(s.minRiskScore()), String.valueOf(s.text())).hashCode());
        int keys = order == Order.RISK_SCORE_DESC ? 3 : 2;
        Page page = Page.of(first, after, query, keys);
        String sortColumn = order == Order.CREATED_AT_DESC ? "l.created_at" : "l.updated_at";
        if (!page.first()) {
            try {
                if (order == Order.RISK_SCORE_DESC) {
                    where.add("(l.risk_score, l.updated_at, l.id) < (?, ?, ?)");
                    params.add(Integer.parseInt(page.after().get(0)));
                    params.add(Instant.parse(page.after().get(1)));
                    params.add(UUID.fromString(page.after().get(2)));
                } else {
                    where.add("(" + sortColumn + ", l.id) < (?, ?)");
                    params.add(Instant.parse(page.after().get(0)));
                    params.add(UUID.fromString(page.after().get(1)));
                }
            } catch (RuntimeException e) {
                throw DomainException.invalid("page.after", "INVALID_CURSOR", "page.after is not a cursor this service issued");
            }
        }
        String orderBy = order == Order.RISK_SCORE_DESC ? "l.risk_score DESC, l.updated_at DESC, l.id DESC"
                : sortColumn + " DESC, l.id DESC";
        params.add(page.size() + 1);
        String sql = "SELECT " + ListingStore.COLUMNS + " FROM listing l"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY " + orderBy + " LIMIT ?";
        Page.Slice<StoredListing> slice = page.slice(tx.read(c -> listings.query(c, sql, params.toArray())));
        StoredListing last = slice.last();
        String end = last == null ? "" : order == Order.RISK_SCORE_DESC
                ? Page.cursor(query, Integer.toString(last.riskScore()), last.updatedAt().toString(), last.id().toString())
                : Page.cursor(query, (order == Order.CREATED_AT_DESC ? last.createdAt() : last.updatedAt()).toString(),
                        last.id().toString());
        return new SearchPage(slice.items(), slice.hasNextPage(), end);
    }

    /** A listing's transitions, oldest first. */
    public Page.Slice<ListingStore.Transition> transitions(Caller caller, String listingId, Page page) {
        StoredListing l = get(caller, listingId);
        return page.slice(tx.read(c -> {
            String sql = "SELECT " + TRANSITION_COLUMNS + " FROM listing_transition t WHERE t.listing_id = ?"
                    + (page.first() ? "" : " AND (t.occurred_at, t.id) > (?, ?)") + " ORDER BY t.occurred_at, t.id LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                List<Object> params = new ArrayList<>(List.of(l.id()));
                if (!page.first()) {
                    params.add(Instant.parse(page.after().get(0)));
                    params.add(UUID.fromString(page.after().get(1)));
                }
                params.add(page.size() + 1);
                ListingStore.bind(c, ps, params.toArray());
                List<ListingStore.Transition> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(transition(rs));
                    }
                }
                return out;
            }
        }));
    }

    private static final String TRANSITION_COLUMNS = """
            t.id, t.listing_id, t.from_state, t.to_state, t.actor_subject, t.actor_role, t.actor_owner,
            t.actor_platform, t.reason, t.notice_id, t.strike_id, t.statement::text AS statement, t.occurred_at""";

    private static ListingStore.Transition transition(ResultSet rs) throws java.sql.SQLException {
        String from = rs.getString("from_state");
        return new ListingStore.Transition(rs.getObject("id", UUID.class), rs.getObject("listing_id", UUID.class),
                from == null ? null : ListingState.valueOf(from), ListingState.valueOf(rs.getString("to_state")),
                rs.getString("actor_subject"), rs.getString("actor_role"), rs.getString("actor_owner"),
                rs.getString("actor_platform"), rs.getString("reason"), rs.getString("notice_id"),
                rs.getObject("strike_id", UUID.class), rs.getString("statement"),
                rs.getTimestamp("occurred_at").toInstant());
    }

    // ----- first pages of many parents at once (the gateway's nested fields over a page of parents)

    /** Most parents one batch call takes, and most items per parent. */
    public static final int MAX_PARENTS = 500;
    public static final int MAX_PER_PARENT = 50;
    static final int DEFAULT_PER_PARENT = 10;

    /** The first items of one parent, whether more exist, or the parent's error. */
    public record FirstPage<T>(List<T> items, boolean hasMore, DomainException error) {
    }

    private static int perParent(String field, int first) {
        if (first < 0 || first > MAX_PER_PARENT) {
            throw DomainException.invalid(field, "OUT_OF_RANGE", field + " must be 1.." + MAX_PER_PARENT + " (0 = "
                    + DEFAULT_PER_PARENT + "), got " + first);
        }
        return first == 0 ? DEFAULT_PER_PARENT : first;
    }

    private static void parentCount(String field, List<String> ids) {
        if (ids.isEmpty()) {
            throw DomainException.invalid(field, "FIELD_REQUIRED", field + " needs at least one id");
        }
        if (ids.size() > MAX_PARENTS) {
            throw DomainException.invalid(field, "TOO_MANY_ITEMS", "At most " + MAX_PARENTS + " ids per call, got "
                    + ids.size());
        }
    }

    /** Parses ids[i] as UUIDs; a malformed one gets its error in {@code errors[i]} and a null here. */
    private static UUID[] parseIds(String field, List<String> ids, String what, DomainException[] errors) {
        UUID[] out = new UUID[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            try {
                out[i] = UUID.fromString(Checks.id(field + "[" + i + "]", ids.get(i)));
            } catch (IllegalArgumentException e) {
                errors[i] = DomainException.invalid(field + "[" + i + "]", "INVALID_ID", field + "[" + i + "] is not a "
                        + what + " id");
            } catch (DomainException e) {
                errors[i] = e;
            }
        }
        return out;
    }

    /**
     * The highest-scored listings of each brand (scored against it or mentioning it) that the caller
     * may see, in one statement for all brands: a platform partner sees its platform's, a rights owner
     * those of its own brands, as in {@link #search}.
     */
    public List<FirstPage<StoredListing>> firstListingsOfBrands(Caller caller, List<String> brandIds, int first) {
        requireReader(caller);
        parentCount("brand_ids", brandIds);
        int size = perParent("first_per_brand", first);
        DomainException[] errors = new DomainException[brandIds.size()];
        UUID[] brands = parseIds("brand_ids", brandIds, "brand", errors);
        List<String> visible = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        params.add(brands);
        String platform = confinedPlatform(caller);
        if (platform != null) {
            visible.add(" AND l.platform = ?");
            params.add(platform);
        }
        Set<String> owned = confinedBrands(caller);
        if (owned != null) {
            UUID[] ownedIds = owned.stream().map(UUID::fromString).toArray(UUID[]::new);
            visible.add(" AND (l.brand_id = ANY(?) OR l.mentioned_brand_ids && ?::uuid[])");
            params.add(ownedIds);
            params.add(ownedIds);
        }
        params.add(size + 1);
        // one LATERAL per brand, each an index walk of that brand's listings, best scored first
        String sql = "SELECT k.ord, " + ListingStore.COLUMNS + " FROM unnest(?::uuid[]) WITH ORDINALITY AS k(brand, ord)"
                + " CROSS JOIN LATERAL (SELECT * FROM listing l WHERE (l.brand_id = k.brand"
                + " OR l.mentioned_brand_ids @> ARRAY[k.brand])" + String.join("", visible)
                + " ORDER BY l.risk_score DESC, l.updated_at DESC, l.id DESC LIMIT ?) l WHERE k.brand IS NOT NULL"
                + " ORDER BY k.ord, l.risk_score DESC, l.updated_at DESC, l.id DESC";
        List<List<StoredListing>> rows = tx.read(c -> {
            List<List<StoredListing>> byBrand = emptyLists(brandIds.size());
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ListingStore.bind(c, ps, params.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byBrand.get(rs.getInt("ord") - 1).add(ListingStore.read(rs));
                    }
                }
            }
            return byBrand;
        });
        return firstPages(rows, errors, size);
    }

    /** The first transitions of each listing, oldest first, in one statement for all listings. */
    public List<FirstPage<ListingStore.Transition>> firstTransitionsOfListings(Caller caller, List<String> listingIds,
            int first) {
        requireReader(caller);
        parentCount("listing_ids", listingIds);
        int size = perParent("first_per_listing", first);
        DomainException[] errors = new DomainException[listingIds.size()];
        UUID[] ids = parseIds("listing_ids", listingIds, "listing", errors);
        String sql = "SELECT k.ord, " + TRANSITION_COLUMNS + " FROM unnest(?::uuid[]) WITH ORDINALITY AS k(listing, ord)"
                + " CROSS JOIN LATERAL (SELECT * FROM listing_transition t WHERE t.listing_id = k.listing"
                + " ORDER BY t.occurred_at, t.id LIMIT ?) t WHERE k.listing IS NOT NULL ORDER BY k.ord, t.occurred_at, t.id";
        List<List<ListingStore.Transition>> rows = tx.read(c -> {
            // a listing the caller may not see answers NOT_FOUND, as if it did not exist
            List<StoredListing> found = listings.query(c, "SELECT " + ListingStore.COLUMNS
                    + " FROM listing l WHERE l.id = ANY(?)", (Object) ids);
            Set<UUID> visible = new java.util.HashSet<>();
            for (StoredListing l : found) {
                if (maySee(caller, l)) {
                    visible.add(l.id());
                }
            }
            for (int i = 0; i < ids.length; i++) {
                if (errors[i] == null && !visible.contains(ids[i])) {
                    errors[i] = DomainException.notFound("listing_ids[" + i + "]", "LISTING_NOT_FOUND",
                            "No listing with id " + listingIds.get(i));
                }
            }
            List<List<ListingStore.Transition>> byListing = emptyLists(listingIds.size());
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ListingStore.bind(c, ps, ids, size + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byListing.get(rs.getInt("ord") - 1).add(transition(rs));
                    }
                }
            }
            return byListing;
        });
        return firstPages(rows, errors, size);
    }

    private static <T> List<List<T>> emptyLists(int n) {
        List<List<T>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        return out;
    }

    /** Each parent's rows were fetched with one extra to tell whether more exist. */
    private static <T> List<FirstPage<T>> firstPages(List<List<T>> rows, DomainException[] errors, int size) {
        List<FirstPage<T>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<T> r = rows.get(i);
            out.add(errors[i] != null ? new FirstPage<>(List.of(), false, errors[i])
                    : new FirstPage<>(List.copyOf(r.subList(0, Math.min(size, r.size()))), r.size() > size, null));
        }
        return out;
    }

    public static final String TRANSITIONS = "listing-transitions";

    public static String cursor(ListingStore.Transition t) {
        return Page.cursor(TRANSITIONS, t.at().toString(), t.id().toString());
    }
}

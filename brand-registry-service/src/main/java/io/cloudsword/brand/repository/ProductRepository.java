package io.cloudsword.brand.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.brand.domain.Product;
import io.cloudsword.kit.paging.Page;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, UUID> {

    private static final String BY_GTINS = "SELECT id, brand_id, owner_id, gtin, name, hs_code, msrps, image_hashes,"
            + " created_at, updated_at FROM product WHERE gtin = ANY($1::text[])";

    /**
     * The longest GS1 company prefix of each GTIN-14, matched against digits 2..13 (the indicator
     * digit skipped); candidates are that string's leading 6..12 digits, each an index lookup.
     */
    private static final String OWNERS = "SELECT k.gtin, p.prefix, p.brand_id, b.owner_id,"
            + " EXISTS (SELECT 1 FROM product pr WHERE pr.gtin = k.gtin AND pr.brand_id = p.brand_id) AS registered"
            + " FROM unnest($1::text[]) AS k(gtin)"
            + " JOIN LATERAL (SELECT g.prefix, g.brand_id FROM gs1_prefix g WHERE g.prefix IN (substr(k.gtin, 2, 6),"
            + " substr(k.gtin, 2, 7), substr(k.gtin, 2, 8), substr(k.gtin, 2, 9), substr(k.gtin, 2, 10),"
            + " substr(k.gtin, 2, 11), substr(k.gtin, 2, 12)) ORDER BY length(g.prefix) DESC LIMIT 1) p ON true"
            + " JOIN brand b ON b.id = p.brand_id";

    /**
     * The first products of each brand of a batch in one statement, as for trademarks in
     * TrademarkRepository: the lateral ORDER BY gtin LIMIT is exactly product_brand_gtin_idx
     * (brand_id, gtin), one short ordered index range per brand without relying on statistics.
     */
    private static final String FIRST_OF_BRANDS = "SELECT k.brand_id AS requested_brand_id, p.id, p.brand_id,"
            + " p.owner_id, p.gtin, p.name, p.hs_code, p.msrps, p.image_hashes, p.created_at, p.updated_at"
            + " FROM unnest($1::uuid[]) WITH ORDINALITY AS k(brand_id, ord)"
            + " JOIN brand b ON b.id = k.brand_id"
            + " LEFT JOIN LATERAL (SELECT x.* FROM product x WHERE x.brand_id = k.brand_id"
            + " ORDER BY x.gtin LIMIT $2) p ON true"
            + " ORDER BY k.ord, p.gtin";

    private final Pool pool;

    public ProductRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Product> findByGtin(String gtin14) {
        return find("gtin", gtin14).firstResult();
    }

    /**
     * The hot path of BatchGetProductsByGtin: one statement for the whole batch, rows read
     * straight into detached products (no session, no entity tracking).
     */
    public Uni<List<Product>> findByGtins(List<String> gtin14s) {
        if (gtin14s.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(BY_GTINS).execute(Tuple.of(gtin14s.toArray(new String[0]))).map(rows -> {
            List<Product> out = new ArrayList<>(rows.size());
            for (Row r : rows) {
                out.add(product(r));
            }
            return out;
        });
    }

    /**
     * BatchListBrandProducts: up to {@code limit} products of each brand, by GTIN (ListProducts
     * order), in one statement for the whole batch, read into detached products. Every existing
     * brand is a key (an empty list when it has no products); an unknown brand is absent.
     */
    public Uni<Map<UUID, List<Product>>> firstOfBrands(List<UUID> brandIds, int limit) {
        if (brandIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery(FIRST_OF_BRANDS).execute(Tuple.of(brandIds.toArray(new UUID[0]), limit))
                .map(rows -> {
                    Map<UUID, List<Product>> out = new LinkedHashMap<>();
                    for (Row r : rows) {
                        List<Product> products = out.computeIfAbsent(r.getUUID("requested_brand_id"),
                                k -> new ArrayList<>());
                        if (r.getUUID("id") != null) {
                            products.add(product(r));
                        }
                    }
                    return out;
                });
    }

    private static Product product(Row r) {
        Product p = new Product();
        p.id = r.getUUID("id");
        p.brandId = r.getUUID("brand_id");
        p.ownerId = r.getUUID("owner_id");
        p.gtin = r.getString("gtin");
        p.name = r.getString("name");
        p.hsCode = r.getString("hs_code");
        p.msrps = List.of(r.getArrayOfStrings("msrps"));
        p.imageHashes = List.of(r.getArrayOfStrings("image_hashes"));
        p.createdAt = r.getOffsetDateTime("created_at").toInstant();
        p.updatedAt = r.getOffsetDateTime("updated_at").toInstant();
        return p;
    }

    /** The owner of each GTIN-14 that has one (by longest prefix), in one statement. */
    public Uni<Map<String, Owner>> owners(List<String> gtin14s) {
        if (gtin14s.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery(OWNERS).execute(Tuple.of(gtin14s.toArray(new String[0]))).map(rows -> {
            Map<String, Owner> out = new LinkedHashMap<>();
            for (Row r : rows) {
                out.put(r.getString("gtin"), new Owner(r.getString("prefix"), r.getUUID("brand_id"),
                        r.getUUID("owner_id"), r.getBoolean("registered")));
            }
            return out;
        });
    }

    public record Owner(String prefix, UUID brandId, UUID ownerId, boolean registeredProduct) {
    }

    /** One page (plus one row) ordered by GTIN. */
    public Uni<List<Product>> list(Query q, Page page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (q.brandId() != null) {
            where.add("brandId = :brand");
            params.and("brand", q.brandId());
        }
        if (q.ownerId() != null) {
            where.add("ownerId = :owner");
            params.and("owner", q.ownerId());
        }
        if (!q.nameKey().isEmpty()) {
            where.add("nameKey like :name");
            params.and("name", "%" + q.nameKey().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (!q.hsCodePrefix().isEmpty()) {
            where.add("hsCode like :hs");
            params.and("hs", q.hsCodePrefix() + "%");
        }
        if (!page.first()) {
            where.add("gtin > :after");
            params.and("after", page.after().get(0));
        }
        String query = (where.isEmpty() ? "" : "where " + String.join(" and ", where) + " ") + "order by gtin";
        return find(query, params).page(0, page.size() + 1).list();
    }

    /** Filters of ListProducts; null or empty = any. */
    public record Query(UUID brandId, UUID ownerId, String nameKey, String hsCodePrefix) {
    }
}

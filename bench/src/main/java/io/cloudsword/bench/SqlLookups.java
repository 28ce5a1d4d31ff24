package io.cloudsword.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudsword.api.brand.v1.SellerAuthorizationBasis;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.PreparedQuery;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The baseline of the brand-lookup benchmark: the same lookups as plain SQL through a bare
 * reactive PostgreSQL pool straight on brand-registry-service's database, with no gRPC, no
 * authentication, no ORM and no mapping to messages beyond what an answer needs. The ratio
 * service / baseline is what the service's layers cost on top of the queries themselves.
 */
final class SqlLookups {

    static final String PRODUCTS_BY_GTIN = "SELECT gtin, brand_id, owner_id, name, hs_code, msrps, image_hashes "
            + "FROM product WHERE gtin = ANY($1)";

    /** Flags rather than timestamps, so the query does not depend on how the columns are typed. */
    static final String IS_AUTHORIZED = "SELECT b.exclusive_distribution, s.brand_id IS NOT NULL AS listed, "
            + "(cardinality(s.territories) = 0 OR $4 = ANY(s.territories)) AS in_territory, "
            + "(s.valid_from <= now() AND (s.valid_until IS NULL OR s.valid_until > now())) AS in_window "
            + "FROM brand b LEFT JOIN authorized_seller s "
            + "ON s.brand_id = b.id AND s.platform = $2 AND s.shop_id = $3 AND s.removed_at IS NULL "
            + "WHERE b.id = $1";

    static final String BATCH_IS_AUTHORIZED = "SELECT q.i, b.id IS NOT NULL AS brand_found, b.exclusive_distribution, "
            + "s.brand_id IS NOT NULL AS listed, "
            + "(cardinality(s.territories) = 0 OR q.country = ANY(s.territories)) AS in_territory, "
            + "(s.valid_from <= now() AND (s.valid_until IS NULL OR s.valid_until > now())) AS in_window "
            + "FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY "
            + "AS q(brand_id, platform, shop_id, country, i) "
            + "LEFT JOIN brand b ON b.id = q.brand_id "
            + "LEFT JOIN authorized_seller s ON s.brand_id = q.brand_id AND s.platform = q.platform "
            + "AND s.shop_id = q.shop_id AND s.removed_at IS NULL "
            + "ORDER BY q.i";

    /** A product row as read, kept so the baseline materializes what the service would send. */
    record ProductRow(String gtin, UUID brandId, UUID ownerId, String name, String hsCode, String[] msrps,
            String[] imageHashes) {
    }

    /** The answer to one check: the basis, as the service's SellerAuthorization gives it. */
    record Verdict(SellerAuthorizationBasis basis, boolean exclusiveDistribution) {
        boolean authorized() {
            return basis == SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_LISTED;
        }
    }

    private final PreparedQuery<RowSet<Row>> productsByGtin;
    private final PreparedQuery<RowSet<Row>> isAuthorized;
    private final PreparedQuery<RowSet<Row>> batchIsAuthorized;

    SqlLookups(Pool pool) {
        this.productsByGtin = pool.preparedQuery(PRODUCTS_BY_GTIN);
        this.isAuthorized = pool.preparedQuery(IS_AUTHORIZED);
        this.batchIsAuthorized = pool.preparedQuery(BATCH_IS_AUTHORIZED);
    }

    /** One answer per requested GTIN-14, in request order; null where no product has it. */
    Uni<List<ProductRow>> productsByGtin(String[] gtin14s) {
        return productsByGtin.execute(Tuple.tuple().addArrayOfString(gtin14s)).map(rows -> {
            Map<String, ProductRow> found = new HashMap<>();
            for (Row r : rows) {
                ProductRow p = new ProductRow(r.getString(0), r.getUUID(1), r.getUUID(2), r.getString(3),
                        r.getString(4), r.getArrayOfStrings(5), r.getArrayOfStrings(6));
                found.put(p.gtin(), p);
            }
            List<ProductRow> answers = new ArrayList<>(gtin14s.length);
            for (String gtin : gtin14s) {
                answers.add(found.get(gtin));
            }
            return answers;
        });
    }

    Uni<Verdict> isAuthorized(UUID brandId, String platform, String shopId, String country) {
        return isAuthorized.execute(Tuple.of(brandId, platform, shopId, country)).map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return new Verdict(SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_BRAND_NOT_FOUND, false);
            }
            Row r = it.next();
            return new Verdict(decide(true, r.getBoolean(1), r.getBoolean(2), r.getBoolean(3)), r.getBoolean(0));
        });
    }

    /** Answers in request order. */
    Uni<List<Verdict>> batchIsAuthorized(UUID[] brandIds, String[] platforms, String[] shopIds, String[] countries) {
        return batchIsAuthorized.execute(Tuple.of(brandIds, platforms, shopIds, countries)).map(rows -> {
            List<Verdict> answers = new ArrayList<>(brandIds.length);
            for (Row r : rows) {
                boolean brandFound = r.getBoolean(1);
                answers.add(new Verdict(decide(brandFound, r.getBoolean(3), r.getBoolean(4), r.getBoolean(5)),
                        brandFound && r.getBoolean(2)));
            }
            return answers;
        });
    }

    /**
     * The basis from the row's flags. The territory is checked before the validity window; the
     * flags are null when there is no entry.
     */
    static SellerAuthorizationBasis decide(boolean brandFound, boolean listed, Boolean inTerritory, Boolean inWindow) {
        if (!brandFound) {
            return SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_BRAND_NOT_FOUND;
        }
        if (!listed) {
            return SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_NOT_LISTED;
        }
        if (!Boolean.TRUE.equals(inTerritory)) {
            return SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_OUTSIDE_TERRITORY;
        }
        if (!Boolean.TRUE.equals(inWindow)) {
            return SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_OUTSIDE_VALIDITY;
        }
        return SellerAuthorizationBasis.SELLER_AUTHORIZATION_BASIS_LISTED;
    }
}

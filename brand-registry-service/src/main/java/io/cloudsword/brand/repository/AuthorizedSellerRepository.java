package io.cloudsword.brand.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.brand.domain.AuthorizedSeller;
import io.cloudsword.brand.domain.SellerAuthorization;
import io.cloudsword.kit.paging.Page;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class AuthorizedSellerRepository implements PanacheRepositoryBase<AuthorizedSeller, UUID> {

    /** Live entries of a batch of (brand, platform, shop) keys, joined on the natural-key index. */
    private static final String ENTRIES = "SELECT s.id, s.brand_id, s.platform, s.shop_id, s.territories, s.valid_from,"
            + " s.valid_until FROM authorized_seller s"
            + " JOIN unnest($1::uuid[], $2::text[], $3::text[]) AS k(brand_id, platform, shop_id)"
            + " ON s.brand_id = k.brand_id AND s.platform = k.platform AND s.shop_id = k.shop_id"
            + " WHERE s.removed_at IS NULL";
    private static final String BRANDS = "SELECT id, owner_id, exclusive_distribution FROM brand WHERE id = ANY($1::uuid[])";

    private final Pool pool;

    public AuthorizedSellerRepository(Pool pool) {
        this.pool = pool;
    }

    /** Including removed entries: re-adding a removed one revives it. */
    public Uni<AuthorizedSeller> findByNaturalKey(UUID brandId, String platform, String shopId) {
        return find("brandId = ?1 and platform = ?2 and shopId = ?3", brandId, platform, shopId).firstResult();
    }

    /** One page (plus one row) of a brand's live entries ordered by (platform, shop_id). */
    public Uni<List<AuthorizedSeller>> list(UUID brandId, String platform, Instant validAt, Page page) {
        StringBuilder q = new StringBuilder("brandId = :brand and removedAt is null");
        Parameters p = Parameters.with("brand", brandId);
        if (!platform.isEmpty()) {
            q.append(" and platform = :platform");
            p.and("platform", platform);
        }
        if (validAt != null) {
            q.append(" and validFrom <= :at and (validUntil is null or validUntil > :at)");
            p.and("at", validAt);
        }
        if (!page.first()) {
            q.append(" and (platform > :afterPlatform or (platform = :afterPlatform and shopId > :afterShop))");
            p.and("afterPlatform", page.after().get(0)).and("afterShop", page.after().get(1));
        }
        q.append(" order by platform, shopId");
        return find(q.toString(), p).range(0, page.size()).list();
    }

    /** The hot path of BatchIsAuthorizedSeller: one statement for the whole batch, no entity hydration. */
    public Uni<List<KeyedEntry>> liveEntries(List<UUID> brandIds, List<String> platforms, List<String> shopIds) {
        if (brandIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Tuple args = Tuple.of(brandIds.toArray(new UUID[0]), platforms.toArray(new String[0]),
                shopIds.toArray(new String[0]));
        return pool.preparedQuery(ENTRIES).execute(args).map(rows -> {
            List<KeyedEntry> out = new ArrayList<>();
            for (Row r : rows) {
                String[] territories = r.getArrayOfStrings("territories");
                out.add(new KeyedEntry(r.getUUID("brand_id"), r.getString("platform"), r.getString("shop_id"),
                        new SellerAuthorization.Entry(r.getUUID("id"), territories == null ? List.of() : List.of(territories),
                                r.getOffsetDateTime("valid_from").toInstant(),
                                r.getOffsetDateTime("valid_until") == null ? null
                                        : r.getOffsetDateTime("valid_until").toInstant())));
            }
            return out;
        });
    }

    /** Owner and exclusive-distribution flag of each brand found, in one statement. */
    public Uni<List<BrandFacts>> brandFacts(List<UUID> brandIds) {
        if (brandIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(BRANDS).execute(Tuple.of(brandIds.toArray(new UUID[0]))).map(rows -> {
            List<BrandFacts> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new BrandFacts(r.getUUID("id"), r.getUUID("owner_id"), r.getBoolean("exclusive_distribution")));
            }
            return out;
        });
    }

    public record KeyedEntry(UUID brandId, String platform, String shopId, SellerAuthorization.Entry entry) {
    }

    public record BrandFacts(UUID id, UUID ownerId, boolean exclusiveDistribution) {
    }
}

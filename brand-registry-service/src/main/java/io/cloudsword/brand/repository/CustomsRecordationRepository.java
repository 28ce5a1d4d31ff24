package io.cloudsword.brand.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.brand.domain.CustomsRecordation;
import io.cloudsword.brand.domain.CustomsRecordation.Authority;
import io.cloudsword.brand.domain.CustomsRecordation.Status;
import io.cloudsword.kit.paging.Page;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Recordations. Matching (arrays, prefixes, "EU" expansion) runs as plain SQL on the reactive
 * pool and yields ids; the records themselves are then loaded in one statement.
 */
@ApplicationScoped
public class CustomsRecordationRepository implements PanacheRepositoryBase<CustomsRecordation, UUID> {

    private final Pool pool;

    public CustomsRecordationRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<CustomsRecordation> findByNaturalKey(Authority authority, String number) {
        return find("authority = ?1 and recordationNumber = ?2", authority, number).firstResult();
    }

    public Uni<List<CustomsRecordation>> findByIds(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    /** One page (plus one row) ordered by (created_at, id); statuses are effective statuses on {@code today}. */
    public Uni<List<CustomsRecordation>> list(UUID ownerId, Authority authority, Set<Status> statuses, LocalDate today,
            Page page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (ownerId != null) {
            q.append(" and ownerId = :owner");
            p.and("owner", ownerId);
        }
        if (authority != null) {
            q.append(" and authority = :authority");
            p.and("authority", authority);
        }
        if (!statuses.isEmpty()) {
            List<String> any = new ArrayList<>();
            for (Status s : statuses) {
                any.add(switch (s) {
                    case PENDING -> "(status = :pending and validUntil >= :today)";
                    case ACTIVE -> "(status = :active and validUntil >= :today)";
                    case EXPIRED -> "(status <> :withdrawn and validUntil < :today)";
                    case WITHDRAWN -> "status = :withdrawn";
                });
            }
            q.append(" and (").append(String.join(" or ", any)).append(")");
            String all = String.join(" ", any);
            if (all.contains(":pending")) {
                p.and("pending", Status.PENDING);
            }
            if (all.contains(":active")) {
                p.and("active", Status.ACTIVE);
            }
            if (all.contains(":withdrawn")) {
                p.and("withdrawn", Status.WITHDRAWN);
            }
            if (all.contains(":today")) {
                p.and("today", today);
            }
        }
        if (!page.first()) {
            q.append(" and (createdAt > :afterAt or (createdAt = :afterAt and id > :afterId))");
            p.and("afterAt", Instant.parse(page.after().get(0))).and("afterId", UUID.fromString(page.after().get(1)));
        }
        q.append(" order by createdAt, id");
        return find(q.toString(), p).range(0, page.size()).list();
    }

    /** All criteria optional except as the caller checked; null = not asked. */
    public record Search(UUID ownerId, Authority authority, String brandId, String gtin14, String gtinOwnerBrandId,
            String hsCode, String territory, LocalDate inForceOn) {
    }

    /** Ids of one page (plus one row) of matches, ordered by id (time-ordered). */
    public Uni<List<UUID>> searchIds(Search s, Page page) {
        StringBuilder sql = new StringBuilder("SELECT r.id FROM customs_recordation r WHERE true");
        Tuple args = Tuple.tuple();
        if (s.ownerId() != null) {
            args.addValue(s.ownerId());
            sql.append(" AND r.owner_id = $").append(args.size());
        }
        if (s.authority() != null) {
            args.addValue(s.authority().name());
            sql.append(" AND r.authority = $").append(args.size());
        }
        if (s.brandId() != null) {
            args.addValue(s.brandId());
            sql.append(" AND $").append(args.size()).append(" = ANY(r.brand_ids)");
        }
        if (s.gtin14() != null) {
            args.addValue(s.gtin14());
            sql.append(" AND ($").append(args.size()).append(" = ANY(r.authentic_gtins)");
            if (s.gtinOwnerBrandId() != null) {
                args.addValue(s.gtinOwnerBrandId());
                sql.append(" OR $").append(args.size()).append(" = ANY(r.brand_ids)");
            }
            sql.append(")");
        }
        if (s.hsCode() != null) {
            args.addValue(s.hsCode());
            int n = args.size();
            sql.append(" AND EXISTS (SELECT 1 FROM unnest(r.hs_codes) h WHERE starts_with($").append(n)
                    .append(", h) OR starts_with(h, $").append(n).append("))");
        }
        if (s.territory() != null) {
            args.addValue(s.territory());
            sql.append(" AND $").append(args.size()).append(" = ANY(r.territory_keys)");
        }
        if (s.inForceOn() != null) {
            args.addValue(s.inForceOn());
            int n = args.size();
            sql.append(" AND r.status = 'ACTIVE' AND r.valid_from <= $").append(n).append(" AND r.valid_until >= $")
                    .append(n);
        }
        if (!page.first()) {
            args.addValue(UUID.fromString(page.after().get(0)));
            sql.append(" AND r.id > $").append(args.size());
        }
        args.addValue(page.size() + 1);
        sql.append(" ORDER BY r.id LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(args).map(rows -> {
            List<UUID> ids = new ArrayList<>();
            for (Row r : rows) {
                ids.add(r.getUUID(0));
            }
            return ids;
        });
    }

    /** Every declared prefix among the candidates, with its brand, in one statement. */
    public Uni<Map<String, String>> prefixOwners(List<String> candidatePrefixes) {
        if (candidatePrefixes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT prefix, brand_id FROM gs1_prefix WHERE prefix = ANY($1::text[])")
                .execute(Tuple.of(candidatePrefixes.toArray(new String[0]))).map(rows -> {
                    Map<String, String> out = new HashMap<>();
                    for (Row r : rows) {
                        out.put(r.getString("prefix"), r.getUUID("brand_id").toString());
                    }
                    return out;
                });
    }

    /** Recordations in force on {@code day} with this authority and territory covering any of the brands or GTINs. */
    public Uni<List<UUID>> matchIds(Authority authority, String territory, LocalDate day, List<String> brandIds,
            List<String> gtin14s) {
        if (brandIds.isEmpty() && gtin14s.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String sql = "SELECT r.id FROM customs_recordation r WHERE r.authority = $1 AND $2 = ANY(r.territory_keys)"
                + " AND r.status = 'ACTIVE' AND r.valid_from <= $3 AND r.valid_until >= $3"
                + " AND (r.brand_ids && $4::text[] OR r.authentic_gtins && $5::text[]) ORDER BY r.id";
        return pool.preparedQuery(sql).execute(Tuple.of(authority.name(), territory, day,
                brandIds.toArray(new String[0]), gtin14s.toArray(new String[0]))).map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    for (Row r : rows) {
                        ids.add(r.getUUID(0));
                    }
                    return ids;
                });
    }
}

package io.cloudsword.brand.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.brand.domain.Trademark;
import io.cloudsword.kit.paging.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class TrademarkRepository implements PanacheRepositoryBase<Trademark, UUID> {

    /**
     * The first marks of each brand of a batch in one statement: one row per existing brand with
     * its marks (or one row of NULLs when it has none), none for an unknown brand. The lateral
     * subquery's ORDER BY ... LIMIT is exactly trademark_brand_idx (brand_id, office,
     * registration_number), so each brand is one short ordered index range whatever the table's
     * statistics (the system PostgreSQL runs without autovacuum); brands are probed by primary key.
     */
    private static final String FIRST_OF_BRANDS = "SELECT k.brand_id AS requested_brand_id, t.id, t.owner_id,"
            + " t.brand_id, t.office, t.registration_number, t.mark_text, t.nice_classes, t.territories,"
            + " t.registration_date, t.expiry_date, t.status, t.evidence_sha256, t.mark_image_hash, t.created_at,"
            + " t.updated_at"
            + " FROM unnest($1::uuid[]) WITH ORDINALITY AS k(brand_id, ord)"
            + " JOIN brand b ON b.id = k.brand_id"
            + " LEFT JOIN LATERAL (SELECT x.* FROM trademark x WHERE x.brand_id = k.brand_id"
            + " ORDER BY x.office, x.registration_number LIMIT $2) t ON true"
            + " ORDER BY k.ord, t.office, t.registration_number";

    private final Pool pool;

    public TrademarkRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Trademark> findByNaturalKey(Trademark.Office office, String registrationNumber) {
        return find("office = ?1 and registrationNumber = ?2", office, registrationNumber).firstResult();
    }

    /** One query for the whole batch. */
    public Uni<List<Trademark>> findByIds(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    /**
     * One page (plus one row) ordered by (office, registration_number). The status filter is on
     * the effective status, derived in SQL from expiry_date and {@code today}, so that a page is
     * full even when many stored REGISTERED marks have expired. Native SQL for the CASE.
     */
    public Uni<List<Trademark>> list(Query q, LocalDate today, Page page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.ownerId() != null) {
            where.add("t.owner_id = CAST(:owner AS uuid)");
            params.put("owner", q.ownerId().toString());
        }
        if (q.brandId() != null) {
            where.add("t.brand_id = CAST(:brand AS uuid)");
            params.put("brand", q.brandId().toString());
        }
        if (q.office() != null) {
            where.add("t.office = :office");
            params.put("office", q.office().name());
        }
        if (!q.registrationNumber().isEmpty()) {
            where.add("t.registration_number = :number");
            params.put("number", q.registrationNumber());
        }
        if (!q.statuses().isEmpty()) {
            where.add("(CASE WHEN t.status = 'REGISTERED' AND t.expiry_date < :today THEN 'EXPIRED' ELSE t.status END)"
                    + " IN (:statuses)");
            params.put("today", today);
            params.put("statuses", q.statuses().stream().map(Enum::name).toList());
        }
        if (!page.first()) {
            where.add("(t.office, t.registration_number) > (:afterOffice, :afterNumber)");
            params.put("afterOffice", page.after().get(0));
            params.put("afterNumber", page.after().get(1));
        }
        String sql = "SELECT t.* FROM trademark t" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY t.office, t.registration_number LIMIT :limit";
        params.put("limit", page.size() + 1);
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, Trademark.class);
            params.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    /** Filters of ListTrademarks; null or empty = any. */
    public record Query(UUID ownerId, UUID brandId, Trademark.Office office, String registrationNumber,
            Set<Trademark.Status> statuses) {
    }

    /**
     * BatchListBrandTrademarks: up to {@code limit} marks of each brand, in ListTrademarks order
     * (office, registration number), in one statement for the whole batch. Rows are read straight
     * into detached marks (no session). Every existing brand is a key (with an empty list when it
     * has no marks); an unknown brand is absent.
     */
    public Uni<Map<UUID, List<Trademark>>> firstOfBrands(List<UUID> brandIds, int limit) {
        if (brandIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery(FIRST_OF_BRANDS).execute(Tuple.of(brandIds.toArray(new UUID[0]), limit))
                .map(rows -> {
                    Map<UUID, List<Trademark>> out = new LinkedHashMap<>();
                    for (Row r : rows) {
                        List<Trademark> marks = out.computeIfAbsent(r.getUUID("requested_brand_id"),
                                k -> new ArrayList<>());
                        if (r.getUUID("id") != null) {
                            marks.add(trademark(r));
                        }
                    }
                    return out;
                });
    }

    private static Trademark trademark(Row r) {
        Trademark t = new Trademark();
        t.id = r.getUUID("id");
        t.ownerId = r.getUUID("owner_id");
        t.brandId = r.getUUID("brand_id");
        t.office = Trademark.Office.valueOf(r.getString("office"));
        t.registrationNumber = r.getString("registration_number");
        t.markText = r.getString("mark_text");
        t.niceClasses = List.of(r.getArrayOfIntegers("nice_classes"));
        t.territories = List.of(r.getArrayOfStrings("territories"));
        t.registrationDate = r.getLocalDate("registration_date");
        t.expiryDate = r.getLocalDate("expiry_date");
        t.status = Trademark.Status.valueOf(r.getString("status"));
        t.evidenceSha256 = r.getString("evidence_sha256");
        t.markImageHash = r.getString("mark_image_hash");
        t.createdAt = r.getOffsetDateTime("created_at").toInstant();
        t.updatedAt = r.getOffsetDateTime("updated_at").toInstant();
        return t;
    }
}

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

@ApplicationScoped
public class TrademarkRepository implements PanacheRepositoryBase<Trademark, UUID> {

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
}

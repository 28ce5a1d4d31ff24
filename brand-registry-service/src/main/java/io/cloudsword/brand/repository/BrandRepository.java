package io.cloudsword.brand.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.brand.domain.Brand;
import io.cloudsword.kit.paging.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BrandRepository implements PanacheRepositoryBase<Brand, UUID> {

    public Uni<Brand> findByOwnerAndNameKey(UUID ownerId, String nameKey) {
        return find("ownerId = ?1 and nameKey = ?2", ownerId, nameKey).firstResult();
    }

    /** One query for the whole batch, whatever its size. */
    public Uni<List<Brand>> findByIds(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    /**
     * One page (plus one row) ordered by (name, id); {@code nameKey} is a folded prefix of the
     * name or of any alias (empty = all). Native SQL because HQL cannot look inside an array.
     */
    public Uni<List<Brand>> list(UUID ownerId, String nameKey, Page page) {
        String after = page.first() ? "" : " AND (b.name, b.id) > (:afterName, CAST(:afterId AS uuid))";
        String sql = "SELECT b.* FROM brand b WHERE (CAST(:owner AS uuid) IS NULL OR b.owner_id = CAST(:owner AS uuid))"
                + " AND (:key = '' OR EXISTS (SELECT 1 FROM unnest(b.name_keys) k WHERE starts_with(k, :key)))"
                + after + " ORDER BY b.name, b.id LIMIT :limit";
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, Brand.class)
                    .setParameter("owner", ownerId == null ? null : ownerId.toString())
                    .setParameter("key", nameKey)
                    .setParameter("limit", page.size() + 1);
            if (!page.first()) {
                query.setParameter("afterName", page.after().get(0)).setParameter("afterId", page.after().get(1));
            }
            return query.getResultList();
        });
    }
}

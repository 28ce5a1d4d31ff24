package io.cloudsword.brand.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.cloudsword.brand.domain.RightsOwner;
import io.cloudsword.brand.domain.RightsOwnerStatus;
import io.cloudsword.kit.paging.Page;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RightsOwnerRepository implements PanacheRepositoryBase<RightsOwner, UUID> {

    public Uni<RightsOwner> findByTradeRegister(String country, String tradeRegisterNumber) {
        return find("country = ?1 and tradeRegisterNumber = ?2", country, tradeRegisterNumber).firstResult();
    }

    /** The row locked for this transaction, so concurrent status changes queue up. */
    public Uni<RightsOwner> findByIdForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<RightsOwner>> findByIds(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    /** One page (plus one row, to tell whether more follow) ordered by (created_at, id). */
    public Uni<List<RightsOwner>> list(Set<RightsOwnerStatus> statuses, String nameKey, boolean trustedOnly, Page page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!statuses.isEmpty()) {
            where.add("status in :statuses");
            params.and("statuses", statuses);
        }
        if (!nameKey.isEmpty()) {
            where.add("legalNameKey like :name");
            params.and("name", "%" + nameKey.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (trustedOnly) {
            where.add("trustedFlagger = true");
        }
        if (!page.first()) {
            where.add("(createdAt > :at or (createdAt = :at and id > :id))");
            params.and("at", Instant.parse(page.after().get(0))).and("id", UUID.fromString(page.after().get(1)));
        }
        String query = (where.isEmpty() ? "" : "where " + String.join(" and ", where) + " ") + "order by createdAt, id";
        return find(query, params).page(0, page.size() + 1).list();
    }
}

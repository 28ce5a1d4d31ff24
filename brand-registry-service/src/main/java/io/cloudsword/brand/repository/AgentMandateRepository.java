package io.cloudsword.brand.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.cloudsword.brand.domain.AgentMandate;
import io.cloudsword.kit.paging.Page;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AgentMandateRepository implements PanacheRepositoryBase<AgentMandate, UUID> {

    /** The idempotency key of a grant, revoked mandates included. */
    public Uni<AgentMandate> findByKey(UUID principal, UUID agent, String documentSha256) {
        return find("principalOwnerId = ?1 and agentOwnerId = ?2 and documentSha256 = ?3", principal, agent,
                documentSha256).firstResult();
    }

    /** The row locked for this transaction, so a revocation and a concurrent one queue up. */
    public Uni<AgentMandate> findByIdForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The live (not revoked) mandates between any of these principals and any of these agents, in
     * one statement for a whole standing batch; the caller keeps the pairs it asked about. Served
     * by the (principal, agent, document) unique index.
     */
    public Uni<List<AgentMandate>> live(List<UUID> principals, List<UUID> agents) {
        if (principals.isEmpty() || agents.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("revokedAt is null and principalOwnerId in ?1 and agentOwnerId in ?2 order by createdAt, id",
                principals, agents);
    }

    /** One page (plus one row) ordered by (created_at, id); a null owner filter = any. */
    public Uni<List<AgentMandate>> list(UUID principal, UUID agent, boolean includeRevoked, Page page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (principal != null) {
            q.append(" and principalOwnerId = :principal");
            p.and("principal", principal);
        }
        if (agent != null) {
            q.append(" and agentOwnerId = :agent");
            p.and("agent", agent);
        }
        if (!includeRevoked) {
            q.append(" and revokedAt is null");
        }
        if (!page.first()) {
            q.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
            p.and("at", Instant.parse(page.after().get(0))).and("id", UUID.fromString(page.after().get(1)));
        }
        q.append(" order by createdAt, id");
        return find(q.toString(), p).page(0, page.size() + 1).list();
    }
}

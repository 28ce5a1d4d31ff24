package io.cloudsword.brand.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A principal's (the right holder's) signed authority for an agent, itself a registered rights
 * owner, to file notices on the principal's rights: for all of its brands or the listed ones,
 * over the half-open window [valid_from, valid_until).
 */
@Entity
@Table(name = "agent_mandate")
public class AgentMandate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "principal_owner_id", nullable = false)
    public UUID principalOwnerId;

    @Column(name = "agent_owner_id", nullable = false)
    public UUID agentOwnerId;

    /** Brands of the principal, sorted, no duplicates; empty = all of them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "brand_ids", nullable = false, columnDefinition = "uuid[]")
    public List<UUID> brandIds = new ArrayList<>();

    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;

    /** Exclusive end; null = until revoked. */
    @Column(name = "valid_until")
    public Instant validUntil;

    /** SHA-256 of the signed mandate document, 64 lower-case hex characters. */
    @Column(name = "document_sha256", nullable = false)
    public String documentSha256;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Set when the principal (or an admin) revoked it; a revoked mandate authorizes nothing. */
    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoke_reason", nullable = false)
    public String revokeReason = "";

    /**
     * Whether the agent may act under this mandate for {@code brandId} at {@code at}: not revoked,
     * inside the window, and the brand listed (or no brand listed, meaning all of them).
     */
    public boolean covers(UUID brandId, Instant at) {
        return revokedAt == null && !at.isBefore(validFrom) && (validUntil == null || at.isBefore(validUntil))
                && (brandIds.isEmpty() || brandIds.contains(brandId));
    }
}

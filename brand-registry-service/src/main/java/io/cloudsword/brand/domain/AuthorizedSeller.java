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

/** A (platform, shop) that a brand's owner lists as authorized, with markets and a validity window. */
@Entity
@Table(name = "authorized_seller")
public class AuthorizedSeller extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "brand_id", nullable = false)
    public UUID brandId;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(nullable = false)
    public String platform;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    /** Alpha-2 codes or "EU"; empty = all markets. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> territories = new ArrayList<>();

    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;

    /** Exclusive end; null = open-ended. */
    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(nullable = false)
    public String note = "";

    /** Set when the owner removed the entry; a removed entry authorizes nobody. */
    @Column(name = "removed_at")
    public Instant removedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

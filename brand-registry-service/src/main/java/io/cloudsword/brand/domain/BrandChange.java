package io.cloudsword.brand.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One entry of the registry's change log, which caches in other services follow. */
@Entity
@Table(name = "brand_change")
public class BrandChange extends PanacheEntityBase {

    public enum Kind {
        BRAND, PRODUCT, AUTHORIZED_SELLER, TRADEMARK, CUSTOMS_RECORDATION, RIGHTS_OWNER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long sequence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** Null for owner-level changes. */
    @Column(name = "brand_id")
    public UUID brandId;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(name = "entity_id", nullable = false)
    public UUID entityId;

    @Column(name = "brand_version", nullable = false)
    public long brandVersion;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(nullable = false)
    public String gtin = "";

    @Column(nullable = false)
    public String platform = "";

    @Column(name = "shop_id", nullable = false)
    public String shopId = "";

    @Column(nullable = false)
    public boolean removed;
}

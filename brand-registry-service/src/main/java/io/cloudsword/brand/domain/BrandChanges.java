package io.cloudsword.brand.domain;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.cloudsword.kit.error.DomainException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Appends to the change log. Every write to a brand or to anything that belongs to it goes
 * through {@link #lockBrand} (so concurrent writers of one brand queue up instead of losing a
 * version) and then {@link #record}, in the same transaction as the write itself: the event
 * exists if and only if the change committed.
 */
@ApplicationScoped
public class BrandChanges {

    /** Any fixed number: the key of the advisory lock that orders appends to the change log. */
    private static final long CHANGE_LOG_LOCK = 0x436c6f7564L;

    private final Clock clock;

    public BrandChanges(Clock clock) {
        this.clock = clock;
    }

    /** The brand, locked for this transaction; NOT_FOUND naming {@code field} when it does not exist. */
    public Uni<Brand> lockBrand(String field, UUID brandId) {
        return Brand.<Brand>findById(brandId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> DomainException.notFound(field, "BRAND_NOT_FOUND",
                        "No brand with id " + brandId));
    }

    /**
     * Bumps the brand's version and appends the event. The caller fills kind, entity id and the
     * kind's extra fields (gtin, platform/shop_id, removed).
     */
    public Uni<BrandChange> record(Brand brand, BrandChange change) {
        brand.version++;
        brand.updatedAt = clock.instant();
        change.brandId = brand.id;
        change.ownerId = brand.ownerId;
        change.brandVersion = brand.version;
        change.changedAt = brand.updatedAt;
        return append(change);
    }

    /** An owner-level event (status or trusted-flagger change), not tied to one brand. */
    public Uni<BrandChange> recordOwner(RightsOwner owner) {
        BrandChange change = new BrandChange();
        change.kind = BrandChange.Kind.RIGHTS_OWNER;
        change.ownerId = owner.id;
        change.entityId = owner.id;
        change.changedAt = clock.instant();
        return append(change);
    }

    private Uni<BrandChange> append(BrandChange change) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(" + CHANGE_LOG_LOCK + ")")
                        .getSingleResult())
                .flatMap(locked -> change.persist());
    }

    public static BrandChange of(BrandChange.Kind kind, UUID entityId) {
        BrandChange change = new BrandChange();
        change.kind = kind;
        change.entityId = entityId;
        return change;
    }
}

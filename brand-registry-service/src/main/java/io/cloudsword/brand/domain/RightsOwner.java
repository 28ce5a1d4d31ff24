package io.cloudsword.brand.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.cloudsword.kit.error.DomainException;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A legal person that holds rights: the "business customer" a reviewer must know (DSA Art. 30). */
@Entity
@Table(name = "rights_owner")
public class RightsOwner extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Column(nullable = false, columnDefinition = "bpchar(2)")
    public String country;

    @Column(nullable = false)
    public String address;

    @Column(nullable = false)
    public String phone;

    @Column(nullable = false)
    public String email;

    @Column(name = "trade_register_number", nullable = false)
    public String tradeRegisterNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RightsOwnerStatus status;

    /** Why REJECTED or SUSPENDED; empty otherwise. */
    @Column(name = "status_reason", nullable = false)
    public String statusReason = "";

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "verified_by", nullable = false)
    public String verifiedBy = "";

    @Column(name = "suspended_until")
    public Instant suspendedUntil;

    @Column(name = "trusted_flagger", nullable = false)
    public boolean trustedFlagger;

    @Column(name = "trusted_flagger_authority", nullable = false)
    public String trustedFlaggerAuthority = "";

    @Column(name = "trusted_flagger_reference", nullable = false)
    public String trustedFlaggerReference = "";

    @Column(name = "trusted_flagger_granted_at")
    public Instant trustedFlaggerGrantedAt;

    @Column(name = "trusted_flagger_revoked_at")
    public Instant trustedFlaggerRevokedAt;

    @Column(nullable = false)
    public long version = 1;

    @Column(name = "legal_name_key", nullable = false)
    public String legalNameKey = "";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The status as of {@code now}: a suspension with an end reads as lifted once the end has
     * passed, whether or not anybody reinstated the owner.
     */
    public RightsOwnerStatus effectiveStatus(Instant now) {
        if (status == RightsOwnerStatus.SUSPENDED && suspendedUntil != null && !now.isBefore(suspendedUntil)) {
            return statusAfterSuspension();
        }
        return status;
    }

    /** Where a lifted suspension returns to: VERIFIED if a reviewer ever verified the owner. */
    public RightsOwnerStatus statusAfterSuspension() {
        return verifiedAt != null ? RightsOwnerStatus.VERIFIED : RightsOwnerStatus.PENDING;
    }

    /** A rejected or suspended owner registers no new rights; its existing ones stay readable. */
    public void requireMayRegisterRights(String field) {
        if (status == RightsOwnerStatus.REJECTED) {
            throw DomainException.failedPrecondition(field, "OWNER_NOT_VERIFIED",
                    "Rights owner " + id + " was rejected and cannot register rights");
        }
        if (status == RightsOwnerStatus.SUSPENDED) {
            throw DomainException.failedPrecondition(field, "OWNER_SUSPENDED",
                    "Rights owner " + id + " is suspended and cannot register rights");
        }
    }
}

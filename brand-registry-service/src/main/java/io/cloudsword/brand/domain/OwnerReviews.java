package io.cloudsword.brand.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.brand.repository.RightsOwnerRepository;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The life of a rights owner after registration (DSA Art. 30 "know your business customer"):
 * PENDING until a reviewer verifies or rejects it; SUSPENDED later, for example by
 * complaint-service for abusive notices (DSA Art. 23), until reinstated or until the end of a
 * temporary suspension; trusted-flagger status as awarded by an authority (DSA Art. 22).
 * Every decision is kept with who, when and why; a repeated decision changes nothing.
 */
@ApplicationScoped
public class OwnerReviews {

    private final RightsOwnerRepository owners;
    private final BrandChanges changes;
    private final Clock clock;

    public OwnerReviews(RightsOwnerRepository owners, BrandChanges changes, Clock clock) {
        this.owners = owners;
        this.changes = changes;
        this.clock = clock;
    }

    /** A reviewer confirms the owner's identity; an owner can never verify itself. */
    @WithTransaction
    public Uni<RightsOwner> verify(Caller caller, String id, String note) {
        return decide(caller, id, owner -> {
            requireNotSelf(caller, owner);
            if (owner.status == RightsOwnerStatus.VERIFIED) {
                return null;
            }
            requireFrom(owner, RightsOwnerStatus.PENDING, RightsOwnerStatus.REJECTED);
            Instant now = clock.instant();
            owner.status = RightsOwnerStatus.VERIFIED;
            owner.statusReason = "";
            owner.verifiedAt = now;
            owner.verifiedBy = caller.subject();
            return event(owner, caller, "", Checks.optionalText("note", note, 5000), List.of());
        }, Caller.REVIEWER, Caller.ADMIN);
    }

    @WithTransaction
    public Uni<RightsOwner> reject(Caller caller, String id, String reason) {
        return decide(caller, id, owner -> {
            requireNotSelf(caller, owner);
            String why = Checks.text("reason", reason, 2000);
            if (owner.status == RightsOwnerStatus.REJECTED) {
                return null;
            }
            requireFrom(owner, RightsOwnerStatus.PENDING);
            owner.status = RightsOwnerStatus.REJECTED;
            owner.statusReason = why;
            return event(owner, caller, why, "", List.of());
        }, Caller.REVIEWER, Caller.ADMIN);
    }

    /** complaint-service (as system) suspends abusive notifiers; staff may too. */
    @WithTransaction
    public Uni<RightsOwner> suspend(Caller caller, String id, String reason, Instant until, List<String> noticeIds) {
        return decide(caller, id, owner -> {
            String why = Checks.text("reason", reason, 2000);
            if (until != null && !until.isAfter(clock.instant())) {
                throw DomainException.invalid("until", "INVALID_DATE_RANGE", "until must be in the future");
            }
            if (owner.effectiveStatus(clock.instant()) == RightsOwnerStatus.SUSPENDED && why.equals(owner.statusReason)
                    && java.util.Objects.equals(until, owner.suspendedUntil)) {
                return null;
            }
            requireFrom(owner, RightsOwnerStatus.PENDING, RightsOwnerStatus.VERIFIED, RightsOwnerStatus.SUSPENDED);
            owner.status = RightsOwnerStatus.SUSPENDED;
            owner.statusReason = why;
            owner.suspendedUntil = until;
            return event(owner, caller, why, "", noticeIds);
        }, Caller.REVIEWER, Caller.ADMIN, Caller.SYSTEM);
    }

    @WithTransaction
    public Uni<RightsOwner> reinstate(Caller caller, String id, String reason) {
        return decide(caller, id, owner -> {
            String why = Checks.optionalText("reason", reason, 2000);
            if (owner.status != RightsOwnerStatus.SUSPENDED) {
                throw transition(owner, "reinstate");
            }
            owner.status = owner.statusAfterSuspension();
            owner.statusReason = "";
            owner.suspendedUntil = null;
            return event(owner, caller, why, "", List.of());
        }, Caller.REVIEWER, Caller.ADMIN, Caller.SYSTEM);
    }

    /** Records an authority's award (or its revocation); Cloud Sword does not award it itself. */
    @WithTransaction
    public Uni<RightsOwner> setTrustedFlagger(Caller caller, String id, boolean trusted, String authority,
            String reference) {
        return decide(caller, id, owner -> {
            String grantedBy = trusted ? Checks.text("granting_authority", authority, 300)
                    : Checks.optionalText("granting_authority", authority, 300);
            String ref = Checks.optionalText("reference", reference, 300);
            if (owner.trustedFlagger == trusted && (!trusted || (grantedBy.equals(owner.trustedFlaggerAuthority)
                    && ref.equals(owner.trustedFlaggerReference)))) {
                return null;
            }
            Instant now = clock.instant();
            owner.trustedFlagger = trusted;
            if (trusted) {
                owner.trustedFlaggerAuthority = grantedBy;
                owner.trustedFlaggerReference = ref;
                owner.trustedFlaggerGrantedAt = now;
                owner.trustedFlaggerRevokedAt = null;
            } else {
                owner.trustedFlaggerRevokedAt = now;
            }
            return event(owner, caller, trusted ? "TRUSTED_FLAGGER_GRANTED" : "TRUSTED_FLAGGER_REVOKED",
                    grantedBy + (ref.isEmpty() ? "" : " " + ref), List.of());
        }, Caller.REVIEWER, Caller.ADMIN);
    }

    /** A decision: returns the event to store, or null when the owner is already where asked. */
    private interface Decision {
        RightsOwnerEvent apply(RightsOwner owner);
    }

    private Uni<RightsOwner> decide(Caller caller, String id, Decision decision, String... roles) {
        return Uni.createFrom().item(() -> {
            caller.requireRole(roles);
            return UUID.fromString(Checks.id("id", id));
        }).flatMap(owners::findByIdForUpdate).flatMap(owner -> {
            if (owner == null) {
                throw BrandRegistry.ownerNotFound("id", id);
            }
            RightsOwnerEvent event = decision.apply(owner);
            if (event == null) {
                return Uni.createFrom().item(owner);
            }
            owner.version++;
            owner.updatedAt = event.at;
            return event.<RightsOwnerEvent>persist().flatMap(saved -> changes.recordOwner(owner)).replaceWith(owner);
        });
    }

    private static void requireNotSelf(Caller caller, RightsOwner owner) {
        if (owner.id.toString().equals(caller.ownerId())) {
            throw DomainException.forbidden("SELF_VERIFICATION_FORBIDDEN",
                    "A rights owner's own account cannot decide on its verification; another reviewer must");
        }
    }

    private static void requireFrom(RightsOwner owner, RightsOwnerStatus... allowed) {
        for (RightsOwnerStatus status : allowed) {
            if (owner.status == status) {
                return;
            }
        }
        throw transition(owner, "change");
    }

    private static DomainException transition(RightsOwner owner, String what) {
        return DomainException.failedPrecondition("id", "INVALID_STATE_TRANSITION",
                "Cannot " + what + " a rights owner that is " + owner.status);
    }

    private RightsOwnerEvent event(RightsOwner owner, Caller caller, String reason, String note, List<String> notices) {
        RightsOwnerEvent event = new RightsOwnerEvent();
        event.ownerId = owner.id;
        event.status = reason.startsWith("TRUSTED_FLAGGER_") ? reason : owner.status.name();
        event.actor = caller.subject() == null ? "" : caller.subject();
        event.reason = reason.startsWith("TRUSTED_FLAGGER_") ? "" : reason;
        event.note = note;
        event.noticeIds = List.copyOf(notices);
        event.at = clock.instant();
        return event;
    }
}

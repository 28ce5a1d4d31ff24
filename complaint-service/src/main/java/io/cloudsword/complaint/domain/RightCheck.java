package io.cloudsword.complaint.domain;

import java.util.UUID;

import io.cloudsword.api.brand.v1.RightStanding;
import io.cloudsword.api.brand.v1.RightsOwner;
import io.cloudsword.api.brand.v1.RightsOwnerStatus;
import io.cloudsword.kit.error.DomainException;

/**
 * Turns brand-registry's answer about the right relied on into this service's refusals, or the
 * facts the notice records (the right holder, the mandate, trusted-flagger status, the brand).
 */
final class RightCheck {

    record Standing(UUID rightHolder, UUID agentMandate, boolean trustedFlagger, UUID brandId) {
    }

    private RightCheck() {
    }

    /** A trademark notice: the filer owns the trademark, or is the declared principal's agent with a mandate. */
    static Standing trademark(RightStanding s, UUID declaredPrincipal) {
        switch (s.getOutcome()) {
            case RIGHT_STANDING_OUTCOME_VALID -> {
                UUID holder = UUID.fromString(s.getRightHolderOwnerId());
                UUID mandate = s.getAgentMandateId().isEmpty() ? null : UUID.fromString(s.getAgentMandateId());
                if (declaredPrincipal != null && (mandate == null || !declaredPrincipal.equals(holder))) {
                    throw DomainException.forbidden("NO_MANDATE", "No valid mandate of principal_owner_id "
                            + declaredPrincipal + " for this trademark");
                }
                return new Standing(holder, mandate, s.getTrustedFlagger(),
                        s.getBrandId().isEmpty() ? null : UUID.fromString(s.getBrandId()));
            }
            case RIGHT_STANDING_OUTCOME_NOTIFIER_NOT_FOUND, RIGHT_STANDING_OUTCOME_NOTIFIER_NOT_VERIFIED ->
                throw DomainException.failedPrecondition("", "OWNER_NOT_VERIFIED",
                        "The notifier is not a VERIFIED rights owner");
            case RIGHT_STANDING_OUTCOME_NOTIFIER_SUSPENDED -> throw DomainException.failedPrecondition("",
                    "OWNER_SUSPENDED", "The notifier is SUSPENDED in the brand registry");
            case RIGHT_STANDING_OUTCOME_TRADEMARK_NOT_FOUND -> throw DomainException.notFound("right.trademark_id",
                    "TRADEMARK_NOT_FOUND", "No trademark with id " + s.getTrademarkId());
            case RIGHT_STANDING_OUTCOME_TRADEMARK_NOT_IN_FORCE -> throw DomainException.failedPrecondition(
                    "right.trademark_id", "TRADEMARK_NOT_IN_FORCE",
                    "The trademark is not in force (" + s.getTrademarkStatus() + ")");
            case RIGHT_STANDING_OUTCOME_RIGHT_HOLDER_NOT_VERIFIED -> throw DomainException.failedPrecondition(
                    "principal_owner_id", "OWNER_NOT_VERIFIED", "The right holder is not a VERIFIED rights owner");
            case RIGHT_STANDING_OUTCOME_NOT_RIGHT_HOLDER -> {
                if (declaredPrincipal != null) {
                    throw DomainException.forbidden("NO_MANDATE", "No valid mandate of principal_owner_id "
                            + declaredPrincipal + " for this trademark");
                }
                throw DomainException.forbidden("NOT_OWNER", "The trademark belongs to another rights owner");
            }
            default -> throw DomainException.unavailable("DEPENDENCY_UNAVAILABLE",
                    "brand-registry could not check the right (" + s.getOutcome() + ")");
        }
    }

    /** A copyright notice filed by the right holder itself: it must be a VERIFIED, not suspended owner. */
    static Standing copyright(RightsOwner owner) {
        if (owner == null || owner.getStatus() == RightsOwnerStatus.RIGHTS_OWNER_STATUS_PENDING
                || owner.getStatus() == RightsOwnerStatus.RIGHTS_OWNER_STATUS_REJECTED) {
            throw DomainException.failedPrecondition("", "OWNER_NOT_VERIFIED", "The notifier is not a VERIFIED rights owner");
        }
        if (owner.getStatus() == RightsOwnerStatus.RIGHTS_OWNER_STATUS_SUSPENDED) {
            throw DomainException.failedPrecondition("", "OWNER_SUSPENDED", "The notifier is SUSPENDED in the brand registry");
        }
        boolean trusted = owner.getTrustedFlagger().getTrusted();
        return new Standing(UUID.fromString(owner.getId()), null, trusted, null);
    }
}

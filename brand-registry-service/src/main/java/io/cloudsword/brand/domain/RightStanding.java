package io.cloudsword.brand.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import io.cloudsword.kit.error.DomainException;

/**
 * Whether a notifier may rely on a trademark at an instant: the question complaint-service asks
 * before it accepts a notice. The notifier stands on a mark in force when it is the mark's owner,
 * or when it is the owner's agent under a mandate that covers the mark's brand at that instant
 * (see {@link AgentMandate#covers}); then the owner (the principal) must itself be VERIFIED and
 * not suspended, since an agent cannot hold more right than its principal.
 *
 * @param rightHolderOwnerId the trademark's owner (the principal when the notifier is an agent)
 * @param agentMandateId     the mandate the notifier acts under, when it is not the owner itself
 * @param error              set only for a malformed check (then outcome is null)
 */
public record RightStanding(String notifierOwnerId, String trademarkId, Outcome outcome, UUID rightHolderOwnerId,
        UUID brandId, UUID agentMandateId, RightsOwnerStatus notifierStatus, Trademark.Status trademarkStatus,
        boolean trustedFlagger, DomainException error) {

    public enum Outcome {
        VALID, NOTIFIER_NOT_FOUND, NOTIFIER_NOT_VERIFIED, NOTIFIER_SUSPENDED, TRADEMARK_NOT_FOUND,
        TRADEMARK_NOT_IN_FORCE, RIGHT_HOLDER_NOT_VERIFIED, NOT_RIGHT_HOLDER
    }

    /** One check as asked; {@code at} null = now. */
    public record Check(String notifierOwnerId, String trademarkId, Instant at) {
    }

    public static RightStanding malformed(Check check, DomainException error) {
        return new RightStanding(nullToEmpty(check.notifierOwnerId()), nullToEmpty(check.trademarkId()), null, null,
                null, null, null, null, false, error);
    }

    /** The owner's own case: no principal, no mandate. */
    public static RightStanding evaluate(Check check, RightsOwner notifier, Trademark trademark, Instant at) {
        return evaluate(check, notifier, trademark, null, null, at);
    }

    /**
     * The outcome at {@code at}. A trademark is in force on the UTC day of {@code at} when it is
     * REGISTERED and its expiry date is not before that day (an office's date is a whole day).
     * The notifier is judged first: a notifier who may not file learns nothing more.
     *
     * @param principal the trademark's owner, needed only when the notifier is not that owner
     * @param mandate   the mandate that lets the notifier act for the owner on this mark's brand at
     *                  {@code at} ({@link AgentMandates#governing}), or null when there is none
     */
    public static RightStanding evaluate(Check check, RightsOwner notifier, Trademark trademark, RightsOwner principal,
            AgentMandate mandate, Instant at) {
        String notifierId = check.notifierOwnerId();
        String trademarkId = check.trademarkId();
        if (notifier == null) {
            return new RightStanding(notifierId, trademarkId, Outcome.NOTIFIER_NOT_FOUND, null, null, null, null, null,
                    false, null);
        }
        RightsOwnerStatus notifierStatus = notifier.effectiveStatus(at);
        boolean trusted = notifier.trustedFlagger;
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        UUID holder = trademark == null ? null : trademark.ownerId;
        UUID brand = trademark == null ? null : trademark.brandId;
        Trademark.Status tmStatus = trademark == null ? null : trademark.effectiveStatus(day);
        UUID mandateId = null;
        Outcome outcome;
        if (notifierStatus == RightsOwnerStatus.SUSPENDED) {
            outcome = Outcome.NOTIFIER_SUSPENDED;
        } else if (notifierStatus != RightsOwnerStatus.VERIFIED) {
            outcome = Outcome.NOTIFIER_NOT_VERIFIED;
        } else if (trademark == null) {
            outcome = Outcome.TRADEMARK_NOT_FOUND;
        } else if (tmStatus != Trademark.Status.REGISTERED) {
            outcome = Outcome.TRADEMARK_NOT_IN_FORCE;
        } else if (trademark.ownerId.equals(notifier.id)) {
            outcome = Outcome.VALID;
        } else if (mandate == null || !mandate.agentOwnerId.equals(notifier.id)
                || !mandate.principalOwnerId.equals(trademark.ownerId) || !mandate.covers(trademark.brandId, at)) {
            outcome = Outcome.NOT_RIGHT_HOLDER;
        } else {
            mandateId = mandate.id;
            outcome = principal != null && principal.id.equals(trademark.ownerId)
                    && principal.effectiveStatus(at) == RightsOwnerStatus.VERIFIED
                            ? Outcome.VALID : Outcome.RIGHT_HOLDER_NOT_VERIFIED;
        }
        return new RightStanding(notifierId, trademarkId, outcome, holder, brand, mandateId, notifierStatus, tmStatus,
                trusted, null);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

package io.cloudsword.brand.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import io.cloudsword.kit.error.DomainException;

/**
 * Whether a notifier may rely on a trademark at an instant: the question complaint-service asks
 * before it accepts a notice. Agent mandates are not modelled yet, so only the trademark's own
 * owner can stand on it; anybody else is NOT_RIGHT_HOLDER.
 *
 * @param error set only for a malformed check (then outcome is null)
 */
public record RightStanding(String notifierOwnerId, String trademarkId, Outcome outcome, UUID rightHolderOwnerId,
        UUID brandId, RightsOwnerStatus notifierStatus, Trademark.Status trademarkStatus, boolean trustedFlagger,
        DomainException error) {

    public enum Outcome {
        VALID, NOTIFIER_NOT_FOUND, NOTIFIER_NOT_VERIFIED, NOTIFIER_SUSPENDED, TRADEMARK_NOT_FOUND,
        TRADEMARK_NOT_IN_FORCE, RIGHT_HOLDER_NOT_VERIFIED, NOT_RIGHT_HOLDER
    }

    /** One check as asked; {@code at} null = now. */
    public record Check(String notifierOwnerId, String trademarkId, Instant at) {
    }

    public static RightStanding malformed(Check check, DomainException error) {
        return new RightStanding(nullToEmpty(check.notifierOwnerId()), nullToEmpty(check.trademarkId()), null, null,
                null, null, null, false, error);
    }

    /**
     * The outcome at {@code at}. A trademark is in force on the UTC day of {@code at} when it is
     * REGISTERED and its expiry date is not before that day (an office's date is a whole day).
     * The notifier is judged first: a notifier who may not file learns nothing more.
     */
    public static RightStanding evaluate(Check check, RightsOwner notifier, Trademark trademark, Instant at) {
        String notifierId = check.notifierOwnerId();
        String trademarkId = check.trademarkId();
        if (notifier == null) {
            return new RightStanding(notifierId, trademarkId, Outcome.NOTIFIER_NOT_FOUND, null, null, null, null, false,
                    null);
        }
        RightsOwnerStatus notifierStatus = notifier.effectiveStatus(at);
        boolean trusted = notifier.trustedFlagger;
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        UUID holder = trademark == null ? null : trademark.ownerId;
        UUID brand = trademark == null ? null : trademark.brandId;
        Trademark.Status tmStatus = trademark == null ? null : trademark.effectiveStatus(day);
        Outcome outcome;
        if (notifierStatus == RightsOwnerStatus.SUSPENDED) {
            outcome = Outcome.NOTIFIER_SUSPENDED;
        } else if (notifierStatus != RightsOwnerStatus.VERIFIED) {
            outcome = Outcome.NOTIFIER_NOT_VERIFIED;
        } else if (trademark == null) {
            outcome = Outcome.TRADEMARK_NOT_FOUND;
        } else if (tmStatus != Trademark.Status.REGISTERED) {
            outcome = Outcome.TRADEMARK_NOT_IN_FORCE;
        } else if (!trademark.ownerId.equals(notifier.id)) {
            outcome = Outcome.NOT_RIGHT_HOLDER;
        } else {
            outcome = Outcome.VALID;
        }
        return new RightStanding(notifierId, trademarkId, outcome, holder, brand, notifierStatus, tmStatus, trusted,
                null);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

package io.cloudsword.brand.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cloudsword.brand.domain.RightStanding.Outcome;

class RightStandingTest {

    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");
    private static final UUID HOLDER = UUID.randomUUID();

    private static RightsOwner owner(UUID id, RightsOwnerStatus status) {
        RightsOwner o = new RightsOwner();
        o.id = id;
        o.status = status;
        return o;
    }

    private static Trademark mark(Trademark.Status status, LocalDate expiry) {
        Trademark t = new Trademark();
        t.id = UUID.randomUUID();
        t.ownerId = HOLDER;
        t.brandId = UUID.randomUUID();
        t.status = status;
        t.registrationDate = LocalDate.of(2016, 11, 29);
        t.expiryDate = expiry;
        return t;
    }

    private static Outcome outcome(RightsOwner notifier, Trademark t) {
        return evaluate(notifier, t).outcome();
    }

    private static RightStanding evaluate(RightsOwner notifier, Trademark t) {
        return RightStanding.evaluate(new RightStanding.Check("n", "t", AT), notifier, t, AT);
    }

    @Test
    void theVerifiedOwnerOfAMarkInForceStandsOnIt() {
        RightsOwner holder = owner(HOLDER, RightsOwnerStatus.VERIFIED);
        holder.trustedFlagger = true;
        Trademark t = mark(Trademark.Status.REGISTERED, LocalDate.of(2026, 11, 29));
        RightStanding s = evaluate(holder, t);
        assertEquals(Outcome.VALID, s.outcome());
        assertEquals(HOLDER, s.rightHolderOwnerId());
        assertEquals(t.brandId, s.brandId());
        assertEquals(RightsOwnerStatus.VERIFIED, s.notifierStatus());
        assertEquals(Trademark.Status.REGISTERED, s.trademarkStatus());
        assertTrue(s.trustedFlagger());
    }

    @Test
    void theNotifierIsJudgedFirst() {
        Trademark t = mark(Trademark.Status.REGISTERED, LocalDate.of(2030, 1, 1));
        assertEquals(Outcome.NOTIFIER_NOT_FOUND, outcome(null, t));
        assertEquals(Outcome.NOTIFIER_NOT_VERIFIED, outcome(owner(HOLDER, RightsOwnerStatus.PENDING), t));
        assertEquals(Outcome.NOTIFIER_NOT_VERIFIED, outcome(owner(HOLDER, RightsOwnerStatus.REJECTED), t));
        assertEquals(Outcome.NOTIFIER_SUSPENDED, outcome(owner(HOLDER, RightsOwnerStatus.SUSPENDED), t));
        RightsOwner lifted = owner(HOLDER, RightsOwnerStatus.SUSPENDED);
        lifted.verifiedAt = AT.minusSeconds(86_400 * 30);
        lifted.suspendedUntil = AT.minusSeconds(1);
        assertEquals(Outcome.VALID, outcome(lifted, t), "a suspension that ended no longer counts");
    }

    @Test
    void aMarkNotFoundPendingCancelledOrExpiredAtTheInstantGroundsNothing() {
        RightsOwner holder = owner(HOLDER, RightsOwnerStatus.VERIFIED);
        assertEquals(Outcome.TRADEMARK_NOT_FOUND, outcome(holder, null));
        assertEquals(Outcome.TRADEMARK_NOT_IN_FORCE, outcome(holder, mark(Trademark.Status.PENDING, null)));
        assertEquals(Outcome.TRADEMARK_NOT_IN_FORCE,
                outcome(holder, mark(Trademark.Status.CANCELLED, LocalDate.of(2030, 1, 1))));
        RightStanding expired = evaluate(holder, mark(Trademark.Status.REGISTERED, LocalDate.of(2026, 11, 28)));
        assertEquals(Outcome.TRADEMARK_NOT_IN_FORCE, expired.outcome());
        assertEquals(Trademark.Status.EXPIRED, expired.trademarkStatus());
    }

    @Test
    void anotherOwnerIsNotTheRightHolderWhileMandatesAreNotModelled() {
        RightsOwner other = owner(UUID.randomUUID(), RightsOwnerStatus.VERIFIED);
        assertEquals(Outcome.NOT_RIGHT_HOLDER, outcome(other, mark(Trademark.Status.REGISTERED, LocalDate.of(2030, 1, 1))));
    }
}

package io.cloudsword.brand.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RightsOwnerTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void aTemporarySuspensionReadsAsLiftedOnceItsEndHasPassed() {
        RightsOwner owner = new RightsOwner();
        owner.status = RightsOwnerStatus.SUSPENDED;
        owner.verifiedAt = NOW.minusSeconds(86_400);
        owner.suspendedUntil = NOW.plusSeconds(60);
        assertEquals(RightsOwnerStatus.SUSPENDED, owner.effectiveStatus(NOW));
        assertEquals(RightsOwnerStatus.VERIFIED, owner.effectiveStatus(NOW.plusSeconds(60)));
        owner.verifiedAt = null;
        assertEquals(RightsOwnerStatus.PENDING, owner.effectiveStatus(NOW.plusSeconds(61)));
    }

    @Test
    void anIndefiniteSuspensionLastsUntilReinstated() {
        RightsOwner owner = new RightsOwner();
        owner.status = RightsOwnerStatus.SUSPENDED;
        assertEquals(RightsOwnerStatus.SUSPENDED, owner.effectiveStatus(NOW.plusSeconds(10 * 365 * 86_400L)));
    }
}

package io.cloudsword.brand.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cloudsword.brand.domain.RightStanding.Outcome;

/** The agent case of right standing, as a pure rule: which mandate governs, and what it grants. */
class AgentStandingTest {

    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");
    private static final UUID PRINCIPAL = UUID.randomUUID();
    private static final UUID AGENT = UUID.randomUUID();
    private static final UUID BRAND = UUID.randomUUID();

    private static RightsOwner owner(UUID id, RightsOwnerStatus status) {
        RightsOwner o = new RightsOwner();
        o.id = id;
        o.status = status;
        return o;
    }

    private static Trademark mark() {
        Trademark t = new Trademark();
        t.id = UUID.randomUUID();
        t.ownerId = PRINCIPAL;
        t.brandId = BRAND;
        t.status = Trademark.Status.REGISTERED;
        t.registrationDate = LocalDate.of(2016, 11, 29);
        t.expiryDate = LocalDate.of(2030, 1, 1);
        return t;
    }

    private static AgentMandate mandate(Instant from, Instant until, UUID... brands) {
        AgentMandate m = new AgentMandate();
        m.id = UUID.randomUUID();
        m.principalOwnerId = PRINCIPAL;
        m.agentOwnerId = AGENT;
        m.brandIds = List.of(brands);
        m.validFrom = from;
        m.validUntil = until;
        m.createdAt = from;
        return m;
    }

    private static RightStanding evaluate(RightsOwner principal, AgentMandate candidate) {
        Trademark t = mark();
        AgentMandate governing = candidate == null ? null
                : AgentMandates.governing(List.of(candidate), t.ownerId, AGENT, t.brandId, AT);
        return RightStanding.evaluate(new RightStanding.Check("n", "t", AT), owner(AGENT, RightsOwnerStatus.VERIFIED),
                t, principal, governing, AT);
    }

    @Test
    void aLiveMandateForTheBrandLetsTheAgentStandForAVerifiedPrincipal() {
        AgentMandate m = mandate(AT.minusSeconds(60), null);
        RightStanding s = evaluate(owner(PRINCIPAL, RightsOwnerStatus.VERIFIED), m);
        assertEquals(Outcome.VALID, s.outcome());
        assertEquals(m.id, s.agentMandateId());
        assertEquals(PRINCIPAL, s.rightHolderOwnerId());
        assertEquals(Outcome.VALID, evaluate(owner(PRINCIPAL, RightsOwnerStatus.VERIFIED),
                mandate(AT, AT.plusSeconds(1), UUID.randomUUID(), BRAND)).outcome(), "valid_from is inclusive");
    }

    @Test
    void noMandateAnotherBrandOutsideTheWindowOrRevokedIsNotRightHolder() {
        RightsOwner principal = owner(PRINCIPAL, RightsOwnerStatus.VERIFIED);
        assertEquals(Outcome.NOT_RIGHT_HOLDER, evaluate(principal, null).outcome());
        assertEquals(Outcome.NOT_RIGHT_HOLDER,
                evaluate(principal, mandate(AT.minusSeconds(60), null, UUID.randomUUID())).outcome());
        assertEquals(Outcome.NOT_RIGHT_HOLDER, evaluate(principal, mandate(AT.minusSeconds(60), AT)).outcome(),
                "valid_until is exclusive");
        assertEquals(Outcome.NOT_RIGHT_HOLDER, evaluate(principal, mandate(AT.plusSeconds(1), null)).outcome());
        AgentMandate revoked = mandate(AT.minusSeconds(60), null);
        revoked.revokedAt = AT.minusSeconds(1);
        RightStanding s = evaluate(principal, revoked);
        assertEquals(Outcome.NOT_RIGHT_HOLDER, s.outcome());
        assertNull(s.agentMandateId());
        // a mandate of the right pair handed in for another principal's mark counts for nothing
        AgentMandate foreign = mandate(AT.minusSeconds(60), null);
        foreign.principalOwnerId = UUID.randomUUID();
        assertEquals(Outcome.NOT_RIGHT_HOLDER, RightStanding.evaluate(new RightStanding.Check("n", "t", AT),
                owner(AGENT, RightsOwnerStatus.VERIFIED), mark(), principal, foreign, AT).outcome());
    }

    @Test
    void aPrincipalNotVerifiedOrSuspendedAtTheInstantGivesNoStanding() {
        AgentMandate m = mandate(AT.minusSeconds(60), null);
        assertEquals(Outcome.RIGHT_HOLDER_NOT_VERIFIED, evaluate(owner(PRINCIPAL, RightsOwnerStatus.PENDING), m)
                .outcome());
        assertEquals(Outcome.RIGHT_HOLDER_NOT_VERIFIED, evaluate(owner(PRINCIPAL, RightsOwnerStatus.REJECTED), m)
                .outcome());
        RightStanding suspended = evaluate(owner(PRINCIPAL, RightsOwnerStatus.SUSPENDED), m);
        assertEquals(Outcome.RIGHT_HOLDER_NOT_VERIFIED, suspended.outcome());
        assertEquals(m.id, suspended.agentMandateId());
        RightsOwner lifted = owner(PRINCIPAL, RightsOwnerStatus.SUSPENDED);
        lifted.verifiedAt = AT.minusSeconds(86_400);
        lifted.suspendedUntil = AT.minusSeconds(1);
        assertEquals(Outcome.VALID, evaluate(lifted, m).outcome(), "a suspension that ended no longer counts");
    }

    @Test
    void theOldestCoveringMandateGoverns() {
        AgentMandate older = mandate(AT.minusSeconds(120), null);
        AgentMandate newer = mandate(AT.minusSeconds(60), null, BRAND);
        AgentMandate otherBrand = mandate(AT.minusSeconds(600), null, UUID.randomUUID());
        assertEquals(older, AgentMandates.governing(List.of(otherBrand, newer, older), PRINCIPAL, AGENT, BRAND, AT));
        assertNull(AgentMandates.governing(List.of(older), PRINCIPAL, UUID.randomUUID(), BRAND, AT));
    }
}

package io.cloudsword.brand.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cloudsword.brand.domain.SellerAuthorization.Basis;
import io.cloudsword.brand.domain.SellerAuthorization.Entry;

class SellerAuthorizationTest {

    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-01-01T00:00:00Z");

    private static Entry entry(List<String> territories, Instant until) {
        return new Entry(UUID.randomUUID(), territories, FROM, until);
    }

    @Test
    void theWindowIsHalfOpen() {
        Entry e = entry(List.of(), UNTIL);
        assertEquals(Basis.LISTED, SellerAuthorization.decide(e, "DE", FROM));
        assertEquals(Basis.LISTED, SellerAuthorization.decide(e, "DE", UNTIL.minusNanos(1)));
        assertEquals(Basis.OUTSIDE_VALIDITY, SellerAuthorization.decide(e, "DE", UNTIL));
        assertEquals(Basis.OUTSIDE_VALIDITY, SellerAuthorization.decide(e, "DE", FROM.minusNanos(1)));
        assertEquals(Basis.LISTED, SellerAuthorization.decide(entry(List.of(), null), "DE", UNTIL.plusSeconds(1_000_000)),
                "no valid_until = open-ended");
    }

    @Test
    void territoriesEmptyMeansEverywhereAndEuMeansItsMembers() {
        assertEquals(Basis.LISTED, SellerAuthorization.decide(entry(List.of(), null), "JP", FROM));
        Entry eu = entry(List.of("EU", "CH"), null);
        assertEquals(Basis.LISTED, SellerAuthorization.decide(eu, "FR", FROM));
        assertEquals(Basis.LISTED, SellerAuthorization.decide(eu, "GR", FROM));
        assertEquals(Basis.LISTED, SellerAuthorization.decide(eu, "CH", FROM));
        assertEquals(Basis.OUTSIDE_TERRITORY, SellerAuthorization.decide(eu, "GB", FROM), "not a member since 2020");
        assertEquals(Basis.OUTSIDE_TERRITORY, SellerAuthorization.decide(eu, "NO", FROM));
        assertEquals(Basis.OUTSIDE_TERRITORY, SellerAuthorization.decide(entry(List.of("DE"), UNTIL), "US", UNTIL),
                "the territory is reported before the window");
        assertEquals(Basis.NOT_LISTED, SellerAuthorization.decide(null, "DE", FROM));
    }

    @Test
    void theEuHasTwentySevenMembersAndExpansionKeepsEu() {
        assertEquals(27, Territories.EU_MEMBERS.size());
        List<String> expanded = Territories.expanded(List.of("EU", "US"));
        assertEquals(29, expanded.size());
        assertTrue(expanded.containsAll(List.of("EU", "US", "DE", "SE")));
        assertFalse(Territories.covers(List.of("DE"), "FR"));
        assertEquals(List.of("DE", "EU"), Territories.territories("t", List.of("de", " eu", "DE")));
    }
}

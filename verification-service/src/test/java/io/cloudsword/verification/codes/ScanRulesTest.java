package io.cloudsword.verification.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudsword.verification.codes.ScanRules.Action;
import io.cloudsword.verification.codes.ScanRules.GeoPoint;
import io.cloudsword.verification.codes.ScanRules.LifecycleEvent;
import io.cloudsword.verification.codes.ScanRules.Policy;
import io.cloudsword.verification.codes.ScanRules.Reason;
import io.cloudsword.verification.codes.ScanRules.ReasonCode;
import io.cloudsword.verification.codes.ScanRules.Scan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScanRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final GeoPoint SHANGHAI = new GeoPoint(31.2, 121.5);
    private static final GeoPoint PARIS = new GeoPoint(48.9, 2.4);
    private static final GeoPoint VERSAILLES = new GeoPoint(48.8, 2.1);
    private static final GeoPoint LYON = new GeoPoint(45.8, 4.8);
    private static final Policy WORLDWIDE = new Policy(10, 900, 50, Set.of());

    @Test
    void haversineDistanceShanghaiParis() {
        double km = ScanRules.distanceKm(SHANGHAI, PARIS);
        assertTrue(km > 9_150 && km < 9_350, "km: " + km);
        assertEquals(0, ScanRules.distanceKm(PARIS, PARIS), 1e-9);
    }

    @Test
    void shanghaiToParisInTwoHoursIsImpossibleTravel() {
        List<Reason> reasons = ScanRules.evaluate(WORLDWIDE,
                List.of(scan(T0, "CN", SHANGHAI)), List.of(), scan(T0.plus(Duration.ofHours(2)), "FR", PARIS));
        assertEquals(List.of(ReasonCode.IMPOSSIBLE_TRAVEL), codes(reasons));
        Reason r = reasons.get(0);
        assertEquals("CN", r.details().get("previous_country"));
        assertEquals("120", r.details().get("elapsed_minutes"));
        long speed = Long.parseLong(r.details().get("speed_kmh"));
        assertTrue(speed > 4_500 && speed < 4_700, "speed " + speed);
        assertTrue(r.explanation().startsWith("This code was scanned in CN 2 hours before this scan in FR, 9,2"),
                r.explanation());
    }

    @Test
    void shanghaiToParisInFourteenHoursIsAFlight() {
        assertEquals(List.of(), ScanRules.evaluate(WORLDWIDE,
                List.of(scan(T0, "CN", SHANGHAI)), List.of(), scan(T0.plus(Duration.ofHours(14)), "FR", PARIS)));
    }

    @Test
    void theSameMomentFarApartIsImpossibleButNearbyIsNot() {
        List<Reason> reasons = ScanRules.evaluate(WORLDWIDE, List.of(scan(T0, "FR", PARIS)), List.of(), scan(T0, "FR", LYON));
        assertEquals(List.of(ReasonCode.IMPOSSIBLE_TRAVEL), codes(reasons));
        assertEquals("infinite", reasons.get(0).details().get("speed_kmh"));
        // within the slack for coarse locations
        assertEquals(List.of(), ScanRules.evaluate(WORLDWIDE, List.of(scan(T0, "FR", PARIS)), List.of(), scan(T0, "FR", VERSAILLES)));
        assertEquals(List.of(), ScanRules.evaluate(WORLDWIDE, List.of(scan(T0, "FR", PARIS)), List.of(), scan(T0, "FR", PARIS)));
    }

    @Test
    void comparesWithTheConsecutiveScanNotAnOlderOne() {
        // Shanghai long ago, then Paris; a Lyon scan 2 h after Paris is a train ride
        List<Scan> history = List.of(scan(T0.minus(Duration.ofDays(3)), "CN", SHANGHAI), scan(T0, "FR", PARIS));
        assertEquals(List.of(), ScanRules.evaluate(WORLDWIDE, history, List.of(), scan(T0.plus(Duration.ofHours(2)), "FR", LYON)));
    }

    @Test
    void aBackDatedScanIsComparedWithTheScanAfterIt() {
        List<Scan> history = List.of(scan(T0.plus(Duration.ofHours(1)), "CN", SHANGHAI));
        List<Reason> reasons = ScanRules.evaluate(WORLDWIDE, history, List.of(), scan(T0, "FR", PARIS));
        assertEquals(List.of(ReasonCode.IMPOSSIBLE_TRAVEL), codes(reasons));
        assertEquals("CN", reasons.get(0).details().get("next_country"));
    }

    @Test
    void scansWithoutCoordinatesAreNotTravelChecked() {
        assertEquals(List.of(), ScanRules.evaluate(WORLDWIDE, List.of(scan(T0, "CN", SHANGHAI)), List.of(),
                scan(T0.plusSeconds(60), "FR", null)));
        assertEquals(List.of(), ScanRules.evaluate(WORLDWIDE, List.of(scan(T0, "CN", null)), List.of(),
                scan(T0.plusSeconds(60), "FR", PARIS)));
    }

    @Test
    void moreScansThanTheLimitIsSuspect() {
        Policy policy = new Policy(3, 900, 50, Set.of());
        List<Scan> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.add(scan(T0.plus(Duration.ofDays(i)), "FR", PARIS));
        }
        Scan next = scan(T0.plus(Duration.ofDays(5)), "FR", PARIS);
        assertEquals(List.of(), ScanRules.evaluate(policy, three.subList(0, 2), List.of(), next));
        List<Reason> reasons = ScanRules.evaluate(policy, three, List.of(), next);
        assertEquals(List.of(ReasonCode.SCAN_COUNT_EXCEEDED), codes(reasons));
        assertEquals("4", reasons.get(0).details().get("scan_count"));
        assertEquals("3", reasons.get(0).details().get("limit"));
        assertTrue(reasons.get(0).explanation().contains("4 times"), reasons.get(0).explanation());
    }

    @Test
    void aScanOutsideTheDistributionTerritoryIsSuspect() {
        Policy euAndUs = Policy.defaults(List.of("EU", "us"));
        assertEquals(33 - 6 + 1, euAndUs.territories().size()); // 27 members + US
        for (String inside : List.of("FR", "de", "GR", "US", "MT")) {
            assertEquals(List.of(), ScanRules.evaluate(euAndUs, List.of(), List.of(), scan(T0, inside, null)), inside);
        }
        for (String outside : List.of("CN", "GB", "CH", "NO", "EU")) {
            List<Reason> reasons = ScanRules.evaluate(euAndUs, List.of(), List.of(), scan(T0, outside, null));
            assertEquals(List.of(ReasonCode.OUTSIDE_DISTRIBUTION_TERRITORY), codes(reasons), outside);
            assertEquals(outside, reasons.get(0).details().get("country"));
        }
        // unknown country: no territory verdict; no territories: worldwide
        assertEquals(List.of(), ScanRules.evaluate(euAndUs, List.of(), List.of(), scan(T0, null, PARIS)));
        assertEquals(List.of(), ScanRules.evaluate(WORLDWIDE, List.of(), List.of(), scan(T0, "CN", SHANGHAI)));
        assertEquals(27, ScanRules.EU_MEMBERS.size());
    }

    @Test
    void aScanAfterDecommissioningIsSuspect() {
        List<LifecycleEvent> events = List.of(new LifecycleEvent(T0.minus(Duration.ofDays(10)), Action.ADD),
                new LifecycleEvent(T0.minus(Duration.ofDays(2)), Action.OBSERVE),
                new LifecycleEvent(T0, Action.DELETE));
        List<Reason> reasons = ScanRules.evaluate(WORLDWIDE, List.of(), events, scan(T0.plus(Duration.ofDays(3)), "FR", PARIS));
        assertEquals(List.of(ReasonCode.SCANNED_AFTER_DECOMMISSIONING), codes(reasons));
        assertEquals(T0.toString(), reasons.get(0).details().get("decommissioned_at"));
        assertTrue(reasons.get(0).explanation().contains("3 days before this scan"), reasons.get(0).explanation());
        // a (back-dated) scan before the DELETE, or a code never deleted, is fine
        assertEquals(List.of(), ScanRules.evaluate(WORLDWIDE, List.of(), events, scan(T0.minusSeconds(1), "FR", PARIS)));
        assertEquals(List.of(), ScanRules.evaluate(WORLDWIDE, List.of(), events.subList(0, 2), scan(T0.plus(Duration.ofDays(3)), "FR", PARIS)));
    }

    @Test
    void reasonsComeTogetherInContractOrder() {
        Policy policy = new Policy(1, 900, 50, Set.of("EU"));
        List<Reason> reasons = ScanRules.evaluate(policy, List.of(scan(T0, "FR", PARIS)),
                List.of(new LifecycleEvent(T0.plusSeconds(60), Action.DELETE)), scan(T0.plus(Duration.ofHours(1)), "CN", SHANGHAI));
        assertEquals(List.of(ReasonCode.SCAN_COUNT_EXCEEDED, ReasonCode.IMPOSSIBLE_TRAVEL,
                ReasonCode.OUTSIDE_DISTRIBUTION_TERRITORY, ReasonCode.SCANNED_AFTER_DECOMMISSIONING), codes(reasons));
        reasons.forEach(r -> assertTrue(r.explanation().endsWith("."), r.explanation()));
    }

    private static Scan scan(Instant at, String country, GeoPoint location) {
        return new Scan(at, country, location, "CONSUMER_WEB");
    }

    private static List<ReasonCode> codes(List<Reason> reasons) {
        return reasons.stream().map(Reason::code).toList();
    }
}

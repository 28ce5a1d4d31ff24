package io.cloudsword.verification.codes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The clone-detection rules for one new scan of a valid code: pure functions of the code's
 * recorded scans, its lifecycle events and the brand's policy. An empty answer means GENUINE.
 */
public final class ScanRules {

    /** Mirrors verification.proto SuspectReasonCode. */
    public enum ReasonCode {
        SCAN_COUNT_EXCEEDED, IMPOSSIBLE_TRAVEL, OUTSIDE_DISTRIBUTION_TERRITORY, SCANNED_AFTER_DECOMMISSIONING
    }

    /** Mirrors verification.proto LifecycleAction. */
    public enum Action {
        ADD, OBSERVE, DELETE
    }

    /** A reason, with a sentence a consumer can read and the facts behind it. */
    public record Reason(ReasonCode code, String explanation, Map<String, String> details) {
    }

    /** Coarse coordinates, degrees. */
    public record GeoPoint(double latitude, double longitude) {
        public GeoPoint {
            if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
                throw new IllegalArgumentException("latitude -90..90, longitude -180..180");
            }
        }
    }

    /**
     * One scan. {@code country} (ISO alpha-2) and {@code location} may be null (unknown);
     * {@code channel} is the ScanChannel name, kept for the record (no rule depends on it).
     */
    public record Scan(Instant at, String country, GeoPoint location, String channel) {
    }

    /** One lifecycle event of the code. */
    public record LifecycleEvent(Instant at, Action action) {
    }

    /**
     * The brand's policy.
     *
     * @param maxScans         more scans than this (including the new one) is SUSPECT
     * @param maxSpeedKmh      travel faster than this between consecutive scans is SUSPECT (900: an airliner)
     * @param locationSlackKm  distance forgiven for coarse locations (coordinates rounded to 0.1 degree,
     *                         IP geolocation): speed = max(0, distance - slack) / elapsed, so two scans at
     *                         the same instant more than this far apart are impossible
     * @param territories      ISO alpha-2 codes and "EU" (all member states); empty = worldwide
     */
    public record Policy(int maxScans, double maxSpeedKmh, double locationSlackKm, Set<String> territories) {
        public static final int DEFAULT_MAX_SCANS = 20;
        public static final double DEFAULT_MAX_SPEED_KMH = 900;
        public static final double DEFAULT_LOCATION_SLACK_KM = 50;

        public Policy {
            if (maxScans < 1 || !(maxSpeedKmh > 0) || !(locationSlackKm >= 0)) {
                throw new IllegalArgumentException("maxScans >= 1, maxSpeedKmh > 0, locationSlackKm >= 0");
            }
            territories = expand(territories == null ? Set.of() : territories);
        }

        public static Policy defaults(Collection<String> territories) {
            return new Policy(DEFAULT_MAX_SCANS, DEFAULT_MAX_SPEED_KMH, DEFAULT_LOCATION_SLACK_KM, Set.copyOf(territories));
        }

        public boolean allows(String country) {
            return territories.isEmpty() || territories.contains(country.toUpperCase(Locale.ROOT));
        }
    }

    /** The 27 EU member states (ISO 3166-1 alpha-2; Greece is GR). */
    public static final Set<String> EU_MEMBERS = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
            "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    static final double EARTH_RADIUS_KM = 6371.0088;

    private ScanRules() {
    }

    /**
     * The SUSPECT reasons for {@code scan}, in ReasonCode order; empty when nothing is suspicious.
     *
     * @param history earlier recorded scans of the code (any order, without the new one)
     * @param events  the code's lifecycle events (any order)
     */
    public static List<Reason> evaluate(Policy policy, List<Scan> history, List<LifecycleEvent> events, Scan scan) {
        return evaluate(policy, history.size(), history, events, scan);
    }

    /**
     * As above, for a store that keeps a code's scan count and only its latest located scans
     * ({@code located}) instead of its whole history.
     */
    public static List<Reason> evaluate(Policy policy, long priorScans, List<Scan> located, List<LifecycleEvent> events,
            Scan scan) {
        List<Scan> history = located;
        List<Reason> reasons = new ArrayList<>();
        scanCount(policy, priorScans + 1).ifPresent(reasons::add);
        reasons.addAll(travel(policy, history, scan));
        territory(policy, scan).ifPresent(reasons::add);
        afterDecommissioning(events, scan).ifPresent(reasons::add);
        return List.copyOf(reasons);
    }

    static Optional<Reason> scanCount(Policy policy, long count) {
        if (count <= policy.maxScans()) {
            return Optional.empty();
        }
        return Optional.of(new Reason(ReasonCode.SCAN_COUNT_EXCEEDED,
                String.format(Locale.ROOT, "This code has been scanned %,d times; a genuine item is rarely scanned more than %,d times.",
                        count, policy.maxScans()),
                details("scan_count", Long.toString(count), "limit", Integer.toString(policy.maxScans()))));
    }

    /**
     * Compares the new scan with its neighbours in time among the located scans: the latest one
     * at or before it and the earliest one after it (scans may be back-dated by customs or partners).
     */
    static List<Reason> travel(Policy policy, List<Scan> history, Scan scan) {
        if (scan.location() == null) {
            return List.of();
        }
        Scan before = null;
        Scan after = null;
        for (Scan s : history) {
            if (s.location() == null) {
                continue;
            }
            if (!s.at().isAfter(scan.at())) {
                if (before == null || s.at().isAfter(before.at())) {
                    before = s;
                }
            } else if (after == null || s.at().isBefore(after.at())) {
                after = s;
            }
        }
        List<Reason> out = new ArrayList<>(1);
        // one IMPOSSIBLE_TRAVEL reason is enough: report the faster leg
        Reason worst = null;
        double worstSpeed = -1;
        for (Scan other : new Scan[] {before, after}) {
            if (other == null) {
                continue;
            }
            double km = distanceKm(other.location(), scan.location());
            double effectiveKm = Math.max(0, km - policy.locationSlackKm());
            if (effectiveKm == 0) {
                continue;
            }
            Duration elapsed = Duration.between(other.at(), scan.at()).abs();
            double hours = elapsed.toMillis() / 3_600_000.0;
            double speed = hours == 0 ? Double.POSITIVE_INFINITY : effectiveKm / hours;
            if (speed > policy.maxSpeedKmh() && speed > worstSpeed) {
                worstSpeed = speed;
                // the slack decides; the sentence shows the plain distance over time
                double shownSpeed = hours == 0 ? Double.POSITIVE_INFINITY : km / hours;
                worst = impossibleTravel(other, scan, other == before, km, elapsed, shownSpeed);
            }
        }
        if (worst != null) {
            out.add(worst);
        }
        return out;
    }

    private static Reason impossibleTravel(Scan other, Scan scan, boolean otherFirst, double km, Duration elapsed,
            double speed) {
        String speedText = Double.isInfinite(speed) ? "at the same moment"
                : String.format(Locale.ROOT, "about %,d km/h", Math.round(speed));
        String sentence = String.format(Locale.ROOT, "This code was scanned %s %s %s this scan %s, %,d km away (%s).",
                place(other), duration(elapsed), otherFirst ? "before" : "after", place(scan), Math.round(km), speedText);
        Map<String, String> details = details(
                "distance_km", Long.toString(Math.round(km)),
                "elapsed_minutes", Long.toString(elapsed.toMinutes()),
                "speed_kmh", Double.isInfinite(speed) ? "infinite" : Long.toString(Math.round(speed)));
        if (other.country() != null) {
            details.put(otherFirst ? "previous_country" : "next_country", other.country());
        }
        return new Reason(ReasonCode.IMPOSSIBLE_TRAVEL, sentence, Map.copyOf(details));
    }

    static Optional<Reason> territory(Policy policy, Scan scan) {
        if (scan.country() == null || scan.country().isBlank() || policy.allows(scan.country())) {
            return Optional.empty();
        }
        String country = scan.country().toUpperCase(Locale.ROOT);
        return Optional.of(new Reason(ReasonCode.OUTSIDE_DISTRIBUTION_TERRITORY,
                "This code was scanned in " + country + ", where the brand does not distribute this product.",
                Map.copyOf(details("country", country, "territories", String.join(",", new TreeSet<>(policy.territories()))))));
    }

    static Optional<Reason> afterDecommissioning(List<LifecycleEvent> events, Scan scan) {
        Instant deleted = null;
        for (LifecycleEvent e : events) {
            if (e.action() == Action.DELETE && !e.at().isAfter(scan.at()) && (deleted == null || e.at().isBefore(deleted))) {
                deleted = e.at();
            }
        }
        if (deleted == null) {
            return Optional.empty();
        }
        return Optional.of(new Reason(ReasonCode.SCANNED_AFTER_DECOMMISSIONING,
                "This code was taken out of circulation (sold, used up or destroyed) " + duration(Duration.between(deleted, scan.at()))
                        + " before this scan; a genuine item's code is not scanned again.",
                Map.copyOf(details("decommissioned_at", deleted.toString()))));
    }

    /** Great-circle distance (haversine). */
    public static double distanceKm(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.latitude())) * Math.cos(Math.toRadians(b.latitude())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    static Set<String> expand(Set<String> territories) {
        Set<String> out = new TreeSet<>();
        for (String t : territories) {
            String u = t.strip().toUpperCase(Locale.ROOT);
            if (u.equals("EU")) {
                out.addAll(EU_MEMBERS);
            } else {
                out.add(u);
            }
        }
        return Set.copyOf(out);
    }

    private static String place(Scan s) {
        return s.country() == null || s.country().isBlank() ? "elsewhere" : "in " + s.country().toUpperCase(Locale.ROOT);
    }

    private static String duration(Duration d) {
        long minutes = d.abs().toMinutes();
        if (minutes < 1) {
            return "less than a minute";
        }
        if (minutes < 120) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " hours";
        }
        return (hours / 24) + " days";
    }

    private static Map<String, String> details(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}

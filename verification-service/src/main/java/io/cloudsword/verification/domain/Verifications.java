package io.cloudsword.verification.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cloudsword.kit.Ids;
import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.paging.Page;
import io.cloudsword.verification.codes.CodeKey;
import io.cloudsword.verification.codes.DigitalLink;
import io.cloudsword.verification.codes.ScanRules;
import io.cloudsword.verification.codes.SerialCodec;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Verify: is this code one we issued (its MAC, checked in constant time, under the key of the
 * batch whose nonce range holds it), and does anything about this scan suggest a copy? A valid
 * code's scan is recorded in two statements: one upsert of the code's state that returns what the
 * rules need (scan count, the previous located scan, lifecycle), one insert of the scan with its
 * verdict. An INVALID code stores nothing, and costs an anonymous client more of its allowance.
 */
@ApplicationScoped
public class Verifications {

    /** Back-dated scans (customs, partners, owners) may be at most this old. */
    static final Duration MAX_BACKDATE = Duration.ofDays(7);
    /** Clock skew allowed for a scan time given by a device. */
    static final Duration MAX_FUTURE = Duration.ofMinutes(5);

    public enum Verdict {
        GENUINE, SUSPECT, INVALID
    }

    public enum Lifecycle {
        ISSUED, COMMISSIONED, DECOMMISSIONED
    }

    public record ScanInput(String country, ScanRules.GeoPoint location, String channel, String deviceHint,
            Instant scannedAt) {
    }

    /** What is known of a code; {@code scanId} null when nothing was recorded. */
    public record Result(Verdict verdict, List<ScanRules.Reason> reasons, String gtin, String serial, UUID brandId,
            UUID ownerId, UUID batchId, long scanCount, Instant firstScannedAt, String firstScanCountry,
            Lifecycle lifecycle, String lastBusinessStep, String scanId, Long logIndex) {

        static Result invalid(DigitalLink link) {
            return new Result(Verdict.INVALID, List.of(), link.gtin14(), link.serial(), null, null, null, 0, null, "",
                    Lifecycle.ISSUED, "", null, null);
        }
    }

    public record ScanView(UUID id, Instant scannedAt, String country, ScanRules.GeoPoint location, String channel,
            Verdict verdict, List<ScanRules.Reason> reasons, OffsetDateTime exactTime) {
    }

    /** A code found in a batch: its batch facts and its log index. */
    public record Located(IssuedBatch batch, long index, long logIndex) {
    }

    private final Pool pool;
    private final KeyRing keys;
    private final BrandDirectory brands;
    private final RateLimits limits;
    private final Clock clock;
    private final int maxScans;
    private final double maxSpeedKmh;

    public Verifications(Pool pool, KeyRing keys, BrandDirectory brands, RateLimits limits, Clock clock,
            @ConfigProperty(name = "cloudsword.codes.max-scans", defaultValue = "20") int maxScans,
            @ConfigProperty(name = "cloudsword.codes.max-speed-kmh", defaultValue = "900") double maxSpeedKmh) {
        this.pool = pool;
        this.keys = keys;
        this.brands = brands;
        this.limits = limits;
        this.clock = clock;
        this.maxScans = maxScans;
        this.maxSpeedKmh = maxSpeedKmh;
    }

    /** Verifies and records one scan. Malformed codes are INVALID_ARGUMENT naming {@code field}. */
    public Uni<Result> verify(Caller caller, String clientKey, String field, String code, ScanInput context) {
        DigitalLink link;
        ScanInput scan;
        try {
            limits.take(caller, clientKey, 1);
            link = DigitalLink.parse(field, code);
            scan = validated(caller, context);
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        return locateWithState(link).flatMap(found -> {
            if (found == null) {
                limits.penalizeInvalid(caller, clientKey);
                return Uni.createFrom().item(Result.invalid(link));
            }
            return brands.brand(found.located().batch().brandId())
                    .map(b -> b.territories())
                    .onFailure().recoverWithItem(List.of()) // the registry being down must not stop verification
                    .flatMap(territories -> record(found, link, scan, territories));
        });
    }

    /** An issued code's state for its owner (and staff), recording nothing. */
    public Uni<Result> get(Caller caller, String code) {
        DigitalLink link;
        try {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.REVIEWER, Caller.ADMIN);
            link = DigitalLink.parse("code", code);
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        return callersCode(caller, link).flatMap(found -> pool.preparedQuery("SELECT s.scan_count, s.first_scanned_at, s.first_country, "
                    + LIFECYCLE_COLUMNS + " FROM (SELECT $1::int8 AS log_index) c "
                    + "LEFT JOIN code_state s ON s.log_index = c.log_index")
                    .execute(Tuple.of(found.logIndex())).map(rows -> {
                        Row r = rows.iterator().next();
                        Long count = r.getLong(0);
                        return result(found, link, List.of(), count == null ? 0 : count, r.getOffsetDateTime(1),
                                r.getString(2), r.getOffsetDateTime(3), r.getString(4), null);
                    }));
    }

    /** An issued code of the caller's own; anyone else's, or a code never issued, is not found. */
    private Uni<Located> callersCode(Caller caller, DigitalLink link) {
        return locate(link).map(found -> {
            if (found == null || !caller.actsFor(found.batch().ownerId())) {
                throw DomainException.notFound("code", "CODE_NOT_FOUND", "No issued code of the caller's is " + link.path());
            }
            return found;
        });
    }

    /** The owner's view of where and when a code was scanned, newest first. */
    public Uni<Page.Slice<ScanView>> scans(Caller caller, String code, int first, String after) {
        DigitalLink link;
        Page page;
        try {
            caller.requireRole(Caller.RIGHTS_OWNER, Caller.REVIEWER, Caller.ADMIN);
            link = DigitalLink.parse("code", code);
            page = Page.of(first, after, "scans-newest", 2);
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        return callersCode(caller, link).flatMap(found -> {
            List<Object> args = new ArrayList<>(List.of(found.logIndex()));
            String sql = "SELECT id, scanned_at, country, lat, lon, channel, verdict, reasons FROM code_scan WHERE log_index = $1";
            if (!page.first()) {
                args.add(OffsetDateTime.parse(page.after().get(0)));
                args.add(UUID.fromString(page.after().get(1)));
                sql += " AND (scanned_at, id) < ($2, $3)";
            }
            args.add(page.size() + 1);
            sql += " ORDER BY scanned_at DESC, id DESC LIMIT $" + args.size();
            return pool.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
                List<ScanView> out = new ArrayList<>();
                rows.forEach(r -> out.add(new ScanView(r.getUUID(0), r.getOffsetDateTime(1).toInstant(), r.getString(2),
                        r.getDouble(3) == null ? null : new ScanRules.GeoPoint(r.getDouble(3), r.getDouble(4)),
                        r.getString(5), Verdict.valueOf(r.getString(6)), reasons(r.getJsonArray(7)),
                        r.getOffsetDateTime(1))));
                return page.slice(out);
            });
        });
    }

    public static String cursor(ScanView s) {
        return Page.cursor("scans-newest", s.exactTime().toString(), s.id().toString());
    }

    /**
     * The batch holding the code and the code's place in it, or null when the code was never issued
     * or its MAC fails (the two are not told apart).
     */
    public Uni<Located> locate(DigitalLink link) {
        return locateWithState(link).map(found -> found == null ? null : found.located());
    }

    /** What the scan rules need of a code before this scan (a code never scanned has count 0). */
    record Prior(long scanCount, OffsetDateTime lastAt, Double lastLat, Double lastLon, String lastCountry,
            OffsetDateTime deletedAt) {
    }

    record Found(Located located, Prior prior) {
    }

    /**
     * The batch holding the code, the code's place in it and its state so far, in one statement;
     * null when the code was never issued or its MAC fails (the two are not told apart).
     */
    Uni<Found> locateWithState(DigitalLink link) {
        SerialCodec.Result parts = SerialCodec.peek(link.serial());
        if (parts == null) {
            return Uni.createFrom().nullItem();
        }
        return pool.preparedQuery(LOCATE).execute(Tuple.of(link.gtin14(), (short) parts.keyId(), parts.nonce()))
                .flatMap(rows -> {
                    List<Uni<Found>> candidates = new ArrayList<>();
                    for (Row r : rows) {
                        long index = parts.nonce() - r.getLong(1);
                        long logIndex = r.getLong(2);
                        Long count = r.getLong(3);
                        Prior prior = new Prior(count == null ? 0 : count, r.getOffsetDateTime(4), r.getDouble(5),
                                r.getDouble(6), r.getString(7), r.getOffsetDateTime(8));
                        candidates.add(keys.batch(r.getUUID(0)).map(b -> new Found(new Located(b, index, logIndex), prior)));
                    }
                    if (candidates.isEmpty()) {
                        // keep the MAC work when no batch matches, so timing tells nothing about the MAC
                        SerialCodec.check(link.gtin14(), link.serial(), List.of());
                        return Uni.createFrom().nullItem();
                    }
                    return Uni.join().all(candidates).andFailFast().map(found -> {
                        Found match = null;
                        for (Found f : found) {
                            CodeKey key = f.located().batch().key();
                            if (SerialCodec.check(link.gtin14(), link.serial(), List.of(key)).valid() && match == null) {
                                match = f;
                            }
                        }
                        return match;
                    });
                });
    }

    /** Candidate batches by (GTIN, key id character, nonce), each with the code's state if it has one. */
    private static final String LOCATE = "SELECT b.id, b.nonce_first, c.log_index, s.scan_count, s.last_at, s.last_lat, "
            + "s.last_lon, s.last_country, "
            + "(SELECT min(i.event_time) FROM lifecycle_item i WHERE i.codes @> c.log_index AND i.action = 'DELETE') "
            + "FROM code_batch b CROSS JOIN LATERAL (SELECT b.first_code_log_index + ($3 - b.nonce_first) AS log_index) c "
            + "LEFT JOIN code_state s ON s.log_index = c.log_index "
            + "WHERE b.gtin = $1 AND b.key_char = $2 AND b.nonce_first <= $3 AND b.nonce_first + b.quantity > $3 "
            + "AND b.status = 'COMPLETED'";

    private static final String LIFECYCLE_COLUMNS =
            "(SELECT min(i.event_time) FROM lifecycle_item i WHERE i.codes @> c.log_index AND i.action = 'DELETE') AS deleted_at, "
                    + "(SELECT i.business_step FROM lifecycle_item i WHERE i.codes @> c.log_index "
                    + "ORDER BY i.event_time DESC LIMIT 1) AS last_step";

    /**
     * One statement, so one commit: the code's state and the scan are written together or not at
     * all. The state keeps the latest located scan (what the travel rule compares with next time).
     */
    private static final String RECORD = "WITH up AS ("
            + "INSERT INTO code_state AS s (log_index, batch_id, scan_count, first_scanned_at, first_country, "
            + "last_at, last_lat, last_lon, last_country) VALUES ($1, $2, 1, $3, $4, "
            + "CASE WHEN $5::float8 IS NULL THEN NULL ELSE $3 END, $5, $6, CASE WHEN $5::float8 IS NULL THEN NULL ELSE $4 END) "
            + "ON CONFLICT (log_index) DO UPDATE SET scan_count = s.scan_count + 1, "
            + "first_country = CASE WHEN EXCLUDED.first_scanned_at < s.first_scanned_at THEN EXCLUDED.first_country ELSE s.first_country END, "
            + "first_scanned_at = LEAST(s.first_scanned_at, EXCLUDED.first_scanned_at), "
            + "last_at = coalesce(EXCLUDED.last_at, s.last_at), last_lat = coalesce(EXCLUDED.last_lat, s.last_lat), "
            + "last_lon = coalesce(EXCLUDED.last_lon, s.last_lon), last_country = coalesce(EXCLUDED.last_country, s.last_country) "
            + "RETURNING scan_count, first_scanned_at, first_country), "
            + "scan AS (INSERT INTO code_scan (id, log_index, scanned_at, recorded_at, country, lat, lon, channel, verdict, reasons) "
            + "VALUES ($7, $1, $3, $8, $4, $5, $6, $9, $10, $11)) "
            + "SELECT scan_count, first_scanned_at, first_country, "
            + "(SELECT i.business_step FROM lifecycle_item i WHERE i.codes @> $1::int8 ORDER BY i.event_time DESC LIMIT 1) "
            + "FROM up";

    private Uni<Result> record(Found found, DigitalLink link, ScanInput scan, List<String> territories) {
        Located located = found.located();
        Prior prior = found.prior();
        OffsetDateTime at = scan.scannedAt().atOffset(ZoneOffset.UTC);
        Double lat = scan.location() == null ? null : scan.location().latitude();
        Double lon = scan.location() == null ? null : scan.location().longitude();
        List<ScanRules.Scan> previous = new ArrayList<>(1);
        if (lat != null && prior.lastAt() != null && prior.lastLat() != null) {
            previous.add(new ScanRules.Scan(prior.lastAt().toInstant(), prior.lastCountry(),
                    new ScanRules.GeoPoint(prior.lastLat(), prior.lastLon()), null));
        }
        List<ScanRules.LifecycleEvent> events = prior.deletedAt() == null ? List.of()
                : List.of(new ScanRules.LifecycleEvent(prior.deletedAt().toInstant(), ScanRules.Action.DELETE));
        ScanRules.Policy policy = new ScanRules.Policy(maxScans, maxSpeedKmh, ScanRules.Policy.DEFAULT_LOCATION_SLACK_KM,
                Set.copyOf(territories));
        List<ScanRules.Reason> reasons = ScanRules.evaluate(policy, prior.scanCount(), previous, events,
                new ScanRules.Scan(scan.scannedAt(), scan.country().isEmpty() ? null : scan.country(), scan.location(),
                        scan.channel()));
        UUID scanId = UUID.fromString(Ids.newId());
        Verdict verdict = reasons.isEmpty() ? Verdict.GENUINE : Verdict.SUSPECT;
        return pool.preparedQuery(RECORD).execute(Tuple.tuple().addLong(located.logIndex())
                .addUUID(located.batch().id()).addOffsetDateTime(at).addString(scan.country()).addDouble(lat)
                .addDouble(lon).addUUID(scanId).addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC))
                .addString(scan.channel()).addString(verdict.name()).addValue(json(reasons))).map(rows -> {
                    Row r = rows.iterator().next();
                    return result(located, link, reasons, r.getLong(0), r.getOffsetDateTime(1), r.getString(2),
                            prior.deletedAt(), r.getString(3), scanId.toString());
                });
    }

    private Result result(Located found, DigitalLink link, List<ScanRules.Reason> reasons, long count,
            OffsetDateTime firstScanned, String firstCountry, OffsetDateTime deletedAt, String lastStep, String scanId) {
        Lifecycle lifecycle = deletedAt != null ? Lifecycle.DECOMMISSIONED
                : lastStep != null ? Lifecycle.COMMISSIONED : Lifecycle.ISSUED;
        return new Result(reasons.isEmpty() ? Verdict.GENUINE : Verdict.SUSPECT, reasons, link.gtin14(), link.serial(),
                found.batch().brandId(), found.batch().ownerId(), found.batch().id(), count,
                firstScanned == null ? null : firstScanned.toInstant(), firstCountry == null ? "" : firstCountry,
                lifecycle, lastStep == null ? "" : lastStep, scanId, found.logIndex());
    }

    private ScanInput validated(Caller caller, ScanInput in) {
        String country = in.country() == null || in.country().isBlank() ? "" : Checks.country("context.country", in.country());
        ScanRules.GeoPoint location = null;
        if (in.location() != null) {
            double lat = in.location().latitude();
            double lon = in.location().longitude();
            if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
                throw DomainException.invalid("context.location", "VALUE_OUT_OF_RANGE",
                        "location must be latitude -90..90 and longitude -180..180");
            }
            // coarse by design: about 11 km, before anything is stored or compared
            location = new ScanRules.GeoPoint(Math.round(lat * 10) / 10.0, Math.round(lon * 10) / 10.0);
        }
        Checks.optionalText("context.device_hint", in.deviceHint(), 128);
        Instant now = clock.instant();
        Instant at = now;
        if (in.scannedAt() != null) {
            if (!caller.hasRole(Caller.CUSTOMS) && !caller.hasRole(Caller.PLATFORM_PARTNER)
                    && !caller.hasRole(Caller.RIGHTS_OWNER) && !caller.hasRole(Caller.ADMIN)) {
                throw DomainException.forbidden("ROLE_REQUIRED",
                        "Only customs, platform partners and rights owners may give context.scanned_at");
            }
            if (in.scannedAt().isBefore(now.minus(MAX_BACKDATE)) || in.scannedAt().isAfter(now.plus(MAX_FUTURE))) {
                throw DomainException.invalid("context.scanned_at", "VALUE_OUT_OF_RANGE",
                        "scanned_at must be within the last 7 days and not in the future");
            }
            at = in.scannedAt();
        }
        return new ScanInput(country, location, in.channel(), in.deviceHint(), at);
    }

    static JsonArray json(List<ScanRules.Reason> reasons) {
        JsonArray out = new JsonArray();
        for (ScanRules.Reason r : reasons) {
            JsonObject details = new JsonObject();
            r.details().forEach(details::put);
            out.add(new JsonObject().put("code", r.code().name()).put("explanation", r.explanation())
                    .put("details", details));
        }
        return out;
    }

    static List<ScanRules.Reason> reasons(JsonArray json) {
        List<ScanRules.Reason> out = new ArrayList<>();
        if (json == null) {
            return out;
        }
        for (int i = 0; i < json.size(); i++) {
            JsonObject o = json.getJsonObject(i);
            java.util.Map<String, String> details = new java.util.HashMap<>();
            o.getJsonObject("details").forEach(e -> details.put(e.getKey(), String.valueOf(e.getValue())));
            out.add(new ScanRules.Reason(ScanRules.ReasonCode.valueOf(o.getString("code")), o.getString("explanation"),
                    Map.copyOf(details)));
        }
        return out;
    }
}

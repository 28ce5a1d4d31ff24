package io.cloudsword.verification.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.cloudsword.kit.auth.Caller;
import io.cloudsword.kit.error.Checks;
import io.cloudsword.kit.error.DomainException;
import io.cloudsword.kit.paging.Page;
import io.cloudsword.verification.codes.DigitalLink;
import io.cloudsword.verification.codes.SerialCodec;
import io.cloudsword.verification.log.LogEntries;
import io.cloudsword.verification.log.TransparencyLog;

/**
 * EPCIS 2.0 ObjectEvents on issued codes: ADD with COMMISSIONING; OBSERVE with SHIPPING,
 * RECEIVING, RETAIL_SELLING or INSPECTING; DELETE with DECOMMISSIONING or DESTROYING. Nothing
 * but INSPECTING may happen to a decommissioned code. Each event is one log entry, written in the
 * same transaction as the event, and idempotent on its event id. Blocking: call on a worker thread.
 */
@ApplicationScoped
public class LifecycleEvents {

    public static final int MAX_CODES = 10_000;
    static final Pattern OFFSET = Pattern.compile("^[+-](0\\d|1[0-4]):[0-5]\\d$");
    static final Map<String, List<String>> STEPS = Map.of(
            "ADD", List.of("COMMISSIONING"),
            "OBSERVE", List.of("SHIPPING", "RECEIVING", "RETAIL_SELLING", "INSPECTING"),
            "DELETE", List.of("DECOMMISSIONING", "DESTROYING"));

    /** One event as received; {@code input} is its wire form, echoed back unchanged. */
    public record NewEvent(String eventId, String action, String businessStep, List<String> codes, String rangeBatchId,
            long rangeStart, long rangeEnd, Instant eventTime, String timeZoneOffset, String readPoint,
            String businessLocation, String country, byte[] input) {
    }

    public record Recorded(UUID eventId, UUID ownerId, String recordedBy, String recordedRole, Instant recordedAt,
            long logIndex, long codeCount, byte[] input, boolean created) {
    }

    private final TransparencyLog log;
    private final KeyRing keys;
    private final Clock clock;

    public LifecycleEvents(TransparencyLog log, KeyRing keys, Clock clock) {
        this.log = log;
        this.keys = keys;
        this.clock = clock;
    }

    public Recorded record(Caller caller, NewEvent e) {
        caller.requireRole(Caller.RIGHTS_OWNER, Caller.ADMIN);
        UUID eventId = UUID.fromString(Checks.id("event.event_id", e.eventId()));
        List<String> steps = STEPS.get(e.action());
        if (steps == null) {
            throw DomainException.invalid("event.action", "FIELD_REQUIRED", "action must be ADD, OBSERVE or DELETE");
        }
        if (!steps.contains(e.businessStep())) {
            throw DomainException.invalid("event.business_step", "INVALID_BUSINESS_STEP",
                    e.action() + " goes with " + String.join(", ", steps) + ", not " + e.businessStep());
        }
        if (e.eventTime() == null) {
            throw DomainException.invalid("event.event_time", "FIELD_REQUIRED", "event_time is required");
        }
        if (e.eventTime().isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
            throw DomainException.invalid("event.event_time", "VALUE_OUT_OF_RANGE", "event_time is in the future");
        }
        if (!OFFSET.matcher(e.timeZoneOffset()).matches()) {
            throw DomainException.invalid("event.event_time_zone_offset", "INVALID_FORMAT",
                    "event_time_zone_offset must look like +08:00 or -05:00");
        }
        String country = Checks.country("event.place.country", e.country());
        Checks.optionalText("event.place.read_point", e.readPoint(), 200);
        Checks.optionalText("event.place.business_location", e.businessLocation(), 200);
        boolean hasRange = !e.rangeBatchId().isEmpty();
        if (hasRange == !e.codes().isEmpty()) {
            throw DomainException.invalid("event.codes", "FIELD_REQUIRED",
                    "give exactly one of codes (1.." + MAX_CODES + ") or range");
        }
        if (e.codes().size() > MAX_CODES) {
            throw DomainException.invalid("event.codes", "TOO_MANY_ITEMS", "at most " + MAX_CODES + " codes per event");
        }
        List<DigitalLink> links = new ArrayList<>();
        for (int i = 0; i < e.codes().size(); i++) {
            links.add(DigitalLink.parse("event.codes[" + i + "]", e.codes().get(i)));
        }
        return log.write(appender -> {
            Connection c = appender.connection();
            Recorded existing = find(c, eventId);
            if (existing != null) {
                return existing;
            }
            UUID owner = null;
            TreeSet<Long> single = new TreeSet<>();
            List<long[]> ranges = new ArrayList<>();
            if (hasRange) {
                UUID batchId = UUID.fromString(Checks.id("event.range.batch_id", e.rangeBatchId()));
                long[] batch = completedBatch(c, batchId);
                if (batch == null) {
                    throw DomainException.notFound("event.range.batch_id", "BATCH_NOT_FOUND",
                            "No completed code batch with id " + batchId);
                }
                owner = keys.batch(c, batchId).ownerId();
                if (e.rangeStart() < 0 || e.rangeEnd() <= e.rangeStart() || e.rangeEnd() > batch[1]) {
                    throw DomainException.invalid("event.range", "VALUE_OUT_OF_RANGE",
                            "range must satisfy 0 <= start_index < end_index <= " + batch[1]);
                }
                ranges.add(new long[] { batch[0] + e.rangeStart(), batch[0] + e.rangeEnd() });
            } else {
                for (int i = 0; i < links.size(); i++) {
                    long[] found = locate(c, links.get(i));
                    if (found == null) {
                        throw DomainException.notFound("event.codes[" + i + "]", "CODE_NOT_FOUND",
                                "No issued code is " + links.get(i).path());
                    }
                    UUID codeOwner = keys.batch(c, new UUID(found[1], found[2])).ownerId();
                    if (owner != null && !owner.equals(codeOwner)) {
                        throw DomainException.invalid("event.codes[" + i + "]", "MIXED_OWNERS",
                                "all codes of one event must belong to one owner");
                    }
                    owner = codeOwner;
                    single.add(found[0]);
                }
                ranges.addAll(merge(single));
            }
            if (!caller.actsFor(owner)) {
                throw DomainException.forbidden("NOT_OWNER", "The codes are not the caller's");
            }
            if (!"INSPECTING".equals(e.businessStep())) {
                Long dead = firstDecommissioned(c, ranges);
                if (dead != null) {
                    throw DomainException.failedPrecondition("event", "INVALID_STATE_TRANSITION",
                            "code at log index " + dead + " is decommissioned; only INSPECTING may follow");
                }
            }
            long count = ranges.stream().mapToLong(r -> r[1] - r[0]).sum();
            Instant now = clock.instant();
            long logIndex = appender.appendEntry("LIFECYCLE_EVENT", LogEntries.lifecycleEvent(eventId, owner, e.action(),
                    e.businessStep(), e.eventTime(), e.timeZoneOffset(), country, e.readPoint(), ranges));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lifecycle_event (event_id, owner_id, action, "
                    + "business_step, event_time, input, recorded_by, recorded_role, recorded_at, log_index, code_count) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, eventId);
                ps.setObject(2, owner);
                ps.setString(3, e.action());
                ps.setString(4, e.businessStep());
                ps.setTimestamp(5, Timestamp.from(e.eventTime()));
                ps.setBytes(6, e.input());
                ps.setString(7, caller.subject());
                ps.setString(8, caller.isStaff() ? Caller.ADMIN : Caller.RIGHTS_OWNER);
                ps.setTimestamp(9, Timestamp.from(now));
                ps.setLong(10, logIndex);
                ps.setLong(11, count);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lifecycle_item (event_id, codes, action, "
                    + "business_step, event_time) VALUES (?, int8range(?, ?), ?, ?, ?)")) {
                for (long[] r : ranges) {
                    ps.setObject(1, eventId);
                    ps.setLong(2, r[0]);
                    ps.setLong(3, r[1]);
                    ps.setString(4, e.action());
                    ps.setString(5, e.businessStep());
                    ps.setTimestamp(6, Timestamp.from(e.eventTime()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return new Recorded(eventId, owner, caller.subject(), caller.isStaff() ? Caller.ADMIN : Caller.RIGHTS_OWNER,
                    now, logIndex, count, e.input(), true);
        });
    }

    /** Events covering the code, oldest first; the caller must own it. */
    public Page.Slice<Recorded> forCode(Caller caller, String code, int first, String after) {
        caller.requireRole(Caller.RIGHTS_OWNER, Caller.REVIEWER, Caller.ADMIN);
        DigitalLink link = DigitalLink.parse("code", code);
        Page page = Page.of(first, after, "events-oldest", 2);
        return log.read(c -> {
            long[] found = locate(c, link);
            if (found == null || !caller.actsFor(keys.batch(c, new UUID(found[1], found[2])).ownerId())) {
                throw DomainException.notFound("code", "CODE_NOT_FOUND", "No issued code of the caller's is " + link.path());
            }
            List<Recorded> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT e.event_id, e.owner_id, e.recorded_by, "
                    + "e.recorded_role, e.recorded_at, e.log_index, e.code_count, e.input, e.event_time FROM lifecycle_event e "
                    + "JOIN lifecycle_item i ON i.event_id = e.event_id WHERE i.codes @> ?::int8 "
                    + "AND (e.recorded_at, e.event_id) > (?, ?) ORDER BY e.recorded_at, e.event_id LIMIT ?")) {
                ps.setLong(1, found[0]);
                ps.setTimestamp(2, Timestamp.from(page.first() ? Instant.EPOCH : Instant.parse(page.after().get(0))));
                ps.setObject(3, page.first() ? new UUID(0, 0) : UUID.fromString(page.after().get(1)));
                ps.setInt(4, page.size() + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(recorded(rs, false));
                    }
                }
            }
            return page.slice(out);
        });
    }

    /** Where the next page starts after this event. */
    public static String cursor(Recorded e) {
        return Page.cursor("events-oldest", e.recordedAt().toString(), e.eventId().toString());
    }

    private static Recorded recorded(ResultSet rs, boolean created) throws SQLException {
        return new Recorded(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getLong(7), rs.getBytes(8), created);
    }

    private static Recorded find(Connection c, UUID eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT event_id, owner_id, recorded_by, recorded_role, "
                + "recorded_at, log_index, code_count, input FROM lifecycle_event WHERE event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? recorded(rs, false) : null;
            }
        }
    }

    /** {first code log index, quantity} of a COMPLETED batch, or null. */
    private static long[] completedBatch(Connection c, UUID batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT first_code_log_index, quantity FROM code_batch WHERE id = ? AND status = 'COMPLETED'")) {
            ps.setObject(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new long[] { rs.getLong(1), rs.getLong(2) } : null;
            }
        }
    }

    /** {log index, batch id high bits, batch id low bits} of an issued code with a valid MAC, or null. */
    private long[] locate(Connection c, DigitalLink link) throws SQLException {
        SerialCodec.Result parts = SerialCodec.peek(link.serial());
        if (parts == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, nonce_first, first_code_log_index FROM code_batch "
                + "WHERE gtin = ? AND key_char = ? AND nonce_first <= ? AND nonce_first + quantity > ? AND status = 'COMPLETED'")) {
            ps.setString(1, link.gtin14());
            ps.setInt(2, parts.keyId());
            ps.setLong(3, parts.nonce());
            ps.setLong(4, parts.nonce());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID batchId = rs.getObject(1, UUID.class);
                    IssuedBatch batch = keys.batch(c, batchId);
                    if (SerialCodec.check(link.gtin14(), link.serial(), List.of(batch.key())).valid()) {
                        return new long[] { rs.getLong(3) + parts.nonce() - rs.getLong(2),
                                batchId.getMostSignificantBits(), batchId.getLeastSignificantBits() };
                    }
                }
            }
        }
        return null;
    }

    private static Long firstDecommissioned(Connection c, List<long[]> ranges) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT greatest(lower(codes), ?) FROM lifecycle_item "
                + "WHERE action = 'DELETE' AND codes && int8range(?, ?) LIMIT 1")) {
            for (long[] r : ranges) {
                ps.setLong(1, r[0]);
                ps.setLong(2, r[0]);
                ps.setLong(3, r[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
        }
        return null;
    }

    /** Sorted single indexes as half-open ranges, neighbours joined. */
    static List<long[]> merge(TreeSet<Long> indexes) {
        List<long[]> out = new ArrayList<>();
        for (long i : indexes) {
            if (!out.isEmpty() && out.get(out.size() - 1)[1] == i) {
                out.get(out.size() - 1)[1] = i + 1;
            } else {
                out.add(new long[] { i, i + 1 });
            }
        }
        return out;
    }
}

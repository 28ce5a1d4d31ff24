package io.cloudsword.complaint.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One record of a notice's audit trail, and the hash chain over them:
 * {@code hash = SHA-256(prev_hash ‖ canonical bytes)}, the first record's prev_hash being 32 zero
 * bytes (64 zeros in hex). The canonical bytes are every field but the hash, in declaration
 * order, each as a 4-byte big-endian length and its UTF-8 bytes; sequence and occurred_at (epoch
 * microseconds) as decimal text; details sorted by key, preceded by their count. Changing any
 * byte of a stored record, or removing or reordering records, breaks the chain from there on.
 */
public record AuditRecord(String noticeId, long sequence, String subject, String subjectId, String fromState,
        String toState, String actorSubject, String actorRole, String actorOwnerId, String actorPlatform, String reason,
        SortedMap<String, String> details, Instant occurredAt, String prevHash, String hash) {

    public static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    /** What a transition is about: the notice, one item, or a record attached to the notice. */
    public enum Subject {
        NOTICE, NOTICE_ITEM, COUNTER_NOTICE, LEGAL_ACTION_PROOF, APPEAL, EFFECT
    }

    /** Who made a transition happen. */
    public record Actor(String subject, String role, String ownerId, String platform) {
        public static final Actor TIMER = new Actor("complaint-service", "system", "", "");
        public static final Actor OUTBOX = new Actor("complaint-service/outbox", "system", "", "");
    }

    /** A transition before it is chained (no sequence, no hashes yet). */
    public record Draft(Subject subject, String subjectId, String fromState, String toState, Actor actor,
            String reason, Map<String, String> details) {
    }

    /** The record that follows {@code prevHash} at {@code sequence}, hashed. */
    public static AuditRecord chain(String noticeId, long sequence, String prevHash, Draft d, Instant at) {
        AuditRecord unhashed = new AuditRecord(noticeId, sequence, d.subject().name(), nz(d.subjectId()),
                nz(d.fromState()), nz(d.toState()), nz(d.actor().subject()), nz(d.actor().role()),
                nz(d.actor().ownerId()), nz(d.actor().platform()), nz(d.reason()), new TreeMap<>(d.details()),
                at.truncatedTo(ChronoUnit.MICROS), prevHash, "");
        return unhashed.withHash(unhashed.computeHash());
    }

    public AuditRecord withHash(String h) {
        return new AuditRecord(noticeId, sequence, subject, subjectId, fromState, toState, actorSubject, actorRole,
                actorOwnerId, actorPlatform, reason, details, occurredAt, prevHash, h);
    }

    /** SHA-256(prev_hash ‖ canonical bytes), hex. */
    public String computeHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(HEX.parseHex(prevHash));
            sha.update(canonicalBytes());
            return HEX.formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    byte[] canonicalBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (String field : new String[] { noticeId, Long.toString(sequence), subject, subjectId, fromState, toState,
                actorSubject, actorRole, actorOwnerId, actorPlatform, reason }) {
            put(out, field);
        }
        put(out, Integer.toString(details.size()));
        details.forEach((k, v) -> {
            put(out, k);
            put(out, v);
        });
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt);
        put(out, Long.toString(micros));
        put(out, prevHash);
        return out.toByteArray();
    }

    private static void put(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
        out.writeBytes(b);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

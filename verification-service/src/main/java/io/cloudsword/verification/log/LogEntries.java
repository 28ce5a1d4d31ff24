package io.cloudsword.verification.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The bytes of each kind of log entry: short, line-based text, so a person reading an entry in a
 * proof bundle sees what it vouches for, and a program can check it (the first line names the
 * kind and version). Never change a format in place: entries already in the log are hashed.
 */
public final class LogEntries {

    public static final String CODE = "cloudsword/code/v1";
    public static final String BATCH = "cloudsword/batch/v1";
    public static final String EVENT = "cloudsword/event/v1";
    public static final String KEY = "cloudsword/key/v1";

    /** Above this many separate ranges, an event entry carries their digest instead of the list. */
    static final int MAX_LISTED_RANGES = 1000;

    private LogEntries() {
    }

    /**
     * One issued code: its Digital Link path (GTIN-14 and serial) and its place in its batch.
     * The resolver host is not part of a code's identity, so it is not logged.
     */
    public static byte[] code(String gtin14, String serial, UUID batchId, long index) {
        return (CODE + "\n01/" + gtin14 + "/21/" + serial + "\nbatch " + batchId + " " + index + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The commitment closing a batch: who ordered it, and the log range its codes occupy. */
    public static byte[] batchCommitment(UUID batchId, UUID ownerId, UUID brandId, String gtin14, long quantity,
            UUID keyId, int keyVersion, long firstCodeIndex, Instant completedAt) {
        return (BATCH + "\nbatch " + batchId + "\nowner " + ownerId + "\nbrand " + brandId + "\ngtin " + gtin14
                + "\nquantity " + quantity + "\nkey " + keyId + " v" + keyVersion
                + "\ncodes " + firstCodeIndex + " " + quantity + "\ntime " + completedAt + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A lifecycle event. The codes it covers are named as log ranges ("first+count"), which is
     * compact for a whole batch and exact for single codes.
     */
    public static byte[] lifecycleEvent(UUID eventId, UUID ownerId, String action, String businessStep,
            Instant eventTime, String timeZoneOffset, String country, String readPoint, List<long[]> ranges) {
        StringBuilder s = new StringBuilder(EVENT).append("\nevent ").append(eventId).append("\nowner ").append(ownerId)
                .append("\naction ").append(action).append("\nstep ").append(businessStep)
                .append("\ntime ").append(eventTime).append(' ').append(timeZoneOffset)
                .append("\ncountry ").append(country);
        if (!readPoint.isEmpty()) {
            s.append("\nread-point ").append(readPoint);
        }
        StringBuilder codes = new StringBuilder();
        long count = 0;
        for (long[] r : ranges) {
            codes.append(' ').append(r[0]).append('+').append(r[1] - r[0]);
            count += r[1] - r[0];
        }
        if (ranges.size() <= MAX_LISTED_RANGES) {
            s.append("\ncodes").append(codes);
        } else {
            // scattered codes: the entry stays small (tiles cap entries at 64 KiB) and still binds them
            s.append("\ncodes-sha256 ").append(sha256Hex(codes.toString())).append(" count ").append(count);
        }
        return s.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A brand's new code key (its secret is never logged; the entry proves when it came into use). */
    public static byte[] keyRotation(UUID brandId, UUID keyId, int version, UUID retiredKeyId, Instant at) {
        return (KEY + "\nbrand " + brandId + "\nkey " + keyId + " v" + version
                + (retiredKeyId == null ? "" : "\nretires " + retiredKeyId) + "\ntime " + at + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}

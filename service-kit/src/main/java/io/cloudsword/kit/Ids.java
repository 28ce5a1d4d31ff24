package io.cloudsword.kit;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): random enough to be unguessable, ordered enough
 * that new rows land at the end of the primary-key index instead of all over it. Within one
 * JVM they are strictly increasing, even inside one millisecond (RFC 9562 section 6.2 method 1:
 * the 12 bits of rand_a count ids of the same millisecond), so records written together in one
 * transaction, which share a timestamp, still sort in the order they were made.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The last id's (millisecond << 12 | counter). */
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {
    }

    public static String newId() {
        return newUuid(System.currentTimeMillis(), LAST).toString();
    }

    /** The next id at {@code epochMillis}, or just after the previous one of {@code last} if that is later. */
    static UUID newUuid(long epochMillis, AtomicLong last) {
        long stamp = last.updateAndGet(previous -> Math.max(previous + 1, epochMillis << 12));
        long millis = stamp >>> 12;
        long counter = stamp & 0xFFFL;
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        long msb = ((millis & 0xFFFF_FFFF_FFFFL) << 16) | 0x7000L | counter; // version 7
        long lsb = 0;
        for (byte b : random) {
            lsb = (lsb << 8) | (b & 0xFFL);
        }
        lsb = (lsb & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
        return new UUID(msb, lsb);
    }
}

package io.cloudsword.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * codes-issue's baseline: the machine's raw rate of the keyed hash every issued code costs,
 * HMAC-SHA256 (the JDK's {@code Mac "HmacSHA256"}) over exactly the message verification-service's
 * {@code SerialCodec} MACs for one serial:
 *
 * <pre>
 * "cloudsword/serial/v1" || 0x00 || key id character || gtin14 (14 ASCII digits) || nonce (8 bytes, big-endian)
 * </pre>
 *
 * 44 bytes, one SHA-256 block after the key's inner pad, so two compression functions inside and
 * two outside per MAC. The loop reuses one initialized {@code Mac} per thread and one message
 * buffer, changing only the nonce, and keeps every result's first byte so nothing is optimized
 * away: it is what issuing would cost if producing a code were nothing but its MAC.
 */
final class HmacBaseline {

    static final String NAME = "hmac-sha256";
    static final byte[] DOMAIN = "cloudsword/serial/v1\0".getBytes(StandardCharsets.US_ASCII);
    static final int MESSAGE_BYTES = DOMAIN.length + 1 + 14 + 8;
    /** SerialCodec keeps the first 9 bytes (72 bits, 12 base64url characters). */
    static final int MAC_BYTES = 9;

    private static final int NONCE_OFFSET = MESSAGE_BYTES - 8;
    private static final String GTIN = "04012345000016";

    /** One timed tight loop on {@code threads} threads. */
    record Rate(int threads, long macs, double seconds) {
        double perSecond() {
            return macs / seconds;
        }
    }

    private HmacBaseline() {
    }

    /** The bytes MACed for the serial with this key id character, GTIN-14 and nonce. */
    static byte[] message(char keyIdChar, String gtin14, long nonce) {
        if (gtin14.length() != 14) {
            throw new IllegalArgumentException("gtin14 must have 14 digits");
        }
        byte[] m = new byte[MESSAGE_BYTES];
        System.arraycopy(DOMAIN, 0, m, 0, DOMAIN.length);
        m[DOMAIN.length] = (byte) keyIdChar;
        byte[] gtin = gtin14.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(gtin, 0, m, DOMAIN.length + 1, 14);
        putNonce(m, nonce);
        return m;
    }

    /** The MAC part of the serial (its last 12 characters), computed the way SerialCodec does. */
    static String macChars(byte[] secret, char keyIdChar, String gtin14, long nonce) {
        byte[] full = mac(secret).doFinal(message(keyIdChar, gtin14, nonce));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
    }

    /**
     * HMACs of consecutive nonces on {@code threads} threads, each with its own {@code Mac}, all
     * started together, for about {@code duration}; the rate is all MACs over the time until the
     * last thread stopped.
     */
    static Rate measure(int threads, Duration duration) throws InterruptedException {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 0x5a);
        AtomicLong total = new AtomicLong();
        AtomicLong sink = new AtomicLong();
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        List<Thread> workers = new ArrayList<>();
        long[] startedAt = new long[1];
        for (int t = 0; t < threads; t++) {
            int worker = t;
            Thread thread = new Thread(() -> {
                Mac mac = mac(secret);
                byte[] message = message('A', GTIN, 0);
                byte[] out = new byte[32];
                long nonce = (long) worker << 32;
                long done = 0;
                int keep = 0;
                try {
                    start.await();
                    long deadline = System.nanoTime() + duration.toNanos();
                    do {
                        for (int i = 0; i < 4096; i++) {
                            putNonce(message, nonce++);
                            mac.update(message, 0, MESSAGE_BYTES);
                            mac.doFinal(out, 0);
                            keep += out[0];
                        }
                        done += 4096;
                    } while (System.nanoTime() < deadline);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                total.addAndGet(done);
                sink.addAndGet(keep);
            }, "hmac-baseline-" + t);
            workers.add(thread);
            thread.start();
        }
        try {
            start.await();
        } catch (java.util.concurrent.BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
        startedAt[0] = System.nanoTime();
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - startedAt[0]) / 1e9;
        if (sink.get() == Long.MIN_VALUE) {
            System.out.print(""); // keeps the results observable
        }
        return new Rate(threads, total.get(), seconds);
    }

    private static void putNonce(byte[] message, long nonce) {
        for (int i = 0; i < 8; i++) {
            message[NONCE_OFFSET + i] = (byte) (nonce >>> (56 - 8 * i));
        }
    }

    private static Mac mac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

package io.cloudsword.verification.codes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks unforgeable serials (GS1 AI 21).
 *
 * <pre>
 * serial = K N N N N N N N M M M M M M M M M M M M      20 characters, 6 bits each (120 bits)
 *          K        key id, 1 char  ( 6 bits): which CodeKey issued it (rotation)
 *          N x 7    nonce,  7 chars (42 bits): unsigned, big-endian, unique per key and GTIN
 *          M x 12   MAC,   12 chars (72 bits): first 9 bytes of
 *                   HMAC-SHA256(secret, "cloudsword/serial/v1" || 0x00 || K || gtin14 || nonce as 8 bytes big-endian)
 * </pre>
 *
 * <p>The alphabet is base64url ({@code A-Z a-z 0-9 - _}): all 64 characters are in the GS1
 * 82-character set <em>and</em> RFC 3986 unreserved, so a serial never needs percent-encoding in a
 * Digital Link and survives copying through URLs, CSV and print files unchanged. Serials are
 * case-sensitive.
 *
 * <p>Forgery: a valid serial for a GTIN needs the 72-bit MAC under a secret key; a guess succeeds
 * with probability 2^-72 per try (at 10^9 guesses a second, about 150,000 years for an even
 * chance), well above the required 64 bits. The MAC binds the key id, the GTIN and the nonce, so a
 * serial cannot be moved to another GTIN or another key.
 *
 * <p>Nonces: 42 bits, 0..2^42-1 (4.4 * 10^12 codes per key and GTIN). The service hands each batch
 * a contiguous range [first, first + quantity) from a per-key counter (the highest nonce issued),
 * reserved in the same transaction that creates the batch; a code's batch index is
 * {@code nonce - first}. Nonces are not secret, and since the MAC includes the GTIN they only
 * need to be unique per (key, GTIN). A sequential nonce shows the order of issue; it reveals no
 * key material.
 *
 * <p>Checking is constant-time in the content of the serial: every character is decoded through
 * a table without branching on validity, the MAC is always computed (with a dummy key when no
 * listed key has the serial's id) and compared with {@link MessageDigest#isEqual}. Only the
 * length (public: every issued serial has 20 characters) and the number of listed keys with the
 * serial's (public) key id influence the time taken.
 */
public final class SerialCodec {

    /** base64url: index = the 6-bit value of a character. */
    public static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    public static final int BITS_PER_CHAR = 6;
    public static final int KEY_ID_CHARS = 1;
    public static final int NONCE_CHARS = 7;
    public static final int MAC_CHARS = 12;
    public static final int SERIAL_LENGTH = KEY_ID_CHARS + NONCE_CHARS + MAC_CHARS;
    public static final int NONCE_BITS = NONCE_CHARS * BITS_PER_CHAR;
    public static final int MAC_BITS = MAC_CHARS * BITS_PER_CHAR;
    public static final long MAX_NONCE = (1L << NONCE_BITS) - 1;

    private static final int MAC_BYTES = MAC_BITS / 8;
    private static final byte[] DOMAIN = "cloudsword/serial/v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder MAC_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] DUMMY_KEY = new byte[32];
    /** 6-bit value of an ASCII character, or -1. */
    private static final int[] VALUE = new int[128];

    static {
        Arrays.fill(VALUE, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUE[ALPHABET.charAt(i)] = i;
        }
        if (MAC_BITS % 8 != 0 || ALPHABET.length() != 1 << BITS_PER_CHAR) {
            throw new ExceptionInInitializerError("MAC must fill whole base64 characters");
        }
    }

    private SerialCodec() {
    }

    /** What {@link #check} found. */
    public record Result(boolean valid, int keyId, long nonce) {
        static final Result INVALID = new Result(false, -1, -1);

        public static Result invalid() {
            return INVALID;
        }
    }

    /** The serial for one code. {@code gtin14} must be 14 ASCII digits (already validated). */
    public static String issue(CodeKey key, String gtin14, long nonce) {
        return issuer(key, gtin14).serial(nonce);
    }

    /** Reuses one initialized MAC for a batch of one key and GTIN; not thread-safe. */
    public static Issuer issuer(CodeKey key, String gtin14) {
        if (!isGtin14(gtin14)) {
            throw new IllegalArgumentException("gtin14 must be 14 digits");
        }
        return new Issuer(key, gtin14);
    }

    /** Issues the serials of one key and GTIN. */
    public static final class Issuer {
        private final CodeKey key;
        private final String gtin14;
        private final Mac mac;

        private Issuer(CodeKey key, String gtin14) {
            this.key = key;
            this.gtin14 = gtin14;
            this.mac = hmac(key.secretRef());
        }

        public String serial(long nonce) {
            if (nonce < 0 || nonce > MAX_NONCE) {
                throw new IllegalArgumentException("nonce must be 0.." + MAX_NONCE + ", got " + nonce);
            }
            char[] out = new char[SERIAL_LENGTH];
            out[0] = key.idChar();
            for (int i = 0; i < NONCE_CHARS; i++) {
                int shift = (NONCE_CHARS - 1 - i) * BITS_PER_CHAR;
                out[KEY_ID_CHARS + i] = ALPHABET.charAt((int) (nonce >>> shift) & 0x3F);
            }
            byte[] tag = MAC_ENCODER.encode(tag(mac, out[0], gtin14, nonce));
            for (int i = 0; i < MAC_CHARS; i++) {
                out[KEY_ID_CHARS + NONCE_CHARS + i] = (char) tag[i];
            }
            return new String(out);
        }
    }

    /**
     * The public parts of a well-formed serial (key id and nonce), which say where to look for its
     * batch before the MAC is checked; null when the serial cannot be one of ours. The MAC is not
     * looked at here.
     */
    public static Result peek(String serial) {
        if (serial == null || serial.length() != SERIAL_LENGTH) {
            return null;
        }
        long nonce = 0;
        int keyId = -1;
        for (int i = 0; i < SERIAL_LENGTH; i++) {
            char c = serial.charAt(i);
            int x = c < 128 ? VALUE[c] : -1;
            if (x < 0) {
                return null;
            }
            if (i == 0) {
                keyId = x;
            } else if (i < KEY_ID_CHARS + NONCE_CHARS) {
                nonce = nonce << BITS_PER_CHAR | x;
            }
        }
        return new Result(false, keyId, nonce);
    }

    /**
     * Checks a serial against a GTIN and the keys that may have issued it (the active key and the
     * retired ones still honoured). Never throws: null, garbage or a wrong length is INVALID.
     */
    public static Result check(String gtin14, String serial, List<CodeKey> keys) {
        if (serial == null || serial.length() != SERIAL_LENGTH || keys == null) {
            return Result.INVALID;
        }
        boolean ok = isGtin14(gtin14);
        int bad = 0;
        int[] v = new int[SERIAL_LENGTH];
        byte[] given = new byte[MAC_CHARS];
        for (int i = 0; i < SERIAL_LENGTH; i++) {
            char c = serial.charAt(i);
            int x = VALUE[c & 0x7F];
            bad |= (c >>> 7) | (x >>> 31); // non-ASCII, or not in the alphabet (x == -1)
            v[i] = x & 0x3F;
            if (i >= KEY_ID_CHARS + NONCE_CHARS) {
                given[i - KEY_ID_CHARS - NONCE_CHARS] = (byte) c;
            }
        }
        int keyId = v[0];
        long nonce = 0;
        for (int i = 0; i < NONCE_CHARS; i++) {
            nonce = nonce << BITS_PER_CHAR | v[KEY_ID_CHARS + i];
        }
        String gtin = ok ? gtin14 : "00000000000000";
        char idChar = ALPHABET.charAt(keyId);
        boolean matched = false;
        int tried = 0;
        for (CodeKey key : keys) {
            if (key != null && key.id() == keyId) {
                tried++;
                byte[] expected = MAC_ENCODER.encode(tag(hmac(key.secretRef()), idChar, gtin, nonce));
                matched |= MessageDigest.isEqual(expected, given);
            }
        }
        if (tried == 0) {
            // keep the work the same when no key has this id
            byte[] expected = MAC_ENCODER.encode(tag(hmac(DUMMY_KEY), idChar, gtin, nonce));
            MessageDigest.isEqual(expected, given);
        }
        return ok && bad == 0 && matched ? new Result(true, keyId, nonce) : Result.INVALID;
    }

    private static byte[] tag(Mac mac, char keyIdChar, String gtin14, long nonce) {
        return Arrays.copyOf(mac.doFinal(message(keyIdChar, gtin14, nonce)), MAC_BYTES);
    }

    /** The MAC input; built in one array because one update is much cheaper than 43 single-byte ones. */
    private static byte[] message(char keyIdChar, String gtin14, long nonce) {
        byte[] msg = new byte[DOMAIN.length + 1 + 14 + 8];
        System.arraycopy(DOMAIN, 0, msg, 0, DOMAIN.length);
        int at = DOMAIN.length;
        msg[at++] = (byte) keyIdChar;
        for (int i = 0; i < 14; i++) {
            msg[at++] = (byte) gtin14.charAt(i);
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            msg[at++] = (byte) (nonce >>> shift);
        }
        return msg;
    }

    private static Mac hmac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean isGtin14(String gtin14) {
        if (gtin14 == null || gtin14.length() != 14) {
            return false;
        }
        for (int i = 0; i < 14; i++) {
            char c = gtin14.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}

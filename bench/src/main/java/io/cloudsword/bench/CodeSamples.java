package io.cloudsword.bench;

import java.util.Random;

/**
 * What codes-verify scans: the mix of genuine, repeated and invalid codes, and the invalid codes
 * themselves, forged from real ones so that they are well-formed (a Digital Link with a 20-character
 * serial of the issuing alphabet) and fail only where a counterfeiter's would: the MAC.
 *
 * <p>The serial layout is verification-service's {@code SerialCodec}: key id (1 character),
 * nonce (7), MAC (12), in base64url.
 */
final class CodeSamples {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    static final int SERIAL_LENGTH = 20;
    static final int NONCE_CHARS = 7;
    static final int MAC_START = 1 + NONCE_CHARS;

    /** What one Verify call sends, and so which verdicts are right. */
    enum Kind {
        /** An issued code never scanned before: GENUINE (SUSPECT only for reasons a first scan can have). */
        GENUINE("genuine"),
        /** An issued code scanned before: GENUINE, or SUSPECT once past the scan-count limit. */
        REPEATED("repeated"),
        /** An issued serial with one MAC character changed. */
        MAC_FORGED("invalid"),
        /** A serial no batch can have issued: a nonce far beyond any batch's, a random MAC. */
        NEVER_ISSUED("invalid"),
        /** An issued serial under another GTIN of the same owner: the MAC binds the GTIN. */
        OTHER_GTIN("invalid");

        /** The answer class: genuine, repeated or invalid. */
        final String group;

        Kind(String group) {
            this.group = group;
        }

        boolean expectsInvalid() {
            return "invalid".equals(group);
        }
    }

    private CodeSamples() {
    }

    /**
     * The order of kinds the load cycles through: {@code genuinePercent} % GENUINE,
     * {@code repeatedPercent} % REPEATED, the rest invalid, taken in turn from the three invalid
     * kinds; shuffled with {@code random}.
     */
    static Kind[] plan(int length, int genuinePercent, int repeatedPercent, Random random) {
        if (genuinePercent < 0 || repeatedPercent < 0 || genuinePercent + repeatedPercent > 100) {
            throw new IllegalArgumentException("genuine and repeated percentages must be 0..100 together");
        }
        Kind[] plan = new Kind[length];
        int genuine = (int) Math.round(length * genuinePercent / 100.0);
        int repeated = (int) Math.round(length * repeatedPercent / 100.0);
        Kind[] invalid = { Kind.MAC_FORGED, Kind.NEVER_ISSUED, Kind.OTHER_GTIN };
        for (int i = 0; i < length; i++) {
            plan[i] = i < genuine ? Kind.GENUINE
                    : i < genuine + repeated ? Kind.REPEATED : invalid[(i - genuine - repeated) % invalid.length];
        }
        for (int i = length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Kind t = plan[i];
            plan[i] = plan[j];
            plan[j] = t;
        }
        return plan;
    }

    /** The serial with one of its 12 MAC characters replaced by another character of the alphabet. */
    static String forgeMac(String serial, Random random) {
        requireSerial(serial);
        int at = MAC_START + random.nextInt(SERIAL_LENGTH - MAC_START);
        char was = serial.charAt(at);
        char now;
        do {
            now = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        } while (now == was);
        return serial.substring(0, at) + now + serial.substring(at + 1);
    }

    /**
     * A serial of the same key id as {@code issued} whose nonce is in the upper half of the 42-bit
     * range (each key and GTIN count nonces up from the bottom, 10 million codes a batch at most)
     * and whose MAC characters are random: well-formed, never issued.
     */
    static String neverIssued(String issued, Random random) {
        requireSerial(issued);
        long nonce = (1L << 41) | (random.nextLong() & ((1L << 41) - 1));
        StringBuilder s = new StringBuilder(SERIAL_LENGTH).append(issued.charAt(0));
        for (int i = NONCE_CHARS - 1; i >= 0; i--) {
            s.append(ALPHABET.charAt((int) (nonce >>> (6 * i)) & 0x3F));
        }
        for (int i = MAC_START; i < SERIAL_LENGTH; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** The 42-bit nonce a serial carries (characters 2 to 8). */
    static long nonceOf(String serial) {
        requireSerial(serial);
        long nonce = 0;
        for (int i = 1; i <= NONCE_CHARS; i++) {
            nonce = nonce << 6 | ALPHABET.indexOf(serial.charAt(i));
        }
        return nonce;
    }

    /** The Digital Link with its serial (AI 21, the last path segment) replaced. */
    static String withSerial(String link, String serial, String replacement) {
        String segment = "/21/" + serial;
        int at = link.lastIndexOf(segment);
        int end = at + segment.length();
        if (at < 0 || (end < link.length() && link.charAt(end) != '?' && link.charAt(end) != '#')) {
            throw new IllegalArgumentException("not the serial of " + link + ": " + serial);
        }
        return link.substring(0, at) + "/21/" + replacement + link.substring(end);
    }

    /** The Digital Link with its GTIN (AI 01) replaced by another GTIN-14. */
    static String withGtin(String link, String gtin14, String other) {
        String segment = "/01/" + gtin14 + "/";
        int at = link.indexOf(segment);
        if (at < 0) {
            throw new IllegalArgumentException("not the GTIN of " + link + ": " + gtin14);
        }
        return link.substring(0, at) + "/01/" + other + "/" + link.substring(at + segment.length());
    }

    private static void requireSerial(String serial) {
        if (serial == null || serial.length() != SERIAL_LENGTH) {
            throw new IllegalArgumentException("an issued serial has " + SERIAL_LENGTH + " characters: " + serial);
        }
        for (int i = 0; i < SERIAL_LENGTH; i++) {
            if (ALPHABET.indexOf(serial.charAt(i)) < 0) {
                throw new IllegalArgumentException("not a serial of the issuing alphabet: " + serial);
            }
        }
    }
}

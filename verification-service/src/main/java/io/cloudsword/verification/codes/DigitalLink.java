package io.cloudsword.verification.codes;

import io.cloudsword.kit.Gtin;
import io.cloudsword.kit.error.DomainException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A GS1 Digital Link URI for a serialized unit: {@code https://{host}/01/{gtin}[/22/{cpv}][/10/{lot}]/21/{serial}}.
 *
 * <p>Parsing splits the path on raw {@code /} first (so {@code %2F} stays inside its value), then
 * percent-decodes each value strictly (bad escapes and invalid or overlong UTF-8 are refused),
 * and only then applies the GS1 rules: GTIN-8/12/13/14 of ASCII digits with a valid check digit,
 * normalized to GTIN-14; AI 22, 10 and 21 values of 1..20 characters of the GS1 AI encodable
 * character set 82. Decoding happens exactly once, so {@code %252F} is the literal text
 * {@code %2F}. Qualifiers must follow the GS1 order 22, 10, 21 and AI 21 is required; the query
 * string (data attributes) and any fragment are ignored. The host is kept (lower-cased) but is not
 * part of a code's identity.
 *
 * <p>Formatting percent-encodes every character outside the RFC 3986 unreserved set, which
 * covers all the reserved characters of set 82 ({@code ! " % & ' ( ) * + , / : ; < = > ?}).
 *
 * <p>Every refusal is a {@link DomainException} INVALID_ARGUMENT naming the caller's field, with
 * reason INVALID_DIGITAL_LINK (URI shape, escapes, UTF-8, AIs), INVALID_GTIN or INVALID_SERIAL
 * (AI 21 value; AI 22 and 10 values that break set 82 are INVALID_DIGITAL_LINK).
 *
 * @param host   lower-case host (with an optional port) or null for the path form
 * @param gtin14 GTIN-14
 * @param variant AI 22 (consumer product variant) or null
 * @param lot    AI 10 (batch/lot) or null
 * @param serial AI 21, decoded
 */
public record DigitalLink(String host, String gtin14, String variant, String lot, String serial) {

    public static final int MAX_URI_LENGTH = 2048;
    public static final int MAX_SERIAL_LENGTH = 20;
    public static final int MAX_QUALIFIER_LENGTH = 20;

    public static final String INVALID_DIGITAL_LINK = "INVALID_DIGITAL_LINK";
    public static final String INVALID_SERIAL = "INVALID_SERIAL";
    public static final String INVALID_GTIN = "INVALID_GTIN";

    /** GS1 General Specifications 7.11, figure 7.11-1: the 82 characters allowed in AI 21, 10, 22. */
    public static final String SET_82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private static final boolean[] IN_SET_82 = new boolean[128];
    // RFC 3986 pchar without pct-encoded: unreserved / sub-delims / ":" / "@"
    private static final boolean[] RAW_PCHAR = new boolean[128];

    static {
        for (char c : SET_82.toCharArray()) {
            IN_SET_82[c] = true;
        }
        for (char c : ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~" + "!$&'()*+,;=" + ":@")
                .toCharArray()) {
            RAW_PCHAR[c] = true;
        }
    }

    /** Guards the invariants against direct construction; {@link #of} and {@link #parse} refuse with reasons. */
    public DigitalLink {
        if (gtin14 == null || !gtin14.matches("[0-9]{14}")
                || Gtin.checkDigit(gtin14.substring(0, 13)) != gtin14.charAt(13) - '0'
                || serial == null || serial.isEmpty() || serial.length() > MAX_SERIAL_LENGTH
                || firstOutsideSet82(serial) >= 0
                || (variant != null && (variant.isEmpty() || variant.length() > MAX_QUALIFIER_LENGTH || firstOutsideSet82(variant) >= 0))
                || (lot != null && (lot.isEmpty() || lot.length() > MAX_QUALIFIER_LENGTH || firstOutsideSet82(lot) >= 0))) {
            throw new IllegalArgumentException("not a valid serialized Digital Link; build it with DigitalLink.of");
        }
    }

    /** Validates and normalizes the parts; use this to build a code for formatting. */
    public static DigitalLink of(String field, String host, String gtin, String variant, String lot, String serial) {
        String h = host == null ? null : checkHost(field, host);
        String g = gtin14(field, gtin);
        checkQualifier(field, "22", variant, true);
        checkQualifier(field, "10", lot, true);
        checkSerial(field, serial);
        return new DigitalLink(h, g, variant, lot, serial);
    }

    public static DigitalLink of(String field, String host, String gtin, String serial) {
        return of(field, host, gtin, null, null, serial);
    }

    /** Parses a full {@code http(s)://host/01/...} URI. */
    public static DigitalLink parse(String field, String uri) {
        checkLength(field, uri);
        int schemeEnd = uri.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : uri.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw refuse(field, INVALID_DIGITAL_LINK, "must start with https:// (a GS1 Digital Link URI)");
        }
        String rest = uri.substring(schemeEnd + 3);
        int pathStart = indexOfAny(rest, "/?#");
        if (pathStart < 0 || rest.charAt(pathStart) != '/') {
            throw refuse(field, INVALID_DIGITAL_LINK, "has no path /01/{gtin}/21/{serial}");
        }
        String host = checkHost(field, rest.substring(0, pathStart));
        DigitalLink path = parsePathPart(field, rest.substring(pathStart));
        return new DigitalLink(host, path.gtin14, path.variant, path.lot, path.serial);
    }

    /** Parses the path form {@code /01/{gtin}/21/{serial}} (query string allowed), as the resolver route sees it. */
    public static DigitalLink parsePath(String field, String path) {
        checkLength(field, path);
        return parsePathPart(field, path);
    }

    /** The path, percent-encoded where needed, e.g. {@code /01/09506000134352/21/AB%2FC}. */
    public String path() {
        StringBuilder b = new StringBuilder(64).append("/01/").append(gtin14);
        if (variant != null) {
            b.append("/22/").append(encode(variant));
        }
        if (lot != null) {
            b.append("/10/").append(encode(lot));
        }
        return b.append("/21/").append(encode(serial)).toString();
    }

    /** The full URI; needs a host. */
    public String uri() {
        if (host == null) {
            throw new IllegalStateException("a path-only Digital Link has no host; use withHost");
        }
        return "https://" + host + path();
    }

    public DigitalLink withHost(String field, String newHost) {
        return new DigitalLink(checkHost(field, newHost), gtin14, variant, lot, serial);
    }

    @Override
    public String toString() {
        return host == null ? path() : uri();
    }

    /** Percent-encodes everything outside the RFC 3986 unreserved characters, as UTF-8, upper-case hex. */
    public static String encode(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c < 128 && isUnreserved((char) c)) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return b.toString();
    }

    /** True when {@code c} is one of the 82 characters. */
    public static boolean inSet82(char c) {
        return c < 128 && IN_SET_82[c];
    }

    static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    // ----------------------------------------------------------------------------------------

    private static DigitalLink parsePathPart(String field, String pathAndQuery) {
        int end = indexOfAny(pathAndQuery, "?#");
        String path = end < 0 ? pathAndQuery : pathAndQuery.substring(0, end);
        if (!path.startsWith("/")) {
            throw refuse(field, INVALID_DIGITAL_LINK, "path must start with /01/");
        }
        String[] s = path.substring(1).split("/", -1);
        if (s.length % 2 != 0) {
            throw refuse(field, INVALID_DIGITAL_LINK, "path must be pairs of /{AI}/{value}, got '" + path + "'");
        }
        if (!s[0].equals("01")) {
            throw refuse(field, INVALID_DIGITAL_LINK, "path must start with the primary key /01/{gtin}");
        }
        String gtin = gtin14(field, decode(field, "01", s[1]));
        String variant = null;
        String lot = null;
        String serial = null;
        int order = 0; // position of the last qualifier seen in the GS1 order 22, 10, 21
        for (int i = 2; i < s.length; i += 2) {
            int rank = switch (s[i]) {
                case "22" -> 1;
                case "10" -> 2;
                case "21" -> 3;
                default -> throw refuse(field, INVALID_DIGITAL_LINK,
                        "AI '" + s[i] + "' is not a key qualifier of GTIN (22, 10, 21)");
            };
            if (rank <= order) {
                throw refuse(field, INVALID_DIGITAL_LINK,
                        "key qualifiers must appear once each in the order 22, 10, 21; AI " + s[i] + " is out of place");
            }
            order = rank;
            String value = decode(field, s[i], s[i + 1]);
            switch (rank) {
                case 1 -> variant = checkQualifier(field, "22", value, false);
                case 2 -> lot = checkQualifier(field, "10", value, false);
                default -> serial = checkSerial(field, value);
            }
        }
        if (serial == null) {
            throw refuse(field, INVALID_DIGITAL_LINK, "has no serial: /21/{serial} is required");
        }
        return new DigitalLink(null, gtin, variant, lot, serial);
    }

    /** Strict single percent-decoding of one path segment into UTF-8 text. */
    static String decode(String field, String ai, String segment) {
        if (segment.isEmpty()) {
            throw refuse(field, INVALID_DIGITAL_LINK, "AI " + ai + " has an empty value");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                int hi = i + 1 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
                int lo = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 2), 16) : -1;
                // Character.digit accepts non-ASCII digits; a percent escape is two ASCII hex digits
                if (hi < 0 || lo < 0 || segment.charAt(i + 1) > 127 || segment.charAt(i + 2) > 127) {
                    throw refuse(field, INVALID_DIGITAL_LINK,
                            "AI " + ai + " value has an invalid percent escape at position " + i);
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 128) {
                if (!RAW_PCHAR[c]) {
                    throw refuse(field, INVALID_DIGITAL_LINK, "AI " + ai + " value has the character '" + c
                            + "' (0x" + Integer.toHexString(c) + ") that must be percent-encoded");
                }
                bytes.write(c);
            } else {
                // Raw non-ASCII (an IRI): taken as its UTF-8 bytes; the GS1 rules refuse it later
                int cp = segment.codePointAt(i);
                if (Character.isSurrogate(c) && Character.charCount(cp) == 1) {
                    throw refuse(field, INVALID_DIGITAL_LINK, "AI " + ai + " value has a lone surrogate");
                }
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp) - 1;
            }
        }
        try {
            // the JDK decoder rejects overlong forms, encoded surrogates and truncated sequences
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw refuse(field, INVALID_DIGITAL_LINK, "AI " + ai + " value is not valid UTF-8 after percent-decoding");
        }
    }

    private static String gtin14(String field, String value) {
        // Gtin.toGtin14 strips whitespace; a URI value must be exactly its ASCII digits
        if (value == null || value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw refuse(field, INVALID_GTIN, "AI 01 must be a GTIN of 8, 12, 13 or 14 ASCII digits");
        }
        return Gtin.toGtin14(field, value);
    }

    private static String checkSerial(String field, String serial) {
        if (serial == null || serial.isEmpty() || serial.length() > MAX_SERIAL_LENGTH) {
            throw refuse(field, INVALID_SERIAL, "serial (AI 21) must be 1.." + MAX_SERIAL_LENGTH
                    + " characters, got " + (serial == null ? 0 : serial.codePointCount(0, serial.length())));
        }
        int bad = firstOutsideSet82(serial);
        if (bad >= 0) {
            throw refuse(field, INVALID_SERIAL, "serial (AI 21) has '" + new String(Character.toChars(serial.codePointAt(bad)))
                    + "' at position " + bad + ", outside the GS1 82-character set");
        }
        return serial;
    }

    private static String checkQualifier(String field, String ai, String value, boolean optional) {
        if (value == null && optional) {
            return null;
        }
        if (value == null || value.isEmpty() || value.length() > MAX_QUALIFIER_LENGTH || firstOutsideSet82(value) >= 0) {
            throw refuse(field, INVALID_DIGITAL_LINK,
                    "AI " + ai + " must be 1.." + MAX_QUALIFIER_LENGTH + " characters of the GS1 82-character set");
        }
        return value;
    }

    private static int firstOutsideSet82(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!inSet82(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String checkHost(String field, String host) {
        // a DNS name or IPv4 literal with an optional port; no user info, no IPv6 literal
        if (!host.matches("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(?::[0-9]{1,5})?")) {
            throw refuse(field, INVALID_DIGITAL_LINK, "host '" + host + "' is not a DNS host name");
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static void checkLength(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw refuse(field, INVALID_DIGITAL_LINK, "is empty; expected https://{host}/01/{gtin}/21/{serial}");
        }
        if (value.length() > MAX_URI_LENGTH) {
            throw refuse(field, INVALID_DIGITAL_LINK, "is longer than " + MAX_URI_LENGTH + " characters");
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static DomainException refuse(String field, String reason, String why) {
        return DomainException.invalid(field, reason, field + " " + why);
    }
}

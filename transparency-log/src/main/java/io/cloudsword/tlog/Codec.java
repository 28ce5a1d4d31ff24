package io.cloudsword.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Strict text encodings shared by notes, checkpoints and proof bundles. */
final class Codec {

    private Codec() {
    }

    /** Standard base64 (RFC 4648 §4) accepted only in its one canonical form (padding, zero bits). */
    static byte[] base64(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new TlogException(what + " is not valid base64");
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new TlogException(what + " is not canonical base64");
        }
        return bytes;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new TlogException(what + " is not valid UTF-8");
        }
    }

    /** signed-note: no ASCII control characters other than newline. */
    static void requireNoControl(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new TlogException(what + " contains a control character");
            }
        }
    }

    /** ASCII decimal with no sign and no leading zero (except "0"), fitting a signed long. */
    static long decimal(String text, String what) {
        boolean digits = !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || (text.length() > 1 && text.charAt(0) == '0')) {
            throw new TlogException(what + " is not a decimal number without leading zeros: " + abbreviate(text));
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new TlogException(what + " is too large: " + abbreviate(text));
        }
    }

    /** signed-note key names: non-empty, no Unicode spaces, no '+'. */
    static boolean isValidKeyName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        return name.codePoints().noneMatch(cp -> cp == '+' || Character.isWhitespace(cp)
                || Character.isSpaceChar(cp) || cp == 0x85 || Character.isISOControl(cp));
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}

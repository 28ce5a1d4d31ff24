package io.cloudsword.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads single values out of a GraphQL answer without a JSON library (the cli has none, and the
 * end-to-end test must not bring one in just for this): the first {@code "name": value} in the
 * text, with JSON string escapes undone, so a proof bundle comes back byte for byte.
 */
final class JsonText {

    private JsonText() {
    }

    /** The first string value of {@code name}, unescaped; fails the test when there is none. */
    static String string(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"").matcher(json);
        assertTrue(m.find(), "no string \"" + name + "\" in " + json);
        StringBuilder value = new StringBuilder();
        for (int i = m.end(); i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char e = json.charAt(++i);
            switch (e) {
                case '"', '\\', '/' -> value.append(e);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new AssertionError("bad JSON escape \\" + e + " in " + json);
            }
        }
        throw new AssertionError("unterminated string \"" + name + "\" in " + json);
    }

    /** The first number value of {@code name}; fails the test when there is none. */
    static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?[0-9]+)").matcher(json);
        assertTrue(m.find(), "no number \"" + name + "\" in " + json);
        return Long.parseLong(m.group(1));
    }
}

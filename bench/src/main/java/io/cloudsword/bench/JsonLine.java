package io.cloudsword.bench;

import java.util.Locale;
import java.util.Map;

/**
 * Just enough JSON for a benchmark's last line: one object, fields in the order they are put,
 * numbers in the ROOT locale, NaN and infinities as null (a figure that could not be measured
 * must not make the line unparseable).
 */
final class JsonLine {

    private final StringBuilder out = new StringBuilder("{");

    JsonLine put(String name, String value) {
        return raw(name, value == null ? "null" : quote(value));
    }

    JsonLine put(String name, long value) {
        return raw(name, Long.toString(value));
    }

    JsonLine put(String name, boolean value) {
        return raw(name, Boolean.toString(value));
    }

    /** A decimal with {@code decimals} digits after the point; null when not finite. */
    JsonLine put(String name, double value, int decimals) {
        return raw(name, Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "null");
    }

    JsonLine put(String name, JsonLine object) {
        return raw(name, object == null ? "null" : object.toString());
    }

    /** An object of counts, in the map's order. */
    JsonLine putCounts(String name, Map<String, Long> counts) {
        JsonLine object = new JsonLine();
        counts.forEach(object::put);
        return put(name, object);
    }

    private JsonLine raw(String name, String json) {
        if (out.length() > 1) {
            out.append(',');
        }
        out.append(quote(name)).append(':').append(json);
        return this;
    }

    @Override
    public String toString() {
        return out + "}";
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}

package io.cloudsword.gateway.web;

/** Escaping for text and attribute values in HTML and SVG: everything echoed goes through here. */
final class Html {
    private Html() {
    }

    /** Safe in element content and in quoted attribute values; null reads as "". */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // control characters have no business on a page (and are invalid in XML)
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}

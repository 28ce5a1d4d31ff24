package io.cloudsword.kit.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds brand names and aliases in free text the way sellers disguise them: "ＮＩＫＥ",
 * "n i k e", "N.I.K.E" and "Nïke" all find Nike (the folding of {@link BrandNames}), but
 * "Nikeland" and "snikers" do not, because a match must start and end at a word boundary.
 * Scripts written without spaces (Chinese, Japanese) have no word boundaries: "耐克运动鞋"
 * finds 耐克.
 * <p>
 * Immutable and thread-safe: built once from all names, then shared by every request until
 * the registry's brands change. Offsets are UTF-16 indices into the original text.
 * <p>
 * It lives in the kit because two services must find exactly the same mentions:
 * brand-registry-service answers ResolveBrandMentions with it, and listing-service's brand cache
 * runs it locally over titles and descriptions instead of calling out for every listing.
 */
public final class MentionMatcher {

    /** A name to look for: the brand and the name or alias as registered. */
    public record Name(String brandId, String registered) {
    }

    /** A match: [start, end) in the original text. */
    public record Mention(String brandId, String matchedName, int start, int end, String matchedText) {
    }

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>();
        final List<Name> names = new ArrayList<>();
    }

    private final Node root = new Node();

    public MentionMatcher(List<Name> names) {
        for (Name name : names) {
            String key = BrandNames.fold(name.registered());
            if (key.isEmpty()) {
                continue;
            }
            Node node = root;
            for (int i = 0; i < key.length(); i++) {
                node = node.next.computeIfAbsent(key.charAt(i), c -> new Node());
            }
            if (node.names.stream().noneMatch(n -> n.brandId().equals(name.brandId()))) {
                node.names.add(name);
            }
        }
    }

    /**
     * @param onlyBrands report only these brands; empty = all
     * @return mentions in order of position; of overlapping matches the longest wins
     */
    public List<Mention> find(String text, Set<String> onlyBrands) {
        Folded folded = Folded.of(text);
        List<Mention> all = new ArrayList<>();
        for (int start = 0; start < folded.length(); start++) {
            if (!folded.boundaryBefore(start)) {
                continue;
            }
            Node node = root;
            for (int end = start; end < folded.length(); end++) {
                node = node.next.get(folded.chars.charAt(end));
                if (node == null) {
                    break;
                }
                if (!node.names.isEmpty() && folded.boundaryBefore(end + 1)) {
                    int from = folded.origin[start];
                    int to = folded.originEnd[end];
                    for (Name name : node.names) {
                        if (onlyBrands.isEmpty() || onlyBrands.contains(name.brandId())) {
                            all.add(new Mention(name.brandId(), name.registered(), from, to, text.substring(from, to)));
                        }
                    }
                }
            }
        }
        return longestWithoutOverlap(all);
    }

    private static List<Mention> longestWithoutOverlap(List<Mention> all) {
        all.sort(Comparator.comparingInt((Mention m) -> m.end() - m.start()).reversed()
                .thenComparingInt(Mention::start));
        List<Mention> kept = new ArrayList<>();
        for (Mention m : all) {
            boolean overlaps = kept.stream().anyMatch(k -> m.start() < k.end() && k.start() < m.end()
                    && !(k.start() == m.start() && k.end() == m.end()));
            boolean sameSpan = kept.stream().anyMatch(k -> k.start() == m.start() && k.end() == m.end()
                    && k.brandId().equals(m.brandId()));
            if (!overlaps && !sameSpan) {
                kept.add(m);
            }
        }
        kept.sort(Comparator.comparingInt(Mention::start).thenComparing(Mention::brandId));
        return kept;
    }

    /**
     * The text folded character by character, remembering for each folded character where it
     * came from and whether a separator (space, punctuation) or nothing stood before it.
     */
    static final class Folded {
        final StringBuilder chars = new StringBuilder();
        int[] origin;
        int[] originEnd;
        boolean[] separatedBefore;
        boolean[] word;

        static Folded of(String text) {
            Folded f = new Folded();
            int n = text.length();
            f.origin = new int[n * 3 + 1];
            f.originEnd = new int[n * 3 + 1];
            f.separatedBefore = new boolean[n * 3 + 2];
            f.word = new boolean[n * 3 + 1];
            boolean separator = true;
            for (int i = 0; i < n;) {
                int cp = text.codePointAt(i);
                int next = i + Character.charCount(cp);
                String piece = foldCodePoint(cp);
                if (piece.isEmpty()) {
                    int type = Character.getType(cp);
                    if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                            || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
                        // a combining accent (or an invisible format character) belongs to the letter before it
                        if (f.chars.length() > 0) {
                            f.originEnd[f.chars.length() - 1] = next;
                        }
                    } else {
                        separator = true;
                    }
                } else {
                    for (int k = 0; k < piece.length(); k++) {
                        int at = f.chars.length();
                        if (at >= f.origin.length) {
                            f.grow();
                        }
                        f.chars.append(piece.charAt(k));
                        f.origin[at] = i;
                        f.originEnd[at] = next;
                        f.separatedBefore[at] = separator;
                        f.word[at] = isWordChar(piece.charAt(k));
                        separator = false;
                    }
                }
                i = next;
            }
            if (f.chars.length() + 1 >= f.separatedBefore.length) {
                f.grow();
            }
            f.separatedBefore[f.chars.length()] = true;
            return f;
        }

        private void grow() {
            int size = origin.length * 2 + 2;
            origin = java.util.Arrays.copyOf(origin, size);
            originEnd = java.util.Arrays.copyOf(originEnd, size);
            separatedBefore = java.util.Arrays.copyOf(separatedBefore, size + 1);
            word = java.util.Arrays.copyOf(word, size);
        }

        int length() {
            return chars.length();
        }

        /** True at the ends, after a separator, or where a spaceless script meets anything. */
        boolean boundaryBefore(int i) {
            if (i == 0 || i >= length() || separatedBefore[i]) {
                return true;
            }
            return !(word[i - 1] && word[i]);
        }

        /** Letters and digits of scripts that separate words with spaces. */
        private static boolean isWordChar(char c) {
            if (c < 128) {
                return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'; // folded: never upper case
            }
            if (!Character.isLetterOrDigit(c)) {
                return false;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
                    && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.THAI;
        }

        /** Folded forms of ASCII letters and digits, and "" for the rest: no allocation on the common path. */
        private static final String[] ASCII = new String[128];
        /** Folded forms of other BMP code points, filled on first use (racy but idempotent). */
        private static final String[] BMP = new String[65536];
        private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
        private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\p{Z}\\s\\p{P}]+");

        static {
            for (int c = 0; c < 128; c++) {
                ASCII[c] = Character.isLetterOrDigit(c) ? String.valueOf((char) Character.toLowerCase(c)) : "";
            }
        }

        /** The same folding as {@link BrandNames#fold}, one code point at a time. */
        private static String foldCodePoint(int codePoint) {
            if (codePoint < 128) {
                return ASCII[codePoint];
            }
            if (codePoint < BMP.length) {
                String known = BMP[codePoint];
                if (known == null) {
                    known = fold(codePoint);
                    BMP[codePoint] = known;
                }
                return known;
            }
            return fold(codePoint);
        }

        private static String fold(int codePoint) {
            String cp = new String(Character.toChars(codePoint));
            String compatible = Normalizer.normalize(cp, Normalizer.Form.NFKC);
            String noAccents = MARKS.matcher(Normalizer.normalize(compatible, Normalizer.Form.NFD)).replaceAll("");
            return SEPARATORS.matcher(noAccents.toLowerCase(Locale.ROOT)).replaceAll("");
        }
    }
}

package io.cloudsword.listing.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The vocabulary counterfeit sellers use ("replica", "1:1", "super copy", 高仿, 复刻, 原单, A货,
 * スーパーコピー, реплика, ...), found in free text the way sellers disguise it.
 * <p>
 * The words are data, not code: {@code scoring/counterfeit-lexicon.tsv} (term and its spelling
 * variants, languages, points, note) and {@code scoring/counterfeit-lexicon-exceptions.tsv}
 * (innocent phrases that contain a term: "AAA batteries", "1:1 scale", 原单位, 货架, "not a
 * replica"). Changing either changes {@link #version()}, which goes into every stored score.
 * <p>
 * Matching, in one walk of a trie over the folded text:
 * <ul>
 * <li>Folding: compatibility forms (full-width, mathematical letters) to plain letters, accents
 * dropped from Latin, Greek and Cyrillic letters, lower case ({@link #fold}).
 * <li>Spacing and punctuation are ignored inside a match: "r e p l i c a", "super&nbsp;&nbsp;copy"
 * and "s.u.p.e.r copy" all find their term.
 * <li>Leetspeak on the text side: 0→o, 1→i/l, 3→e, 4→a, 5→s, 7→t, @→a, $→s, !→i, |→l, so
 * "r3pl1ca", "f@ke" and "$uper copy" match. A digit in a term matches only that digit, and ':'
 * in a term only a colon (spaces around it allowed): "1 : 1" finds "1:1", "11" and "size 11"
 * do not.
 * <li>Word boundaries: in scripts that separate words with spaces (Latin, Cyrillic, ...) a match
 * must start and end at a word boundary, so "replicate", "fakeer" and "aaah" find nothing. Han,
 * kana, Hangul and Thai have no such boundaries ("高仿耐克" finds 高仿); there the exceptions
 * list keeps innocent words such as 原单位 or 高仿真 out.
 * <li>An exception phrase claims its characters: a term overlapping one is dropped. Of
 * overlapping terms the longest wins ("super fake" rather than "fake").
 * </ul>
 * Immutable and thread-safe; {@link #load()} builds the shipped lexicon once.
 */
public final class Lexicon {

    static final String TERMS_RESOURCE = "scoring/counterfeit-lexicon.tsv";
    static final String EXCEPTIONS_RESOURCE = "scoring/counterfeit-lexicon-exceptions.tsv";

    /**
     * One lexicon entry: its spellings (the first is how it is reported), the languages it
     * belongs to (space-separated ISO 639-1 codes) and the points it adds to a score.
     */
    public record Term(String term, List<String> variants, String languages, int points, String note) {

        public Term {
            variants = List.copyOf(variants);
        }
    }

    /**
     * A term found in a text: the term as listed, its languages and points, the text as written
     * and where: [start, end) as UTF-16 indices into the original text.
     */
    public record Match(String term, String language, int points, String matchedText, int start, int end) {
    }

    /** An innocent phrase containing a term. */
    public record ExceptionPhrase(String phrase, String languages, String note) {
    }

    private static final class Holder {
        static final Lexicon SHIPPED = fromResources();
    }

    private final List<Term> terms;
    private final List<ExceptionPhrase> exceptions;
    private final String version;
    private final Node root;
    /** Longest key in folded characters: bounds the walk from any one start. */
    private final int longestKey;

    private Lexicon(List<Term> terms, List<ExceptionPhrase> exceptions, String version) {
        this.terms = List.copyOf(terms);
        this.exceptions = List.copyOf(exceptions);
        this.version = version;
        MutableNode builder = new MutableNode();
        Map<String, String> keyOwners = new HashMap<>();
        int longest = 0;
        for (Term term : terms) {
            for (String variant : term.variants()) {
                String key = matchKey(variant);
                claimKey(keyOwners, key, "term '" + term.term() + "'", variant);
                builder.insert(key).term = term;
                longest = Math.max(longest, key.length());
            }
        }
        for (ExceptionPhrase exception : exceptions) {
            String key = matchKey(exception.phrase());
            claimKey(keyOwners, key, "exception '" + exception.phrase() + "'", exception.phrase());
            builder.insert(key).exception = exception;
            longest = Math.max(longest, key.length());
        }
        this.root = builder.freeze();
        this.longestKey = longest;
    }

    private static void claimKey(Map<String, String> owners, String key, String owner, String written) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException(owner + ": '" + written + "' has no letters or digits");
        }
        String previous = owners.putIfAbsent(key, owner);
        if (previous != null) {
            throw new IllegalArgumentException(owner + ": '" + written + "' folds to '" + key
                    + "', already listed by " + previous + "; list each spelling once");
        }
    }

    /** The shipped lexicon, read from the classpath once. */
    public static Lexicon load() {
        return Holder.SHIPPED;
    }

    private static Lexicon fromResources() {
        return parse(readResource(TERMS_RESOURCE), readResource(EXCEPTIONS_RESOURCE));
    }

    private static String readResource(String name) {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /**
     * Builds a lexicon from the two tab-separated files' contents. Terms: {@code term[ | variant
     * ...] <TAB> languages <TAB> points [<TAB> note]}. Exceptions: {@code phrase <TAB> languages
     * [<TAB> note]}. Blank lines and lines starting with '#' are ignored.
     *
     * @throws IllegalArgumentException naming the line of a malformed entry or a spelling listed twice
     */
    public static Lexicon parse(String termsTsv, String exceptionsTsv) {
        List<Term> terms = new ArrayList<>();
        forEachRow(termsTsv, TERMS_RESOURCE, 3, (line, cols) -> {
            List<String> variants = new ArrayList<>();
            for (String variant : cols[0].split("\\|")) {
                if (!variant.isBlank()) {
                    variants.add(variant.strip());
                }
            }
            if (variants.isEmpty()) {
                throw new IllegalArgumentException(TERMS_RESOURCE + " line " + line + ": no term");
            }
            int points;
            try {
                points = Integer.parseInt(cols[2].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(TERMS_RESOURCE + " line " + line + ": points '" + cols[2]
                        + "' is not a number");
            }
            if (points < 1 || points > 100) {
                throw new IllegalArgumentException(TERMS_RESOURCE + " line " + line + ": points must be 1..100");
            }
            terms.add(new Term(variants.get(0), variants, cols[1].strip(), points,
                    cols.length > 3 ? cols[3].strip() : ""));
        });
        List<ExceptionPhrase> exceptions = new ArrayList<>();
        forEachRow(exceptionsTsv, EXCEPTIONS_RESOURCE, 2, (line, cols) -> exceptions.add(
                new ExceptionPhrase(cols[0].strip(), cols[1].strip(), cols.length > 2 ? cols[2].strip() : "")));
        return new Lexicon(terms, exceptions, digest(termsTsv, exceptionsTsv));
    }

    private interface Row {
        void accept(int line, String[] columns);
    }

    private static void forEachRow(String tsv, String name, int minColumns, Row row) {
        String[] lines = tsv.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length < minColumns) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": expected at least " + minColumns
                        + " tab-separated columns, got " + cols.length);
            }
            row.accept(i + 1, cols);
        }
    }

    private static String digest(String termsTsv, String exceptionsTsv) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(termsTsv.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(exceptionsTsv.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** A short hash of the lexicon's data: it changes whenever a term, point or exception does. */
    public String version() {
        return version;
    }

    public List<Term> terms() {
        return terms;
    }

    public List<ExceptionPhrase> exceptions() {
        return exceptions;
    }

    /** The number of spellings matched, over all terms. */
    public int spellingCount() {
        return terms.stream().mapToInt(t -> t.variants().size()).sum();
    }

    // ------------------------------------------------------------------------------------------
    // matching

    /**
     * Every term found in the text, in order of position. Terms overlapping an exception phrase
     * are left out; of overlapping terms the longest is kept.
     */
    public List<Match> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Folded folded = Folded.of(text);
        Walk walk = new Walk(folded);
        for (int start = 0; start < folded.length; start++) {
            if (folded.boundaryBefore(start)) {
                walk.from(start);
            }
        }
        if (walk.termHits == null) {
            return List.of();
        }
        return resolve(text, folded, walk);
    }

    /** The folded key a term or phrase is stored under: what {@link Folded} keeps of it. */
    static String matchKey(String written) {
        Folded folded = Folded.of(written);
        return new String(folded.chars, 0, folded.length);
    }

    private static final int MAX_SOFT_SKIPS = 4;

    /** The depth-first walk from each start; hits are [start, end] in folded indices. */
    private final class Walk {
        final Folded f;
        List<int[]> termHits;
        List<Term> termOf;
        List<int[]> exceptionHits;
        int start;

        Walk(Folded f) {
            this.f = f;
        }

        void from(int start) {
            this.start = start;
            step(start, root, 0);
        }

        /** At folded position i in trie node {@code node}, having skipped {@code skips} soft characters. */
        private void step(int i, Node node, int skips) {
            if (i >= f.length || i - start >= longestKey + MAX_SOFT_SKIPS) {
                return;
            }
            char c = f.chars[i];
            advance(i, node.child(c), skips);
            if (c < 128) {
                char[] substitutes = LEET[c];
                if (substitutes != null) {
                    for (char s : substitutes) {
                        advance(i, node.child(s), skips);
                    }
                }
            }
            // ':', '@', '$', '!', '|' may be separators too: "s:u:p:e:r copy", "1:1" both work
            if (f.kind[i] == SOFT && i > start && skips < MAX_SOFT_SKIPS) {
                step(i + 1, node, skips + 1);
            }
        }

        private void advance(int i, Node next, int skips) {
            if (next == null) {
                return;
            }
            if ((next.term != null || next.exception != null) && f.boundaryBefore(i + 1)) {
                if (next.term != null) {
                    if (termHits == null) {
                        termHits = new ArrayList<>();
                        termOf = new ArrayList<>();
                    }
                    termHits.add(new int[] {start, i});
                    termOf.add(next.term);
                } else {
                    if (exceptionHits == null) {
                        exceptionHits = new ArrayList<>();
                    }
                    exceptionHits.add(new int[] {start, i});
                }
            }
            step(i + 1, next, skips);
        }
    }

    private static List<Match> resolve(String text, Folded f, Walk walk) {
        List<Match> candidates = new ArrayList<>();
        for (int h = 0; h < walk.termHits.size(); h++) {
            int from = f.origin[walk.termHits.get(h)[0]];
            int to = f.originEnd[walk.termHits.get(h)[1]];
            if (overlapsException(f, walk.exceptionHits, from, to)) {
                continue;
            }
            Term term = walk.termOf.get(h);
            candidates.add(new Match(term.term(), term.languages(), term.points(), text.substring(from, to), from, to));
        }
        candidates.sort(Comparator.comparingInt((Match m) -> m.end() - m.start()).reversed()
                .thenComparingInt(Match::start).thenComparing(Match::term));
        List<Match> kept = new ArrayList<>();
        for (Match m : candidates) {
            boolean overlaps = false;
            for (Match k : kept) {
                if (m.start() < k.end() && k.start() < m.end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(m);
            }
        }
        kept.sort(Comparator.comparingInt(Match::start));
        return kept;
    }

    private static boolean overlapsException(Folded f, List<int[]> exceptionHits, int from, int to) {
        if (exceptionHits == null) {
            return false;
        }
        for (int[] e : exceptionHits) {
            if (from < f.originEnd[e[1]] && f.origin[e[0]] < to) {
                return true;
            }
        }
        return false;
    }

    /** Text-side leetspeak: for an ASCII character, the letters it may stand for. */
    private static final char[][] LEET = new char[128][];

    static {
        LEET['0'] = new char[] {'o'};
        LEET['1'] = new char[] {'i', 'l'};
        LEET['3'] = new char[] {'e'};
        LEET['4'] = new char[] {'a'};
        LEET['5'] = new char[] {'s'};
        LEET['7'] = new char[] {'t'};
        LEET['@'] = new char[] {'a'};
        LEET['$'] = new char[] {'s'};
        LEET['!'] = new char[] {'i'};
        LEET['|'] = new char[] {'l'};
    }

    // ------------------------------------------------------------------------------------------
    // folding

    /** A letter or digit of a script that separates words with spaces. */
    static final byte WORD = 1;
    /** A letter of a script written without spaces (Han, kana, Hangul, Thai): always a boundary. */
    static final byte SPACELESS = 2;
    /** ':', '@', '$', '!', '|': a letter in leetspeak, significant in "1:1", else a separator. */
    static final byte SOFT = 3;
    /** Spaces, punctuation, symbols: left out of the folded text. */
    static final byte SEPARATOR = 4;
    /** A combining mark dropped with its letter (an accent): belongs to the character before it. */
    static final byte DROPPED_MARK = 5;
    /** A kana voicing mark (also half-width ﾞ ﾟ): composes with the kana before it, ﾊ + ﾟ = パ. */
    static final byte COMPOSING = 6;

    /**
     * Folds text for display-independent comparison: compatibility forms (full-width
     * "ＲＥＰＬＩＣＡ", mathematical letters) to plain characters, accents dropped from Latin,
     * Greek and Cyrillic letters, lower case, runs of whitespace to one space, trimmed.
     * Punctuation stays. listing-service stores this as the listing's search text so that a
     * search folds exactly like the scorer; matching additionally ignores the punctuation and
     * spacing and reads leetspeak, which a search column should not.
     */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                space = out.length() > 0;
                continue;
            }
            CharFold fold = CharFold.of(cp);
            if (fold.piece.isEmpty()) {
                continue;
            }
            if (fold.kind == COMPOSING) {
                if (!space && out.length() > 0) {
                    char composed = compose(out.charAt(out.length() - 1), fold.piece.charAt(0));
                    if (composed != 0) {
                        out.setCharAt(out.length() - 1, composed);
                    }
                }
                continue;
            }
            if (fold.kind == SEPARATOR && fold.piece.isBlank()) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(fold.piece);
        }
        return out.toString();
    }

    /** The kana a voicing mark makes of the one before it (ハ + ゚ = パ), or 0 when they do not compose. */
    static char compose(char kana, char mark) {
        String composed = Normalizer.normalize(new String(new char[] {kana, mark}), Normalizer.Form.NFC);
        return composed.length() == 1 ? composed.charAt(0) : 0;
    }

    /** How one code point folds: the characters it becomes and their kind. */
    static final class CharFold {
        final String piece;
        final byte kind;

        private CharFold(String piece, byte kind) {
            this.piece = piece;
            this.kind = kind;
        }

        /**
         * Basic Multilingual Plane results are computed once and shared (a benign race: a
         * CharFold has only final fields, so any thread sees it whole or not at all).
         */
        private static final CharFold[] BMP = new CharFold[0x10000];

        static CharFold of(int cp) {
            if (cp < 0x10000) {
                CharFold cached = BMP[cp];
                if (cached == null) {
                    cached = compute(cp);
                    BMP[cp] = cached;
                }
                return cached;
            }
            return compute(cp);
        }

        private static CharFold compute(int cp) {
            if (cp < 128) {
                char c = (char) cp;
                if (Character.isLetterOrDigit(c)) {
                    return new CharFold(String.valueOf(Character.toLowerCase(c)), WORD);
                }
                return new CharFold(String.valueOf(c), isSoft(c) ? SOFT : SEPARATOR);
            }
            if (cp == 0x3099 || cp == 0xFF9E) {
                return new CharFold("\u3099", COMPOSING);
            }
            if (cp == 0x309A || cp == 0xFF9F) {
                return new CharFold("\u309A", COMPOSING);
            }
            String compatible = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            if (mark) {
                // a lone accent (decomposed input) goes with its letter; a script's own vowel signs stay
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.INHERITED) {
                    return new CharFold("", DROPPED_MARK);
                }
                return new CharFold(compatible.toLowerCase(Locale.ROOT), kindOfLetter(compatible.codePointAt(0)));
            }
            if (type == Character.FORMAT) { // zero-width joiners, soft hyphens: invisible, ignored
                return new CharFold("", DROPPED_MARK);
            }
            if (!Character.isLetterOrDigit(cp)) {
                if (compatible.length() == 1 && isSoft(compatible.charAt(0))) { // full-width '：', '＄', '＠'
                    return new CharFold(compatible, SOFT);
                }
                return new CharFold(compatible.toLowerCase(Locale.ROOT), SEPARATOR);
            }
            String folded = Normalizer.normalize(dropAccents(compatible), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            if (folded.isEmpty()) {
                return new CharFold("", DROPPED_MARK);
            }
            return new CharFold(folded, kindOfLetter(folded.codePointAt(0)));
        }

        /** Accents off Latin, Greek and Cyrillic letters ("é" → "e", "ё" → "е"); kana and Hangul keep theirs. */
        private static String dropAccents(String compatible) {
            String decomposed = Normalizer.normalize(compatible, Normalizer.Form.NFD);
            Character.UnicodeScript base = Character.UnicodeScript.of(decomposed.codePointAt(0));
            if (base != Character.UnicodeScript.LATIN && base != Character.UnicodeScript.GREEK
                    && base != Character.UnicodeScript.CYRILLIC) {
                return compatible;
            }
            StringBuilder out = new StringBuilder(decomposed.length());
            for (int i = 0; i < decomposed.length();) {
                int cp = decomposed.codePointAt(i);
                i += Character.charCount(cp);
                int type = Character.getType(cp);
                if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                        && type != Character.ENCLOSING_MARK) {
                    out.appendCodePoint(cp);
                }
            }
            return out.toString();
        }

        private static byte kindOfLetter(int cp) {
            if (cp < 128) {
                return WORD;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case HAN, HIRAGANA, KATAKANA, HANGUL, THAI, LAO, KHMER, MYANMAR, TIBETAN, YI, BOPOMOFO,
                        COMMON, INHERITED -> {
                    // COMMON letters here are marks like the kana prolonged sound 'ー'
                    return SPACELESS;
                }
                default -> {
                    return WORD;
                }
            }
        }

        private static boolean isSoft(char c) {
            return c == ':' || c == '@' || c == '$' || c == '!' || c == '|';
        }
    }

    /**
     * The text folded for matching: only letters, digits and soft characters, each remembering
     * where in the original text it came from and whether a separator stood before it.
     */
    static final class Folded {
        char[] chars;
        int[] origin;
        int[] originEnd;
        byte[] kind;
        boolean[] separatedBefore;
        int length;

        static Folded of(String text) {
            Folded f = new Folded();
            int n = text.length();
            f.chars = new char[n + 8];
            f.origin = new int[n + 8];
            f.originEnd = new int[n + 8];
            f.kind = new byte[n + 8];
            f.separatedBefore = new boolean[n + 9];
            boolean separator = true;
            for (int i = 0; i < n;) {
                char c = text.charAt(i);
                if (c < 128) { // the common case: no lookup, no allocation
                    if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                        f.append(c, WORD, i, i + 1, separator);
                        separator = false;
                    } else if (c >= 'A' && c <= 'Z') {
                        f.append((char) (c + ('a' - 'A')), WORD, i, i + 1, separator);
                        separator = false;
                    } else if (c == ':' || c == '@' || c == '$' || c == '!' || c == '|') {
                        f.append(c, SOFT, i, i + 1, separator);
                        separator = false;
                    } else {
                        separator = true;
                    }
                    i++;
                    continue;
                }
                int cp = text.codePointAt(i);
                int next = i + Character.charCount(cp);
                CharFold fold = CharFold.of(cp);
                switch (fold.kind) {
                    case SEPARATOR -> separator = true;
                    case DROPPED_MARK -> {
                        if (f.length > 0 && f.originEnd[f.length - 1] == i) {
                            f.originEnd[f.length - 1] = next;
                        }
                    }
                    case COMPOSING -> {
                        if (f.length > 0 && f.originEnd[f.length - 1] == i) {
                            char composed = compose(f.chars[f.length - 1], fold.piece.charAt(0));
                            if (composed != 0) {
                                f.chars[f.length - 1] = composed;
                            }
                            f.originEnd[f.length - 1] = next;
                        }
                    }
                    default -> {
                        for (int k = 0; k < fold.piece.length(); k++) {
                            f.append(fold.piece.charAt(k), fold.kind, i, next, separator);
                            separator = false;
                        }
                    }
                }
                i = next;
            }
            f.separatedBefore[f.length] = true;
            return f;
        }

        private void append(char c, byte k, int from, int to, boolean separated) {
            if (length + 1 >= chars.length) {
                int size = chars.length * 2 + 8;
                chars = Arrays.copyOf(chars, size);
                origin = Arrays.copyOf(origin, size);
                originEnd = Arrays.copyOf(originEnd, size);
                kind = Arrays.copyOf(kind, size);
                separatedBefore = Arrays.copyOf(separatedBefore, size + 1);
            }
            chars[length] = c;
            kind[length] = k;
            origin[length] = from;
            originEnd[length] = to;
            separatedBefore[length] = separated;
            length++;
        }

        /**
         * True at the ends, after a separator, or where anything but two letters/digits of a
         * space-separated script meet.
         */
        boolean boundaryBefore(int i) {
            if (i <= 0 || i >= length || separatedBefore[i]) {
                return true;
            }
            return kind[i - 1] != WORD || kind[i] != WORD;
        }
    }

    // ------------------------------------------------------------------------------------------
    // the trie

    /** A frozen trie node: sorted child characters for a binary search, no boxing. */
    private static final class Node {
        final char[] keys;
        final Node[] children;
        final Term term;
        final ExceptionPhrase exception;

        Node(char[] keys, Node[] children, Term term, ExceptionPhrase exception) {
            this.keys = keys;
            this.children = children;
            this.term = term;
            this.exception = exception;
        }

        Node child(char c) {
            int at = Arrays.binarySearch(keys, c);
            return at >= 0 ? children[at] : null;
        }
    }

    private static final class MutableNode {
        final TreeMap<Character, MutableNode> next = new TreeMap<>();
        Term term;
        ExceptionPhrase exception;

        MutableNode insert(String key) {
            MutableNode node = this;
            for (int i = 0; i < key.length(); i++) {
                node = node.next.computeIfAbsent(key.charAt(i), c -> new MutableNode());
            }
            return node;
        }

        Node freeze() {
            char[] keys = new char[next.size()];
            Node[] children = new Node[next.size()];
            int i = 0;
            for (Map.Entry<Character, MutableNode> e : next.entrySet()) {
                keys[i] = e.getKey();
                children[i] = e.getValue().freeze();
                i++;
            }
            return new Node(keys, children, term, exception);
        }
    }
}

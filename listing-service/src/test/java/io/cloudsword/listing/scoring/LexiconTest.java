package io.cloudsword.listing.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class LexiconTest {

    private final Lexicon lexicon = Lexicon.load();

    private List<String> termsIn(String text) {
        return lexicon.find(text).stream().map(Lexicon.Match::term).toList();
    }

    /** Asserts exactly one match of {@code term}, written as {@code written} at its place in the text. */
    private void assertFinds(String text, String term, String written) {
        List<Lexicon.Match> found = lexicon.find(text);
        assertEquals(1, found.size(), () -> "one match in '" + text + "', got " + found);
        Lexicon.Match m = found.get(0);
        assertEquals(term, m.term(), text);
        assertEquals(written, m.matchedText(), text);
        assertEquals(text.indexOf(written), m.start(), text);
        assertEquals(text.indexOf(written) + written.length(), m.end(), text);
        assertEquals(written, text.substring(m.start(), m.end()));
    }

    private void assertNothingIn(String text) {
        assertEquals(List.of(), lexicon.find(text), text);
    }

    @Test
    void theShippedLexiconIsLoadedOnceAndCoversManyLanguages() {
        assertSame(lexicon, Lexicon.load());
        assertTrue(lexicon.terms().size() >= 60, "terms: " + lexicon.terms().size());
        assertTrue(lexicon.exceptions().size() >= 100, "exceptions: " + lexicon.exceptions().size());
        Set<String> languages = lexicon.terms().stream().flatMap(t -> List.of(t.languages().split(" ")).stream())
                .collect(Collectors.toSet());
        assertTrue(languages.containsAll(Set.of("en", "zh", "ja", "ko", "es", "fr", "de", "ru", "tr")), languages.toString());
        assertTrue(lexicon.version().matches("[0-9a-f]{12}"), lexicon.version());
    }

    @Test
    void plainTermsInManyLanguages() {
        assertFinds("Rolex replica watch", "replica", "replica");
        assertFinds("LV super copy bag", "super copy", "super copy");
        assertFinds("高仿耐克运动鞋", "高仿", "高仿"); // Han has no word boundaries
        assertFinds("外贸原单 帆布鞋", "原单", "原单");
        assertFinds("买A货包", "A货", "A货");
        assertFinds("ロレックス スーパーコピー時計", "スーパーコピー", "スーパーコピー");
        assertFinds("Часы реплика Rolex", "реплика", "реплика");
        assertFinds("Réplica de reloj", "replica", "Réplica");
        assertFinds("Sac réplique", "réplique", "réplique");
        assertFinds("Uhr Fälschung", "Fälschung", "Fälschung");
        assertFinds("Rolex replika saat", "replika", "replika");
        assertFinds("샤넬 짝퉁가방", "짝퉁", "짝퉁");
        assertFinds("Túi hàng nhái", "hàng nhái", "hàng nhái");
    }

    @Test
    void caseWidthAndAccentsAreFolded() {
        assertFinds("REPLICA Rolex", "replica", "REPLICA");
        assertFinds("ＲＥＰＬＩＣＡ Rolex", "replica", "ＲＥＰＬＩＣＡ");
        assertFinds("Ｓｕｐｅｒ Ｃｏｐｙ", "super copy", "Ｓｕｐｅｒ Ｃｏｐｙ");
        assertFinds("rèplîcä", "replica", "rèplîcä");
        String decomposed = "re\u0301plica watch"; // an accent as its own combining character
        assertFinds(decomposed, "replica", "re\u0301plica");
        String mathBold = "\uD835\uDC2B\uD835\uDC1E\uD835\uDC29\uD835\uDC25\uD835\uDC22\uD835\uDC1C\uD835\uDC1A watch";
        assertFinds(mathBold, "replica", mathBold.substring(0, 14));
        assertFinds("FÄLSCHUNG", "Fälschung", "FÄLSCHUNG");
        assertFinds("ÇAKMA saat", "çakma", "ÇAKMA");
        assertFinds("ﾛﾚｯｸｽ ｽｰﾊﾟｰｺﾋﾟｰ", "スーパーコピー", "ｽｰﾊﾟｰｺﾋﾟｰ"); // half-width kana, voicing marks apart
    }

    @Test
    void spacingAndPunctuationInsideATermAreIgnored() {
        assertFinds("r e p l i c a watch", "replica", "r e p l i c a");
        assertFinds("super  copy", "super copy", "super  copy");
        assertFinds("s.u.p.e.r copy", "super copy", "s.u.p.e.r copy");
        assertFinds("supercopy LV", "super copy", "supercopy");
        assertFinds("r-e-p-l-i-c-a", "replica", "r-e-p-l-i-c-a");
        assertFinds("knock-off Jordans", "knockoff", "knock-off");
        assertFinds("高 仿 耐克", "高仿", "高 仿");
        assertFinds("super\ncopy", "super copy", "super\ncopy");
    }

    @Test
    void leetspeakOnTheTextSide() {
        assertFinds("r3pl1ca Rolex", "replica", "r3pl1ca");
        assertFinds("rep1ica", "replica", "rep1ica");
        assertFinds("f@ke AirPods", "fake", "f@ke");
        assertFinds("f4ke", "fake", "f4ke");
        assertFinds("$uper copy", "super copy", "$uper copy");
        assertFinds("5uper c0py", "super copy", "5uper c0py");
        assertFinds("r3pl!ca", "replica", "r3pl!ca");
        assertFinds("kn0ck0ff", "knockoff", "kn0ck0ff");
        assertFinds("$.u.p.3.r c.0.p.y", "super copy", "$.u.p.3.r c.0.p.y");
    }

    @Test
    void oneToOneNeedsItsColonAndItsDigits() {
        assertFinds("1:1 Rolex", "1:1", "1:1");
        assertFinds("Rolex 1 : 1 watch", "1:1", "1 : 1");
        assertFinds("Rolex 1：1", "1:1", "1：1"); // full-width colon
        assertFinds("Rolex 1 :1 copy", "1:1 copy", "1 :1 copy");
        assertNothingIn("size 11");
        assertNothingIn("11 Rolex");
        assertNothingIn("1.1 kg");
        assertNothingIn("1/1 edition");
        assertNothingIn("1:12 dollhouse");
        assertNothingIn("11:1 gear ratio");
        assertNothingIn("21:10 pm");
        assertNothingIn("l:l"); // a digit in a term is literal: letters do not stand in for it
        assertNothingIn("i:i");
    }

    @Test
    void latinTermsMustStartAndEndAtAWordBoundary() {
        assertNothingIn("replicate the experiment");
        assertNothingIn("replicated samples");
        assertNothingIn("The Fakeer of Jungheera");
        assertNothingIn("fakery");
        assertNothingIn("Aaah! Real Monsters");
        assertNothingIn("3xAAA torch");
        assertNothingIn("preplica");
        assertNothingIn("superfakes123");
        assertNothingIn("Пальто женское"); // паль inside пальто
        assertNothingIn("imitative arts");
        assertNothingIn("copy paper");
        assertNothingIn("duplicate");
        assertFinds("replica.", "replica", "replica");
        assertFinds("(replica)", "replica", "replica");
        assertEquals(List.of("高仿", "replica"), termsIn("高仿replica")); // Han next to Latin is a boundary
        assertEquals(List.of("replica"), termsIn("replica 2024"));
        assertEquals(List.of(), termsIn("replica2024"));
    }

    @Test
    void exceptionsKeepInnocentPhrasesOut() {
        assertNothingIn("2 x AAA batteries");
        assertNothingIn("AAA battery pack");
        assertNothingIn("3 AAA titles for PS5");
        assertNothingIn("1:1 scale Iron Man helmet");
        assertNothingIn("scale 1:1");
        assertNothingIn("1:1 coaching sessions");
        assertNothingIn("photo frame 1:1 ratio");
        assertNothingIn("fake fur coat");
        assertNothingIn("fake plants");
        assertNothingIn("Not a replica, 100% authentic");
        assertNothingIn("no fakes here");
        assertNothingIn("clone trooper battle pack");
        assertNothingIn("imitation leather");
        assertNothingIn("原单位淘汰办公桌");
        assertNothingIn("单面A货架");
        assertNothingIn("超A货架");
        assertNothingIn("高仿真绿植");
        assertNothingIn("原单价199 现价99");
        assertNothingIn("纯原味酸奶");
        assertNothingIn("拒绝高仿");
        assertNothingIn("не подделка");
        assertNothingIn("есть копия чека");
        assertNothingIn("keine Fälschung");
        assertNothingIn("replika değildir");
        assertNothingIn("AAAAA级旅游景区");
        assertNothingIn("Official replica of the Apollo 11 patch");
        // an exception claims only its own characters
        assertEquals(List.of("replica"), termsIn("AAA batteries included with this replica"));
        assertEquals(List.of("高仿"), termsIn("高仿 超市货架"));
    }

    @Test
    void ofOverlappingTermsTheLongestWinsAndEachOccurrenceIsReported() {
        assertEquals(List.of("super fake"), termsIn("super fake Jordans"));
        assertEquals(List.of("aaa quality"), termsIn("AAA+ quality Rolex"));
        assertEquals(List.of("超A"), termsIn("超A货 LV"));
        assertEquals(List.of("顶级复刻"), termsIn("顶级复刻 香奈儿"));
        assertEquals(List.of("replica", "1:1", "replica"), termsIn("replica 1:1 replica"));
        assertEquals(List.of("高仿", "原单"), termsIn("高仿原单"));
    }

    @Test
    void everyExceptionContainsATermOrItWouldBeDeadWeight() {
        Lexicon termsOnly = Lexicon.parse(resource(Lexicon.TERMS_RESOURCE), "");
        List<String> dead = new ArrayList<>();
        for (Lexicon.ExceptionPhrase e : lexicon.exceptions()) {
            if (termsOnly.find(e.phrase()).isEmpty()) {
                dead.add(e.phrase());
            }
            assertEquals(List.of(), lexicon.find(e.phrase()), e.phrase());
        }
        assertEquals(List.of(), dead, "exceptions without a term");
    }

    @Test
    void everyTermFindsItselfInAnInnocentSentenceFrame() {
        for (Lexicon.Term term : lexicon.terms()) {
            for (String spelling : term.variants()) {
                String text = "Bag - " + spelling + " - new";
                List<Lexicon.Match> found = lexicon.find(text);
                assertEquals(1, found.size(), () -> spelling + ": " + found);
                assertEquals(term.term(), found.get(0).term(), spelling);
                assertEquals(spelling, found.get(0).matchedText());
            }
        }
    }

    @Test
    void foldIsForSearchColumns() {
        assertEquals("replica super copy", Lexicon.fold("  ＲＥＰＬＩＣＡ \t Super   Copy\n"));
        assertEquals("replica falschung", Lexicon.fold("Réplica FÄLSCHUNG"));
        assertEquals("高仿耐克 1:1", Lexicon.fold("高仿耐克 1：1"));
        assertEquals("s.u.p.e.r copy", Lexicon.fold("S.U.P.E.R COPY"));
        assertEquals("スーパーコピー", Lexicon.fold("ｽｰﾊﾟｰｺﾋﾟｰ"), "half-width kana keep their voicing");
        assertEquals("", Lexicon.fold(null));
        assertEquals("", Lexicon.fold(" \n "));
        assertEquals("replica", Lexicon.fold("re\u0301plica"));
    }

    @Test
    void oddInputNeverThrows() {
        assertEquals(List.of(), lexicon.find(null));
        assertEquals(List.of(), lexicon.find(""));
        assertEquals(List.of(), lexicon.find("\uD800")); // a lone surrogate
        assertEquals(List.of(), lexicon.find("$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$"));
        assertEquals(List.of(), lexicon.find("::::::::::::::1:::::::::::::::::::::::::::"));
        assertEquals(List.of(), lexicon.find("\u0301\u0301 \u200b"));
        String longText = "great shoes ".repeat(2000) + "r3pl1ca";
        assertEquals(List.of("replica"), termsIn(longText));
    }

    @Test
    void malformedDataIsRefusedNamingTheLine() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Lexicon.parse("replica\ten\t40\nRÉPLICA\tes\t40\n", ""));
        assertTrue(twice.getMessage().contains("already listed"), twice.getMessage());
        IllegalArgumentException points = assertThrows(IllegalArgumentException.class,
                () -> Lexicon.parse("# header\nreplica\ten\tmany\n", ""));
        assertTrue(points.getMessage().contains("line 2"), points.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Lexicon.parse("replica\ten\t0\n", ""));
        assertThrows(IllegalArgumentException.class, () -> Lexicon.parse("replica\n", ""));
        assertThrows(IllegalArgumentException.class, () -> Lexicon.parse("...\ten\t10\n", ""));
        assertThrows(IllegalArgumentException.class, () -> Lexicon.parse("fake\ten\t10\n", "FAKE\ten\n"));
    }

    @Test
    void theVersionFollowsTheData() {
        Lexicon a = Lexicon.parse("replica\ten\t40\n", "not a replica\ten\n");
        Lexicon same = Lexicon.parse("replica\ten\t40\n", "not a replica\ten\n");
        Lexicon otherPoints = Lexicon.parse("replica\ten\t41\n", "not a replica\ten\n");
        Lexicon otherException = Lexicon.parse("replica\ten\t40\n", "no replica\ten\n");
        assertEquals(a.version(), same.version());
        assertNotEquals(a.version(), otherPoints.version());
        assertNotEquals(a.version(), otherException.version());
        assertFalse(a.find("a replica").isEmpty());
    }

    private static String resource(String name) {
        try (InputStream in = LexiconTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

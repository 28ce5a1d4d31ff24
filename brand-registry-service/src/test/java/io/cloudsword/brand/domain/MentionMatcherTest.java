package io.cloudsword.brand.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cloudsword.kit.text.MentionMatcher;

class MentionMatcherTest {

    private final MentionMatcher matcher = new MentionMatcher(List.of(
            new MentionMatcher.Name("nike", "Nike"),
            new MentionMatcher.Name("nike", "耐克"),
            new MentionMatcher.Name("nike", "Найк"),
            new MentionMatcher.Name("lv", "Louis Vuitton"),
            new MentionMatcher.Name("louis", "Louis"),
            new MentionMatcher.Name("sony", "ソニー")));

    private List<MentionMatcher.Mention> find(String text) {
        return matcher.find(text, Set.of());
    }

    @Test
    void disguisedSpellingsFindTheBrandWithOffsetsIntoTheOriginalText() {
        for (String disguise : List.of("ＮＩＫＥ", "n i k e", "Nïke", "N.I.K.E", "NIKE", "Nı̈ke".replace("ı", "i"),
                "Nike\u0301")) {
            String text = "new " + disguise + " shoes";
            List<MentionMatcher.Mention> found = find(text);
            assertEquals(1, found.size(), disguise);
            MentionMatcher.Mention m = found.get(0);
            assertEquals("nike", m.brandId());
            assertEquals("Nike", m.matchedName());
            assertEquals(4, m.start(), disguise);
            assertEquals(4 + disguise.length(), m.end(), disguise);
            assertEquals(disguise, m.matchedText());
        }
    }

    @Test
    void aNameInsideAnotherWordIsNotAMention() {
        assertTrue(find("Nikeland opening").isEmpty());
        assertTrue(find("fresh snikers bar").isEmpty());
        assertTrue(find("xnike").isEmpty());
    }

    @Test
    void scriptsWithoutSpacesMatchInsideRunningText() {
        List<MentionMatcher.Mention> found = find("耐克运动鞋 正品");
        assertEquals(1, found.size());
        assertEquals(0, found.get(0).start());
        assertEquals(2, found.get(0).end());
        assertEquals("nike", find("кроссовки Найк новые").get(0).brandId());
        assertEquals("sony", find("ソニーのヘッドホン").get(0).brandId());
    }

    @Test
    void offsetsCountUtf16UnitsAfterCharactersOutsideTheBasicPlane() {
        String text = "🔥🔥 NIKE";
        MentionMatcher.Mention m = find(text).get(0);
        assertEquals(5, m.start());
        assertEquals(9, m.end());
        assertEquals("NIKE", text.substring(m.start(), m.end()));
    }

    @Test
    void ofOverlappingMatchesTheLongestWins() {
        List<MentionMatcher.Mention> found = find("Louis Vuitton bag and a Louis lamp");
        assertEquals(2, found.size());
        assertEquals("lv", found.get(0).brandId());
        assertEquals("Louis Vuitton", found.get(0).matchedText());
        assertEquals("louis", found.get(1).brandId());
        assertEquals(24, found.get(1).start());
    }

    @Test
    void mentionsComeInOrderOfPositionAndCanBeLimitedToSomeBrands() {
        List<MentionMatcher.Mention> found = find("ソニー and Nike and 耐克");
        assertEquals(List.of("sony", "nike", "nike"), found.stream().map(MentionMatcher.Mention::brandId).toList());
        assertEquals(List.of("nike", "nike"), matcher.find("ソニー and Nike and 耐克", Set.of("nike")).stream()
                .map(MentionMatcher.Mention::brandId).toList());
    }
}

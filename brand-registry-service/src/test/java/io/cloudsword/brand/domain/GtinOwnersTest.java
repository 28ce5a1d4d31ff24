package io.cloudsword.brand.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cloudsword.kit.error.DomainException;

class GtinOwnersTest {

    @Test
    void candidatesAreTheLeadingSixToTwelveDigitsAfterTheIndicatorLongestFirst() {
        List<String> c = GtinOwners.candidates("06291041500213");
        assertEquals(List.of("629104150021", "62910415002", "6291041500", "629104150", "62910415", "6291041", "629104"),
                c);
    }

    @Test
    void aUpcCompanyPrefixInGs1FormMatchesItsGtin12() {
        // DOMAIN.md: 085001200017 -> 00085001200017 -> 0085001200017 starts with 00850012
        assertTrue(GtinOwners.candidates("00085001200017").contains("00850012"));
        // the indicator digit of a case code is skipped
        assertTrue(GtinOwners.candidates("16291041500210").contains("62910415"));
    }

    @Test
    void invalidGtinsInABatchAreAnsweredPerItemByIndex() {
        List<Object> n = GtinOwners.normalized(List.of("6291041500213", "6291041500214", "96385074"));
        assertEquals("06291041500213", n.get(0));
        DomainException e = (DomainException) n.get(1);
        assertEquals("INVALID_GTIN", e.reason());
        assertEquals("gtins[1]", e.field());
        assertEquals("00000096385074", n.get(2));
        assertEquals(List.of("06291041500213", "00000096385074"), GtinOwners.distinctValid(n));
    }

    @Test
    void theQuickPathAgreesWithTheKitOnValidAndInvalidGtins() {
        for (String g : List.of("6291041500213", "96385074", "036000291452", "085001200017", "16291041500210",
                "00000000000000")) {
            assertEquals(io.cloudsword.kit.Gtin.toGtin14("g", g), GtinOwners.quickGtin14(g), g);
        }
        for (String g : List.of("6291041500214", "9638507", "62910415002a3", " 6291041500213", "", "123456789012345")) {
            assertEquals(null, GtinOwners.quickGtin14(g), g);
        }
        // a GTIN the quick path leaves to the kit is still accepted there (surrounding spaces)
        assertEquals("06291041500213", GtinOwners.normalized(List.of(" 6291041500213 ")).get(0));
    }
}

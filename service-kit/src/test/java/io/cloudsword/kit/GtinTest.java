package io.cloudsword.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.cloudsword.kit.error.DomainException;

/** Vectors from DOMAIN.md and GS1's examples. */
class GtinTest {

    @Test
    void checkDigitOfTheDomainExample() {
        assertEquals(3, Gtin.checkDigit("629104150021"));
    }

    @Test
    void validGtinsOfEveryLengthNormalizeTo14Digits() {
        assertEquals("06291041500213", Gtin.toGtin14("gtin", "6291041500213")); // GTIN-13
        assertEquals("00085001200017", Gtin.toGtin14("gtin", "085001200017")); // GTIN-12 (U.P.C.)
        assertEquals("00000096385074", Gtin.toGtin14("gtin", "96385074")); // GTIN-8
        assertEquals("10614141000415", Gtin.toGtin14("gtin", "10614141000415")); // GTIN-14
    }

    @Test
    void aWrongCheckDigitIsRefusedNamingTheField() {
        DomainException e = assertThrows(DomainException.class, () -> Gtin.toGtin14("lines[3].gtin", "6291041500214"));
        assertEquals("INVALID_GTIN", e.reason());
        assertEquals("lines[3].gtin", e.field());
        assertEquals(DomainException.Kind.INVALID_ARGUMENT, e.kind());
    }

    @Test
    void wrongLengthsAndNonDigitsAreRefused() {
        for (String bad : new String[] { "", "1234567", "629104150021", "62910415002131", "629104150021a",
                "６２９１０４１５００２１３", "0629104150021３", "+6291041500213" }) {
            assertThrows(DomainException.class, () -> Gtin.toGtin14("gtin", bad), bad);
        }
    }
}

package io.cloudsword.brand.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import io.cloudsword.kit.text.BrandNames;

class BrandNamesTest {

    @Test
    void foldsWidthCaseAccentsAndSpacing() {
        assertEquals("nike", BrandNames.fold("Nike"));
        assertEquals("nike", BrandNames.fold("ＮＩＫＥ"));
        assertEquals("nike", BrandNames.fold("n i k e"));
        assertEquals("nike", BrandNames.fold("Nïke"));
        assertEquals("nike", BrandNames.fold("N.I.K.E"));
    }

    @Test
    void keepsOtherScriptsAndDistinctNamesDistinct() {
        assertEquals("耐克", BrandNames.fold("耐 克"));
        assertEquals("адидас", BrandNames.fold("АДИДАС"));
        assertNotEquals(BrandNames.fold("Nike"), BrandNames.fold("Nikes"));
    }
}

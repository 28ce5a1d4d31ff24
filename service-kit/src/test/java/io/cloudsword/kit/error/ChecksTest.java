package io.cloudsword.kit.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void countriesAreIso3166Alpha2() {
        assertEquals("CN", Checks.country("country", " cn "));
        DomainException e = assertThrows(DomainException.class, () -> Checks.country("address.country", "XX"));
        assertEquals("INVALID_COUNTRY", e.reason());
        assertEquals("address.country", e.field());
        assertThrows(DomainException.class, () -> Checks.country("country", "CHN"));
    }

    @Test
    void currenciesAreIso4217() {
        assertEquals("EUR", Checks.currency("price.currency", "eur"));
        assertEquals("INVALID_CURRENCY", assertThrows(DomainException.class,
                () -> Checks.currency("price.currency", "EURO")).reason());
        assertThrows(DomainException.class, () -> Checks.currency("price.currency", "ABC"));
    }

    @Test
    void textIsRequiredTrimmedAndBoundedInCodePoints() {
        assertEquals("Nike", Checks.text("name", "  Nike ", 10));
        assertEquals("FIELD_REQUIRED", assertThrows(DomainException.class, () -> Checks.text("name", "  ", 10)).reason());
        assertEquals("FIELD_TOO_LONG", assertThrows(DomainException.class, () -> Checks.text("name", "x".repeat(11), 10))
                .reason());
        assertEquals("耐克耐克", Checks.text("name", "耐克耐克", 4));
    }

    @Test
    void emailsAndIds() {
        assertEquals("legal@brand.example", Checks.email("email", "legal@brand.example"));
        assertEquals("INVALID_EMAIL", assertThrows(DomainException.class, () -> Checks.email("email", "no-at-sign"))
                .reason());
        assertEquals("INVALID_FORMAT", assertThrows(DomainException.class, () -> Checks.id("id", "1; DROP TABLE")).reason());
    }

    @Test
    void platformsAreLowerCaseSlugs() {
        assertEquals("amazon.de", Checks.platform("platform", " Amazon.DE "));
        assertEquals("INVALID_FORMAT", assertThrows(DomainException.class,
                () -> Checks.platform("sellers[2].platform", "'; DROP TABLE x; --")).reason());
        assertThrows(DomainException.class, () -> Checks.platform("platform", "x"));
    }

    @Test
    void hostNamesIncludingInternationalOnes() {
        assertEquals("id.brand.example", Checks.hostnameOrNull("ID.Brand.Example"));
        assertEquals("xn--mnchen-3ya.example", Checks.hostnameOrNull("münchen.example"));
        assertEquals(null, Checks.hostnameOrNull("evil.example/../x"));
        assertEquals(null, Checks.hostnameOrNull("localhost"));
    }
}

package io.cloudsword.verification.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudsword.kit.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigitalLinkTest {

    private static final String GTIN = "09506000134352";
    private static final String BASE = "https://id.example.com/01/" + GTIN;

    @Test
    void parsesAndFormatsTheCanonicalForm() {
        String uri = BASE + "/21/ABC123";
        DigitalLink dl = DigitalLink.parse("code", uri);
        assertEquals("id.example.com", dl.host());
        assertEquals(GTIN, dl.gtin14());
        assertEquals("ABC123", dl.serial());
        assertNull(dl.lot());
        assertNull(dl.variant());
        assertEquals(uri, dl.uri());
        assertEquals(dl, DigitalLink.parse("code", dl.uri()));
    }

    @Test
    void normalizesShortGtinsToGtin14() {
        assertEquals("06291041500213", DigitalLink.parse("code", "https://h.example/01/6291041500213/21/X").gtin14());
        assertEquals("00036000291452", DigitalLink.parse("code", "https://h.example/01/036000291452/21/X").gtin14());
        assertEquals("00000096385074", DigitalLink.parse("code", "https://h.example/01/96385074/21/X").gtin14());
        assertEquals("https://h.example/01/06291041500213/21/X",
                DigitalLink.parse("code", "HTTPS://H.Example/01/6291041500213/21/X").uri());
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertRefused("INVALID_GTIN", "https://h.example/01/6291041500214/21/X");
        assertRefused("INVALID_GTIN", "https://h.example/01/629104150021/21/X"); // 12 digits, wrong check
        assertRefused("INVALID_GTIN", "https://h.example/01/123456789/21/X"); // 9 digits
    }

    @Test
    void refusesFullWidthDigitsInTheGtinRawOrEncoded() {
        String fullWidth = "６２９１０４１５００２１３";
        assertRefused("INVALID_GTIN", "https://h.example/01/" + fullWidth + "/21/X");
        assertRefused("INVALID_GTIN", "https://h.example/01/" + DigitalLink.encode(fullWidth) + "/21/X");
        assertRefused("INVALID_GTIN", "https://h.example/01/%206291041500213/21/X"); // no whitespace stripping
    }

    @Test
    void readsQualifiersInGs1OrderAndIgnoresDataAttributes() {
        DigitalLink dl = DigitalLink.parse("code", BASE + "/22/V-1/10/LOT%2F7/21/S1?17=261231&3103=000189#frag");
        assertEquals("V-1", dl.variant());
        assertEquals("LOT/7", dl.lot());
        assertEquals("S1", dl.serial());
        assertEquals(BASE + "/22/V-1/10/LOT%2F7/21/S1", dl.uri());
        assertEquals("S1", DigitalLink.parse("code", BASE + "/21/S1?").serial());
    }

    @Test
    void refusesQualifiersOutOfOrderRepeatedUnknownOrMissing() {
        assertRefused("INVALID_DIGITAL_LINK", BASE + "/10/LOT/22/V/21/S");
        assertRefused("INVALID_DIGITAL_LINK", BASE + "/21/S/10/LOT");
        assertRefused("INVALID_DIGITAL_LINK", BASE + "/21/S/21/T");
        assertRefused("INVALID_DIGITAL_LINK", BASE + "/17/261231/21/S");
        assertRefused("INVALID_DIGITAL_LINK", BASE + "/10/LOT");
        assertRefused("INVALID_DIGITAL_LINK", BASE);
        assertRefused("INVALID_DIGITAL_LINK", BASE + "/21/S/");
        assertRefused("INVALID_DIGITAL_LINK", BASE + "/21/");
        assertRefused("INVALID_DIGITAL_LINK", BASE + "/21");
        assertRefused("INVALID_DIGITAL_LINK", "https://id.example.com/00/106141411234567897/21/S");
        assertRefused("INVALID_DIGITAL_LINK", "https://id.example.com/shop/01/" + GTIN + "/21/S");
        assertRefused("INVALID_DIGITAL_LINK", BASE + "/%32%31/S"); // an AI is not percent-encoded
    }

    @Test
    void refusesWhatIsNotAnHttpsUriWithAHost() {
        assertRefused("INVALID_DIGITAL_LINK", "");
        assertRefused("INVALID_DIGITAL_LINK", null);
        assertRefused("INVALID_DIGITAL_LINK", "id.example.com/01/" + GTIN + "/21/S");
        assertRefused("INVALID_DIGITAL_LINK", "ftp://id.example.com/01/" + GTIN + "/21/S");
        assertRefused("INVALID_DIGITAL_LINK", "https:///01/" + GTIN + "/21/S");
        assertRefused("INVALID_DIGITAL_LINK", "https://user@id.example.com/01/" + GTIN + "/21/S");
        assertRefused("INVALID_DIGITAL_LINK", "https://id.example.com?01=" + GTIN);
        assertRefused("INVALID_DIGITAL_LINK", BASE + "/21/" + "A".repeat(DigitalLink.MAX_URI_LENGTH));
        assertEquals("id.example.com:8443",
                DigitalLink.parse("code", "https://id.example.com:8443/01/" + GTIN + "/21/S").host());
    }

    @Test
    void decodesPercentEscapesOnceBeforeTheGs1Rules() {
        assertEquals("A/B", DigitalLink.parse("code", BASE + "/21/A%2FB").serial());
        assertEquals("A/B", DigitalLink.parse("code", BASE + "/21/A%2fB").serial());
        assertEquals("100%", DigitalLink.parse("code", BASE + "/21/100%25").serial());
        DigitalLink doubleEncoded = DigitalLink.parse("code", BASE + "/21/A%252FB");
        assertEquals("A%2FB", doubleEncoded.serial());
        assertEquals(BASE + "/21/A%252FB", doubleEncoded.uri());
        assertEquals("ABC", DigitalLink.parse("code", BASE + "/21/%41%42%43").serial());
        // sub-delimiters may arrive raw; they are formatted encoded
        DigitalLink raw = DigitalLink.parse("code", BASE + "/21/a!b*c,d;e=f+g&h:i");
        assertEquals("a!b*c,d;e=f+g&h:i", raw.serial());
        assertEquals(BASE + "/21/a%21b%2Ac%2Cd%3Be%3Df%2Bg%26h%3Ai", raw.uri());
    }

    @ParameterizedTest
    @ValueSource(strings = {"A%G1", "A%1", "A%", "%%41", "A%2", "A%C0%AF", "A%E0%80%AF", "A%C3", "A%ED%A0%80", "A%FF",
        "A%\u0661\u0662", "A B", "A\"B", "A<B", "A>B", "A\\B", "A^B", "A`B", "A{B", "A|B", "A}B", "A\u0000B", "A\u007fB"})
    void refusesBadEscapesInvalidUtf8AndRawCharactersThatNeedEncoding(String serial) {
        assertRefused("INVALID_DIGITAL_LINK", BASE + "/21/" + serial);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%C3%A9t%C3%A9", "été", "A%20B", "A~B", "A%7EB", "A$B", "A@B", "A%23B", "%E2%80%8B", "A%00B"})
    void refusesSerialCharactersOutsideTheSet82(String serial) {
        assertRefused("INVALID_SERIAL", BASE + "/21/" + serial);
    }

    @Test
    void serialLengthIsOneToTwentyDecodedCharacters() {
        String twenty = "A".repeat(20);
        assertEquals(twenty, DigitalLink.parse("code", BASE + "/21/" + twenty).serial());
        assertEquals("%".repeat(20), DigitalLink.parse("code", BASE + "/21/" + "%25".repeat(20)).serial());
        assertRefused("INVALID_SERIAL", BASE + "/21/" + "A".repeat(21));
        assertRefused("INVALID_SERIAL", BASE + "/21/" + "%25".repeat(21));
        assertRefused("INVALID_DIGITAL_LINK", BASE + "/10/" + "L".repeat(21) + "/21/S");
        assertRefused("INVALID_DIGITAL_LINK", BASE + "/10/L%20T/21/S");
    }

    @Test
    void everyCharacterOfTheSet82RoundTrips() {
        assertEquals(82, DigitalLink.SET_82.length());
        for (int i = 0; i < DigitalLink.SET_82.length(); i += 20) {
            String serial = DigitalLink.SET_82.substring(i, Math.min(i + 20, DigitalLink.SET_82.length()));
            DigitalLink dl = DigitalLink.of("code", "id.example.com", GTIN, serial);
            DigitalLink back = DigitalLink.parse("code", dl.uri());
            assertEquals(serial, back.serial());
            assertEquals(dl, back);
            String encodedSerial = dl.path().substring(dl.path().lastIndexOf('/') + 1);
            assertTrue(encodedSerial.chars().allMatch(c -> DigitalLink.isUnreserved((char) c) || c == '%'),
                    "serial part must hold only unreserved characters and escapes: " + encodedSerial);
        }
    }

    @Test
    void formattingEncodesReservedCharacters() {
        DigitalLink dl = DigitalLink.of("code", "id.example.com", "6291041500213", "V/1", "L?1", "a/b%c&d?e+f");
        assertEquals("https://id.example.com/01/06291041500213/22/V%2F1/10/L%3F1/21/a%2Fb%25c%26d%3Fe%2Bf", dl.uri());
        assertEquals("%23%20%C3%A9-._~", DigitalLink.encode("# é-._~"));
    }

    @Test
    void acceptsThePathFormForTheResolverRoute() {
        DigitalLink dl = DigitalLink.parsePath("path", "/01/6291041500213/10/L1/21/A%2FB?linkType=all");
        assertNull(dl.host());
        assertEquals("06291041500213", dl.gtin14());
        assertEquals("A/B", dl.serial());
        assertEquals("/01/06291041500213/10/L1/21/A%2FB", dl.path());
        assertEquals(dl.path(), dl.toString());
        assertEquals("https://id.example.com/01/06291041500213/10/L1/21/A%2FB", dl.withHost("host", "id.example.com").uri());
        assertThrows(IllegalStateException.class, dl::uri);
        DomainException e = assertThrows(DomainException.class, () -> DigitalLink.parsePath("path", "01/6291041500213/21/A"));
        assertEquals("path", e.field());
        assertEquals("INVALID_DIGITAL_LINK", e.reason());
    }

    @Test
    void ofRefusesBadParts() {
        DomainException serial = assertThrows(DomainException.class,
                () -> DigitalLink.of("requests[2].code", "h.example", GTIN, "é"));
        assertEquals("requests[2].code", serial.field());
        assertEquals("INVALID_SERIAL", serial.reason());
        assertEquals(DomainException.Kind.INVALID_ARGUMENT, serial.kind());
        assertEquals("INVALID_GTIN",
                assertThrows(DomainException.class, () -> DigitalLink.of("code", "h.example", "6291041500214", "S")).reason());
        assertEquals("INVALID_SERIAL",
                assertThrows(DomainException.class, () -> DigitalLink.of("code", "h.example", GTIN, "")).reason());
        assertEquals("INVALID_DIGITAL_LINK",
                assertThrows(DomainException.class, () -> DigitalLink.of("code", "bad host", GTIN, "S")).reason());
        assertThrows(IllegalArgumentException.class, () -> new DigitalLink(null, "6291041500213", null, null, "S"));
        assertThrows(IllegalArgumentException.class, () -> new DigitalLink(null, GTIN, null, null, "a/b".repeat(7)));
    }

    private static void assertRefused(String reason, String uri) {
        DomainException e = assertThrows(DomainException.class, () -> DigitalLink.parse("code", uri), uri);
        assertEquals(reason, e.reason(), () -> uri + ": " + e.getMessage());
        assertEquals("code", e.field());
        assertEquals(DomainException.Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().startsWith("code "), e.getMessage());
    }
}

package io.cloudsword.verification.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SerialCodecTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String GTIN = "06291041500213";
    private static final String OTHER_GTIN = "09506000134352";

    private final CodeKey key = CodeKey.generate(0, RANDOM);

    @Test
    void layoutFitsAi21AndCarriesAtLeast64MacBits() {
        assertTrue(SerialCodec.SERIAL_LENGTH <= DigitalLink.MAX_SERIAL_LENGTH);
        assertTrue(SerialCodec.SERIAL_LENGTH <= 20);
        assertTrue(SerialCodec.MAC_BITS >= 64, "MAC bits: " + SerialCodec.MAC_BITS);
        assertEquals(SerialCodec.SERIAL_LENGTH,
                SerialCodec.KEY_ID_CHARS + SerialCodec.NONCE_CHARS + SerialCodec.MAC_CHARS);
        assertEquals(64, SerialCodec.ALPHABET.length());
        assertEquals(64, SerialCodec.ALPHABET.chars().distinct().count());
        for (char c : SerialCodec.ALPHABET.toCharArray()) {
            assertTrue(DigitalLink.inSet82(c), "in the 82-character set: " + c);
            assertTrue(DigitalLink.isUnreserved(c), "needs no percent-encoding: " + c);
        }
        assertEquals((1L << 42) - 1, SerialCodec.MAX_NONCE);
    }

    @Test
    void issuedSerialsCheckValidAndCarryKeyAndNonce() {
        for (long nonce : new long[] {0, 1, 63, 64, 1_000_000, SerialCodec.MAX_NONCE}) {
            String serial = SerialCodec.issue(key, GTIN, nonce);
            assertEquals(SerialCodec.SERIAL_LENGTH, serial.length());
            assertEquals(key.idChar(), serial.charAt(0));
            SerialCodec.Result r = SerialCodec.check(GTIN, serial, List.of(key));
            assertTrue(r.valid(), serial);
            assertEquals(0, r.keyId());
            assertEquals(nonce, r.nonce());
            DigitalLink dl = DigitalLink.of("code", "id.example.com", GTIN, serial);
            assertFalse(dl.uri().contains("%"), dl.uri());
            assertEquals(serial, DigitalLink.parse("code", dl.uri()).serial());
        }
    }

    @Test
    void distinctNoncesGiveDistinctSerials() {
        SerialCodec.Issuer issuer = SerialCodec.issuer(key, GTIN);
        Set<String> seen = new HashSet<>();
        for (long n = 0; n < 10_000; n++) {
            String serial = issuer.serial(n);
            assertEquals(SerialCodec.issue(key, GTIN, n), serial);
            assertTrue(seen.add(serial));
        }
    }

    @Test
    void changingAnyCharacterMakesItInvalid() {
        String serial = SerialCodec.issue(key, GTIN, 123_456_789L);
        String others = SerialCodec.ALPHABET + "!%/+é\u0000\uFF21";
        for (int i = 0; i < serial.length(); i++) {
            for (char c : others.toCharArray()) {
                if (c == serial.charAt(i)) {
                    continue;
                }
                char[] forged = serial.toCharArray();
                forged[i] = c;
                assertFalse(SerialCodec.check(GTIN, new String(forged), List.of(key)).valid(), new String(forged));
            }
        }
    }

    @Test
    void aSerialOfAnotherKeyOrAnotherGtinIsInvalid() {
        CodeKey sameIdOtherSecret = CodeKey.generate(0, RANDOM);
        String serial = SerialCodec.issue(key, GTIN, 42);
        assertFalse(SerialCodec.check(GTIN, serial, List.of(sameIdOtherSecret)).valid());
        assertFalse(SerialCodec.check(OTHER_GTIN, serial, List.of(key)).valid());
        String otherGtinSerial = SerialCodec.issue(key, OTHER_GTIN, 42);
        assertNotEquals(serial, otherGtinSerial);
        assertFalse(SerialCodec.check(GTIN, otherGtinSerial, List.of(key)).valid());
        // the key id character is bound by the MAC: relabelling a serial to another listed key fails
        CodeKey key1 = new CodeKey(1, key.secret());
        String relabelled = key1.idChar() + serial.substring(1);
        assertFalse(SerialCodec.check(GTIN, relabelled, List.of(key, key1)).valid());
    }

    @Test
    void rotatedKeysKeepVerifyingUntilRemoved() {
        CodeKey oldKey = CodeKey.generate(0, RANDOM);
        CodeKey newKey = CodeKey.generate(1, RANDOM);
        String oldSerial = SerialCodec.issue(oldKey, GTIN, 7);
        String newSerial = SerialCodec.issue(newKey, GTIN, 7);
        assertNotEquals(oldSerial, newSerial);

        SerialCodec.Result old = SerialCodec.check(GTIN, oldSerial, List.of(newKey, oldKey));
        assertTrue(old.valid());
        assertEquals(0, old.keyId());
        SerialCodec.Result fresh = SerialCodec.check(GTIN, newSerial, List.of(newKey, oldKey));
        assertTrue(fresh.valid());
        assertEquals(1, fresh.keyId());

        assertFalse(SerialCodec.check(GTIN, oldSerial, List.of(newKey)).valid());
        assertTrue(SerialCodec.check(GTIN, newSerial, List.of(newKey)).valid());
        assertFalse(SerialCodec.check(GTIN, oldSerial, List.of()).valid());
    }

    @Test
    void aReusedKeyIdTriesEveryListedKeyWithThatId() {
        CodeKey first = CodeKey.generate(5, RANDOM);
        CodeKey sixtyFifth = CodeKey.generate(5, RANDOM);
        String a = SerialCodec.issue(first, GTIN, 1);
        String b = SerialCodec.issue(sixtyFifth, GTIN, 1);
        assertTrue(SerialCodec.check(GTIN, a, List.of(sixtyFifth, first)).valid());
        assertTrue(SerialCodec.check(GTIN, b, List.of(sixtyFifth, first)).valid());
        assertFalse(SerialCodec.check(GTIN, a, List.of(sixtyFifth)).valid());
    }

    @Test
    void garbageIsInvalidWithoutThrowing() {
        String serial = SerialCodec.issue(key, GTIN, 9);
        List<CodeKey> keys = List.of(key);
        for (String s : new String[] {null, "", "A", serial.substring(1), serial + "A", "!".repeat(20),
            "\uFFFF".repeat(20), "\uD800".repeat(20), "%2F%2F%2F%2F%2F%2F%2"}) {
            assertFalse(SerialCodec.check(GTIN, s, keys).valid(), String.valueOf(s));
        }
        assertFalse(SerialCodec.check(null, serial, keys).valid());
        assertFalse(SerialCodec.check("6291041500213", serial, keys).valid());
        assertFalse(SerialCodec.check("0629104150021X", serial, keys).valid());
        assertFalse(SerialCodec.check(GTIN, serial, null).valid());
        assertFalse(SerialCodec.check(GTIN, serial, Arrays.asList((CodeKey) null)).valid());
        assertEquals(SerialCodec.Result.invalid(), SerialCodec.check(GTIN, "x", keys));
    }

    @Test
    void refusesOutOfRangeInputsWhenIssuing() {
        assertThrows(IllegalArgumentException.class, () -> SerialCodec.issue(key, GTIN, -1));
        assertThrows(IllegalArgumentException.class, () -> SerialCodec.issue(key, GTIN, SerialCodec.MAX_NONCE + 1));
        assertThrows(IllegalArgumentException.class, () -> SerialCodec.issue(key, "6291041500213", 1));
        assertThrows(IllegalArgumentException.class, () -> new CodeKey(64, new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> new CodeKey(-1, new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> new CodeKey(0, new byte[16]));
    }

    @Test
    void keysKeepTheirSecretOutOfLogs() {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 0x41);
        CodeKey k = new CodeKey(3, secret);
        assertFalse(k.toString().contains("AAAA"));
        assertEquals('D', k.idChar());
        secret[0] = 0;
        assertEquals(0x41, k.secret()[0]); // defensive copy
    }
}

package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CodeSamplesTest {

    static final String SERIAL = "FAAHW80VlaF3sASMKPwu";
    static final String LINK = "https://id.cloudsword.example/01/04012345000016/21/" + SERIAL;

    @Test
    void thePlanHasTheAskedSharesAndSplitsTheInvalidOnesEvenly() {
        CodeSamples.Kind[] plan = CodeSamples.plan(1000, 40, 40, new Random(1));
        Map<CodeSamples.Kind, Long> counts = Arrays.stream(plan)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(400, counts.get(CodeSamples.Kind.GENUINE));
        assertEquals(400, counts.get(CodeSamples.Kind.REPEATED));
        assertEquals(67, counts.get(CodeSamples.Kind.MAC_FORGED));
        assertEquals(67, counts.get(CodeSamples.Kind.NEVER_ISSUED));
        assertEquals(66, counts.get(CodeSamples.Kind.OTHER_GTIN));
        // shuffled, and the same for the same seed
        long genuineFirst = Arrays.stream(plan, 0, 400).filter(k -> k == CodeSamples.Kind.GENUINE).count();
        assertTrue(genuineFirst > 100 && genuineFirst < 300, "not shuffled: " + genuineFirst);
        assertArrayEquals(plan, CodeSamples.plan(1000, 40, 40, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> CodeSamples.plan(10, 60, 50, new Random(1)));
    }

    @Test
    void onlyInvalidKindsExpectInvalid() {
        assertTrue(CodeSamples.Kind.MAC_FORGED.expectsInvalid());
        assertTrue(CodeSamples.Kind.NEVER_ISSUED.expectsInvalid());
        assertTrue(CodeSamples.Kind.OTHER_GTIN.expectsInvalid());
        assertTrue(!CodeSamples.Kind.GENUINE.expectsInvalid() && !CodeSamples.Kind.REPEATED.expectsInvalid());
    }

    @Test
    void aForgedMacDiffersInExactlyOneMacCharacterAndStaysWellFormed() {
        Random random = new Random(7);
        for (int n = 0; n < 500; n++) {
            String forged = CodeSamples.forgeMac(SERIAL, random);
            assertEquals(20, forged.length());
            int differences = 0;
            for (int i = 0; i < 20; i++) {
                assertTrue(CodeSamples.ALPHABET.indexOf(forged.charAt(i)) >= 0, forged);
                if (forged.charAt(i) != SERIAL.charAt(i)) {
                    differences++;
                    assertTrue(i >= 8, "changed the key id or nonce at " + i + ": " + forged);
                }
            }
            assertEquals(1, differences, forged);
        }
    }

    @Test
    void aNeverIssuedSerialKeepsTheKeyIdAndHasANonceNoBatchReaches() {
        Random random = new Random(3);
        for (int n = 0; n < 500; n++) {
            String serial = CodeSamples.neverIssued(SERIAL, random);
            assertEquals(20, serial.length());
            assertEquals('F', serial.charAt(0));
            assertTrue(serial.chars().allMatch(c -> CodeSamples.ALPHABET.indexOf(c) >= 0), serial);
            long nonce = CodeSamples.nonceOf(serial);
            assertTrue(nonce >= 1L << 41 && nonce < 1L << 42, serial + " nonce " + nonce);
        }
    }

    @Test
    void refusesWhatIsNotAnIssuedSerial() {
        assertThrows(IllegalArgumentException.class, () -> CodeSamples.forgeMac("short", new Random()));
        assertThrows(IllegalArgumentException.class, () -> CodeSamples.forgeMac("FAAHW80VlaF3sASMKPw%", new Random()));
        assertThrows(IllegalArgumentException.class, () -> CodeSamples.neverIssued(null, new Random()));
    }

    @Test
    void replacesTheSerialOrTheGtinOfADigitalLink() {
        assertEquals("https://id.cloudsword.example/01/04012345000016/21/XYZ", CodeSamples.withSerial(LINK, SERIAL, "XYZ"));
        assertEquals("https://h.example/01/04012345000016/21/XYZ?17=270101",
                CodeSamples.withSerial("https://h.example/01/04012345000016/21/" + SERIAL + "?17=270101", SERIAL, "XYZ"));
        assertEquals("https://id.cloudsword.example/01/04012345000023/21/" + SERIAL,
                CodeSamples.withGtin(LINK, "04012345000016", "04012345000023"));
        assertThrows(IllegalArgumentException.class, () -> CodeSamples.withSerial(LINK, "FAAAAAAAuKLU0XaohvWh", "X"));
        assertThrows(IllegalArgumentException.class, () -> CodeSamples.withSerial(LINK + "Z", SERIAL, "X"));
        assertThrows(IllegalArgumentException.class, () -> CodeSamples.withGtin(LINK, "04012345000023", "1"));
    }
}

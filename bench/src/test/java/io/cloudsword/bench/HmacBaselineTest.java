package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class HmacBaselineTest {

    /** Secret bytes 1..32, key id 5 ('F'): what verification-service's SerialCodec issued for these. */
    private static byte[] secret() {
        byte[] s = new byte[32];
        for (int i = 0; i < 32; i++) {
            s[i] = (byte) (i + 1);
        }
        return s;
    }

    @Test
    void theMessageIsTheSerialCodecsDomainKeyIdGtinAndBigEndianNonce() {
        byte[] m = HmacBaseline.message('F', "04012345000016", 0x0102030405060708L);
        assertEquals(44, m.length);
        assertEquals(HmacBaseline.MESSAGE_BYTES, m.length);
        assertEquals("cloudsword/serial/v1\0F04012345000016",
                new String(m, 0, 36, StandardCharsets.US_ASCII));
        byte[] nonce = new byte[8];
        System.arraycopy(m, 36, nonce, 0, 8);
        assertArrayEquals(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, nonce);
    }

    /**
     * Serials SerialCodec.issue(new CodeKey(5, secret), "04012345000016", nonce) gave:
     * nonce 123456789 -> FAAHW80VlaF3sASMKPwu, nonce 0 -> FAAAAAAAuKLU0XaohvWh. The baseline's
     * message, MACed and cut as SerialCodec does, must give their last 12 characters.
     */
    @Test
    void macsTheSameMessageAsTheService() {
        assertEquals("laF3sASMKPwu", HmacBaseline.macChars(secret(), 'F', "04012345000016", 123456789L));
        assertEquals("uKLU0XaohvWh", HmacBaseline.macChars(secret(), 'F', "04012345000016", 0L));
        assertEquals(123456789L, CodeSamples.nonceOf("FAAHW80VlaF3sASMKPwu"));
    }

    @Test
    void measuresOnTheThreadsAsked() throws InterruptedException {
        HmacBaseline.Rate one = HmacBaseline.measure(1, Duration.ofMillis(50));
        HmacBaseline.Rate two = HmacBaseline.measure(2, Duration.ofMillis(50));
        assertEquals(1, one.threads());
        assertEquals(2, two.threads());
        // whole rounds of 4096 per thread, at least one each
        assertEquals(0, one.macs() % 4096);
        assertTrue(two.macs() >= 2 * 4096, "macs " + two.macs());
        assertTrue(one.perSecond() > 0);
    }
}

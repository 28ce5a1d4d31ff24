package io.cloudsword.listing.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ImageHashesTest {

    @Test
    void sixteenHexDigitsRoundTrip() {
        assertTrue(ImageHashes.isValid("d1a6e55e9b9b1325"));
        assertTrue(ImageHashes.isValid("D1A6E55E9B9B1325"));
        assertEquals("d1a6e55e9b9b1325", ImageHashes.format(ImageHashes.parse("D1A6E55E9B9B1325")));
        assertEquals("0000000000000001", ImageHashes.format(1L));
        assertEquals("ffffffffffffffff", ImageHashes.format(ImageHashes.parse("ffffffffffffffff")));
        for (String bad : Arrays.asList(null, "", "d1a6e55e9b9b132", "d1a6e55e9b9b13250", "g1a6e55e9b9b1325",
                "d1a6e55e 9b9b132", "+1a6e55e9b9b1325")) {
            assertFalse(ImageHashes.isValid(bad), String.valueOf(bad));
            assertThrows(IllegalArgumentException.class, () -> ImageHashes.parse(bad));
        }
    }

    @Test
    void theDistanceCountsDifferingBits() {
        assertEquals(0, ImageHashes.distance("00000000000000ff", "00000000000000ff"));
        assertEquals(8, ImageHashes.distance("00000000000000ff", "0000000000000000"));
        assertEquals(64, ImageHashes.distance("ffffffffffffffff", "0000000000000000"));
        assertEquals(2, ImageHashes.distance("8000000000000001", "0000000000000000"));
    }

    @Test
    void theNearestPairAcrossBothListsSkippingInvalidHashes() {
        List<String> official = List.of("not-a-hash", "00000000000000ff", "ff00000000000000");
        Optional<ImageHashes.Nearest> nearest = ImageHashes.nearest(
                List.of("0f0f0f0f0f0f0f0f", "ff00000000000003", "zz"), official);
        assertEquals(new ImageHashes.Nearest("ff00000000000003", "ff00000000000000", 2), nearest.orElseThrow());
        assertEquals(0, ImageHashes.nearest(List.of("00000000000000FF"), official).orElseThrow().distance());
        assertTrue(ImageHashes.nearest(List.of(), official).isEmpty());
        assertTrue(ImageHashes.nearest(List.of("00000000000000ff"), List.of()).isEmpty());
        assertTrue(ImageHashes.nearest(List.of("bad"), official).isEmpty());
        assertTrue(ImageHashes.nearest(null, null).isEmpty());
    }
}

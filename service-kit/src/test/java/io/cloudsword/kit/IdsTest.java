package io.cloudsword.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAreVersion7AndSortByCreationTime() {
        AtomicLong last = new AtomicLong();
        UUID earlier = Ids.newUuid(1_700_000_000_000L, last);
        UUID later = Ids.newUuid(1_700_000_000_001L, last);
        assertEquals(7, earlier.version());
        assertEquals(2, earlier.variant());
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
        assertEquals(1_700_000_000_000L, earlier.getMostSignificantBits() >>> 16);
    }

    @Test
    void idsMadeInTheSameMillisecondStillSortInTheOrderTheyWereMade() {
        long now = 1_800_000_000_000L;
        AtomicLong last = new AtomicLong();
        UUID previous = Ids.newUuid(now, last);
        for (int i = 0; i < 10_000; i++) {
            UUID next = Ids.newUuid(now, last);
            assertTrue(previous.toString().compareTo(next.toString()) < 0, previous + " then " + next);
            assertEquals(7, next.version());
            assertEquals(2, next.variant());
            previous = next;
        }
        // a clock that steps back does not make ids go back either
        assertTrue(previous.toString().compareTo(Ids.newUuid(now - 5_000, last).toString()) < 0);
    }
}

package io.cloudsword.complaint.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The service's clock in tests: real time plus an offset that tests move forward (never back),
 * so waiting periods of days pass without sleeping. It replaces the kit's default clock bean for
 * every test of this module; the offset belongs to the test JVM, so deadlines other tests set are
 * only ever reached sooner, never missed.
 */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();
    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    private TestClock() {
    }

    /** Moves the service's time forward. */
    public static void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        OFFSET.accumulateAndGet(by, Duration::plus);
    }

    public static Instant now() {
        return INSTANCE.instant();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(OFFSET.get()).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service reads UTC instants only");
    }

    /** The bean the service's classes get instead of the kit's system clock. */
    @Singleton
    public static class Producer {
        @Produces
        @Singleton
        Clock clock() {
            return INSTANCE;
        }
    }
}

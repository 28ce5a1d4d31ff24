package io.cloudsword.listing.support;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.cloudsword.listing.brand.BrandFacts;

/**
 * Lets a test wait until the brand cache has applied a change: it listens on
 * {@link BrandFacts#onBrandChanged}, which the cache calls only after the change is visible to
 * the next contexts() call. Note {@link #count} before causing a change, then {@link #await}
 * one more.
 */
public final class BrandChanges {

    private static final Object LOCK = new Object();
    private static final Map<String, Integer> HEARD = new HashMap<>(); // guarded by LOCK
    private static BrandFacts listeningTo; // guarded by LOCK

    private BrandChanges() {
    }

    /** Starts listening on this application's cache (again after Quarkus restarted). */
    public static void listen(BrandFacts facts) {
        synchronized (LOCK) {
            if (listeningTo != facts) {
                facts.onBrandChanged(BrandChanges::heard);
                listeningTo = facts;
            }
        }
    }

    private static void heard(String brandId) {
        synchronized (LOCK) {
            HEARD.merge(brandId, 1, Integer::sum);
            LOCK.notifyAll();
        }
    }

    /** How often listeners heard of this brand so far. */
    public static int count(String brandId) {
        synchronized (LOCK) {
            return HEARD.getOrDefault(brandId, 0);
        }
    }

    /** Waits until listeners heard of the brand at least {@code times} times in all. */
    public static void await(String brandId, int times) {
        long until = System.nanoTime() + FakeBrandRegistry.WAIT.toNanos();
        synchronized (LOCK) {
            while (HEARD.getOrDefault(brandId, 0) < times) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the brand cache did not report a change of brand " + brandId
                            + " within " + FakeBrandRegistry.WAIT);
                }
                try {
                    LOCK.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }
}

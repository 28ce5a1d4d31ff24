package io.cloudsword.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import io.grpc.Status;
import picocli.CommandLine;

class NoticesBenchTest {

    private static NoticesBench parse(String... args) {
        NoticesBench bench = new NoticesBench();
        new CommandLine(bench).parseArgs(args);
        return bench;
    }

    @Test
    void defaultsAreTheIssuesFigures() {
        NoticesBench b = parse();
        assertEquals(1000, b.notices);
        assertEquals(50, b.listingsPerNotice);
        assertEquals(3, b.runs);
        assertEquals(8, b.concurrency);
        assertEquals(2000, b.baselineListings);
        assertEquals(20, b.warmupNotices);
        assertEquals(100, b.pollMillis);
        assertEquals(1, b.pollConcurrency);
        assertEquals(120, b.timeoutSeconds);
        assertEquals("", b.platformOption, "a fresh platform unless one is given");
        assertNull(b.problems());
    }

    @Test
    void optionsAreReadAndCheckedBeforeAnythingIsSent() {
        NoticesBench b = parse("--notices", "10", "--listings-per-notice", "300", "--runs", "1", "--concurrency", "2",
                "--baseline-listings", "5", "--warmup-notices", "0", "--poll-ms", "50", "--poll-concurrency", "2",
                "--timeout-seconds", "30", "--platform", "bench-nt-abc123");
        assertEquals(10, b.notices);
        assertEquals(300, b.listingsPerNotice);
        assertEquals("bench-nt-abc123", b.platformOption);
        assertNull(b.problems());

        assertTrue(parse("--listings-per-notice", "301").problems().contains("--listings-per-notice 1..300"));
        assertTrue(parse("--notices", "0").problems().contains("at least 1"));
        assertTrue(parse("--notices", "5", "--warmup-notices", "6").problems().contains("--warmup-notices"));
        assertTrue(parse("--poll-ms", "0").problems().contains("--poll-ms"));
        assertTrue(parse("--poll-concurrency", "33").problems().contains("--poll-concurrency"));
        assertTrue(parse("--notices", "20000", "--listings-per-notice", "300").problems().contains("1,000,000"));
    }

    @Test
    void theClosedLoopRunsEveryIndexOnceAndCountsFailures() throws InterruptedException {
        Set<Integer> ran = ConcurrentHashMap.newKeySet();
        NoticesReport.Phase p = NoticesBench.closedLoop(100, 8, i -> {
            if (!ran.add(i)) {
                throw new IllegalStateException("index " + i + " twice");
            }
            if (i % 10 == 3) {
                throw Status.FAILED_PRECONDITION.withDescription("OWNER_NOT_VERIFIED").asRuntimeException();
            }
        });
        assertEquals(100, ran.size());
        assertEquals(100, p.attempted());
        assertEquals(90, p.succeeded());
        assertEquals(10, p.failed());
        assertEquals(90, p.callNanos().length, "only successful calls are timed");
        assertTrue(p.firstError().contains("FAILED_PRECONDITION OWNER_NOT_VERIFIED"), p.firstError());

        NoticesReport.Phase none = NoticesBench.closedLoop(0, 8, i -> {
            throw new AssertionError("no call");
        });
        assertEquals(0, none.attempted());
    }
}

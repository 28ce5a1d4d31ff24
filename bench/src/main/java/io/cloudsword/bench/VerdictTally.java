package io.cloudsword.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import io.cloudsword.api.verification.v1.CodeVerification;
import io.cloudsword.api.verification.v1.Verdict;

/**
 * The answers codes-verify got, by what was sent, and the wrong ones. Right is: an issued code
 * GENUINE or SUSPECT (a repeated code may pass the scan-count limit; the first scan of a code may
 * still be suspect, e.g. outside the brand's territory), a forged or never-issued one INVALID with
 * nothing stored (no scan id). A repeated code must show more than one scan (else scans are not
 * recorded); a "first scan" showing more than one is counted apart: the code was scanned in an
 * earlier run of the benchmark on the same batch, which is not the service's fault. Thread-safe.
 */
final class VerdictTally {

    static final List<String> GROUPS = List.of("genuine", "repeated", "invalid");
    private static final Verdict[] VERDICTS = { Verdict.VERDICT_GENUINE, Verdict.VERDICT_SUSPECT,
            Verdict.VERDICT_INVALID, Verdict.VERDICT_UNSPECIFIED };
    private static final int KEPT_EXAMPLES = 10;

    private final AtomicLongArray counts = new AtomicLongArray(GROUPS.size() * VERDICTS.length);
    private final AtomicLongArray wrong = new AtomicLongArray(GROUPS.size());
    private final AtomicLongArray firstScansNotFirst = new AtomicLongArray(1);
    private final Map<String, AtomicLong> errorCodes = new ConcurrentHashMap<>();
    private final Queue<String> examples = new ConcurrentLinkedQueue<>();
    private final AtomicInteger examplesKept = new AtomicInteger();

    /** Records one answer; returns null when it is right, else why not. */
    String record(CodeSamples.Kind kind, String code, CodeVerification answer) {
        int group = GROUPS.indexOf(kind.group);
        Verdict verdict = answer.getVerdict();
        counts.incrementAndGet(group * VERDICTS.length + slot(verdict));
        String problem = judge(kind, answer);
        if (kind == CodeSamples.Kind.GENUINE && problem == null && answer.getScanCount() > 1) {
            firstScansNotFirst.incrementAndGet(0);
        }
        if (problem != null) {
            wrong.incrementAndGet(group);
            if (examplesKept.getAndIncrement() < KEPT_EXAMPLES) {
                examples.add(kind + " " + code + ": " + problem);
            }
        }
        return problem;
    }

    /** A failed call (no answer), by gRPC status code. */
    void error(String statusCode) {
        errorCodes.computeIfAbsent(statusCode, c -> new AtomicLong()).incrementAndGet();
    }

    static String judge(CodeSamples.Kind kind, CodeVerification answer) {
        Verdict verdict = answer.getVerdict();
        if (kind.expectsInvalid()) {
            if (verdict != Verdict.VERDICT_INVALID) {
                return "expected INVALID, got " + verdict;
            }
            if (!answer.getScanId().isEmpty()) {
                return "INVALID, but a scan was stored (scan_id " + answer.getScanId() + ")";
            }
            return null;
        }
        if (verdict != Verdict.VERDICT_GENUINE && verdict != Verdict.VERDICT_SUSPECT) {
            return "expected GENUINE or SUSPECT, got " + verdict;
        }
        if (kind == CodeSamples.Kind.REPEATED && answer.getScanCount() < 2) {
            return "a code scanned before reports scan_count " + answer.getScanCount();
        }
        if (answer.getScanCount() < 1) {
            return "an issued code's scan reports scan_count " + answer.getScanCount();
        }
        return null;
    }

    private static int slot(Verdict verdict) {
        for (int i = 0; i < VERDICTS.length - 1; i++) {
            if (VERDICTS[i] == verdict) {
                return i;
            }
        }
        return VERDICTS.length - 1;
    }

    long wrongAnswers() {
        long n = 0;
        for (int g = 0; g < GROUPS.size(); g++) {
            n += wrong.get(g);
        }
        return n;
    }

    long firstScansNotFirst() {
        return firstScansNotFirst.get(0);
    }

    long answers() {
        long n = 0;
        for (int i = 0; i < counts.length(); i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** Verdict counts per group: {"genuine":{"GENUINE":n,"SUSPECT":n,"INVALID":n},…}; UNSPECIFIED only when seen. */
    JsonLine answersJson() {
        JsonLine all = new JsonLine();
        for (int g = 0; g < GROUPS.size(); g++) {
            Map<String, Long> byVerdict = new LinkedHashMap<>();
            for (int v = 0; v < VERDICTS.length; v++) {
                long n = counts.get(g * VERDICTS.length + v);
                if (v < VERDICTS.length - 1 || n > 0) {
                    byVerdict.put(VERDICTS[v].name().substring("VERDICT_".length()), n);
                }
            }
            JsonLine group = new JsonLine();
            byVerdict.forEach(group::put);
            group.put("wrong", wrong.get(g));
            all.put(GROUPS.get(g), group);
        }
        return all;
    }

    Map<String, Long> errorCodes() {
        Map<String, Long> out = new LinkedHashMap<>();
        errorCodes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), e.getValue().get()));
        return out;
    }

    List<String> examples() {
        return new ArrayList<>(examples);
    }
}

package io.cloudsword.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the service answered for the listings of a stream: the scores and states of the accepted
 * ones by the kind of listing they were made to look like, the signals that fired, the rejected
 * ones by reason, and answers that did not match what was sent (a response for another chunk, a
 * result missing or out of order). Shows the reader that the mix was scored, and that
 * counterfeit-looking listings score higher than the rest. Thread-safe.
 */
final class IngestTally {

    static final String[] BUCKETS = { "0-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80-89",
            "90-100" };

    private final long[] listings = new long[ListingSamples.Kind.values().length];
    private final long[] flagged = new long[ListingSamples.Kind.values().length];
    private final long[] scoreSum = new long[ListingSamples.Kind.values().length];
    private final long[] histogram = new long[BUCKETS.length];
    private final Map<String, Long> signals = new TreeMap<>();
    private final Map<String, Long> rejections = new TreeMap<>();
    private long rejected;
    private long mismatches;
    private String firstRejection;
    private String firstMismatch;

    synchronized void accepted(ListingSamples.Kind kind, int score, boolean isFlagged, List<String> signalCodes) {
        int k = kind.ordinal();
        listings[k]++;
        scoreSum[k] += score;
        if (isFlagged) {
            flagged[k]++;
        }
        histogram[bucket(score)]++;
        for (String code : signalCodes) {
            signals.merge(code, 1L, Long::sum);
        }
    }

    synchronized void rejected(String externalId, String reason, String field, String message) {
        rejected++;
        rejections.merge(reason + (field.isEmpty() ? "" : " " + field), 1L, Long::sum);
        if (firstRejection == null) {
            firstRejection = externalId + ": " + reason + " " + field + " " + message;
        }
    }

    synchronized void mismatch(String what) {
        mismatches++;
        if (firstMismatch == null) {
            firstMismatch = what;
        }
    }

    static int bucket(int score) {
        return Math.max(0, Math.min(BUCKETS.length - 1, score / 10));
    }

    synchronized long accepted() {
        long n = 0;
        for (long l : listings) {
            n += l;
        }
        return n;
    }

    synchronized long rejected() {
        return rejected;
    }

    synchronized long mismatches() {
        return mismatches;
    }

    synchronized String firstRejection() {
        return firstRejection;
    }

    synchronized String firstMismatch() {
        return firstMismatch;
    }

    synchronized long signal(String code) {
        return signals.getOrDefault(code, 0L);
    }

    synchronized long flagged() {
        long n = 0;
        for (long f : flagged) {
            n += f;
        }
        return n;
    }

    /** Share of the accepted listings of this kind that were flagged; NaN when there were none. */
    synchronized double flaggedShare(ListingSamples.Kind kind) {
        int k = kind.ordinal();
        return listings[k] == 0 ? Double.NaN : flagged[k] / (double) listings[k];
    }

    synchronized double flaggedShare() {
        long n = accepted();
        return n == 0 ? Double.NaN : flagged() / (double) n;
    }

    synchronized double meanScore() {
        long n = accepted();
        long sum = 0;
        for (long s : scoreSum) {
            sum += s;
        }
        return n == 0 ? Double.NaN : sum / (double) n;
    }

    /** {"flagged_share":…,"mean_score":…,"histogram":{…},"by_kind":{…},"signals":{…}} */
    synchronized JsonLine toJson() {
        JsonLine histogramJson = new JsonLine();
        for (int b = 0; b < BUCKETS.length; b++) {
            histogramJson.put(BUCKETS[b], histogram[b]);
        }
        JsonLine byKind = new JsonLine();
        for (ListingSamples.Kind kind : ListingSamples.Kind.values()) {
            int k = kind.ordinal();
            byKind.put(kind.key(), new JsonLine().put("listings", listings[k]).put("flagged", flagged[k])
                    .put("flagged_share", flaggedShare(kind), 4)
                    .put("mean_score", listings[k] == 0 ? Double.NaN : scoreSum[k] / (double) listings[k], 2));
        }
        return new JsonLine().put("accepted", accepted()).put("flagged", flagged())
                .put("flagged_share", flaggedShare(), 4).put("mean_score", meanScore(), 2)
                .put("histogram", histogramJson).put("by_kind", byKind).putCounts("signals", signals);
    }

    synchronized JsonLine rejectionsJson() {
        return new JsonLine().put("count", rejected).putCounts("reasons", rejections).put("first", firstRejection);
    }

    /** Lines for the console: shares flagged by kind, the histogram and the signals. */
    synchronized List<String> lines() {
        StringBuilder kinds = new StringBuilder("flagged by kind:");
        for (ListingSamples.Kind kind : ListingSamples.Kind.values()) {
            int k = kind.ordinal();
            kinds.append(String.format(Locale.ROOT, "  %s %,d of %,d (%.1f %%, mean score %.1f)", kind.key(),
                    flagged[k], listings[k], 100 * flaggedShare(kind),
                    listings[k] == 0 ? Double.NaN : scoreSum[k] / (double) listings[k]));
        }
        StringBuilder hist = new StringBuilder("scores:");
        for (int b = 0; b < BUCKETS.length; b++) {
            hist.append(String.format(Locale.ROOT, "  %s %,d", BUCKETS[b], histogram[b]));
        }
        return List.of(String.format(Locale.ROOT, "accepted %,d, flagged %,d (%.2f %%), mean score %.2f, rejected %,d, "
                + "answers not matching the chunk %,d", accepted(), flagged(), 100 * flaggedShare(), meanScore(),
                rejected, mismatches), kinds.toString(), hist.toString(), "signals: " + signals);
    }
}

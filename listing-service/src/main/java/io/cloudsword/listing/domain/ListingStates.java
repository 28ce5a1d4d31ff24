package io.cloudsword.listing.domain;

/**
 * The state a listing takes after (re)scoring. Scoring may flag a live listing for review or lift
 * its automatic flag, and never takes anything down: only notices and shop suspensions do.
 */
public final class ListingStates {

    private ListingStates() {
    }

    /** What scoring decided, and why in words. */
    public record Decision(ListingState state, String reason) {
    }

    /**
     * @param current null for a new listing
     * @param flag the score reaches the flag threshold
     * @param flagCleared a reviewer cleared the flag for exactly this content and these signals
     * @param liveHolds notices holding the listing down
     * @param shopSuspended the listing's shop is suspended
     */
    public static Decision afterScoring(ListingState current, boolean flag, boolean flagCleared, int liveHolds,
            boolean shopSuspended, int score, int threshold) {
        boolean wantsFlag = flag && !flagCleared;
        if (current == null || current == ListingState.REMOVED_BY_SELLER) {
            if (shopSuspended) {
                return new Decision(ListingState.TAKEN_DOWN, "shop is suspended");
            }
            if (liveHolds > 0) {
                return new Decision(ListingState.TAKEN_DOWN, "listed again while held down by " + liveHolds
                        + (liveHolds == 1 ? " notice" : " notices"));
            }
            return wantsFlag ? new Decision(ListingState.FLAGGED, flagged(score, threshold))
                    : new Decision(ListingState.ACTIVE, current == null ? "listed" : "listed again by the seller");
        }
        return switch (current) {
            case TAKEN_DOWN -> new Decision(ListingState.TAKEN_DOWN, "held down");
            case ACTIVE, RESTORED -> wantsFlag ? new Decision(ListingState.FLAGGED, flagged(score, threshold))
                    : new Decision(current, "");
            case FLAGGED -> wantsFlag ? new Decision(ListingState.FLAGGED, "")
                    : new Decision(ListingState.ACTIVE, flag ? "flag cleared by a reviewer"
                            : "score " + score + " fell below the flag threshold " + threshold);
            case REMOVED_BY_SELLER -> throw new IllegalStateException("handled above");
        };
    }

    private static String flagged(int score, int threshold) {
        return "score " + score + " reached the flag threshold " + threshold + ": waiting for review";
    }
}

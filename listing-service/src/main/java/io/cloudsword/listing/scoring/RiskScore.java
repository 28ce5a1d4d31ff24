package io.cloudsword.listing.scoring;

import java.util.List;

/**
 * A listing's risk: 0..100, the signals that contributed (strongest first), the brand it was
 * scored against (null if none), the scoring configuration's version, and whether the score
 * reaches the flag threshold.
 */
public record RiskScore(int score, List<RiskSignal> signals, String brandId, String scoringVersion, boolean flag) {

    public RiskScore {
        signals = List.copyOf(signals);
    }
}

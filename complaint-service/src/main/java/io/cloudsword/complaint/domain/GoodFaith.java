package io.cloudsword.complaint.domain;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Good-faith notifier programs of marketplaces (DOMAIN.md): admission needs at least 90 %
 * accepted notices over 6 months; a member drops out when its takedown success rate falls under
 * 90 %, or more than 5 % of counter-notices against its notices succeed, over 3 months, and then
 * waits 3 months to return. Pure: the windows' figures and the stored standing in, the new
 * standing out.
 */
public final class GoodFaith {

    public static final double ADMISSION_ACCEPTANCE = 0.90;
    public static final double MINIMUM_TAKEDOWN_SUCCESS = 0.90;
    public static final double MAXIMUM_SUCCESSFUL_COUNTER_NOTICES = 0.05;
    public static final int EXCLUSION_MONTHS = 3;

    /** The figures of one window that the rule reads. */
    public record Window(long itemsDecided, long itemsAccepted, double acceptanceRate, double takedownSuccessRate,
            double successfulCounterNoticeRate) {
    }

    public record Status(String status, Instant since, Instant excludedUntil) {
    }

    private GoodFaith() {
    }

    public static Status evaluate(Status stored, Window last3Months, Window last6Months, Instant asOf,
            long minimumDecided) {
        if ("EXCLUDED".equals(stored.status()) && stored.excludedUntil() != null
                && asOf.isBefore(stored.excludedUntil())) {
            return stored;
        }
        if ("ADMITTED".equals(stored.status())) {
            boolean failing = (last3Months.itemsAccepted() > 0
                    && last3Months.takedownSuccessRate() < MINIMUM_TAKEDOWN_SUCCESS)
                    || last3Months.successfulCounterNoticeRate() > MAXIMUM_SUCCESSFUL_COUNTER_NOTICES;
            if (!failing) {
                return stored;
            }
            return new Status("EXCLUDED", asOf,
                    asOf.atZone(ZoneOffset.UTC).plusMonths(EXCLUSION_MONTHS).toInstant());
        }
        if (last6Months.itemsDecided() >= minimumDecided && last6Months.acceptanceRate() >= ADMISSION_ACCEPTANCE) {
            return new Status("ADMITTED", asOf, null);
        }
        return "EXCLUDED".equals(stored.status()) ? new Status("NOT_ADMITTED", asOf, null) : stored;
    }
}

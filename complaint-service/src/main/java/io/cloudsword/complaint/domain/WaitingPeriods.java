package io.cloudsword.complaint.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The deadlines of the workflow, per jurisdiction: pure arithmetic on instants (UTC).
 * <ul>
 * <li>CN (E-Commerce Law Art. 43): legal action must be notified within {@code cnWaitingDays}
 * calendar days after the counter-notice is forwarded, else the measure is lifted.</li>
 * <li>US (DMCA 512(g)(2)(C)): restore no sooner than 10 and no later than 14 business days after
 * the counter-notice unless a lawsuit is notified. The notifier has until the 10th business day;
 * the listing is restored then (inside the window), never before.</li>
 * <li>EU: the platform's configured period.</li>
 * </ul>
 * Business days are Monday to Friday in UTC; public holidays are not modelled, which only ever
 * gives the notifier less time than the law's window allows, never restores early.
 *
 * @param counterNoticeWindow time for a counter-notice after acceptance, before the item is UPHELD
 */
public record WaitingPeriods(Duration counterNoticeWindow, int cnWaitingDays, int usRestoreAfterBusinessDays,
        int usRestoreByBusinessDays, Duration euWaitingPeriod, int appealWindowMonths) {

    /** When an ACCEPTED item without a counter-notice becomes UPHELD. */
    public Instant counterNoticeDeadline(Instant acceptedAt) {
        return acceptedAt.plus(counterNoticeWindow);
    }

    /** Until when the notifier may prove legal action after the counter-notice was forwarded. */
    public Instant legalActionDeadline(Jurisdiction jurisdiction, Instant forwardedAt) {
        return switch (jurisdiction) {
            case CN -> forwardedAt.plus(Duration.ofDays(cnWaitingDays));
            case US -> plusBusinessDays(forwardedAt, usRestoreAfterBusinessDays);
            case EU -> forwardedAt.plus(euWaitingPeriod);
        };
    }

    /** The earliest restore (US only; elsewhere the end of the waiting period). */
    public Instant restoreNotBefore(Jurisdiction jurisdiction, Instant forwardedAt) {
        return legalActionDeadline(jurisdiction, forwardedAt);
    }

    /** The latest restore the law allows (US: 14 business days); null where the law sets none. */
    public Instant restoreNoLaterThan(Jurisdiction jurisdiction, Instant forwardedAt) {
        return jurisdiction == Jurisdiction.US ? plusBusinessDays(forwardedAt, usRestoreByBusinessDays) : null;
    }

    /** DSA Art. 20: the decision may be appealed for at least this long. */
    public Instant appealDeadline(Instant decidedAt) {
        return ZonedDateTime.ofInstant(decidedAt, ZoneOffset.UTC).plusMonths(appealWindowMonths).toInstant();
    }

    /** {@code days} business days (Mon-Fri) after {@code from}, at the same time of day. */
    public static Instant plusBusinessDays(Instant from, int days) {
        ZonedDateTime t = ZonedDateTime.ofInstant(from, ZoneOffset.UTC);
        int added = 0;
        while (added < days) {
            t = t.plusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return t.toInstant();
    }
}

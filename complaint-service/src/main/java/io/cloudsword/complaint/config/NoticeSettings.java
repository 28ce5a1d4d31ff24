package io.cloudsword.complaint.config;

import java.time.Duration;
import java.util.Map;

import io.cloudsword.complaint.domain.Jurisdiction;
import io.cloudsword.complaint.domain.WaitingPeriods;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Notice-and-action figures ({@code cloudsword.notices.*}); the defaults are the law's numbers (DOMAIN.md). */
@ConfigMapping(prefix = "cloudsword.notices")
public interface NoticeSettings {

    /** Time to decision (the SLA behind decision_due_at) per kind of notifier. */
    @WithDefault("PT12H")
    Duration trustedFlaggerDecisionTime();

    @WithDefault("PT24H")
    Duration rightsOwnerDecisionTime();

    @WithDefault("P3D")
    Duration consumerReportDecisionTime();

    /** Appeals are decided within this. */
    @WithDefault("P7D")
    Duration appealDecisionTime();

    /** Jurisdiction of a platform that has none configured in {@link #platformJurisdiction}. */
    @WithDefault("EU")
    Jurisdiction defaultJurisdiction();

    /** Per platform slug: CN, US or EU. */
    Map<String, Jurisdiction> platformJurisdiction();

    /** An ACCEPTED item without a counter-notice by then becomes UPHELD. */
    @WithDefault("P15D")
    Duration counterNoticeWindow();

    /** CN: calendar days after forwarding the counter-notice (E-Commerce Law Art. 43). */
    @WithDefault("15")
    int cnWaitingDays();

    /** US: restore no sooner than this many business days after the counter-notice (DMCA 512(g)(2)(C)). */
    @WithDefault("10")
    int usRestoreAfterBusinessDays();

    /** US: and no later than this many. */
    @WithDefault("14")
    int usRestoreByBusinessDays();

    /** EU: the DSA sets no number; this platform default applies. */
    @WithDefault("P14D")
    Duration euWaitingPeriod();

    /** DSA Art. 20: at least 6 months to appeal. */
    @WithDefault("6")
    int appealWindowMonths();

    /** Manifestly unfounded notices within the window that suspend a notifier from filing (DSA Art. 23). */
    @WithDefault("3")
    int suspendAfterUnfounded();

    @WithDefault("6")
    int unfoundedWindowMonths();

    @WithDefault("P180D")
    Duration filingSuspension();

    /** Decided items in 6 months before good-faith admission is considered at all. */
    @WithDefault("10")
    int goodFaithMinimumDecided();

    /** The waiting periods of this configuration. */
    default WaitingPeriods waitingPeriods() {
        return new WaitingPeriods(counterNoticeWindow(), cnWaitingDays(), usRestoreAfterBusinessDays(),
                usRestoreByBusinessDays(), euWaitingPeriod(), appealWindowMonths());
    }
}

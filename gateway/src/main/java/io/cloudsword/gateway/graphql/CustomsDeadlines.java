package io.cloudsword.gateway.graphql;

import java.time.DayOfWeek;
import java.time.LocalDate;

import io.cloudsword.api.brand.v1.CustomsAuthority;

/**
 * The rights holder's legal deadline once customs detains goods (DOMAIN.md "Customs deadlines"),
 * pure so that it is unit-tested without a server.
 *
 * <p>Authority to jurisdiction: EU_AFA and UK_HMRC -> EU rule (Reg. (EU) 608/2013 Art. 23; the UK
 * kept the regulation's periods as retained law), US_CBP -> US rule (19 CFR 133, 7 business days to
 * respond to a detention notice), CN_GACC -> CN rule (3 working days to apply for detention and
 * post security). JP_CUSTOMS and KR_KCS have no rule here: their deadline is null, never a guess.
 *
 * <p>Working days are Monday to Friday, counted from the day after the date given (the date of the
 * detention notice). Public holidays are not known to the gateway (they differ per member state
 * and year), so the date is the earliest the deadline can fall and the officer confirms it against
 * the office's calendar.
 */
public final class CustomsDeadlines {

    public enum Jurisdiction {
        EU, US, CN
    }

    /** A deadline: the rule applied, how many working days, and the last day. */
    public record Deadline(Jurisdiction jurisdiction, int workingDays, LocalDate dueOn, String legalBasis) {
    }

    static final int EU_DAYS = 10;
    static final int EU_PERISHABLE_DAYS = 3;
    static final int US_DAYS = 7;
    static final int CN_DAYS = 3;

    private CustomsDeadlines() {
    }

    /** Null for authorities whose deadline rule is not modelled (JP_CUSTOMS, KR_KCS). */
    public static Jurisdiction jurisdiction(CustomsAuthority authority) {
        return switch (authority) {
            case CUSTOMS_AUTHORITY_EU_AFA, CUSTOMS_AUTHORITY_UK_HMRC -> Jurisdiction.EU;
            case CUSTOMS_AUTHORITY_US_CBP -> Jurisdiction.US;
            case CUSTOMS_AUTHORITY_CN_GACC -> Jurisdiction.CN;
            default -> null;
        };
    }

    /** The deadline for goods detained on {@code noticeDate}; null when the authority has no rule. */
    public static Deadline deadline(CustomsAuthority authority, LocalDate noticeDate, boolean perishable) {
        Jurisdiction jurisdiction = jurisdiction(authority);
        if (jurisdiction == null) {
            return null;
        }
        return switch (jurisdiction) {
            case EU -> perishable
                    ? new Deadline(jurisdiction, EU_PERISHABLE_DAYS, addWorkingDays(noticeDate, EU_PERISHABLE_DAYS),
                            "Reg. (EU) 608/2013 Art. 23(1) and 23(4): perishable goods, 3 working days from the "
                                    + "notification of the detention")
                    : new Deadline(jurisdiction, EU_DAYS, addWorkingDays(noticeDate, EU_DAYS),
                            "Reg. (EU) 608/2013 Art. 23(1): 10 working days from the notification of the detention");
            case US -> new Deadline(jurisdiction, US_DAYS, addWorkingDays(noticeDate, US_DAYS),
                    "19 CFR 133.21: 7 business days from the notice of detention");
            case CN -> new Deadline(jurisdiction, CN_DAYS, addWorkingDays(noticeDate, CN_DAYS),
                    "PRC Regulations on Customs Protection of Intellectual Property Rights (Arts. 13-14): 3 working days "
                    + "from customs' notice to apply for detention and post security");
        };
    }

    /** {@code days} working days (Mon–Fri) after {@code from}; {@code from} itself never counts. */
    public static LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }
}

package io.cloudsword.complaint.domain;

import java.time.Instant;
import java.util.List;

import io.cloudsword.api.common.v1.StatementAutomation;
import io.cloudsword.api.common.v1.StatementDecision;
import io.cloudsword.api.common.v1.StatementGround;
import io.cloudsword.api.common.v1.StatementOfReasons;
import io.cloudsword.api.common.v1.StatementSource;
import io.cloudsword.kit.Ids;
import io.cloudsword.kit.grpc.ProtoTime;

/**
 * Statements of reasons (DSA Art. 17): what was decided, on which ground, the facts, where, how
 * it was detected and decided, and how to contest it. They go to the seller (takedown, restore)
 * or the notifier (rejection), into listing-service with the measure, and into the transparency
 * export. They carry no personal data: the facts are the reviewer's text about the listing.
 */
public final class Statements {

    private Statements() {
    }

    /** How automation took part in a decision (DSA Art. 17(3)(c)). */
    public record Automation(boolean detection, StatementAutomation decision) {
        public static final Automation NONE = new Automation(false, StatementAutomation.STATEMENT_AUTOMATION_NOT_AUTOMATED);
    }

    public static StatementOfReasons takedown(Notice n, String legalGround, String facts, List<String> territories,
            Automation automation, Instant decidedAt, Instant appealDeadline) {
        return base(n, territories.isEmpty() ? StatementDecision.STATEMENT_DECISION_CONTENT_REMOVED
                : StatementDecision.STATEMENT_DECISION_CONTENT_DISABLED, automation, decidedAt)
                .setGround(StatementGround.STATEMENT_GROUND_ILLEGAL_CONTENT)
                .setLegalGround(legalGround.isBlank() ? defaultLegalGround(n) : legalGround)
                .setFactsAndCircumstances(facts).addAllTerritorialScope(territories)
                .setRedress("Counter-notice through the platform within the counter-notice period; internal complaint "
                        + "(appeal) until " + appealDeadline + "; out-of-court dispute settlement; court.")
                .build();
    }

    public static StatementOfReasons rejection(Notice n, String facts, Automation automation, Instant decidedAt,
            Instant appealDeadline) {
        return base(n, StatementDecision.STATEMENT_DECISION_NO_ACTION, automation, decidedAt)
                .setFactsAndCircumstances(facts)
                .setRedress("Internal complaint (appeal) until " + appealDeadline
                        + "; out-of-court dispute settlement; court.")
                .build();
    }

    public static StatementOfReasons restoration(Notice n, String facts, Instant decidedAt) {
        return base(n, StatementDecision.STATEMENT_DECISION_CONTENT_RESTORED, Automation.NONE, decidedAt)
                .setFactsAndCircumstances(facts)
                .setRedress("Out-of-court dispute settlement; court.")
                .build();
    }

    /** Restorations decided by the deadline timer are automated decisions, and say so. */
    public static StatementOfReasons timedRestoration(Notice n, String facts, Instant decidedAt) {
        return restoration(n, facts, decidedAt).toBuilder()
                .setAutomatedDecision(StatementAutomation.STATEMENT_AUTOMATION_FULLY).build();
    }

    private static StatementOfReasons.Builder base(Notice n, StatementDecision decision, Automation automation,
            Instant decidedAt) {
        return StatementOfReasons.newBuilder().setId(Ids.newId()).setDecision(decision)
                .setSource(n.kind == NoticeKind.TRUSTED_FLAGGER ? StatementSource.STATEMENT_SOURCE_TRUSTED_FLAGGER
                        : StatementSource.STATEMENT_SOURCE_NOTICE)
                .setAutomatedDetection(automation.detection()).setAutomatedDecision(automation.decision())
                .setDecidedAt(ProtoTime.toProto(decidedAt)).setNoticeId(n.id.toString());
    }

    /** The trademark law of the notice's jurisdiction, when the reviewer names none. */
    static String defaultLegalGround(Notice n) {
        if ("COPYRIGHT".equals(n.right.type())) {
            return switch (n.jurisdiction) {
                case CN -> "PRC Copyright Law Art. 53";
                case US -> "17 U.S.C. 512(c)";
                case EU -> "Directive 2001/29/EC Art. 3";
            };
        }
        return switch (n.jurisdiction) {
            case CN -> "PRC Trademark Law Art. 57; E-Commerce Law Art. 42";
            case US -> "15 U.S.C. 1114 (Lanham Act 32)";
            case EU -> "Regulation (EU) 2017/1001 Art. 9(2)";
        };
    }
}

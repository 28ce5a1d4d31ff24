package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.common.v1.StatementOfReasons;

@Name("StatementOfReasons")
@Description("The statement of reasons given to the seller for a takedown or restore (EU DSA Art. 17), with the "
        + "fields of the DSA transparency database. It carries no personal data of the notifier.")
public class StatementOfReasonsView {
    /** Proto prefixes of the statement's enums. */
    static final String DECISION = "STATEMENT_DECISION_";
    static final String GROUND = "STATEMENT_GROUND_";
    static final String SOURCE = "STATEMENT_SOURCE_";
    static final String AUTOMATION = "STATEMENT_AUTOMATION_";
    static final String DECISIONS = "CONTENT_REMOVED, CONTENT_DISABLED, CONTENT_DEMOTED, ACCOUNT_SUSPENDED, "
            + "CONTENT_RESTORED or NO_ACTION";

    @Id
    @Description("The statement's id (time-ordered UUID); stable, so a repeated delivery records it once.")
    public String id;
    @Description("What the decision did: " + DECISIONS + ".")
    public String decision;
    @Description("ILLEGAL_CONTENT (see legalGround) or INCOMPATIBLE_WITH_TERMS (see contractualGround).")
    public String ground;
    @Description("For ILLEGAL_CONTENT: the law relied on, e.g. \"Regulation (EU) 2017/1001 Art. 9(2)(a)\".")
    public String legalGround;
    @Description("For INCOMPATIBLE_WITH_TERMS: the clause of the platform's terms.")
    public String contractualGround;
    @Description("Facts and circumstances, readable by the seller.")
    public String factsAndCircumstances;
    @NonNull
    @Description("Countries where the measure applies (ISO alpha-2, \"EU\" allowed); empty = everywhere the listing "
            + "is visible.")
    public List<@NonNull String> territorialScope;
    @Description("What triggered the decision: NOTICE, TRUSTED_FLAGGER or OWN_INITIATIVE.")
    public String source;
    @Description("Whether automated means detected the content (for example the risk score).")
    public boolean automatedDetection;
    @Description("Whether the decision itself was automated: NOT_AUTOMATED, PARTIALLY or FULLY.")
    public String automatedDecision;
    @Description("How the seller can contest: internal complaint with its deadline, out-of-court settlement, court.")
    public String redress;
    @Description("When the decision was taken.")
    public Instant decidedAt;
    @Description("End of a temporary measure; null for an indefinite one.")
    public Instant measureEndsAt;
    @Id
    @Description("The notice the statement decides; null for own-initiative decisions.")
    public String noticeId;

    /** Null when the record carries no statement. */
    static StatementOfReasonsView of(boolean present, StatementOfReasons s) {
        if (!present) {
            return null;
        }
        StatementOfReasonsView v = new StatementOfReasonsView();
        v.id = CodeVerificationView.blankToNull(s.getId());
        v.decision = Enums.name(s.getDecision(), DECISION);
        v.ground = Enums.name(s.getGround(), GROUND);
        v.legalGround = CodeVerificationView.blankToNull(s.getLegalGround());
        v.contractualGround = CodeVerificationView.blankToNull(s.getContractualGround());
        v.factsAndCircumstances = CodeVerificationView.blankToNull(s.getFactsAndCircumstances());
        v.territorialScope = List.copyOf(s.getTerritorialScopeList());
        v.source = Enums.name(s.getSource(), SOURCE);
        v.automatedDetection = s.getAutomatedDetection();
        v.automatedDecision = Enums.name(s.getAutomatedDecision(), AUTOMATION);
        v.redress = CodeVerificationView.blankToNull(s.getRedress());
        v.decidedAt = s.hasDecidedAt() ? Times.of(s.getDecidedAt()) : null;
        v.measureEndsAt = Times.ofOptional(s.hasMeasureEndsAt(), s.getMeasureEndsAt());
        v.noticeId = CodeVerificationView.blankToNull(s.getNoticeId());
        return v;
    }
}

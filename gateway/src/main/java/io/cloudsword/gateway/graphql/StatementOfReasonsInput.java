package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.common.v1.StatementAutomation;
import io.cloudsword.api.common.v1.StatementDecision;
import io.cloudsword.api.common.v1.StatementGround;
import io.cloudsword.api.common.v1.StatementOfReasons;
import io.cloudsword.api.common.v1.StatementSource;

@Input("StatementOfReasonsInput")
@Description("The statement of reasons given to the seller with a takedown (decision CONTENT_REMOVED or "
        + "CONTENT_DISABLED) or a restore (CONTENT_RESTORED), EU DSA Art. 17. No personal data of the notifier.")
public class StatementOfReasonsInput {
    @Id
    @Description("A time-ordered UUID the caller chooses, so that a retry records the statement once; optional.")
    public String id;
    @NonNull
    @Description("What the decision does: " + StatementOfReasonsView.DECISIONS + ".")
    public String decision;
    @Description("ILLEGAL_CONTENT (legalGround required) or INCOMPATIBLE_WITH_TERMS (contractualGround required).")
    public String ground;
    @Description("For ILLEGAL_CONTENT: the law relied on, e.g. \"PRC Trademark Law Art. 57(1)\".")
    public String legalGround;
    @Description("For INCOMPATIBLE_WITH_TERMS: the clause of the platform's terms.")
    public String contractualGround;
    @Description("Facts and circumstances, readable by the seller; max 5,000 characters, no personal data.")
    public String factsAndCircumstances;
    @Description("Countries where the measure applies (ISO alpha-2, \"EU\" allowed); empty = everywhere the listing "
            + "is visible.")
    public List<String> territorialScope;
    @Description("What triggered the decision: NOTICE, TRUSTED_FLAGGER or OWN_INITIATIVE.")
    public String source;
    @Description("Whether automated means detected the content (for example the risk score); default false.")
    public Boolean automatedDetection;
    @Description("Whether the decision itself was automated: NOT_AUTOMATED, PARTIALLY or FULLY.")
    public String automatedDecision;
    @Description("How the seller can contest the decision.")
    public String redress;
    @Description("When the decision was taken; default now.")
    public Instant decidedAt;
    @Description("End of a temporary measure; leave out for an indefinite one.")
    public Instant measureEndsAt;
    @Id
    @Description("The notice the statement decides; leave out for own-initiative decisions.")
    public String noticeId;

    /** {@code field} names this input in errors, e.g. "statement". */
    StatementOfReasons toProto(String field) {
        StatementOfReasons.Builder b = StatementOfReasons.newBuilder().setId(Inputs.orEmpty(id))
                .setDecision(Enums.parse(StatementDecision.class, StatementOfReasonsView.DECISION, decision,
                        field + ".decision"))
                .setGround(Enums.parse(StatementGround.class, StatementOfReasonsView.GROUND, ground, field + ".ground"))
                .setLegalGround(Inputs.orEmpty(legalGround)).setContractualGround(Inputs.orEmpty(contractualGround))
                .setFactsAndCircumstances(Inputs.orEmpty(factsAndCircumstances))
                .addAllTerritorialScope(Inputs.orEmpty(territorialScope))
                .setSource(Enums.parse(StatementSource.class, StatementOfReasonsView.SOURCE, source, field + ".source"))
                .setAutomatedDetection(Boolean.TRUE.equals(automatedDetection))
                .setAutomatedDecision(Enums.parse(StatementAutomation.class, StatementOfReasonsView.AUTOMATION,
                        automatedDecision, field + ".automatedDecision"))
                .setRedress(Inputs.orEmpty(redress)).setNoticeId(Inputs.orEmpty(noticeId));
        if (decidedAt != null) {
            b.setDecidedAt(Times.toProto(decidedAt));
        }
        if (measureEndsAt != null) {
            b.setMeasureEndsAt(Times.toProto(measureEndsAt));
        }
        return b.build();
    }
}

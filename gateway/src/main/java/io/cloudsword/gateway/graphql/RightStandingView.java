package io.cloudsword.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.brand.v1.RightStanding;

@Name("RightStanding")
@Description("Whether a notifier may rely on a trademark now.")
public class RightStandingView {
    @Description("The rights owner that wants to rely on the trademark, as asked.")
    @Id
    @NonNull
    public String notifierOwnerId;
    @Description("The trademark, as asked.")
    @Id
    @NonNull
    public String trademarkId;
    @Description("VALID, NOTIFIER_NOT_FOUND, NOTIFIER_NOT_VERIFIED, NOTIFIER_SUSPENDED, TRADEMARK_NOT_FOUND, "
            + "TRADEMARK_NOT_IN_FORCE, RIGHT_HOLDER_NOT_VERIFIED, NOT_RIGHT_HOLDER")
    public String outcome;
    @Id
    @Description("The trademark's owner (the principal when the notifier is an agent).")
    public String rightHolderOwnerId;
    @Description("The brand the trademark belongs to.")
    @Id
    public String brandId;
    @Id
    @Description("Set when the notifier acts as agent under this mandate.")
    public String agentMandateId;
    @Description("The notifier's status: PENDING, VERIFIED, REJECTED or SUSPENDED; empty when not found.")
    public String notifierStatus;
    @Description("The trademark's status at the time asked: REGISTERED, PENDING, EXPIRED or CANCELLED; empty "
            + "when not found.")
    public String trademarkStatus;
    @Description("The notifier is a trusted flagger (DSA Art. 22): its notices are reviewed first.")
    public boolean trustedFlagger;

    static RightStandingView of(RightStanding s) {
        RightStandingView v = new RightStandingView();
        v.notifierOwnerId = s.getNotifierOwnerId();
        v.trademarkId = s.getTrademarkId();
        v.outcome = Enums.name(s.getOutcome(), "RIGHT_STANDING_OUTCOME_");
        v.rightHolderOwnerId = emptyToNull(s.getRightHolderOwnerId());
        v.brandId = emptyToNull(s.getBrandId());
        v.agentMandateId = emptyToNull(s.getAgentMandateId());
        v.notifierStatus = Enums.name(s.getNotifierStatus(), "RIGHTS_OWNER_STATUS_");
        v.trademarkStatus = Enums.name(s.getTrademarkStatus(), TrademarkView.STATUS);
        v.trustedFlagger = s.getTrustedFlagger();
        return v;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}

package io.cloudsword.gateway.graphql;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.complaint.v1.WatchDecisionsResponse;

@Name("ComplaintDecision")
@Description("A decision on a listing of the watched platform, as complaintDecisions streams it: an item's new "
        + "state with its statement of reasons. Resume after a disconnect with afterSequence = the last sequence "
        + "received.")
public class ComplaintDecisionView {
    @Description("Strictly increasing per platform.")
    public long sequence;
    @Id
    @NonNull
    @Description("The complaint decided.")
    public String complaintId;
    @Id
    @NonNull
    @Description("The complaint's item whose state changed.")
    public String itemId;
    @Id
    @Description("The listing the item is about.")
    public String listingId;
    @Description("The platform's id of the listing.")
    public String externalId;
    @Description("The platform's id of the listing's shop.")
    public String shopId;
    @NonNull
    @Description("The item's new state: " + ComplaintItemView.STATES + ".")
    public String state;
    @Description("The statement of reasons of the decision; null if it carries none.")
    public StatementOfReasonsView statement;
    @Description("When the item changed state.")
    public Instant occurredAt;

    static ComplaintDecisionView of(WatchDecisionsResponse d) {
        ComplaintDecisionView v = new ComplaintDecisionView();
        v.sequence = d.getSequence();
        v.complaintId = d.getNoticeId();
        v.itemId = d.getItemId();
        v.listingId = CodeVerificationView.blankToNull(d.getListingId());
        v.externalId = CodeVerificationView.blankToNull(d.getExternalId());
        v.shopId = CodeVerificationView.blankToNull(d.getShopId());
        v.state = Enums.name(d.getState(), ComplaintItemView.STATE);
        v.statement = StatementOfReasonsView.of(d.hasStatement(), d.getStatement());
        v.occurredAt = d.hasOccurredAt() ? Times.of(d.getOccurredAt()) : null;
        return v;
    }
}

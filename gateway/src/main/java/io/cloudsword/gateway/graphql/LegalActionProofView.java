package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.complaint.v1.LegalActionProof;

@Name("LegalActionProof")
@Description("The notifier's proof that it complained to an authority or sued within the waiting period after a "
        + "counter-notice: the contested items become UPHELD (strike on the shop).")
public class LegalActionProofView {
    static final String KIND = "LEGAL_ACTION_KIND_";
    static final String KINDS = "COMPLAINT_TO_AUTHORITY (e.g. a market regulation administration) or LAWSUIT";

    @Id
    @NonNull
    @Description("The proof's id.")
    public String id;
    @Id
    @NonNull
    @Description("The complaint it belongs to.")
    public String complaintId;
    @NonNull
    @Description("The COUNTER_NOTICED items it covers.")
    public List<@NonNull String> itemIds;
    @NonNull
    @Description(KINDS + ".")
    public String kind;
    @Description("The authority or court, e.g. \"Hangzhou Internet Court\".")
    public String authorityOrCourt;
    @Description("The authority's or court's case reference.")
    public String caseReference;
    @Description("When the complaint or lawsuit was filed (yyyy-MM-dd).")
    public LocalDate filedOn;
    @NonNull
    @Description("Documents proving it.")
    public List<ComplaintView.@NonNull EvidenceView> evidence;
    @Description("When complaint-service received the proof.")
    public Instant receivedAt;

    static LegalActionProofView of(LegalActionProof p) {
        LegalActionProofView v = new LegalActionProofView();
        v.id = p.getId();
        v.complaintId = p.getNoticeId();
        v.itemIds = List.copyOf(p.getItemIdsList());
        v.kind = Enums.name(p.getKind(), KIND);
        v.authorityOrCourt = CodeVerificationView.blankToNull(p.getAuthorityOrCourt());
        v.caseReference = CodeVerificationView.blankToNull(p.getCaseReference());
        v.filedOn = p.hasFiledOn() ? Times.date(p.getFiledOn()) : null;
        v.evidence = ComplaintView.EvidenceView.of(p.getEvidenceList());
        v.receivedAt = p.hasReceivedAt() ? Times.of(p.getReceivedAt()) : null;
        return v;
    }
}

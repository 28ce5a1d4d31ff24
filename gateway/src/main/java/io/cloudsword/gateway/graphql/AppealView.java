package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.complaint.v1.Appeal;

@Name("Appeal")
@Description("An appeal against decisions on a complaint's items (DSA Art. 20 internal complaint handling): by the "
        + "affected seller against ACCEPTED/UPHELD items, or by the notifier against REJECTED ones. Decided by a "
        + "reviewer other than the one who made the appealed decision.")
public class AppealView {
    static final String STATE = "APPEAL_STATE_";
    static final String APPELLANT = "APPELLANT_ROLE_";
    static final String STATES = "FILED, GRANTED or DENIED";
    static final String APPELLANTS = "SELLER (against ACCEPTED/UPHELD items) or NOTIFIER (against REJECTED items)";

    @Id
    @NonNull
    @Description("The appeal's id.")
    public String id;
    @Id
    @NonNull
    @Description("The complaint whose decisions are appealed.")
    public String complaintId;
    @NonNull
    @Description("The appealed items.")
    public List<@NonNull String> itemIds;
    @NonNull
    @Description("Who appeals: " + APPELLANTS + ".")
    public String appellant;
    @NonNull
    @Description("The appeal's state: " + STATES + ".")
    public String state;
    @Description("Why the decision should change.")
    public String grounds;
    @NonNull
    @Description("The appellant's evidence.")
    public List<ComplaintView.@NonNull EvidenceView> evidence;
    @Description("Who filed it.")
    public ActorView filedBy;
    @Description("Where the reasoned decision is sent.")
    public String contactEmail;
    @Description("When it was filed.")
    public Instant filedAt;
    @Description("Token subject of the reviewer of the appealed decision, who may not decide this appeal.")
    public String originalReviewer;
    @Description("When it was decided; null while FILED.")
    public Instant decidedAt;
    @Description("Token subject of the reviewer who decided it.")
    public String decidedBy;
    @Description("The reasoned decision sent to the appellant.")
    public String decisionExplanation;

    static AppealView of(Appeal a) {
        AppealView v = new AppealView();
        v.id = a.getId();
        v.complaintId = a.getNoticeId();
        v.itemIds = List.copyOf(a.getItemIdsList());
        v.appellant = Enums.name(a.getAppellant(), APPELLANT);
        v.state = Enums.name(a.getState(), STATE);
        v.grounds = CodeVerificationView.blankToNull(a.getGrounds());
        v.evidence = ComplaintView.EvidenceView.of(a.getEvidenceList());
        v.filedBy = ActorView.of(a.hasFiledBy(), a.getFiledBy());
        v.contactEmail = CodeVerificationView.blankToNull(a.getContactEmail());
        v.filedAt = a.hasFiledAt() ? Times.of(a.getFiledAt()) : null;
        v.originalReviewer = CodeVerificationView.blankToNull(a.getOriginalReviewer());
        v.decidedAt = Times.ofOptional(a.hasDecidedAt(), a.getDecidedAt());
        v.decidedBy = CodeVerificationView.blankToNull(a.getDecidedBy());
        v.decisionExplanation = CodeVerificationView.blankToNull(a.getDecisionExplanation());
        return v;
    }

    @Name("AppealConnection")
    @Description("A page of appeals (Relay connection).")
    public static class Connection {
        @NonNull
        @Description("The appeals of this page.")
        public List<@NonNull Edge> edges;
        @NonNull
        @Description("Where this page ends and whether another follows.")
        public PageInfoView pageInfo;

        static Connection of(List<Appeal> items, PageInfo page) {
            Connection c = new Connection();
            c.pageInfo = PageInfoView.of(page);
            c.edges = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Edge e = new Edge();
                e.node = AppealView.of(items.get(i));
                e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
                c.edges.add(e);
            }
            return c;
        }
    }

    @Name("AppealEdge")
    @Description("One appeal of a page.")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @NonNull
        @Description("The appeal.")
        public AppealView node;
    }
}

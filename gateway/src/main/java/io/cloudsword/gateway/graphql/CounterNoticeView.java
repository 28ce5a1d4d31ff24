package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.complaint.v1.CounterNotice;

@Name("CounterNotice")
@Description("A seller's counter-notice (statement of non-infringement, E-Commerce Law Art. 43, DMCA 512(g)) against "
        + "accepted items of one complaint: forwarded to the notifier, who then has until legalActionDeadline to "
        + "prove a complaint to an authority or a lawsuit, or the listings are restored.")
public class CounterNoticeView {
    static final String STATE = "COUNTER_NOTICE_STATE_";
    static final String STATES = "RECEIVED, FORWARDED (sent to the notifier, waiting period running), SUCCEEDED "
            + "(period ended without proof: listings restored), FAILED (notifier proved legal action: items upheld) or "
            + "WITHDRAWN (the complaint was withdrawn meanwhile)";

    @Id
    @NonNull
    @Description("The counter-notice's id.")
    public String id;
    @Id
    @NonNull
    @Description("The complaint it answers.")
    public String complaintId;
    @NonNull
    @Description("The complaint's items it contests (ACCEPTED items of one shop).")
    public List<@NonNull String> itemIds;
    @NonNull
    @Description("The counter-notice's state: " + STATES + ".")
    public String state;
    @Description("The seller's name.")
    public String sellerName;
    @Description("The seller's email.")
    public String sellerEmail;
    @Description("The seller's address (required for US jurisdiction).")
    public String sellerAddress;
    @Description("The platform's id of the seller's shop.")
    public String shopId;
    @Description("The statement of non-infringement.")
    public String explanation;
    @NonNull
    @Description("The seller's preliminary evidence.")
    public List<ComplaintView.@NonNull EvidenceView> evidence;
    @Description("The seller's declarations.")
    public StatementsView statements;
    @Description("When it was received.")
    public Instant receivedAt;
    @Description("When it was forwarded to the notifier.")
    public Instant forwardedAt;
    @Description("Without the notifier's proof of legal action by then, the listings are restored.")
    public Instant legalActionDeadline;
    @Description("US: the listings are not restored before this instant.")
    public Instant restoreNotBefore;
    @Description("When it was resolved (SUCCEEDED, FAILED or WITHDRAWN).")
    public Instant resolvedAt;

    static CounterNoticeView of(CounterNotice c) {
        CounterNoticeView v = new CounterNoticeView();
        v.id = c.getId();
        v.complaintId = c.getNoticeId();
        v.itemIds = List.copyOf(c.getItemIdsList());
        v.state = Enums.name(c.getState(), STATE);
        v.sellerName = CodeVerificationView.blankToNull(c.getSellerName());
        v.sellerEmail = CodeVerificationView.blankToNull(c.getSellerEmail());
        v.sellerAddress = CodeVerificationView.blankToNull(c.getSellerAddress());
        v.shopId = CodeVerificationView.blankToNull(c.getShopId());
        v.explanation = CodeVerificationView.blankToNull(c.getExplanation());
        v.evidence = ComplaintView.EvidenceView.of(c.getEvidenceList());
        v.statements = c.hasStatements() ? StatementsView.of(c.getStatements()) : null;
        v.receivedAt = c.hasReceivedAt() ? Times.of(c.getReceivedAt()) : null;
        v.forwardedAt = Times.ofOptional(c.hasForwardedAt(), c.getForwardedAt());
        v.legalActionDeadline = Times.ofOptional(c.hasLegalActionDeadline(), c.getLegalActionDeadline());
        v.restoreNotBefore = Times.ofOptional(c.hasRestoreNotBefore(), c.getRestoreNotBefore());
        v.resolvedAt = Times.ofOptional(c.hasResolvedAt(), c.getResolvedAt());
        return v;
    }

    @Name("CounterNoticeStatements")
    @Description("The seller's declarations (E-Commerce Law Art. 43; DMCA 512(g)(3)).")
    public static class StatementsView {
        @Description("Good-faith belief, under penalty of perjury, that the material was removed by mistake or "
                + "misidentification.")
        public boolean goodFaith;
        @Description("Consent to the jurisdiction of the competent court and to accept service (DMCA).")
        public boolean consentToJurisdiction;
        @Description("Electronic signature: the signer's full name.")
        public String signature;

        static StatementsView of(io.cloudsword.api.complaint.v1.CounterNoticeStatements s) {
            StatementsView v = new StatementsView();
            v.goodFaith = s.getGoodFaith();
            v.consentToJurisdiction = s.getConsentToJurisdiction();
            v.signature = CodeVerificationView.blankToNull(s.getSignature());
            return v;
        }
    }

    @Name("CounterNoticeConnection")
    @Description("A page of counter-notices (Relay connection).")
    public static class Connection {
        @NonNull
        @Description("The counter-notices of this page.")
        public List<@NonNull Edge> edges;
        @NonNull
        @Description("Where this page ends and whether another follows.")
        public PageInfoView pageInfo;

        static Connection of(List<CounterNotice> items, PageInfo page) {
            Connection c = new Connection();
            c.pageInfo = PageInfoView.of(page);
            c.edges = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Edge e = new Edge();
                e.node = CounterNoticeView.of(items.get(i));
                e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
                c.edges.add(e);
            }
            return c;
        }
    }

    @Name("CounterNoticeEdge")
    @Description("One counter-notice of a page.")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @NonNull
        @Description("The counter-notice.")
        public CounterNoticeView node;
    }
}

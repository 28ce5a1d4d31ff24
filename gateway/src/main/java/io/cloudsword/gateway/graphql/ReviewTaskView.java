package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.complaint.v1.ReviewTask;

@Name("ReviewTask")
@Description("One entry of the reviewers' queue: a complaint to decide, or an appeal waiting for a decision.")
public class ReviewTaskView {
    static final String TYPE = "REVIEW_TASK_TYPE_";
    static final String TYPES = "NOTICE (a complaint) or APPEAL";

    @NonNull
    @Description(TYPES + ".")
    public String type;
    @Id
    @NonNull
    @Description("The complaint to decide, or the one the appeal is about; see complaint.")
    public String complaintId;
    @Id
    @Description("For APPEAL: the appeal to decide.")
    public String appealId;
    @Description("The complaint's kind: " + ComplaintView.KINDS + ".")
    public String kind;
    @NonNull
    @Description("Slug of the complaint's platform.")
    public String platform;
    @Description("Items still PENDING.")
    public int pendingItems;
    @Description("When the complaint (or appeal) was received.")
    public Instant receivedAt;
    @Description("Target time for the decision.")
    public Instant decisionDueAt;
    @Description("Token subject of the reviewer it is assigned to; null while unassigned.")
    public String assignedReviewer;
    @Description("For APPEAL: the reviewer of the appealed decision, who may not decide it.")
    public String excludedReviewer;

    static ReviewTaskView of(ReviewTask t) {
        ReviewTaskView v = new ReviewTaskView();
        v.type = Enums.name(t.getType(), TYPE);
        v.complaintId = t.getNoticeId();
        v.appealId = CodeVerificationView.blankToNull(t.getAppealId());
        v.kind = Enums.name(t.getKind(), ComplaintView.KIND);
        v.platform = t.getPlatform();
        v.pendingItems = t.getPendingItems();
        v.receivedAt = t.hasReceivedAt() ? Times.of(t.getReceivedAt()) : null;
        v.decisionDueAt = t.hasDecisionDueAt() ? Times.of(t.getDecisionDueAt()) : null;
        v.assignedReviewer = CodeVerificationView.blankToNull(t.getAssignedReviewer());
        v.excludedReviewer = CodeVerificationView.blankToNull(t.getExcludedReviewer());
        return v;
    }

    @Name("ReviewTaskConnection")
    @Description("A page of the review queue: trusted flaggers first, then rights owners, then consumer reports; "
            + "within each, earliest decisionDueAt first (Relay connection).")
    public static class Connection {
        @NonNull
        @Description("The tasks of this page, in queue order.")
        public List<@NonNull Edge> edges;
        @NonNull
        @Description("Where this page ends and whether another follows.")
        public PageInfoView pageInfo;

        static Connection of(List<ReviewTask> items, PageInfo page) {
            Connection c = new Connection();
            c.pageInfo = PageInfoView.of(page);
            c.edges = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Edge e = new Edge();
                e.node = ReviewTaskView.of(items.get(i));
                e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
                c.edges.add(e);
            }
            return c;
        }
    }

    @Name("ReviewTaskEdge")
    @Description("One task of a page.")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @NonNull
        @Description("The task.")
        public ReviewTaskView node;
    }
}

package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.complaint.v1.NoticeTransition;

@Name("ComplaintTransition")
@Description("One record of a complaint's append-only audit trail: a transition of the complaint, an item, a "
        + "counter-notice, a proof, an appeal or an acknowledged effect, with who, when and why. The records of a "
        + "complaint form a hash chain: hash = SHA-256(prevHash || the record's canonical bytes), hex; the first "
        + "record's prevHash is 64 zeros.")
public class NoticeTransitionView {
    static final String SUBJECT = "AUDIT_SUBJECT_";
    static final String SUBJECTS = "NOTICE, NOTICE_ITEM, COUNTER_NOTICE, LEGAL_ACTION_PROOF, APPEAL or EFFECT (an "
            + "outbox effect acknowledged: takedown applied, strike recorded)";

    @Id
    @NonNull
    @Description("The complaint.")
    public String complaintId;
    @Description("1, 2, 3, ... per complaint, without gaps.")
    public long sequence;
    @NonNull
    @Description("What the transition applies to: " + SUBJECTS + ".")
    public String subject;
    @Id
    @Description("Id of the item, counter-notice, proof or appeal; null for the complaint itself.")
    public String subjectId;
    @Description("State before, as the enums name it (e.g. ACCEPTED); null at creation.")
    public String fromState;
    @Description("State after, e.g. COUNTER_NOTICED.")
    public String toState;
    @Description("Who made it (a reviewer, the notifier, the seller's partner, a timer).")
    public ActorView actor;
    @Description("Why, in words.")
    public String reason;
    @NonNull
    @Description("Further facts of the record, sorted by key.")
    public List<CodeVerificationView.@NonNull DetailView> details;
    @NonNull
    @Description("When it happened.")
    public Instant occurredAt;
    @NonNull
    @Description("Hash of the previous record (64 hex digits).")
    public String prevHash;
    @NonNull
    @Description("This record's hash (64 hex digits).")
    public String hash;

    static NoticeTransitionView of(NoticeTransition t) {
        NoticeTransitionView v = new NoticeTransitionView();
        v.complaintId = t.getNoticeId();
        v.sequence = t.getSequence();
        v.subject = Enums.name(t.getSubject(), SUBJECT);
        v.subjectId = CodeVerificationView.blankToNull(t.getSubjectId());
        v.fromState = CodeVerificationView.blankToNull(t.getFromState());
        v.toState = CodeVerificationView.blankToNull(t.getToState());
        v.actor = ActorView.of(t.hasActor(), t.getActor());
        v.reason = CodeVerificationView.blankToNull(t.getReason());
        v.details = new TreeMap<>(t.getDetailsMap()).entrySet().stream()
                .map(e -> CodeVerificationView.DetailView.of(e.getKey(), e.getValue())).toList();
        v.occurredAt = Times.of(t.getOccurredAt());
        v.prevHash = t.getPrevHash();
        v.hash = t.getHash();
        return v;
    }

    @Name("ComplaintTransitionConnection")
    @Description("A page of a complaint's audit trail, oldest first (Relay connection).")
    public static class Connection {
        @NonNull
        @Description("The records of this page, oldest first.")
        public List<@NonNull Edge> edges;
        @NonNull
        @Description("Where this page ends and whether another follows.")
        public PageInfoView pageInfo;

        static Connection of(List<NoticeTransition> items, PageInfo page) {
            Connection c = new Connection();
            c.pageInfo = PageInfoView.of(page);
            c.edges = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Edge e = new Edge();
                e.node = NoticeTransitionView.of(items.get(i));
                e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
                c.edges.add(e);
            }
            return c;
        }
    }

    @Name("ComplaintTransitionEdge")
    @Description("One record of a page.")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @NonNull
        @Description("The record.")
        public NoticeTransitionView node;
    }
}

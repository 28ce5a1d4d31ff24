package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.listing.v1.ListingTransition;

@Name("ListingTransition")
@Description("One change of a listing's takedown state: who, when, why, and the statement of reasons given to the "
        + "seller.")
public class ListingTransitionView {
    @Id
    @NonNull
    @Description("The transition's id.")
    public String id;
    @Id
    @NonNull
    @Description("The listing that changed state.")
    public String listingId;
    @Description("The state before; null for the listing's first state.")
    public String fromState;
    @NonNull
    @Description("The state after: " + ListingView.STATES + ".")
    public String toState;
    @Description("Who caused it (a reviewer, complaint-service for a notice, listing-service's scoring, ...).")
    public ActorView actor;
    @NonNull
    @Description("Why, in words, e.g. \"score 87 above threshold 70\" or \"shop suspended after 3rd strike\".")
    public String reason;
    @Id
    @Description("The notice that caused it, if any.")
    public String noticeId;
    @Id
    @Description("The strike that caused it, if any.")
    public String strikeId;
    @Description("The statement of reasons given to the seller, for takedowns and restores; null otherwise.")
    public StatementOfReasonsView statement;
    @NonNull
    @Description("When it happened.")
    public Instant occurredAt;

    static ListingTransitionView of(ListingTransition t) {
        ListingTransitionView v = new ListingTransitionView();
        v.id = t.getId();
        v.listingId = t.getListingId();
        v.fromState = Enums.name(t.getFromState(), ListingView.STATE);
        v.toState = Enums.name(t.getToState(), ListingView.STATE);
        v.actor = ActorView.of(t.hasActor(), t.getActor());
        v.reason = t.getReason();
        v.noticeId = CodeVerificationView.blankToNull(t.getNoticeId());
        v.strikeId = CodeVerificationView.blankToNull(t.getStrikeId());
        v.statement = StatementOfReasonsView.of(t.hasStatement(), t.getStatement());
        v.occurredAt = Times.of(t.getOccurredAt());
        return v;
    }

    @Name("ListingTransitionConnection")
    @Description("A page of a listing's state transitions, oldest first (Relay connection).")
    public static class Connection {
        @NonNull
        @Description("The transitions of this page, oldest first.")
        public List<@NonNull Edge> edges;
        @NonNull
        @Description("Where this page ends and whether another follows.")
        public PageInfoView pageInfo;

        static Connection of(List<ListingTransition> items, PageInfo page) {
            Connection c = new Connection();
            c.pageInfo = PageInfoView.of(page);
            c.edges = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Edge e = new Edge();
                e.node = ListingTransitionView.of(items.get(i));
                e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
                c.edges.add(e);
            }
            return c;
        }
    }

    @Name("ListingTransitionEdge")
    @Description("One transition of a page.")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @NonNull
        @Description("The transition.")
        public ListingTransitionView node;
    }
}

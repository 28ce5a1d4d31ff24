package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.listing.v1.ShopEvent;

@Name("ShopEvent")
@Description("One entry of a shop's history: a strike added, expired or revoked, a warning, a suspension or a "
        + "reinstatement.")
public class ShopEventView {
    @Id
    @NonNull
    @Description("The event's id.")
    public String id;
    @NonNull
    @Description("Slug of the shop's platform.")
    public String platform;
    @NonNull
    @Description("The platform's id of the shop.")
    public String shopId;
    @NonNull
    @Description("STRIKE_ADDED, STRIKE_EXPIRED, STRIKE_REVOKED, WARNED, SUSPENDED or REINSTATED")
    public String type;
    @Id
    @Description("The strike the event is about, if any.")
    public String strikeId;
    @Id
    @Description("The notice behind it, if any.")
    public String noticeId;
    @Description("Live strikes of the shop after the event.")
    public int liveStrikesAfter;
    @Description("For SUSPENDED and REINSTATED: the listings taken down or restored with it; 0 otherwise.")
    public long listingsAffected;
    @Description("Who caused it; system actors for expiries.")
    public ActorView actor;
    @Description("Why, in words.")
    public String reason;
    @NonNull
    @Description("When it happened.")
    public Instant occurredAt;

    static ShopEventView of(ShopEvent e) {
        ShopEventView v = new ShopEventView();
        v.id = e.getId();
        v.platform = e.getShop().getPlatform();
        v.shopId = e.getShop().getShopId();
        v.type = Enums.name(e.getType(), "SHOP_EVENT_TYPE_");
        v.strikeId = CodeVerificationView.blankToNull(e.getStrikeId());
        v.noticeId = CodeVerificationView.blankToNull(e.getNoticeId());
        v.liveStrikesAfter = e.getLiveStrikesAfter();
        v.listingsAffected = e.getListingsAffected();
        v.actor = ActorView.of(e.hasActor(), e.getActor());
        v.reason = CodeVerificationView.blankToNull(e.getReason());
        v.occurredAt = Times.of(e.getOccurredAt());
        return v;
    }

    @Name("ShopEventConnection")
    @Description("A page of a shop's history, oldest first (Relay connection).")
    public static class Connection {
        @NonNull
        @Description("The events of this page, oldest first.")
        public List<@NonNull Edge> edges;
        @NonNull
        @Description("Where this page ends and whether another follows.")
        public PageInfoView pageInfo;

        static Connection of(List<ShopEvent> items, PageInfo page) {
            Connection c = new Connection();
            c.pageInfo = PageInfoView.of(page);
            c.edges = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Edge e = new Edge();
                e.node = ShopEventView.of(items.get(i));
                e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
                c.edges.add(e);
            }
            return c;
        }
    }

    @Name("ShopEventEdge")
    @Description("One event of a page.")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @NonNull
        @Description("The event.")
        public ShopEventView node;
    }
}

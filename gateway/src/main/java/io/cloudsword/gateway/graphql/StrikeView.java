package io.cloudsword.gateway.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.cloudsword.api.common.v1.PageInfo;
import io.cloudsword.api.listing.v1.Strike;

@Name("Strike")
@Description("A strike against a shop for an upheld notice. It is live for 365 days from issuedAt unless revoked.")
public class StrikeView {
    @Id
    @NonNull
    @Description("The strike's id.")
    public String id;
    @NonNull
    @Description("Slug of the shop's platform.")
    public String platform;
    @NonNull
    @Description("The platform's id of the shop.")
    public String shopId;
    @Id
    @NonNull
    @Description("The upheld notice the strike is for; with the shop its idempotency key.")
    public String noticeId;
    @Id
    @Description("The listing the notice was about, if one. See listing.")
    public String listingId;
    @Description("Why the strike was given.")
    public String reason;
    @NonNull
    @Description("When the notice was upheld; expiry counts from it.")
    public Instant issuedAt;
    @NonNull
    @Description("When the strike stops counting (issuedAt + 365 days by default).")
    public Instant expiresAt;
    @Description("When the strike was revoked (appeal granted, notice withdrawn); null if it was not.")
    public Instant revokedAt;
    @Description("Why it was revoked; null if it was not.")
    public String revokeReason;
    @Description("Neither expired nor revoked at the time of the answer.")
    public boolean live;

    static StrikeView of(Strike s) {
        StrikeView v = new StrikeView();
        v.id = s.getId();
        v.platform = s.getPlatform();
        v.shopId = s.getShopId();
        v.noticeId = s.getNoticeId();
        v.listingId = CodeVerificationView.blankToNull(s.getListingId());
        v.reason = CodeVerificationView.blankToNull(s.getReason());
        v.issuedAt = Times.of(s.getIssuedAt());
        v.expiresAt = Times.of(s.getExpiresAt());
        v.revokedAt = Times.ofOptional(s.hasRevokedAt(), s.getRevokedAt());
        v.revokeReason = CodeVerificationView.blankToNull(s.getRevokeReason());
        v.live = s.getLive();
        return v;
    }

    @Name("StrikeConnection")
    @Description("A page of a shop's strikes, newest first (Relay connection).")
    public static class Connection {
        @NonNull
        @Description("The strikes of this page, newest first.")
        public List<@NonNull Edge> edges;
        @NonNull
        @Description("Where this page ends and whether another follows.")
        public PageInfoView pageInfo;

        static Connection of(List<Strike> items, PageInfo page) {
            Connection c = new Connection();
            c.pageInfo = PageInfoView.of(page);
            c.edges = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Edge e = new Edge();
                e.node = StrikeView.of(items.get(i));
                e.cursor = i == items.size() - 1 ? c.pageInfo.endCursor : null;
                c.edges.add(e);
            }
            return c;
        }
    }

    @Name("StrikeEdge")
    @Description("One strike of a page.")
    public static class Edge {
        @Description(BrandConnection.CURSOR)
        public String cursor;
        @NonNull
        @Description("The strike.")
        public StrikeView node;
    }
}
